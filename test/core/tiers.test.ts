import fc from 'fast-check';
import { assignTiers, DEFAULT_CUTOFFS, retainTier, type TierMethod } from '../../src/core/tiers';
import type { Tier } from '../../src/core/model';

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const flat = (out: string[][]) => out.map((r) => r[0]);

// ------------------------------------------------------------------ a naive reference

/** x as an exact fraction n / 10^k from the digits it prints as (independent of the implementation). */
function exact(x: number): { n: bigint; k: number } {
  const [mant, expPart] = String(x).split('e');
  const exp = expPart === undefined ? 0 : Number(expPart);
  const [int, frac = ''] = mant.split('.');
  let n = BigInt(int + frac);
  let k = frac.length - exp;
  if (k < 0) {
    n *= BigInt(10) ** BigInt(-k);
    k = 0;
  }
  return { n, k };
}

/** p/10^pk < q/10^qk */
function lessThan(p: { n: bigint; k: number }, q: { n: bigint; k: number }): boolean {
  const k = Math.max(p.k, q.k);
  return p.n * BigInt(10) ** BigInt(k - p.k) < q.n * BigInt(10) ** BigInt(k - q.k);
}

function times(p: { n: bigint; k: number }, q: { n: bigint; k: number }) {
  return { n: p.n * q.n, k: p.k + q.k };
}

function plus(p: { n: bigint; k: number }, q: { n: bigint; k: number }) {
  const k = Math.max(p.k, q.k);
  return { n: p.n * BigInt(10) ** BigInt(k - p.k) + q.n * BigInt(10) ** BigInt(k - q.k), k };
}

/** The tier rule (docs/rules.md, Tiers) read literally, O(n²). */
function naiveTiers(revenues: Array<number | null>, [a, b]: [number, number], method: TierMethod): Array<Tier | null> {
  const pos = revenues.filter((r): r is number => r !== null && r > 0);
  const zero = { n: BigInt(0), k: 0 };
  const T = pos.reduce((s, r) => plus(s, exact(r)), zero);
  return revenues.map((r) => {
    if (r === null) return null;
    if (r <= 0) return 'C';
    if (method === 'revenue') {
      const before = pos.filter((x) => x > r).reduce((s, x) => plus(s, exact(x)), zero);
      if (lessThan(before, times(exact(a), T))) return 'A';
      if (lessThan(before, times(exact(b), T))) return 'B';
      return 'C';
    }
    const ahead = { n: BigInt(pos.filter((x) => x > r).length), k: 0 };
    const P = { n: BigInt(pos.length), k: 0 };
    if (lessThan(ahead, times(exact(a), P))) return 'A';
    if (lessThan(ahead, times(exact(b), P))) return 'B';
    return 'C';
  });
}

// ------------------------------------------------------------------ assignTiers

