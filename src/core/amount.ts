/**
 * How Retain writes an amount, in a thank-you draft ({{Amount}}) and in a
 * visit's description alike, in both languages (docs/rules.md, Drafts).
 *
 * The rule: rounded to the cent (half away from zero); the cents shown only
 * when they are not zero; thousands grouped with ','; a minus sign for a
 * refund. 1200 → '1,200', 1234.5 → '1,234.50', 1234.001 → '1,234',
 * -5000 → '-5,000'. No currency sign: the currency is not known, and the
 * amount reads as the user typed its value. Done by hand because
 * toLocaleString depends on the runtime's ICU data; ',' grouping reads right
 * in Chinese text as well. A value that is not a finite number is written as
 * JavaScript writes it.
 */
export function formatAmount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const cents = Math.round(Math.abs(n) * 100);
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 && cents > 0 ? '-' : '';
  return sign + grouped + (frac === 0 ? '' : '.' + String(frac).padStart(2, '0'));
}
