/** One typed dictionary per language, and the `t` that fills a message's {placeholders}. */
import type { Lang } from './lang';
import { en, type MessageKey } from './messages/en';
import { id } from './messages/id';

export type { MessageKey };

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, id };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dictionary = DICTIONARIES[lang];
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match,
    );
}
