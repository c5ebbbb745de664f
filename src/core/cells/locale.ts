/**
 * What the spreadsheet's locale says about typed numbers and dates
 * (docs/data.md, Numbers and dates). The adapters read the locale with
 * Spreadsheet.getSpreadsheetLocale() ('en_US', 'en_GB', 'de_DE', 'zh_CN' ...)
 * and pass it in the parse context; the readers only need two answers from it.
 */

export interface CellLocale {
  /** '1.234,50' is 1234.5: the comma is the decimal mark, dots and spaces group thousands. */
  decimalComma: boolean;
  /**
   * How '3/11/2026' reads: 'DM' day first (3 November), 'MD' month first
   * (11 March), null when the locale does not decide (no locale, or one that
   * writes dates year first, like zh_CN): then it is refused as ambiguous
   * unless only one order is a real date.
   */
  dayMonth: 'DM' | 'MD' | null;
}

/** No locale known: dot decimals, comma thousands, and no guess between day and month. */
export const NO_LOCALE: CellLocale = Object.freeze({ decimalComma: false, dayMonth: null });

// Month first: the United States and the Philippines (Sheets' en_US, en_PH, fil);
// a bare 'en' is how Sheets' default locale can be reported.
const MONTH_FIRST = /^(en|en_US|en_PH|fil|fil_PH|es_US)$/;
// Year first ('2026/11/3'): a d/m/y date in such a sheet came from elsewhere,
// and nothing says in which order, so the locale does not decide.
const YEAR_FIRST = /^(zh|ja|ko|hu|lt|mn|sv)(_|$)|^(en_CA|fr_CA)$/;
// Languages whose locales write the decimal comma, as Sheets does for them.
const COMMA_LANGUAGES =
  /^(de|fr|es|it|pt|ru|nl|pl|cs|sk|da|nb|nn|no|fi|sv|tr|id|vi|uk|ro|hu|el|bg|hr|sl|sr|lt|lv|et|ca|gl|eu|is|be|kk|az|uz|mk|sq|bs)(_|$)/;
// ... except these regions, which write a decimal point.
const POINT_REGIONS = /^(de_CH|de_LI|it_CH|fr_CH|es_MX|es_US|es_419|es_PR|es_DO|es_GT|es_HN|es_NI|es_PA|es_SV)$/;

const cache = new Map<string, CellLocale>();

/** The reading rules of a spreadsheet locale ('de-DE' and 'de_DE' alike); NO_LOCALE for a blank one. */
export function cellLocale(locale: string | null | undefined): CellLocale {
  if (typeof locale !== 'string' || locale.trim() === '') return NO_LOCALE;
  let known = cache.get(locale);
  if (known) return known;
  const l = locale.trim().replace(/-/g, '_');
  const [lang, region] = l.split('_');
  const tag = region ? `${lang.toLowerCase()}_${region.toUpperCase()}` : lang.toLowerCase();
  const dayMonth = MONTH_FIRST.test(tag)
    ? 'MD'
    : YEAR_FIRST.test(tag) || !/^[a-z]{2,3}$/.test(lang.toLowerCase())
      ? null
      : 'DM';
  known = Object.freeze({ decimalComma: COMMA_LANGUAGES.test(tag) && !POINT_REGIONS.test(tag), dayMonth });
  if (cache.size < 100) cache.set(locale, known);
  return known;
}