describe('assignTiers, revenue method', () => {
  const R = (xs: Array<number | null>, cut: [number, number] = [0.8, 0.95]) => assignTiers(xs, cut, 'revenue');

  it('puts a customer exactly at a line in the lower tier, and the crossing customer in the higher', () => {
    // T = 100; 30 crosses 80 (before 50) and stays A; 20 has before = 80 = 0.8·T: B.
    expect(R([50, 30, 20])).toEqual(['A', 'A', 'B']);
    // 5 has before = 95 = 0.95·T: C.
    expect(R([50, 30, 15, 5])).toEqual(['A', 'A', 'B', 'C']);
    expect(R([20, 50, 30])).toEqual(['B', 'A', 'A']);
  });

  it('is exact where floating point is not', () => {
    // 0.7 + 0.2 is 0.8999999999999999 in floating point; as written it is 0.9 = 0.9 · 1.0.
    expect(R([0.7, 0.2, 0.1], [0.9, 0.95])).toEqual(['A', 'A', 'B']);
    // before(0.2) = 0.4 + 0.3 = 0.7 and before(0.1) = 0.9: both exactly on a line.
    expect(R([0.1, 0.2, 0.3, 0.4], [0.7, 0.9])).toEqual(['C', 'B', 'A', 'A']);
    // before(0.1) = 0.9 < 0.9000000000000001 · 1: still A.
    expect(R([0.7, 0.2, 0.1], [0.9000000000000001, 0.95])).toEqual(['A', 'A', 'A']);
    // A line a hair below the sum: B.
    expect(R([0.7, 0.2, 0.1], [0.8999999999999999, 0.95])).toEqual(['A', 'A', 'B']);
  });

  it('tells apart revenues too close for an epsilon', () => {
    // T = 20,000,000,000.03; 0.5·T = 10,000,000,000.015; before(last) = 10,000,000,000.02.
    expect(R([10000000000.02, 10000000000, 0.01], [0.5, 0.9])).toEqual(['A', 'B', 'C']);
    // Swap a cent: before(10,000,000,000) = 10,000,000,000.01 < 10,000,000,000.015: A.
    expect(R([10000000000.01, 10000000000, 0.02], [0.5, 0.9])).toEqual(['A', 'A', 'C']);
  });

  it('gives ties one tier, at each line', () => {
    // Three share the top: before = 0 for all of them.
    expect(R([30, 30, 30, 10])).toEqual(['A', 'A', 'A', 'B']);
    // Ties just after the A line: before = 80 for both.
    expect(R([80, 10, 10])).toEqual(['A', 'B', 'B']);
    // Ties at the B line: before = 95 for both: C.
    expect(R([95, 2.5, 2.5])).toEqual(['A', 'C', 'C']);
    // Ties that straddle the A line: before = 70 < 80 for both, although together they reach 90.
    expect(R([70, 10, 10, 10])).toEqual(['A', 'A', 'A', 'A']);
  });

  it('puts everyone in A when all are equal, and a single customer in A', () => {
    expect(R([5, 5, 5, 5])).toEqual(['A', 'A', 'A', 'A']);
    expect(R([1])).toEqual(['A']);
    expect(R([0.01])).toEqual(['A']);
  });

  it('makes the top customer A even when it alone is over every line', () => {
    // T = 1002: before(1) = 1000 >= 0.95·T = 951.9.
    expect(R([1000, 1, 1])).toEqual(['A', 'C', 'C']);
    expect(R([1e6, 1], [0.1, 0.2])).toEqual(['A', 'C']);
  });

  it('puts zero and negative revenue in C, outside T', () => {
    expect(R([100, 0, -50])).toEqual(['A', 'C', 'C']);
    // A refund does not shrink T: 20 has before 80 of T = 100.
    expect(R([50, 30, 20, -1000])).toEqual(['A', 'A', 'B', 'C']);
    expect(R([0, 0, 0])).toEqual(['C', 'C', 'C']);
    expect(R([-1, -2])).toEqual(['C', 'C']);
    expect(R([-0])).toEqual(['C']);
  });

  it('keeps nulls as nulls and out of T', () => {
    expect(R([null, 50, null, 30, 20, null])).toEqual([null, 'A', null, 'A', 'B', null]);
    expect(R([null, null])).toEqual([null, null]);
    expect(R([])).toEqual([]);
  });

  it('handles b = 1 and tiny and huge revenues', () => {
    expect(R([50, 30, 20], [0.5, 1])).toEqual(['A', 'B', 'B']);
    expect(R([1e-7, 3e-7, 6e-7])).toEqual(['B', 'A', 'A']);
    expect(R([6e21, 3e21, 1e21])).toEqual(['A', 'A', 'B']);
    expect(R([Number.MAX_SAFE_INTEGER, 1, 0.5])).toEqual(['A', 'C', 'C']);
    expect(R([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 0.5])).toEqual(['A', 'A', 'C']);
  });

  it('refuses bad cut-offs and non-finite revenues', () => {
    expect(() => R([1], [0.9, 0.8])).toThrow(/0 < a < b <= 1/);
    expect(() => R([1], [0, 0.5])).toThrow(/0 < a < b <= 1/);
    expect(() => R([1], [0.5, 1.2])).toThrow(/0 < a < b <= 1/);
    expect(() => R([1], [NaN, 0.5])).toThrow(/0 < a < b <= 1/);
    expect(() => R([1, NaN])).toThrow(/index 1/);
    expect(() => R([Infinity])).toThrow(/not a finite number/);
    expect(() => assignTiers([1], [0.2, 0.5], 'rank' as TierMethod)).toThrow(/Unknown tier method/);
  });
});

