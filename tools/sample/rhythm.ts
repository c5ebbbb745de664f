/**
 * How customers buy, for generated data (the sample workbook and the larger
 * history of tools/sample/history.ts): each customer has a usual gap between
 * purchases (a café buying supplies weekly, an office reordering paper
 * monthly, a firm renewing maintenance yearly); each gap varies around it
 * (log-normal noise), a little shorter towards the year's end (the busy
 * season) and longer in summer; a customer who churns simply stops.
 */

/** A standard normal draw (Box-Muller) from a uniform source. */
export function normal(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const DAY_MS = 86400000;

/** 1 - 0.12 cos(2π (day of year - 335) / 365): 0.88 in early December, 1.12 in early June. */
export function seasonFactor(dayNumber: number): number {
  const t = new Date(dayNumber * DAY_MS);
  const start = Date.UTC(t.getUTCFullYear(), 0, 1) / DAY_MS;
  const doy = dayNumber - start;
  return 1 - 0.12 * Math.cos((2 * Math.PI * (doy - 335)) / 365);
}

export interface RhythmSpec {
  /** First day the customer may buy (day number, days since 1970-01-01). */
  from: number;
  /** No purchase on or after this day (the end of the history, or the day they churned). */
  to: number;
  /** Usual gap in days. */
  gap: number;
  /** Spread of each gap: its logarithm is normal with this deviation (0.25 is about ±25 %). */
  sigma: number;
  /** Shorter gaps in the busy season (default true). */
  seasonal?: boolean;
}

/**
 * The purchase days of one customer, ascending. The first falls at a random
 * phase within one gap of `from`, so customers do not all start together.
 */
export function purchaseDays(rng: () => number, s: RhythmSpec): number[] {
  const days: number[] = [];
  let d = s.from + Math.floor(rng() * s.gap);
  while (d < s.to) {
    days.push(d);
    const season = s.seasonal === false ? 1 : seasonFactor(d);
    d += Math.max(1, Math.round(s.gap * season * Math.exp(s.sigma * normal(rng))));
  }
  return days;
}
