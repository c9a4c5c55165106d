// The form-level sentence names what went wrong, in both languages.
import {
  AtlasApiError,
  AtlasNetworkError,
  AtlasRateLimitError,
  AtlasTimeoutError,
  AtlasValidationError,
  NoCompletedSnapshotError,
} from '@atlas-kit/client';
import { describe, expect, test } from 'vitest';
import { errorSummary } from '../src/error-summary.ts';
import { labels } from '../src/labels.ts';

const en = labels.en;
const zh = labels['zh-CN'];

describe('errorSummary', () => {
  test('a rate limit that outlasted the retries says so, with the number of attempts', () => {
    const error = new AtlasRateLimitError(
      { operationId: 'getBackupTenantRestore', status: 429, errorCode: 'RATE_LIMITED', rateLimit: {} },
      4,
    );
    expect(errorSummary(error, en, 'en')).toBe(
      'Atlas rate limit (HTTP 429): gave up after 4 attempts. Wait a moment and try again.',
    );
    expect(errorSummary(error, zh, 'zh-CN')).toMatch(/限流.*4/);
  });

  test('a network error is called a network error and names the call', () => {
    const error = new AtlasNetworkError('downloadClusterBackupTenant', 'request failed: Failed to fetch');
    expect(errorSummary(error, en, 'en')).toBe(
      'Network error: Atlas could not be reached (downloadClusterBackupTenant). Check the connection and try again.',
    );
    expect(errorSummary(error, zh, 'zh-CN')).toMatch(/^网络错误/);
  });

  test('a timeout is called a timeout and says how long the page waited', () => {
    const error = new AtlasTimeoutError('requestSnapshotDownload', 90_000);
    expect(errorSummary(error, en, 'en')).toBe('Timeout: the restore job did not finish within 90 s.');
    expect(errorSummary(error, zh, 'zh-CN')).toMatch(/^超时.*90/);
  });

  test('API and validation errors keep their own wording', () => {
    const api = new AtlasApiError({ operationId: 'x', status: 500, errorCode: 'UNEXPECTED_ERROR', rateLimit: {} });
    expect(errorSummary(api, en, 'en')).toBe(en.errors.api(500, 'UNEXPECTED_ERROR'));
    const invalid = new AtlasValidationError('x', [{ field: 'groupId', location: 'path', message: 'is bad' }]);
    expect(errorSummary(invalid, en, 'en')).toBe(en.errors.validation);
    expect(errorSummary(new Error('boom'), en, 'en')).toBe(en.errors.unknown);
  });

  test('a Flex cluster without a completed snapshot is named, with what to do instead', () => {
    const error = new NoCompletedSnapshotError('32b6e34b3d91647abb20e7b8', 'Cluster0');
    expect(errorSummary(error, en, 'en')).toBe(
      'No completed snapshot: the Flex cluster “Cluster0” has none yet, so there is nothing to download. Choose “This snapshot ID” to download a snapshot you know, or try again once a snapshot has completed.',
    );
    expect(errorSummary(error, zh, 'zh-CN')).toBe(zh.errors.noSnapshot('Cluster0'));
    expect(errorSummary(error, zh, 'zh-CN')).toMatch(/^没有已完成的快照.*Cluster0.*此快照 ID/);
  });
});