describe('assignTiers, count method', () => {
  const C = (xs: Array<number | null>, cut: [number, number] = [0.2, 0.5]) => assignTiers(xs, cut, 'count');

  it('ranks by revenue; a customer exactly at a line is in the lower tier', () => {
    // 10 customers: ahead 0, 1 -> A; ahead 2 (2/10 = 0.2) -> B; ahead 5 (0.5) -> C.
    expect(C([100, 90, 80, 70, 60, 50, 40, 30, 20, 10])).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
  });

  it('gives ties the better rank', () => {
    // Four tied at the top: none has anyone ahead.
    expect(C([5, 5, 5, 5, 1])).toEqual(['A', 'A', 'A', 'A', 'C']);
    // Ahead of the 80s is 1 customer (1/10 < 0.2): all three are A; 4 ahead of 60 (0.4): B.
    expect(C([100, 80, 80, 80, 60, 50, 40, 30, 20, 10])).toEqual(['A', 'A', 'A', 'A', 'B', 'C', 'C', 'C', 'C', 'C']);
    // Ties at the B line: 5 ahead of 50s (5/10 = 0.5): C.
    expect(C([100, 90, 80, 70, 60, 50, 50, 50, 50, 50])).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
  });

  it('counts only positive customers', () => {
    // P = 5; 0 and -3 are C and do not count.
    expect(C([50, 40, 0, 30, -3, 20, 10])).toEqual(['A', 'B', 'C', 'B', 'C', 'C', 'C']);
    expect(C([0, null, -1])).toEqual(['C', null, 'C']);
  });

  it('makes a single customer A', () => {
    expect(C([7])).toEqual(['A']);
  });
});

