/**
 * RFM: recency, frequency and monetary scores from 1 to 5, and the segment
 * each combination belongs to (docs/rules.md, Win-back; the RETAIN_RFM custom
 * function, docs/platform.md, Custom functions).
 *
 * Scores are quintiles over the customers scored: a value's score is
 * 1 + floor(5 × below / n), where n is the number of customers with a value
 * and below the number whose value is strictly worse (for recency: more days
 * since the last purchase; for frequency and monetary: less). So the best
 * fifth scores 5 and the worst fifth 1, ties share a score (the one of the
 * first of them), and the integer arithmetic needs no rounding. Where many
 * customers tie (most bought once), they all get the low score and the next
 * value up jumps: that is what the quintiles of such a column are.
 *
 * The segments: the widely reproduced table of the 125 R-F-M scores in 11
 * segments (Champions ... Lost), as published for example in SkyPoint Cloud's
 * documentation, "Exploring RFM model" (RFM segment / Scores table), and in
 * many RFM tutorials that copy it. Copies differ in one place: 231, 241 and 251
 * are listed under both About to sleep and Hibernating; here they are About to
 * sleep only (listed there first, and it keeps the table a partition: every
 * score has exactly one segment, test/core/rfm.test.ts checks it). It was
 * chosen over the rfm R package's score ranges (which overlap and leave
 * combinations unnamed) and the R×F-only map (which has no Lost segment and
 * ignores monetary).
 */
import type { Msg } from './i18n';

export type Segment =
  | 'champions'
  | 'loyal'
  | 'potentialLoyalist'
  | 'new'
  | 'promising'
  | 'needsAttention'
  | 'aboutToSleep'
  | 'atRisk'
  | 'cantLose'
  | 'hibernating'
  | 'lost';

export const SEGMENT_NAMES: Readonly<Record<Segment, Msg>> = {
  champions: { en: 'Champions', zh: '冠军客户' },
  loyal: { en: 'Loyal', zh: '忠诚客户' },
  potentialLoyalist: { en: 'Potential loyalist', zh: '潜在忠诚客户' },
  new: { en: 'New', zh: '新客户' },
  promising: { en: 'Promising', zh: '有潜力客户' },
  needsAttention: { en: 'Needs attention', zh: '需要关注' },
  aboutToSleep: { en: 'About to sleep', zh: '即将沉睡' },
  atRisk: { en: 'At risk', zh: '有流失风险' },
  cantLose: { en: "Can't lose them", zh: '不能失去' },
  hibernating: { en: 'Hibernating', zh: '沉睡客户' },
  lost: { en: 'Lost', zh: '已流失' },
};

/** The published table: each segment's R-F-M scores. */
export const SEGMENT_SCORES: Readonly<Record<Segment, readonly number[]>> = {
  champions: [555, 554, 544, 545, 454, 455, 445],
  loyal: [543, 444, 435, 355, 354, 345, 344, 335],
  potentialLoyalist: [
    553, 551, 552, 541, 542, 533, 532, 531, 452, 451, 442, 441, 431, 453, 433, 432, 423, 353, 352, 351, 342, 341, 333,
    323,
  ],
  new: [512, 511, 422, 421, 412, 411, 311],
  promising: [525, 524, 523, 522, 521, 515, 514, 513, 425, 424, 413, 414, 415, 315, 314, 313],
  needsAttention: [535, 534, 443, 434, 343, 334, 325, 324],
  aboutToSleep: [331, 321, 312, 221, 213, 231, 241, 251],
  atRisk: [
    255, 254, 245, 244, 253, 252, 243, 242, 235, 234, 225, 224, 153, 152, 145, 143, 142, 135, 134, 133, 125, 124,
  ],
  cantLose: [155, 154, 144, 214, 215, 115, 114, 113],
  hibernating: [332, 322, 233, 232, 223, 222, 132, 123, 122, 212, 211],
  lost: [111, 112, 121, 131, 141, 151],
};

const BY_SCORE = new Map<number, Segment>();
for (const [segment, scores] of Object.entries(SEGMENT_SCORES) as Array<[Segment, readonly number[]]>) {
  for (const s of scores) BY_SCORE.set(s, segment);
}

/** The segment of scores r, f, m (each 1-5). */
export function segmentOf(r: number, f: number, m: number): Segment {
  const s = BY_SCORE.get(r * 100 + f * 10 + m);
  if (s === undefined) throw new Error(`RFM scores must be 1-5, got ${r}, ${f}, ${m}`);
  return s;
}

/**
 * Quintile scores of `values` (null: not scored, stays null). `higherIsBetter`
 * false for recency (fewer days since the last purchase is better).
 */
export function quintileScores(values: ReadonlyArray<number | null>, higherIsBetter: boolean): Array<number | null> {
  let n = 0;
  for (const v of values) if (v !== null) n++;
  const sorted = new Float64Array(n);
  let k = 0;
  for (const v of values) if (v !== null) sorted[k++] = v;
  sorted.sort();
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) {
      out[i] = null;
      continue;
    }
    // below: values strictly worse. sorted is ascending: strictly less = first index of v;
    // strictly greater = n - (index after the last v).
    const below = higherIsBetter ? lowerBound(sorted, v) : n - upperBound(sorted, v);
    out[i] = 1 + Math.floor((5 * below) / n);
  }
  return out;
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  segment: Segment;
}

/**
 * R, F and M scores and the segment of each customer; a customer with any of
 * the three null is not scored (null), and counts in no quintile.
 */
export function rfmScores(
  recencyDays: ReadonlyArray<number | null>,
  frequency: ReadonlyArray<number | null>,
  monetary: ReadonlyArray<number | null>,
): Array<RfmScore | null> {
  const n = recencyDays.length;
  if (frequency.length !== n || monetary.length !== n) throw new Error('rfmScores: the three columns differ in length');
  const complete = (i: number) => recencyDays[i] !== null && frequency[i] !== null && monetary[i] !== null;
  const only = (xs: ReadonlyArray<number | null>) => xs.map((x, i) => (complete(i) ? x : null));
  const r = quintileScores(only(recencyDays), false);
  const f = quintileScores(only(frequency), true);
  const m = quintileScores(only(monetary), true);
  const out = new Array<RfmScore | null>(n);
  for (let i = 0; i < n; i++) {
    const ri = r[i];
    const fi = f[i];
    const mi = m[i];
    out[i] = ri === null || fi === null || mi === null ? null : { r: ri, f: fi, m: mi, segment: segmentOf(ri, fi, mi) };
  }
  return out;
}
