import { locales } from '@atlas-kit/migration-notice';
import { expect, test } from 'vitest';
import { labels } from '../src/labels.ts';
import { scenarioIds } from '../src/scenarios.ts';

/** The shape of a labels object: every key path, functions marked as such. */
function shape(v: unknown, path = ''): string[] {
  if (typeof v === 'function') return [`${path}()`];
  if (v && typeof v === 'object')
    return Object.entries(v)
      .flatMap(([k, x]) => shape(x, `${path}.${k}`))
      .sort();
  return [path];
}

test('every locale the notice speaks has the page labels, with the same keys', () => {
  expect(Object.keys(labels).sort()).toEqual([...locales].sort());
  const en = shape(labels.en);
  for (const l of locales) expect(shape(labels[l])).toEqual(en);
  for (const l of locales) expect(Object.keys(labels[l].scenarios).sort()).toEqual([...scenarioIds].sort());
});

test('the Chinese labels are Chinese (not copies of the English ones)', () => {
  const zh = labels['zh-CN'];
  for (const s of [zh.title, zh.submit, zh.fields.groupId.label, zh.announce.done, zh.errors.validation]) {
    expect(s).toMatch(/[\u4e00-\u9fff]/);
  }
});
