// Where the snapshot comes from: the default per date, the source per choice, and the check
// before sending, which asks for an ID only when one is sent.
import { sunsetDate } from '@atlas-kit/migration-notice';
import { describe, expect, test } from 'vitest';
import { checkForm } from '../src/form-check.ts';
import { afterSunset, beforeSunset } from '../src/scenarios.ts';
import { defaultSnapshotChoice, snapshotSourceOf } from '../src/snapshot-source.ts';
import { sampleValues } from '../src/spec-facts.ts';

const good = { ...sampleValues, token: 'demo-token-not-a-secret' };

describe('snapshot source', () => {
  test('the newest snapshot from the sunset on (the Flex route), the typed ID before it (the tenant route)', () => {
    expect(defaultSnapshotChoice(beforeSunset)).toBe('id');
    expect(defaultSnapshotChoice(new Date(sunsetDate.getTime() - 1))).toBe('id');
    expect(defaultSnapshotChoice(sunsetDate)).toBe('latest');
    expect(defaultSnapshotChoice(afterSunset)).toBe('latest');
  });

  test('each choice gives its source; the typed ID is trimmed as it is sent', () => {
    expect(snapshotSourceOf({ ...good, snapshotId: ` ${good.snapshotId}\n` }, 'id')).toEqual({
      kind: 'id',
      snapshotId: good.snapshotId,
    });
    expect(snapshotSourceOf(good, 'latest')).toEqual({ kind: 'latest' });
  });

  test('with the newest snapshot, an empty or malformed ID left in the input is no problem; the rest is checked', () => {
    for (const snapshotId of ['', 'not-an-id']) {
      const values = { ...good, snapshotId };
      expect(checkForm(values, snapshotSourceOf(values, 'latest')).fields).toEqual({});
      expect(checkForm(values, snapshotSourceOf(values, 'id')).fields).toHaveProperty('snapshotId');
    }
    const bad = { ...good, groupId: 'abc', snapshotId: '' };
    expect(Object.keys(checkForm(bad, snapshotSourceOf(bad, 'latest')).fields)).toEqual(['groupId']);
  });
});
