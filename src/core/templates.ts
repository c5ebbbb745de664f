/**
 * Thank-you templates (docs/rules.md, Drafts): the `Templates` sheet's rows.
 *
 * A template is a subject and a plain-text body the user edits in the
 * `Templates` sheet. Placeholder syntax, decided here and documented for the
 * README / Help:
 *   - `{{Name}}`, `{{FirstName}}`, `{{Company}}`, `{{Product}}`, `{{Amount}}`,
 *     `{{PurchaseDate}}`, `{{Owner}}`.
 *   - The name is matched case-insensitively and spaces inside the braces are
 *     ignored: `{{ name }}` is `{{Name}}` (people type in cells by hand).
 *   - `{{Company|your team}}`: the text after the first `|` (trimmed) is used
 *     when the value is blank. `{{Company|}}` means "blank is fine".
 *   - A placeholder whose value is blank (empty or only spaces) and that has no
 *     fallback makes the draft fail with `missing` (that one draft is skipped).
 *   - Anything else inside `{{...}}` is an unknown placeholder (a typo such as
 *     `{{Nmae}}`): the caller stops all drafts with a clear message, because
 *     every draft from that template would be wrong.
 *   - Text that is not `{{...}}` (a single `{`, an unclosed `{{Name`) is kept
 *     as written.
 *   - Values are substituted in one pass: a value that itself contains
 *     `{{Name}}` is not expanded again.
 *   - `{{FirstName}}` is derived from `Name` (see firstNameOf) when not given.
 */

import { textToHtml } from './html';

export type Lang = 'en' | 'zh';

type PlaceholderName = 'Name' | 'FirstName' | 'Company' | 'Product' | 'Amount' | 'PurchaseDate' | 'Owner';

const NAMES: readonly PlaceholderName[] = [
  'Name',
  'FirstName',
  'Company',
  'Product',
  'Amount',
  'PurchaseDate',
  'Owner',
];

export const PLACEHOLDER_NAMES: readonly string[] = NAMES;

export interface TemplateText {
  subject: string;
  body: string;
}

export type TemplateValues = Partial<Record<PlaceholderName, string>>;

/**
 * `missing`: placeholders (canonical spelling) with a blank value and no fallback.
 * `unknown` (an addition to the contract, optional so callers may ignore it):
 * unknown placeholders, in case renderTemplate is called without checking
 * unknownPlaceholders first; a template with unknown placeholders never renders.
 */
export type Rendered =
  { ok: true; subject: string; text: string; html: string } | { ok: false; missing: string[]; unknown?: string[] };

/**
 * `{{`, a name without braces or `|`, optionally `|fallback` (no braces), `}}`.
 * Braces are excluded so `{{{Name}}}` finds `{{Name}}` and leaves the outer ones.
 */
const PLACEHOLDER = /\{\{([^{}|]*)(?:\|([^{}]*))?\}\}/g;

const BY_KEY: Record<string, PlaceholderName> = {};
for (const n of NAMES) BY_KEY[n.toLowerCase()] = n;

