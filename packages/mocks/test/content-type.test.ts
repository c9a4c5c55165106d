// Content-Type of a request body (issue 14, item 3). Atlas picks the resource version from Accept;
// the spec's own x-codeSamples send `Content-Type: application/json` with a versioned Accept, so a
// JSON body is taken under `application/json` as under the operation's versioned type. Any other
// type is HTTP's 415 Unsupported Media Type — never a 400 that names a body field.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { example, judge, judgeApiError, mediaTypes, read, requestFor } from './support.ts';

const clock = () => new Date('2025-12-01T12:00:00Z');
const ops = ['downloadClusterBackupTenant', 'downloadFlexBackup'] as const;

async function post(id: (typeof ops)[number], contentType: string | undefined) {
  const { handlers } = createAtlasHandlers({ clock });
  const body = JSON.stringify(id === 'downloadFlexBackup' ? example.flexBody : example.tenantBody);
  const request = requestFor(id, { headers: { 'content-type': contentType }, body });
  // A string body makes fetch add text/plain when no type is given: remove it for "none".
  if (contentType === undefined) request.headers.delete('content-type');
  return read(await getResponse(handlers, request));
}

describe.each(ops)('%s', (id) => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])(
    'takes %s as the x-codeSamples send it',
    async (type) => {
      const answer = await post(id, type);
      expect(answer.status).toBe(200);
      expect(judge(id, answer)).toEqual([]);
    },
  );

  it('takes its own versioned type', async () => {
    expect((await post(id, mediaTypes[id])).status).toBe(200);
  });

  it.each([
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'application/vnd.atlas.2023-10-01+json',
    ';;',
    undefined,
  ])('answers 415 UNSUPPORTED_MEDIA_TYPE for %s, naming no body field', async (type) => {
    const answer = await post(id, type);
    expect(answer.status).toBe(415);
    expect(answer.body.errorCode).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(answer.body.reason).toBe('Unsupported Media Type');
    expect(answer.body.badRequestDetail).toBeUndefined();
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(judgeApiError(answer)).toEqual([]);
  });
});
