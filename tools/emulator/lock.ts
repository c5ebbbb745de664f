/**
 * LockService. Executions in the emulator run one after another, so "another
 * process holds the lock" is either a lock an earlier execution kept (Apps
 * Script releases every lock when its execution ends, so the emulator does
 * too) or a phantom holder set by a test with emu.locks.holdDocumentLock().
 * Waiting costs fake time: tryLock(ms) that fails advances the clock by ms.
 *
 * An execution that ran beside another one (the trigger clock runs it from
 * inside the first, then puts the clock back to the first one's time) holds
 * its locks until the fake time it ended: the first execution then waits
 * for them, or gives up, as it would on the platform.
 */
import { FakeObject, instrument, type Env } from './runtime';

const PHANTOM = -1;

export class LockTable {
  private holders = new Map<string, number>();
  /** Locks of executions that ran beside the current one, held until that fake time. */
  private timed = new Map<string, number>();

  /** The execution holding the lock now (PHANTOM for a test's holder, -2 for a parallel execution's), if any. */
  holder(key: string, now: number): number | undefined {
    const until = this.timed.get(key);
    if (until !== undefined) {
      if (now < until) return -2;
      this.timed.delete(key);
    }
    return this.holders.get(key);
  }
  /** When a parallel execution's hold on the lock ends (undefined if it is not held that way). */
  heldUntil(key: string): number | undefined {
    return this.timed.get(key);
  }
  take(key: string, exec: number): void {
    this.holders.set(key, exec);
  }
  release(key: string, exec: number): void {
    if (this.holders.get(key) === exec) this.holders.delete(key);
  }
  /** A parallel execution released the lock at fake time `until` (see releaseExecutionAt). */
  releaseAt(key: string, exec: number, until: number): void {
    if (this.holders.get(key) !== exec) return;
    this.holders.delete(key);
    this.timed.set(key, Math.max(until, this.timed.get(key) ?? 0));
  }
  /** Apps Script releases an execution's locks when it ends. */
  releaseExecution(exec: number): void {
    for (const [k, v] of this.holders) if (v === exec) this.holders.delete(k);
  }
  /** The execution ran beside another one and ended at fake time `until`: its locks stay held until then. */
  releaseExecutionAt(exec: number, until: number): void {
    for (const [k, v] of this.holders) {
      if (v !== exec) continue;
      this.holders.delete(k);
      this.timed.set(k, Math.max(until, this.timed.get(k) ?? 0));
    }
  }
  holdPhantom(key: string): void {
    this.holders.set(key, PHANTOM);
  }
  releasePhantom(key: string): void {
    if (this.holders.get(key) === PHANTOM) this.holders.delete(key);
  }
}

export class FakeLock extends FakeObject {
  protected get _kind() {
    return 'Lock';
  }
  private has = false;
  constructor(
    env: Env,
    private readonly table: LockTable,
    private readonly key: string,
  ) {
    super(env);
  }
  private _acquire(): boolean {
    const h = this.table.holder(this.key, this.env.clock.ms());
    const me = this.env.exec.id;
    if (h === undefined || h === me) {
      this.table.take(this.key, me);
      this.has = true;
      return true;
    }
    return false;
  }
  private _timeout(ms: unknown): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms))
      throw this.env.exception(
        `The parameters (${typeof ms}) don't match the method signature for LockService.Lock.tryLock.`,
      );
    if (ms < 0) throw this.env.exception('Invalid argument: timeoutInMillis');
    return ms;
  }
  /** Waits up to ms for the lock: a parallel execution's hold that ends in time is waited out. */
  private _wait(ms: number): boolean {
    if (this._acquire()) return true;
    const until = this.table.heldUntil(this.key);
    const now = this.env.clock.ms();
    if (until !== undefined && until - now <= ms) {
      this.env.clock.set(until);
      if (this._acquire()) return true;
    }
    this.env.clock.set(now + ms);
    return false;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._wait(this._timeout(timeoutInMillis));
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._wait(this._timeout(timeoutInMillis)))
      throw this.env.exception('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.has) {
      const ex = this.env.exec;
      if (ex.parallel) this.table.releaseAt(this.key, ex.id, this.env.clock.ms());
      else this.table.release(this.key, ex.id);
    }
    this.has = false;
  }
  hasLock(): boolean {
    return this.has && this.table.holder(this.key, this.env.clock.ms()) === this.env.exec.id;
  }
}
instrument(FakeLock, 'LockService', 'Lock', 'lock');

export class LockServiceFake extends FakeObject {
  protected get _kind() {
    return 'LockService';
  }
  constructor(
    env: Env,
    private readonly table: LockTable,
    private readonly documentId: () => string | null,
  ) {
    super(env);
  }
  /** Null when the script is not bound to a document; Retain's script is bound, so a trigger execution gets one too. */
  getDocumentLock(): FakeLock | null {
    const id = this.documentId();
    return id === null ? null : new FakeLock(this.env, this.table, `document:${id}`);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this.env, this.table, 'script');
  }
  getUserLock(): FakeLock {
    return new FakeLock(this.env, this.table, `user:${this.env.user}`);
  }
}
instrument(LockServiceFake, 'LockService', '', 'lock');
