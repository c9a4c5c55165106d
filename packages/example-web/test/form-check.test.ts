// The page's check before sending: every shown field at once, by kind, nothing the page does not show.
import { describe, expect, test } from 'vitest';
import { checkForm } from '../src/form-check.ts';
import { sampleValues } from '../src/spec-facts.ts';

const good = { ...sampleValues, token: 'demo-token-not-a-secret' };

describe('checkForm', () => {
  test('good values have no problem', () => {
    expect(checkForm(good)).toEqual({ fields: {}, unmatched: [] });
  });

  test('every field is reported at once, empty ones as missing and malformed ones as invalid', () => {
    const p = checkForm({ groupId: 'abc', clusterName: '-x y', snapshotId: '', token: ' ' });
    expect(p.fields).toEqual({
      groupId: [{ origin: 'page', kind: 'invalid' }],
      clusterName: [{ origin: 'page', kind: 'invalid' }],
      snapshotId: [{ origin: 'page', kind: 'missing' }],
      token: [{ origin: 'page', kind: 'missing' }],
    });
    expect(p.unmatched).toEqual([]);
  });

  test('values are judged as they are sent: trimmed', () => {
    const padded = Object.fromEntries(Object.entries(good).map(([k, v]) => [k, `  ${v}\n`])) as typeof good;
    expect(checkForm(padded).fields).toEqual({});
  });

  test('a cluster name longer than the body accepts is the cluster name’s problem', () => {
    expect(checkForm({ ...good, clusterName: `c${'0'.repeat(64)}` }).fields).toEqual({
      clusterName: [{ origin: 'page', kind: 'invalid' }],
    });
  });
});
