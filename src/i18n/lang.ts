export type Lang = 'ko' | 'en';

export const LANGS: readonly Lang[] = ['ko', 'en'];

export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);
