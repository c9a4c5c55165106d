// The checks must be able to fail: a pact broken on purpose (test/fixtures/broken-pact, see its
// README) must be rejected, each breakage by the check responsible for it, and its one intact
// interaction must pass.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComparatorResult } from '../../src/comparator.ts';
import { checkMediaTypes } from '../../src/media-types.ts';
import { readPact } from '../../src/pact-file.ts';
import { brokenPactDir } from '../../src/paths.ts';
import { checkSecurity } from '../../src/security.ts';
import { comparator } from './support.ts';

const pact = readPact(join(brokenPactDir, 'atlas-kit-client-atlas-admin-api.json'));
const errorsFor = (results: ComparatorResult[], description: string) =>
  results.filter((r) => r.type === 'error' && r.mockDetails?.interactionDescription === description);

describe('a deliberately broken pact', () => {
  it('a wrong response field type → comparator response.body.incompatible at that field', async () => {
    const errors = errorsFor(await comparator.compare(pact), 'broken: a tenant restore poll whose job id is a number');
    expect(errors.map((e) => e.code)).toContain('response.body.incompatible');
    expect(errors.find((e) => e.code === 'response.body.incompatible')?.mockDetails?.location).toMatch(
      /response\.body\.id$/,
    );
  });

  it('an undocumented status → comparator response.status.unknown', async () => {
    const errors = errorsFor(
      await comparator.compare(pact),
      'broken: a tenant download answered with the undocumented status 418',
    );
    expect(errors.map((e) => e.code)).toContain('response.status.unknown');
  });

  it('a wrong media-type version → the exact media-type check (Accept and Content-Type)', () => {
    const problems = checkMediaTypes(pact).filter(
      (p) => p.interaction === 'broken: a flex download sent with the tenant resource version',
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^request Accept is application\/vnd\.atlas\.2023-01-01\+json; downloadFlexBackup needs/),
      expect.stringMatching(
        /^request Content-Type is application\/vnd\.atlas\.2023-01-01\+json; downloadFlexBackup takes/,
      ),
    ]);
  });

  it('no credentials → the security check', () => {
    expect(checkSecurity(pact)).toEqual([
      {
        interaction: 'broken: a flex restore poll without credentials',
        message: expect.stringMatching(/no Authorization header/),
      },
    ]);
  });

  it('leaves the intact interaction alone', async () => {
    const intact = 'a request to download a ready tenant snapshot';
    expect(errorsFor(await comparator.compare(pact), intact)).toEqual([]);
    expect(checkMediaTypes(pact).filter((p) => p.interaction === intact)).toEqual([]);
    expect(checkSecurity(pact).filter((p) => p.interaction === intact)).toEqual([]);
  });
});
