/**
 * Bounded keys (src/core/digest.ts; docs/platform.md, Limits and errors) and
 * capped cells (src/core/textCells.ts): what keeps user text within a
 * property, a header line, an extended property and a Sheets cell.
 */
import { createHash } from 'crypto';
import fc from 'fast-check';
import { boundKey, MAX_KEY, sha256Hex } from '../../src/core/digest';
import { purchaseKey } from '../../src/core/purchaseKey';
import { capNotes, cellValue, fitCell, MAX_CELL, MAX_NOTES } from '../../src/core/textCells';

describe('boundKey', () => {
  test('SHA-256 as Node computes it, for any text (lone surrogates as U+FFFD, as in UTF-8)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
    );
  });

  test('a key a person types stays as it is; a long one keeps its start and gets the digest of the whole', () => {
    expect(boundKey('C0001|2026-11-20|1200|Widget')).toBe('C0001|2026-11-20|1200|Widget');
    const long = `C0001|2026-11-20|1200|${'x'.repeat(50000)}`;
    const b = boundKey(long);
    expect(b).toBe(`${long.slice(0, 120)}~${createHash('sha256').update(long).digest('hex')}`);
    expect(b.length).toBeLessThanOrEqual(MAX_KEY);
    expect(boundKey(long.replace(/x$/, 'y'))).not.toBe(b);
  });

  test('never longer than 200 characters, never ends on half a surrogate pair, the same for the same key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const b = boundKey(s);
        expect(b.length).toBeLessThanOrEqual(Math.max(MAX_KEY, 185));
        expect(b).toBe(boundKey(s));
        expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(b)).toBe(false);
      }),
    );
  });

  test('purchase keys are bounded: a 50,000-character Product fits a property and a header line', () => {
    const key = purchaseKey('C0002', '2026-11-14', 8000, 'P'.repeat(50000));
    expect(key.length).toBeLessThanOrEqual(MAX_KEY);
    expect(key.startsWith('C0002|2026-11-14|8000|PPP')).toBe(true);
  });
});

describe('cells within what Sheets takes', () => {
  const more = (n: number) => `... and ${n} more problems: see Retain log`;

  test('short notes are kept; long ones keep whole problems and say how many are left', () => {
    expect(capNotes('a; b', more)).toEqual({ text: 'a; b', left: 0 });
    const problems = Array.from({ length: 400 }, (_, i) => `Contact log row ${i + 2}: Date "2026-13-01" is not a date`);
    const c = capNotes(problems.join('; '), more);
    expect(c.text.length).toBeLessThanOrEqual(MAX_NOTES);
    const kept = c.text.split('; ');
    expect(kept[kept.length - 1]).toBe(more(c.left));
    expect(kept.slice(0, -1)).toEqual(problems.slice(0, kept.length - 1));
    expect(kept.length - 1 + c.left).toBe(400);
  });

  test('one problem longer than the cap is cut', () => {
    const c = capNotes('x'.repeat(5000), more);
    expect(c.text.length).toBeLessThanOrEqual(MAX_NOTES);
    expect(c.text.endsWith('…')).toBe(true);
  });

  test('no string handed to setValues is longer than a cell holds', () => {
    expect((cellValue('y'.repeat(60000), '') as string).length).toBe(MAX_CELL);
    expect((cellValue({ text: '=' + 'y'.repeat(60000) }, '') as string).length).toBe(MAX_CELL);
    expect(fitCell('short')).toBe('short');
  });
});
