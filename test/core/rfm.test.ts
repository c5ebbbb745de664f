import fc from 'fast-check';
import type { CellContext } from '../../src/core/customArgs';
import { quintileScores, rfmScores, segmentOf, SEGMENT_NAMES, SEGMENT_SCORES, type Segment } from '../../src/core/rfm';
import { retainRfm } from '../../src/core/rfmFunction';

const ctx = (lang: 'en' | 'zh' = 'en', today = '2026-11-16'): CellContext => ({
  lang,
  today: () => today,
  toCalDate: (d: Date) => d.toISOString().slice(0, 10),
});
const col = (...cells: unknown[]) => cells.map((c) => [c]);

describe('the segment table', () => {
  it('gives every one of the 125 scores exactly one segment', () => {
    const seen = new Map<number, Segment[]>();
    for (const [segment, scores] of Object.entries(SEGMENT_SCORES) as Array<[Segment, number[]]>) {
      for (const s of scores) seen.set(s, [...(seen.get(s) ?? []), segment]);
    }
    const all: number[] = [];
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) all.push(r * 100 + f * 10 + m);
    expect([...seen.keys()].sort()).toEqual(all.sort());
    for (const [score, segments] of seen) expect([score, segments.length]).toEqual([score, 1]);
    expect(Object.keys(SEGMENT_SCORES)).toHaveLength(11);
  });

  it('names the corners as the table does', () => {
    expect(segmentOf(5, 5, 5)).toBe('champions');
    expect(segmentOf(1, 1, 1)).toBe('lost');
    expect(segmentOf(5, 1, 1)).toBe('new');
    expect(segmentOf(1, 5, 5)).toBe('cantLose');
    expect(segmentOf(2, 5, 5)).toBe('atRisk');
    expect(segmentOf(3, 3, 3)).toBe('potentialLoyalist');
    expect(segmentOf(2, 3, 1)).toBe('aboutToSleep');
    expect(segmentOf(2, 2, 2)).toBe('hibernating');
    expect(() => segmentOf(0, 5, 5)).toThrow(/1-5/);
  });

  it('has English and Chinese names for all 11', () => {
    expect(Object.values(SEGMENT_NAMES).map((n) => n.en)).toEqual([
      'Champions',
      'Loyal',
      'Potential loyalist',
      'New',
      'Promising',
      'Needs attention',
      'About to sleep',
      'At risk',
      "Can't lose them",
      'Hibernating',
      'Lost',
    ]);
    for (const n of Object.values(SEGMENT_NAMES)) expect(n.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('quintile scores', () => {
  it('put each fifth of ten distinct values in its own score', () => {
    const xs = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(quintileScores(xs, true)).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
    // Recency is reversed: fewer days is better.
    expect(quintileScores(xs, false)).toEqual([1, 5, 1, 5, 2, 4, 2, 4, 3, 3]);
  });

  it('let ties share the score of the first of them', () => {
    // Six of ten bought once: all score 1; 2 purchases has 6 below: 1 + floor(30 / 10) = 4.
    expect(quintileScores([1, 1, 1, 1, 1, 1, 2, 2, 3, 9], true)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(quintileScores([7, 7, 7], true)).toEqual([1, 1, 1]);
    expect(quintileScores([7, 7, 7], false)).toEqual([1, 1, 1]);
    expect(quintileScores([null, 3, null], true)).toEqual([null, 1, null]);
  });

  it('match the definition on random columns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 20 }), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (xs, up) => {
          const got = quintileScores(xs, up);
          xs.forEach((x, i) => {
            const below = xs.filter((y) => (up ? y < x : y > x)).length;
            expect(got[i]).toBe(1 + Math.floor((5 * below) / xs.length));
          });
        },
      ),
    );
  });

  it('score only customers with all three values', () => {
    const out = rfmScores([1, 2, null], [5, 5, 5], [10, 20, 30]);
    expect(out[2]).toBeNull();
    // Two customers: the better one has 1 of 2 below it, 1 + floor(5 / 2) = 3.
    expect(out[0]).toEqual({ r: 3, f: 1, m: 1, segment: 'new' });
    expect(out[1]).toEqual({ r: 1, f: 1, m: 3, segment: 'cantLose' });
  });
});

describe('RETAIN_RFM', () => {
  const recency = col(5, 10, 40, 90, 400, '', 'abc', 30);
  const frequency = col(12, 8, 3, 2, 1, '', 4, '');
  const monetary = col(9000, 5000, 1200, '800', 100, '', 50, 70);

  it('answers R, F, M and the segment per row, blank rows blank, bad rows named', () => {
    const out = retainRfm(recency, frequency, monetary, ctx());
    expect(out).toEqual([
      [5, 5, 5, 'Champions'],
      [4, 4, 4, 'Loyal'],
      [3, 3, 3, 'Potential loyalist'],
      [2, 2, 2, 'Hibernating'],
      [1, 1, 1, 'Lost'],
      ['', '', '', ''],
      ['#VALUE: recency_days "abc" is not a number', '', '', ''],
      ['#VALUE: frequency is blank', '', '', ''],
    ]);
  });

  it('speaks Chinese in a Chinese spreadsheet', () => {
    const out = retainRfm(recency, frequency, monetary, ctx('zh'));
    expect(out[0][3]).toBe('冠军客户');
    expect(out[7][0]).toBe('#VALUE: frequency为空');
  });

  it('takes the last purchase date for recency, counted to today', () => {
    const out = retainRfm(
      col(new Date('2026-11-11T00:00:00Z'), '2026-11-06', 40, '2026-12-01', -3),
      col(5, 5, 5, 5, 5),
      col(1, 1, 1, 1, 1),
      ctx('en', '2026-11-16'),
    );
    // 5, 10 and 40 days since, among three scored: 1 + floor(5 × worse / 3).
    expect(out.slice(0, 3).map((r) => r[0])).toEqual([4, 2, 1]);
    expect(out[3][0]).toBe('#VALUE: recency_days 2026-12-01 is after today');
    expect(out[4][0]).toBe('#VALUE: recency_days -3 is below 0');
  });

  it('answers in a row for rows', () => {
    const out = retainRfm([[1, 100]], [[3, 1]], [[50, 5]], ctx());
    expect(out).toEqual([
      [3, 1],
      [3, 1],
      [3, 1],
      ['Potential loyalist', 'Lost'],
    ]);
  });

  it('tells the user to pass whole columns that line up', () => {
    expect(() => retainRfm(5, col(1), col(1), ctx())).toThrow(
      'RETAIN_RFM: recency_days must be the whole column, e.g. =RETAIN_RFM(H2:H, I2:I, J2:J) — got a single value',
    );
    expect(() => retainRfm(col(1, 2), col(1), col(1, 2), ctx())).toThrow(
      'RETAIN_RFM: frequency (1 cells) must line up with recency_days (2 cells)',
    );
    expect(() =>
      retainRfm(
        [
          [1, 2],
          [3, 4],
        ],
        col(1, 2),
        col(1, 2),
        ctx(),
      ),
    ).toThrow(/one column or one row/);
  });
});
