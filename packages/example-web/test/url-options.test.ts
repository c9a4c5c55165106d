// `?scenario=`/`?lang=`: known values are used, unknown ones fall back and are reported, never dropped silently.
import { expect, test } from 'vitest';
import { readUrlOptions } from '../src/url-options.ts';

test('known values are used as given, with nothing to report', () => {
  expect(readUrlOptions('?scenario=rate-limited&lang=zh-CN')).toEqual({
    scenario: 'rate-limited',
    locale: 'zh-CN',
    fallbacks: [],
  });
});

test('absent or empty values take the defaults without a notice', () => {
  expect(readUrlOptions('')).toEqual({ scenario: 'happy', locale: 'en', fallbacks: [] });
  expect(readUrlOptions('?scenario=&lang=')).toEqual({ scenario: 'happy', locale: 'en', fallbacks: [] });
});

test('an unknown scenario falls back to the happy path and says which value it ignored', () => {
  expect(readUrlOptions('?scenario=bogus&lang=zh-CN')).toEqual({
    scenario: 'happy',
    locale: 'zh-CN',
    fallbacks: [{ param: 'scenario', given: 'bogus', used: 'happy' }],
  });
});

test('an unknown language falls back to English and says which value it ignored', () => {
  expect(readUrlOptions('?lang=fr')).toEqual({
    scenario: 'happy',
    locale: 'en',
    fallbacks: [{ param: 'lang', given: 'fr', used: 'en' }],
  });
  // Both at once: both reported.
  expect(readUrlOptions('?scenario=nope&lang=zh-cn').fallbacks).toEqual([
    { param: 'scenario', given: 'nope', used: 'happy' },
    { param: 'lang', given: 'zh-cn', used: 'en' },
  ]);
});
