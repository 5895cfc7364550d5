import { describe, expect, it } from 'vitest';
import { catalogue, fill, type MessageKey, t } from '../../src/i18n/catalogue.ts';
import { testApp } from '../helpers/app.ts';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)(?::[A-Za-z ]+\|[A-Za-z ]+)?\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('GIVEN every sentence, without values, asked three times in each language THEN each answer is the template filled afresh', () => {
    let asked = 0;
    for (let round = 0; round < 3; round++)
      for (const key of Object.keys(catalogue) as MessageKey[])
        for (const lang of ['en', 'ko'] as const) {
          expect(t(lang, key), `${lang} ${key}`).toBe(fill(catalogue[key][lang]));
          asked++;
        }
    expect(asked).toBeGreaterThan(1000);
  });

  it.each(Object.keys(catalogue) as MessageKey[])(
    'GIVEN %s THEN it says something in Korean and English, with the same placeholders',
    (key) => {
      const entry = catalogue[key];
      expect(entry.en.trim()).not.toBe('');
      expect(entry.ko.trim()).not.toBe('');
      expect(placeholders(entry.ko)).toEqual(placeholders(entry.en));
      // Korean, unless the entry is only a layout of placeholders, code and symbols.
      const prose = entry.ko.replace(/\{\w+\}/g, '').replace(/`[^`]*`/g, '');
      expect(prose).toMatch(/[\uac00-\ud7a3]|^[^A-Za-z]*$/);
    },
  );
});

describe('/help', () => {
  it('GIVEN either language WHEN a member asks for help THEN every command family is listed', () => {
    const t = testApp();
    for (const lang of ['en', 'ko']) {
      t.say('alice', `/lang ${lang}`);
      const help = t.say('alice', '/help');
      for (const command of ['kubectl', 'curl', '/quiz', '/lab', '/file', '/sandbox', '/lang', '/help']) {
        expect(help, `${lang} help mentions ${command}`).toContain(command);
      }
    }
  });
});
