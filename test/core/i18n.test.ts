import { fill, langOfLocale, tr, type Msg } from '../../src/core/i18n';

const HELLO: Msg = { en: 'Hello {name}, {count} due', zh: '{name}你好，{count} 项到期' };

describe('tr', () => {
  it('picks the language and fills placeholders', () => {
    expect(tr('en', HELLO, { name: 'Bob', count: 3 })).toBe('Hello Bob, 3 due');
    expect(tr('zh', HELLO, { name: '王', count: 3 })).toBe('王你好，3 项到期');
  });

  it('leaves placeholders without a value visible', () => {
    expect(tr('en', HELLO, { name: 'Bob' })).toBe('Hello Bob, {count} due');
    expect(tr('en', HELLO)).toBe('Hello {name}, {count} due');
  });

  it('does not expand placeholders inside values (one pass)', () => {
    expect(tr('en', HELLO, { name: '{count}', count: 1 })).toBe('Hello {count}, 1 due');
  });

  it('fills every occurrence and treats $ in values literally', () => {
    expect(tr('en', { en: '{x}+{x}', zh: '' }, { x: '$&' })).toBe('$&+$&');
  });

  it('ignores inherited properties as values', () => {
    expect(tr('en', { en: '{toString}', zh: '' }, {})).toBe('{toString}');
  });
});

describe('fill', () => {
  it('gives the message in both languages', () => {
    expect(fill(HELLO, { name: 'A', count: 0 })).toEqual({ en: 'Hello A, 0 due', zh: 'A你好，0 项到期' });
  });
});

describe('langOfLocale', () => {
  it.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh_TW', 'zh'],
    ['ZH-hk', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['en', 'en'],
    ['en_US', 'en'],
    ['fr', 'en'],
    ['zhx', 'en'],
    ['', 'en'],
  ])('%s -> %s', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });

  it('treats a missing locale as English', () => {
    expect(langOfLocale(undefined)).toBe('en');
    expect(langOfLocale(null)).toBe('en');
  });
});
