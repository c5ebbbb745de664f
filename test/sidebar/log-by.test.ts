/**
 * The Contact log's `By` for a contact logged from the sidebar, in the built
 * bundle: what the form sends, else the user's own address; never more than
 * one short line (it is compared with the managers setting).
 */
import { loadBundle } from '../helpers/bundle';
import { browserWorkbook } from '../browser/harness';

function save(extra: Record<string, unknown>, locale = 'en') {
  const emu = loadBundle({ locale }, browserWorkbook());
  const res = emu.invoke('logContact', {
    customerIds: ['C0001'],
    date: '2026-11-16',
    type: 'Call',
    outcome: '',
    notes: '',
    nextStep: '',
    nextStepDate: '',
    complaintSize: '',
    resolvedOn: '',
    ...extra,
  }) as { ok: boolean; errors?: Record<string, string> };
  const [header, ...rows] = emu.sheetValues('Contact log') as unknown[][];
  const by = rows.length > 1 ? rows[rows.length - 1][header.indexOf('By')] : undefined;
  return { res, by, rows: rows.length };
}

test('no By from the form: the user’s address', () => {
  expect(save({}).by).toBe('rep@example.com');
  expect(save({ by: '' }).by).toBe('rep@example.com');
  expect(save({ by: '   ' }).by).toBe('rep@example.com');
});

test('the By the form sends, trimmed, stored as text', () => {
  expect(save({ by: ' Ann Lee ' }).by).toBe('Ann Lee');
  expect(save({ by: '=HYPERLINK("x")' }).by).toBe('=HYPERLINK("x")');
});

test('a By that is not one short line is refused with a message at By, in the user’s language, and nothing is written', () => {
  for (const by of ['Ann\nBcc: x@y.example', 'x'.repeat(201), 42, ['Ann']]) {
    const r = save({ by });
    expect(r.res.ok).toBe(false);
    expect(r.res.errors?.by).toBe('By: at most 200 characters on one line.');
    expect(r.rows).toBe(1);
  }
  expect(save({ by: 'a\u0000b' }, 'zh-CN').res.errors?.by).toBe('记录人：最多 200 个字符，且只能一行。');
});
