// envelope=true and pretty=true; media types of success (vendor) and error (application/json) answers.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { atlasOperationIds, judge, judgeApiError, mediaTypes, origin, read, requestFor } from './support.ts';

const clock = () => new Date('2025-12-01T12:00:00Z');

describe.each(atlasOperationIds)('%s', (id) => {
  const mock = () => {
    const m = createAtlasHandlers({ clock });
    if (id.startsWith('get')) m.atlas.seedRestoreJob({ api: id.includes('Flex') ? 'flex' : 'tenant' });
    return m;
  };

  it('envelope=true wraps the answer as {status, content}', async () => {
    const plain = await read(await getResponse(mock().handlers, requestFor(id)));
    const wrapped = await read(await getResponse(mock().handlers, requestFor(id, { query: 'envelope=true' })));
    expect(wrapped.status).toBe(200);
    expect(wrapped.body).toEqual({ status: 200, content: plain.body });
    expect(wrapped.headers.get('content-type')).toBe(mediaTypes[id]);
    expect(judge(id, wrapped, { envelope: true })).toEqual([]);
  });

  it('envelope=true wraps errors too', async () => {
    const wrapped = await read(
      await getResponse(
        mock().handlers,
        requestFor(id, { query: 'envelope=true', headers: { authorization: undefined } }),
      ),
    );
    expect(wrapped.status).toBe(401);
    expect(wrapped.body.status).toBe(401);
    expect(judge(id, wrapped, { envelope: true })).toEqual([]);
  });

  it('envelope=true wraps a 400 for an invalid path or query parameter too', async () => {
    for (const over of [
      { path: requestFor(id).url.replace(/^.*?\/groups\/[^/]+/, '/api/atlas/v2/groups/not-hex') },
      { query: 'envelope=true&pretty=maybe' },
    ]) {
      const url = new URL(requestFor(id, over).url);
      url.searchParams.set('envelope', 'true');
      const wrapped = await read(
        await getResponse(mock().handlers, requestFor(id, { path: url.pathname, query: url.search.slice(1) })),
      );
      expect(wrapped.status).toBe(400);
      expect(wrapped.body).toMatchObject({ status: 400, content: { errorCode: 'VALIDATION_ERROR' } });
      expect(judge(id, wrapped, { envelope: true })).toEqual([]);
    }
  });

  it('pretty=true indents; pretty=false and no flag do not', async () => {
    const pretty = await read(await getResponse(mock().handlers, requestFor(id, { query: 'pretty=true' })));
    expect(pretty.text).toBe(JSON.stringify(pretty.body, null, 2));
    const compact = await read(
      await getResponse(mock().handlers, requestFor(id, { query: 'pretty=false&envelope=false' })),
    );
    expect(compact.text).toBe(JSON.stringify(compact.body));
    expect(judge(id, pretty)).toEqual([]);
  });
});

describe('requests no operation matches', () => {
  it('answer 404 RESOURCE_NOT_FOUND under the API prefix (default)', async () => {
    const { handlers } = createAtlasHandlers({ clock });
    for (const req of [
      new Request(`${origin}/api/atlas/v2/groups/x/clusters`),
      new Request(`${origin}/api/atlas/v2/groups/x/flexClusters/y/backup/elsewhere`, { method: 'POST' }),
    ]) {
      const answer = await read(await getResponse(handlers, req));
      expect(answer.status).toBe(404);
      expect(answer.body.errorCode).toBe('RESOURCE_NOT_FOUND');
      expect(answer.headers.get('ratelimit-limit')).toBeTruthy();
      expect(judgeApiError(answer)).toEqual([]);
    }
  });

  it("are left to msw with unmatched: 'unhandled', and other origins are never touched", async () => {
    const { handlers } = createAtlasHandlers({ clock, unmatched: 'unhandled' });
    expect(await getResponse(handlers, new Request(`${origin}/api/atlas/v2/groups/x/clusters`))).toBeUndefined();
    const all = createAtlasHandlers({ clock }).handlers;
    expect(
      await getResponse(all, requestFor('downloadFlexBackup', { base: 'https://elsewhere.example' })),
    ).toBeUndefined();
  });
});
