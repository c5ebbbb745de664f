/**
 * sidebar/rpc.ts over a fake google.script.run: typed promises, at most 10
 * calls in flight with the rest queued, readable failures.
 */
import { call, errorMessage, MAX_IN_FLIGHT, pending, RpcError } from '../../sidebar/rpc';

type Handler = (v: unknown) => void;
interface Pending {
  name: string;
  arg: unknown;
  ok: Handler;
  fail: Handler;
}

function installFakeRun(): { started: Pending[]; maxInFlight: () => number } {
  const started: Pending[] = [];
  let inFlight = 0;
  let max = 0;
  const runner = (ok: Handler, fail: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_t, name) {
          if (name === 'withSuccessHandler') return (f: Handler) => runner(f, fail);
          if (name === 'withFailureHandler') return (f: Handler) => runner(ok, f);
          return (arg: unknown) => {
            inFlight += 1;
            max = Math.max(max, inFlight);
            const done = (h: Handler) => (v: unknown) => {
              inFlight -= 1;
              h(v);
            };
            started.push({ name: String(name), arg, ok: done(ok), fail: done(fail) });
          };
        },
      },
    );
  (globalThis as unknown as { google: unknown }).google = {
    script: {
      run: runner(
        () => undefined,
        () => undefined,
      ),
    },
  };
  return { started, maxInFlight: () => max };
}

afterEach(() => {
  delete (globalThis as unknown as { google?: unknown }).google;
});

test('resolves with the server result and passes the request through', async () => {
  const fake = installFakeRun();
  const p = call('getCustomerCard', { customerId: 'C0001' });
  expect(fake.started).toHaveLength(1);
  expect(fake.started[0]).toMatchObject({ name: 'getCustomerCard', arg: { customerId: 'C0001' } });
  fake.started[0].ok({ customer: { id: 'C0001' } });
  await expect(p).resolves.toEqual({ customer: { id: 'C0001' } });
});

test('never more than 10 calls in flight; the rest wait and all finish', async () => {
  const fake = installFakeRun();
  const promises = Array.from({ length: 25 }, (_, i) => call('searchCustomers', { query: `q${i}` }));
  expect(MAX_IN_FLIGHT).toBe(10);
  expect(fake.started).toHaveLength(10);
  expect(pending()).toEqual({ inFlight: 10, queued: 15 });
  // Finish them out of order, as google.script.run may.
  let next = 0;
  while (next < fake.started.length) {
    const batch = fake.started.slice(next).reverse();
    next = fake.started.length;
    for (const job of batch) job.ok([(job.arg as { query: string }).query]);
  }
  const results = await Promise.all(promises);
  expect(results.map((r) => r[0])).toEqual(Array.from({ length: 25 }, (_, i) => `q${i}`));
  expect(fake.maxInFlight()).toBe(10);
  expect(pending()).toEqual({ inFlight: 0, queued: 0 });
});

test('a failure becomes an RpcError with a readable message, and frees its slot', async () => {
  const fake = installFakeRun();
  const p = call('saveSettings', { values: {} });
  fake.started[0].fail(new Error('Exception: Service invoked too many times in a short time: properties'));
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RpcError);
  expect((err as RpcError).message).toBe('Service invoked too many times in a short time: properties');
  expect((err as RpcError).fn).toBe('saveSettings');
  expect(pending().inFlight).toBe(0);
});

test('without google.script.run (page opened outside Sheets) the call fails instead of hanging', async () => {
  const err = await call('getSidebarData', {}).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RpcError);
  expect((err as RpcError).code).toBe('unavailable');
  expect(pending()).toEqual({ inFlight: 0, queued: 0 });
});

test('errorMessage reads strings, Errors and error-like objects', () => {
  expect(errorMessage('Exception: boom')).toBe('boom');
  expect(errorMessage({ message: 'ScriptError: quota' })).toBe('quota');
  expect(errorMessage(undefined)).toBe('');
});
