/** The languages the app speaks, and the Intl locale each formats dates and numbers in. */
export type Lang = 'id' | 'en';

export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
