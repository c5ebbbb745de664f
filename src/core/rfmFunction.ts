/**
 * The logic of `=RETAIN_RFM(recency_days, frequency, monetary)`
 * (docs/platform.md, Custom functions; the scores and segments: rfm.ts).
 *
 * One row per customer, four cells: the R, F and M scores (numbers 1-5) and
 * the segment name in the spreadsheet's language, e.g. 5, 5, 4, "Champions".
 * Separate cells rather than one "554 Champions" text because people sort
 * and filter: a filter on the segment column has 11 values to tick, not 125
 * score combinations, and a score column sorts as a number. A row with all
 * three cells blank is blank; a row with a bad or missing cell shows an error
 * text naming it in the first cell and counts in no quintile.
 *
 * recency_days is a number of days since the last purchase, or the last
 * purchase's date (then the days are counted to the spreadsheet's today).
 */
import { parseDate, parseNumber } from './cells';
import { columnArg, isBlankCell, sameLength, shaped, shownValue, type CellContext } from './customArgs';
import { daysBetween } from './dates';
import { tr, type Msg } from './i18n';
import { rfmScores, SEGMENT_NAMES } from './rfm';

const FN = 'RETAIN_RFM';

const MSG = {
  blank: { en: '#VALUE: {name} is blank', zh: '#VALUE: {name}为空' },
  notNumber: { en: '#VALUE: {name} {value} is not a number', zh: '#VALUE: {name} {value} 不是数字' },
  negative: { en: '#VALUE: {name} {value} is below 0', zh: '#VALUE: {name} {value} 小于0' },
  future: { en: '#VALUE: recency_days {value} is after today', zh: '#VALUE: recency_days {value} 晚于今天' },
} satisfies Record<string, Msg>;

type Read = { ok: true; value: number } | { ok: false; error: string };

function numberCell(v: unknown, name: string, min: number | null, ctx: CellContext): Read {
  const parsed = parseNumber(v);
  if (parsed === null) return { ok: false, error: tr(ctx.lang, MSG.blank, { name }) };
  if (!parsed.ok) return { ok: false, error: tr(ctx.lang, MSG.notNumber, { name, value: shownValue(v) }) };
  if (min !== null && parsed.value < min)
    return { ok: false, error: tr(ctx.lang, MSG.negative, { name, value: shownValue(v) }) };
  return { ok: true, value: parsed.value };
}

/** Days since the last purchase: a number of days, or the date of that purchase. */
function recencyCell(v: unknown, ctx: CellContext, today: () => string): Read {
  if (typeof v === 'number') return numberCell(v, 'recency_days', 0, ctx);
  const asNumber = parseNumber(v);
  if (asNumber !== null && asNumber.ok) return numberCell(v, 'recency_days', 0, ctx);
  const asDate = isBlankCell(v) ? null : parseDate(v, ctx.toCalDate);
  if (asDate === null || !asDate.ok) return numberCell(v, 'recency_days', 0, ctx);
  const days = daysBetween(asDate.value, today());
  if (days < 0) return { ok: false, error: tr(ctx.lang, MSG.future, { value: asDate.value }) };
  return { ok: true, value: days };
}

export function retainRfm(recencyDays: unknown, frequency: unknown, monetary: unknown, ctx: CellContext): unknown[][] {
  const r = columnArg(FN, 'recency_days', recencyDays);
  const f = columnArg(FN, 'frequency', frequency);
  const m = columnArg(FN, 'monetary', monetary);
  sameLength(FN, [
    ['recency_days', r],
    ['frequency', f],
    ['monetary', m],
  ]);
  let todayValue: string | null = null;
  const today = (): string => {
    if (todayValue === null) todayValue = ctx.today();
    return todayValue;
  };

  const n = r.cells.length;
  const rec = new Array<number | null>(n).fill(null);
  const freq = new Array<number | null>(n).fill(null);
  const mon = new Array<number | null>(n).fill(null);
  const rows: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cells = [r.cells[i], f.cells[i], m.cells[i]];
    if (cells.every(isBlankCell)) {
      rows[i] = ['', '', '', ''];
      continue;
    }
    const read = [
      recencyCell(cells[0], ctx, today),
      numberCell(cells[1], 'frequency', 0, ctx),
      numberCell(cells[2], 'monetary', null, ctx),
    ];
    const bad = read.find((x): x is { ok: false; error: string } => !x.ok);
    if (bad !== undefined) {
      rows[i] = [bad.error, '', '', ''];
      continue;
    }
    rec[i] = (read[0] as { value: number }).value;
    freq[i] = (read[1] as { value: number }).value;
    mon[i] = (read[2] as { value: number }).value;
  }
  const scores = rfmScores(rec, freq, mon);
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (s !== null) rows[i] = [s.r, s.f, s.m, tr(ctx.lang, SEGMENT_NAMES[s.segment])];
  }
  return shaped(rows, r.horizontal);
}
