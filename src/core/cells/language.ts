/**
 * A customer's language: the `Language` cell, or a guess when it is blank
 * (docs/data.md, Headers).
 */
import { langOfLocale, type Msg } from '../i18n';
import type { Lang } from '../model';
import { choiceKey, choiceTable } from './choices';
import { fail, isBlank, ok, type Parsed } from './parsed';
import { shown } from './text';

const LANGUAGE_TABLE = choiceTable<Lang>([
  ['en', ['en', 'English', 'Eng', '英文', '英语']],
  ['zh', ['zh', 'Chinese', 'Mandarin', '中文', '汉语', '华语', '普通话', '简体中文', '繁體中文', '繁体中文', '中']],
]);

const BAD_LANGUAGE: Msg = {
  en: 'Language "{value}" is not supported: use en (English) or zh (中文)',
  zh: '语言“{value}”不支持：请填 en（English）或 zh（中文）',
};

/** `Language`: en or zh, also as a locale ('zh-CN', 'en_GB', 'zh-Hant') or a name ('English', '中文'). */
const LOCALE = /^(en|zh)(?:[-_][A-Za-z0-9]+)*$/i;
// A Language column holds a handful of distinct texts: each is read once.
const languageOfText = new Map<string, Lang>();

export function parseLanguage(v: unknown): Parsed<Lang> | null {
  if (typeof v === 'string') {
    const known = languageOfText.get(v);
    if (known !== undefined) return ok(known);
  }
  if (isBlank(v)) return null;
  if (typeof v !== 'string') return fail(BAD_LANGUAGE, { value: shown(v) });
  const s = v.normalize('NFKC').trim();
  const locale = LOCALE.exec(s);
  const found = locale ? (locale[1].toLowerCase() as Lang) : LANGUAGE_TABLE.get(choiceKey(s));
  if (found === undefined) return fail(BAD_LANGUAGE, { value: shown(v) });
  if (languageOfText.size >= 10000) languageOfText.clear();
  languageOfText.set(v, found);
  return ok(found);
}

// Han characters (Chinese hanzi, also Japanese kanji); kana or Hangul say the
// name is Japanese or Korean, for which Chinese drafts would be wrong.
const HAN = /\p{Script=Han}/u;
const KANA_OR_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The language of a customer whose `Language` is blank: Chinese when the name
 * is written in Han characters ('王小明', 'Lee 李明'), otherwise the language
 * of the spreadsheet's locale ('zh_CN' -> zh, 'en_GB' or none -> en), so a
 * Chinese sheet without a Language column gets Chinese drafts.
 */
export function guessLanguage(name: string, spreadsheetLocale: string | null | undefined): Lang {
  if (HAN.test(name) && !KANA_OR_HANGUL.test(name)) return 'zh';
  return langOfLocale(spreadsheetLocale);
}