describe('assignTiers against the naive reference', () => {
  const cutoffPair = fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 100 }))
    .filter(([a, b]) => a < b)
    .map(([a, b]) => [a / 100, b / 100] as [number, number]);
  const method = fc.constantFrom<TierMethod>('revenue', 'count');

  it('agrees on amounts in cents with ties, blanks, zeros and refunds', () => {
    const cents = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -500, max: 500 }).map((c) => c / 100),
      fc.constantFrom(5, 10, 20, 30, 50, 100),
      fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
    );
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 40 }), cutoffPair, method, (xs, cut, m) => {
        expect(assignTiers(xs, cut, m)).toEqual(naiveTiers(xs, cut, m));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on arbitrary doubles and cut-offs', () => {
    const revenue = fc.oneof(
      fc.constant(null),
      fc.double({ min: -1e6, max: 1e12, noNaN: true }),
      fc.constantFrom(0.1, 0.2, 0.3, 0.7, 1e-7, 3e21),
    );
    const cut = fc
      .tuple(fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }))
      .filter(([a, b]) => a < b);
    fc.assert(
      fc.property(fc.array(revenue, { maxLength: 30 }), cut, method, (xs, c, m) => {
        expect(assignTiers(xs, c, m)).toEqual(naiveTiers(xs, c, m));
      }),
      { numRuns: 300 },
    );
  });

  it('never gives a higher revenue a lower tier', () => {
    const rank = { A: 0, B: 1, C: 2 } as const;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10, max: 1000 }), { minLength: 1, maxLength: 50 }),
        cutoffPair,
        method,
        (xs, cut, m) => {
          const t = assignTiers(xs, cut, m);
          for (let i = 0; i < xs.length; i++) {
            for (let j = 0; j < xs.length; j++)
              if (xs[i] > xs[j]) expect(rank[t[i] as Tier]).toBeLessThanOrEqual(rank[t[j] as Tier]);
          }
          const top = Math.max(...xs);
          if (top > 0) expect(t[xs.indexOf(top)]).toBe('A');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('100,000 customers', () => {
  /** Deterministic pseudo-random amounts in cents. */
  function amounts(n: number, seed: number): number[] {
    let s = seed;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      out.push((s % 5_000_000) / 100 - 100);
    }
    return out;
  }

  /** The definition checked per customer in O(n log n), in whole cents. */
  function checkDefinition(xs: number[], tiers: Array<Tier | null>, [a, b]: [number, number]) {
    const cents = xs.map((x) => Math.round(x * 100));
    const pos = cents.filter((c) => c > 0).sort((p, q) => q - p);
    const T = pos.reduce((s, c) => s + c, 0);
    const before = new Map<number, number>();
    let run = 0;
    for (let i = 0; i < pos.length; i++) {
      if (!before.has(pos[i])) before.set(pos[i], run);
      run += pos[i];
    }
    const A = Math.round(a * 100);
    const B = Math.round(b * 100);
    cents.forEach((c, i) => {
      const want =
        c <= 0
          ? 'C'
          : (before.get(c) as number) * 100 < A * T
            ? 'A'
            : (before.get(c) as number) * 100 < B * T
              ? 'B'
              : 'C';
      if (tiers[i] !== want) throw new Error(`row ${i}: ${xs[i]} is ${tiers[i]}, expected ${want}`);
    });
  }

  it('tiers a 100k column (plus an open range of blanks) correctly', () => {
    const xs = amounts(100_000, 42);
    const cells: unknown[][] = xs.map((x) => [x]);
    for (let i = 0; i < 50_000; i++) cells.push(['']);
    const out = flat(retainTier(cells));
    expect(out.length).toBe(150_000);
    expect(out.slice(100_000).every((t) => t === '')).toBe(true);
    checkDefinition(xs, out.slice(0, 100_000) as Tier[], [0.8, 0.95]);
    const counts = { A: 0, B: 0, C: 0 } as Record<string, number>;
    for (const t of out.slice(0, 100_000)) counts[t]++;
    // Uniform amounts: A holds roughly the top 55 %, and every tier is used.
    expect(counts.A).toBeGreaterThan(40_000);
    expect(counts.B).toBeGreaterThan(5_000);
    expect(counts.C).toBeGreaterThan(5_000);
  });

  it('handles full-precision doubles (the exact BigInt path) on 100k rows', () => {
    const xs = amounts(100_000, 7).map((x) => x / 3);
    const tiers = assignTiers(xs, [0.8, 0.95], 'revenue');
    const rank = { A: 0, B: 1, C: 2 };
    const order = xs.map((x, i) => i).sort((i, j) => xs[j] - xs[i]);
    let fallsBack = 0;
    for (let k = 1; k < order.length; k++)
      if (rank[tiers[order[k]] as Tier] < rank[tiers[order[k - 1]] as Tier]) fallsBack++;
    expect(fallsBack).toBe(0);
    // The crossing point, checked against floating point far from any line.
    const pos = xs.filter((x) => x > 0).sort((p, q) => q - p);
    const T = pos.reduce((s, x) => s + x, 0);
    const tierOf = new Map(xs.map((x, i) => [x, tiers[i]]));
    let before = 0;
    let wrong = 0;
    for (let k = 0; k < pos.length; k++) {
      // Ties share the `before` of the first of them.
      const share = before / T;
      const t = tierOf.get(pos[k]);
      const want =
        share < 0.8 - 1e-9 ? 'A' : share > 0.8 + 1e-9 && share < 0.95 - 1e-9 ? 'B' : share > 0.95 + 1e-9 ? 'C' : t;
      if (t !== want) wrong++;
      while (k + 1 < pos.length && pos[k + 1] === pos[k]) before += pos[k++];
      before += pos[k];
    }
    expect(wrong).toBe(0);
    expect(new Set(tiers)).toEqual(new Set(['A', 'B', 'C']));
  });
});

