/**
 * The smallest possible i18n: a message is an object with one string per
 * language, and `{name}` placeholders are filled from `vars`.
 *
 * Why not a catalogue keyed by message id: messages live next to the code that
 * raises them, so a message and its translation change together, and the
 * compiler insists both languages are there (`Record<Lang, string>`).
 */
import type { Lang } from './model';

export type Msg = Record<Lang, string>;
export type Vars = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The message in `lang`, placeholders filled. One pass over the template, so a
 * value that itself contains `{x}` (a customer typed it) is never expanded
 * again. A placeholder without a value stays as written: a visible slip is
 * better than a silently shortened sentence.
 */
export function tr(lang: Lang, msg: Msg, vars?: Vars): string {
  const text = msg[lang] ?? msg.en;
  if (!vars) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** The message in every language with the same values: for results that are shown later, in a language not known yet. */
export function fill(msg: Msg, vars?: Vars): Msg {
  return { en: tr('en', msg, vars), zh: tr('zh', msg, vars) };
}

/**
 * 'zh', 'zh-CN', 'zh_TW', 'ZH-hk' -> 'zh'; anything else (including '' and
 * undefined, which Session.getActiveUserLocale can return) -> 'en'.
 */
export function langOfLocale(locale: string | null | undefined): Lang {
  if (typeof locale !== 'string') return 'en';
  return /^zh(?:$|[-_])/i.test(locale.trim()) ? 'zh' : 'en';
}