/** Canonical name for what was written inside the braces, or undefined if unknown. */
function canonical(raw: string): PlaceholderName | undefined {
  // Spaces anywhere are ignored, so `{{ First Name }}` is FirstName too.
  const key = raw.replace(/\s+/g, '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(BY_KEY, key) ? BY_KEY[key] : undefined;
}

function pushUnique(list: string[], s: string): void {
  if (list.indexOf(s) < 0) list.push(s);
}

/**
 * Unknown placeholders in the subject and body, as written (trimmed), in order
 * of first appearance, without duplicates: e.g. `['Nmae']`. An empty `{{}}`
 * is reported as ''.
 */
export function unknownPlaceholders(t: TemplateText): string[] {
  const out: string[] = [];
  for (const part of [t.subject, t.body]) {
    String(part ?? '').replace(PLACEHOLDER, (_m, raw: string) => {
      if (!canonical(raw)) pushUnique(out, raw.trim());
      return '';
    });
  }
  return out;
}

const CJK = /[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
/** Titles skipped so "Dr. Ann Lee" gives "Ann", not "Dr." ("Dear Dr.," reads badly). */
const TITLES = /^(mr|mrs|ms|miss|mx|dr|prof|sir|madam)\.?$/i;

/**
 * First name for a greeting: 'Bob Smith' -> 'Bob', 'Dr. Ann Lee' -> 'Ann'.
 * A name with CJK characters (王小明, 山田太郎, 김민준) is returned whole:
 * those names have no space between family and given name, and a Chinese
 * letter addresses people by the full name. Trims; blank gives ''.
 */
export function firstNameOf(fullName: string): string {
  const name = String(fullName ?? '').trim();
  if (name === '' || CJK.test(name)) return name;
  const words = name.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TITLES.test(words[i])) i++;
  // 'Bob,' (e.g. "Bob, Jr.") -> 'Bob'; keep the word if it is only punctuation.
  return words[i].replace(/,+$/, '') || words[i];
}

function isBlank(s: string | undefined): boolean {
  return s === undefined || s === null || String(s).trim() === '';
}

/**
 * Renders a template. `subject`: plain text, line breaks collapsed to one space
 * and trimmed (a header has one line). `text`: plain body, CRLF normalized to LF.
 * `html`: the rendered text HTML-escaped (template text and values alike) with
 * `<p>` per paragraph and `<br>` per line break, inside a plain `<div>`: no
 * scripts, styles or outside resources. Values are trimmed.
 */
export function renderTemplate(t: TemplateText, v: TemplateValues): Rendered {
  const values: TemplateValues = {};
  for (const n of NAMES) {
    const raw = v[n];
    if (!isBlank(raw)) values[n] = String(raw).trim();
  }
  if (values.FirstName === undefined && values.Name !== undefined) {
    const first = firstNameOf(values.Name);
    if (first !== '') values.FirstName = first;
  }

  const missing: string[] = [];
  const unknown: string[] = [];
  const fill = (s: string): string =>
    String(s ?? '').replace(PLACEHOLDER, (_m, raw: string, fallback: string | undefined) => {
      const name = canonical(raw);
      if (!name) {
        pushUnique(unknown, raw.trim());
        return '';
      }
      const value = values[name];
      if (value !== undefined) return value;
      if (fallback !== undefined) return fallback.trim();
      pushUnique(missing, name);
      return '';
    });

  const subject = fill(t.subject)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  const text = fill(String(t.body ?? '').replace(/\r\n?/g, '\n')).replace(/\r\n?/g, '\n');

  if (missing.length > 0 || unknown.length > 0) {
    return unknown.length > 0 ? { ok: false, missing, unknown } : { ok: false, missing };
  }
  return { ok: true, subject, text, html: '<div>' + textToHtml(text) + '</div>' };
}

/**
 * The templates "Set up" writes into the `Templates` sheet. Short and warm,
 * from the salesperson, meant to go out within a day or two of the purchase
 * (docs/rules.md, Drafts: thanks shows "对客户的重视和朋友一般的温暖").
 * `{{Owner}}` signs it and has no fallback on purpose: an unsigned thank-you
 * is worse than none, so the caller must fill Owner (sender name / rep).
 */
export const DEFAULT_TEMPLATES: ReadonlyArray<{ key: 'thank-you'; language: Lang; subject: string; body: string }> = [
  {
    key: 'thank-you',
    language: 'en',
    subject: 'Thank you, {{FirstName}}',
    body: [
      'Dear {{FirstName}},',
      '',
      'Thank you for choosing us, and for the trust you have placed in me. ' +
        'I hope {{Product|your purchase}} serves you and {{Company|your team}} well.',
      '',
      'If you have any questions, or anything is not quite right, just reply to this ' +
        'email or give me a call. I am always glad to help.',
      '',
      'With warm thanks,',
      '{{Owner}}',
    ].join('\n'),
  },
  {
    key: 'thank-you',
    language: 'zh',
    subject: '{{FirstName}}，感谢您的信任与支持',
    body: [
      '尊敬的{{FirstName}}，您好！',
      '',
      '衷心感谢您选择我们，也感谢您对我的信任。希望{{Product|您选购的产品}}能为您和{{Company|您的团队}}带来便利与愉快。',
      '',
      '使用中如有任何疑问或不满意的地方，请随时回复这封邮件或直接给我打电话，我会第一时间为您处理。',
      '',
      '再次感谢您！祝您工作顺利，生活愉快！',
      '',
      '{{Owner}}',
    ].join('\n'),
  },
];
