/** One typed dictionary per language, and the `t` that fills a message's {placeholders}. */
import type { Lang } from './lang';
import { en, type MessageKey } from './messages/en';
import { id } from './messages/id';

export type { MessageKey };

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, id };

export type Translate<Key extends string = MessageKey> = ((
  key: Key,
  values?: Record<string, string | number>,
) => string) & {
  /** The language it speaks, for what is formatted rather than looked up (times, numbers). */
  readonly lang?: Lang;
};

/**
 * `t` over a dictionary: the message for a key, its {placeholders} filled from `values`; `lang`
 * (when given) is the dictionary's language, for formatting the values it is passed.
 */
export function translatorOf<Key extends string>(
  dictionary: Record<Key, string>,
  lang?: Lang,
): Translate<Key> {
  const t = (key: Key, values?: Record<string, string | number>) =>
    dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match,
    );
  return Object.assign(t, { lang });
}

/** `t` for the app's messages in a language. */
export function translator(lang: Lang): Translate {
  return translatorOf(DICTIONARIES[lang], lang);
}
