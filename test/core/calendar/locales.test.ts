import { countryOfLocale } from '../../../src/core/calendar/locales';

describe('countryOfLocale', () => {
  test.each([
    ['zh_CN', 'CN'],
    ['en_US', 'US'],
    ['en_GB', 'GB'],
    ['de_DE', 'DE'],
    ['zh_TW', 'TW'],
    ['zh_HK', 'HK'],
    ['en-US', 'US'],
    ['en_us', 'US'],
    ['zh_Hant_TW', 'TW'],
    ['sr-Latn-RS', 'RS'],
    ['fil_PH', 'PH'],
    [' ja_JP ', 'JP'],
    ['de_DE@euro', 'DE'],
  ])('%j -> %s', (locale, country) => {
    expect(countryOfLocale(locale)).toBe(country);
  });

  test.each([['en'], ['zh'], ['zh_Hans'], ['es_419'], [''], ['english'], ['e_US'], ['en_USA'], ['123']])(
    '%j names no country',
    (locale) => {
      expect(countryOfLocale(locale)).toBeNull();
    },
  );

  test('non-text', () => {
    expect(countryOfLocale(null)).toBeNull();
    expect(countryOfLocale(undefined)).toBeNull();
    expect(countryOfLocale(42)).toBeNull();
  });
});
