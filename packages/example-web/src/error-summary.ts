// One sentence, in the page's language, naming what went wrong: the client's typed errors → words.
// Shown in the form-level alert, so a network error, a timeout or a rate limit that outlasted the
// retries is said as such instead of a generic "could not be requested".
import {
  AtlasApiError,
  AtlasAuthError,
  AtlasNetworkError,
  AtlasRateLimitError,
  AtlasTimeoutError,
  AtlasValidationError,
  EndpointSunsetError,
  NoCompletedSnapshotError,
  RestoreJobFailedError,
} from '@atlas-kit/client';
import type { Locale } from '@atlas-kit/migration-notice';
import { FormCheckError } from './field-errors.ts';
import { formatSeconds, type Labels } from './labels.ts';

export function errorSummary(error: unknown, l: Labels, locale: Locale): string {
  const e = l.errors;
  // Order matters: the rate-limit and sunset errors are AtlasApiErrors too.
  if (error instanceof FormCheckError || error instanceof AtlasValidationError) return e.validation;
  if (error instanceof EndpointSunsetError) return e.sunset;
  if (error instanceof AtlasRateLimitError) return e.rateLimited(error.attempts);
  if (error instanceof AtlasApiError) {
    if (error.status === 401 || error.status === 403) return e.auth;
    return error.status === 400 ? e.badRequest(error.status, error.errorCode) : e.api(error.status, error.errorCode);
  }
  if (error instanceof AtlasAuthError) return e.auth;
  if (error instanceof AtlasNetworkError) return e.network(error.operationId);
  if (error instanceof AtlasTimeoutError) return e.timeout(formatSeconds(error.timeoutMs, locale));
  if (error instanceof RestoreJobFailedError) return e.jobFailed(error.job.status);
  if (error instanceof NoCompletedSnapshotError) return e.noSnapshot(error.clusterName);
  return e.unknown;
}