// ------------------------------------------------------------------ retainTier

describe('retainTier', () => {
  it('returns a column of tiers in the same shape', () => {
    expect(retainTier(col(50, 30, 20))).toEqual([['A'], ['A'], ['B']]);
  });

  it('accepts a row', () => {
    expect(retainTier([[50, 30, 20]])).toEqual([['A', 'A', 'B']]);
  });

  it('keeps blanks blank, also between values and in a long open range', () => {
    const cells = col('', 50, '', 30, '  ', 20);
    for (let i = 0; i < 5000; i++) cells.push(['']);
    const out = flat(retainTier(cells));
    expect(out.slice(0, 6)).toEqual(['', 'A', '', 'A', '', 'B']);
    expect(out.length).toBe(5006);
    expect(out.slice(6).every((t) => t === '')).toBe(true);
  });

  it('reads numbers written as text', () => {
    // T = 11,000 (the refund is out): before(1000) = 10,000 < 0.95·T = 10,450.
    expect(flat(retainTier(col('5,000', '¥3,000.00', '$2,000', '(100)', '１０００')))).toEqual([
      'A',
      'A',
      'A',
      'C',
      'B',
    ]);
    expect(flat(retainTier(col('1,200', '¥1,200.50', 300)))).toEqual(['A', 'A', 'B']);
  });

  it('shows an error text for a bad cell and computes the rest without it', () => {
    // Without '3k' T = 100: the same tiers as [50, 30, 20].
    expect(flat(retainTier(col(50, '3k', 30, 20)))).toEqual(['A', '#VALUE: "3k" is not a number', 'A', 'B']);
    expect(flat(retainTier(col(50, '$3k', 'N/A', true, new Date(Date.UTC(2026, 10, 2)), '1.200,50', 30, 20)))).toEqual([
      'A',
      '#VALUE: "$3k" is not a number',
      '#VALUE: "N/A" is not a number',
      '#VALUE: "TRUE" is not a number',
      '#VALUE: a date (2026-11-02) is not a number',
      '#VALUE: "1.200,50" is ambiguous: write it with a dot for decimals and no dots between thousands, e.g. 1200.50',
      'A',
      'B',
    ]);
  });

  it('needs the whole column, not a single value', () => {
    expect(() => retainTier(1200)).toThrow(
      'RETAIN_TIER needs the whole column, e.g. =RETAIN_TIER(F2:F) — got a single value',
    );
    expect(() => retainTier('')).toThrow(/needs the whole column/);
    expect(() => retainTier(undefined)).toThrow(/needs the whole column/);
  });

  it('refuses a range with several rows and columns, naming its shape', () => {
    expect(() =>
      retainTier([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow('RETAIN_TIER needs one column or one row, e.g. =RETAIN_TIER(F2:F) — got 3 rows × 2 columns');
    expect(() => retainTier([[1], [2, 3]])).toThrow(/needs a range/);
    expect(() => retainTier([])).toThrow(/needs a range/);
    expect(() => retainTier([1, 2])).toThrow(/needs a range/);
  });

  it('uses the method defaults for omitted or blank cut-offs', () => {
    expect(DEFAULT_CUTOFFS).toEqual({ revenue: [0.8, 0.95], count: [0.2, 0.5] });
    const ten = col(100, 90, 80, 70, 60, 50, 40, 30, 20, 10);
    expect(flat(retainTier(ten, '', '', 'count'))).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
    expect(flat(retainTier(ten, undefined, undefined, 'count'))).toEqual(flat(retainTier(ten, 0.2, 0.5, 'count')));
    expect(flat(retainTier(ten))).toEqual(flat(retainTier(ten, 0.8, 0.95, 'revenue')));
    expect(flat(retainTier(ten, '', '', ''))).toEqual(flat(retainTier(ten)));
  });

  it('takes cut-offs as fractions or as percent text', () => {
    expect(flat(retainTier(col(50, 30, 20), 0.5, 0.8))).toEqual(['A', 'B', 'C']);
    expect(flat(retainTier(col(50, 30, 20), '50%', '80%'))).toEqual(['A', 'B', 'C']);
    expect(flat(retainTier(col(50, 30, 20), '0.5', ' 0.8 '))).toEqual(['A', 'B', 'C']);
    expect(flat(retainTier(col(50, 30, 20), 0.5, 0.9))).toEqual(['A', 'B', 'B']);
    expect(flat(retainTier(col(50, 30, 20), [[0.5]], 1))).toEqual(['A', 'B', 'B']);
  });

  it('refuses cut-offs outside (0, 1], naming the argument', () => {
    expect(() => retainTier(col(1), 1.5)).toThrow(
      'RETAIN_TIER: a_cutoff must be between 0 and 1, got 1.5 (for 1.5 percent write 1.5% or 0.015)',
    );
    expect(() => retainTier(col(1), 0.5, 95)).toThrow(
      'RETAIN_TIER: b_cutoff must be between 0 and 1, got 95 (for 95 percent write 95% or 0.95)',
    );
    expect(() => retainTier(col(1), 0)).toThrow('RETAIN_TIER: a_cutoff must be between 0 and 1, got 0');
    expect(() => retainTier(col(1), -0.2)).toThrow(/a_cutoff must be between 0 and 1, got -0.2$/);
    expect(() => retainTier(col(1), 0.5, 1000)).toThrow(/b_cutoff must be between 0 and 1, got 1000$/);
    expect(() => retainTier(col(1), 'high')).toThrow(
      'RETAIN_TIER: a_cutoff must be a number between 0 and 1, got "high"',
    );
    expect(() => retainTier(col(1), true)).toThrow(/a_cutoff must be a number between 0 and 1, got true/);
    expect(() => retainTier(col(1), [[0.1, 0.2]])).toThrow(/a_cutoff must be a single number/);
  });

  it('refuses a_cutoff not below b_cutoff', () => {
    expect(() => retainTier(col(1), 0.95, 0.8)).toThrow(
      'RETAIN_TIER: a_cutoff (0.95) must be less than b_cutoff (0.8)',
    );
    expect(() => retainTier(col(1), 0.5, 0.5)).toThrow(/must be less than/);
    // count's default b is 0.5, so a = 0.6 alone is refused.
    expect(() => retainTier(col(1), 0.6, '', 'count')).toThrow(
      'RETAIN_TIER: a_cutoff (0.6) must be less than b_cutoff (0.5)',
    );
  });

  it('takes the method in any case and refuses others', () => {
    expect(flat(retainTier(col(5, 4, 3, 2, 1), '', '', ' COUNT '))).toEqual(['A', 'B', 'B', 'C', 'C']);
    // T = 15: before(1) = 14 < 0.95·T = 14.25.
    expect(flat(retainTier(col(5, 4, 3, 2, 1), '', '', 'Revenue'))).toEqual(['A', 'A', 'A', 'B', 'B']);
    expect(() => retainTier(col(1), '', '', 'rank')).toThrow(
      'RETAIN_TIER: method must be "revenue" or "count", got "rank"',
    );
    expect(() => retainTier(col(1), '', '', 3)).toThrow('RETAIN_TIER: method must be "revenue" or "count", got 3');
  });

  it('gives all-blank and all-zero columns no A', () => {
    expect(retainTier(col('', ''))).toEqual([[''], ['']]);
    expect(retainTier(col(0, 0, ''))).toEqual([['C'], ['C'], ['']]);
  });
});
