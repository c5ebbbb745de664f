/**
 * The country of a spreadsheet from its locale (Spreadsheet.getSpreadsheetLocale
 * gives 'en_US', 'zh_CN', 'de_DE', 'zh_TW', or a language alone such as 'en'),
 * so that `Fill holidays` knows whose official holidays to add (docs/rules.md,
 * Working days).
 */

// language[_Script][_REGION][...]: 'zh_Hant_TW', 'sr-Latn-RS', 'en-US'.
const LOCALE = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?(?:[-_@.].*)?$/i;

/**
 * The ISO 3166 country code of a locale, or null when the locale names no
 * country: 'zh_CN' -> 'CN', 'en_GB' -> 'GB', 'zh_Hant_TW' -> 'TW'; 'en',
 * 'es_419' (Latin America, a region, not a country), '' and non-text -> null.
 * A language alone gives null rather than a guess: 'en' is spoken in dozens
 * of countries, and a wrong country's holidays would be worse than none.
 */
export function countryOfLocale(locale: unknown): string | null {
  if (typeof locale !== 'string') return null;
  const m = LOCALE.exec(locale.trim());
  if (!m || !m[3] || /^\d/.test(m[3])) return null;
  return m[3].toUpperCase();
}
