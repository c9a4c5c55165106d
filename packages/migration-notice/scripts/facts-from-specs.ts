// Derives the migration facts from the hand-written fragments in specs/ and renders them as the
// TypeScript module src/generated/facts.ts. Pure apart from reading the YAML files, so that the
// generate script writes the result and the staleness test compares it without touching the disk.
//
// Only the anchors below are written here: which fragment to open and which operationId to look
// up. Everything else (method, path, media type, resource version, sunset, documentation links,
// the replacement's operationId, schema names) is read from the fragments; a missing or
// contradictory fact stops the generation with a message naming the file and the field.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export const specsDir = new URL('../../../specs/', import.meta.url);
export const factsFile = new URL('../src/generated/facts.ts', import.meta.url);

export const anchors = {
  deprecated: { file: 'tenant-download.yaml', operationId: 'downloadClusterBackupTenant' },
  tenantPoll: { file: 'tenant-restores.yaml', operationId: 'getBackupTenantRestore' },
  // The replacement's operationId is NOT an anchor: it is read from the deprecated operation's
  // externalDocs link, then looked up in this file.
  replacementFile: 'flex-backup.yaml',
  flexPoll: { file: 'flex-backup.yaml', operationId: 'getFlexRestoreJob' },
} as const;

type Doc = Record<string, any>;

export class FactsError extends Error {
  override name = 'FactsError';
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const versionedMediaType = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
// Both upstream docs-link styles end in the operation's docs id:
//   https://…/api-resources-spec/v2/#tag/Flex-Snapshots/operation/downloadFlexBackup
//   https://…/atlas-admin-api-v2/operation/operation-downloadflexbackup (lower-cased)
const docsOperationSegment = /\/operation\/(?:operation-)?([A-Za-z0-9]+)$/;

interface Located {
  file: string;
  path: string;
  method: string;
  op: Doc;
  doc: Doc;
}

function fail(file: string, where: string, message: string): never {
  throw new FactsError(`specs/${file}: ${where}: ${message}`);
}

function findOperation(file: string, doc: Doc, operationId: string): Located {
  const found: Located[] = [];
  for (const [path, item] of Object.entries<Doc>(doc.paths ?? {})) {
    for (const method of methods) {
      if (item?.[method]?.operationId === operationId) found.push({ file, path, method, op: item[method], doc });
    }
  }
  if (found.length !== 1) {
    fail(file, 'paths', `expected exactly one operation "${operationId}", found ${found.length}`);
  }
  return found[0] as Located;
}

function resolveRef(loc: Located, value: Doc | undefined): Doc | undefined {
  let current = value;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 10) fail(loc.file, loc.op.operationId, `$ref chain too long at ${current.$ref}`);
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) fail(loc.file, loc.op.operationId, `only local $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .reduce<Doc | undefined>((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], loc.doc);
    if (!current) fail(loc.file, loc.op.operationId, `unresolvable $ref ${ref}`);
  }
  return current;
}

function schemaName(loc: Located, where: string, media: Doc | undefined): string {
  const ref = media?.schema?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) {
    fail(loc.file, `${loc.op.operationId} ${where}`, 'schema is not a $ref to #/components/schemas/…');
  }
  return ref.slice('#/components/schemas/'.length);
}

/** The one versioned media type of the operation, from its request body and success response content keys. */
function mediaTypeOf(loc: Located): { mediaType: string; resourceVersion: string; request?: string; response: string } {
  const where = loc.op.operationId as string;
  const requestBody = resolveRef(loc, loc.op.requestBody);
  const success = Object.entries<Doc>(loc.op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  if (success.length !== 1) fail(loc.file, where, `expected one 2xx response, found ${success.length}`);
  const [status, rawResponse] = success[0] as [string, Doc];
  const response = resolveRef(loc, rawResponse);
  const keysOf = (content: Doc | undefined, label: string): string[] => {
    const keys = Object.keys(content ?? {});
    if (keys.length !== 1 || !versionedMediaType.test(keys[0] as string)) {
      fail(loc.file, `${where} ${label}`, `expected one versioned media type, found [${keys.join(', ')}]`);
    }
    return keys;
  };
  const [responseType] = keysOf(response?.content, `responses.${status}.content`) as [string];
  let requestType: string | undefined;
  if (requestBody) {
    [requestType] = keysOf(requestBody.content, 'requestBody.content') as [string];
    if (requestType !== responseType) {
      fail(loc.file, where, `request media type ${requestType} differs from response media type ${responseType}`);
    }
  }
  const resourceVersion = versionedMediaType.exec(responseType)?.[1] as string;
  const declared = response?.content?.[responseType]?.['x-xgen-version'];
  if (declared !== undefined && String(declared) !== resourceVersion) {
    fail(loc.file, where, `x-xgen-version ${declared} disagrees with media type ${responseType}`);
  }
  return {
    mediaType: responseType,
    resourceVersion,
    ...(requestType ? { request: schemaName(loc, 'requestBody', requestBody?.content?.[requestType]) } : {}),
    response: schemaName(loc, `responses.${status}`, response?.content?.[responseType]),
  };
}

function docsOperationId(loc: Located, url: unknown, field: string): string {
  if (typeof url !== 'string') fail(loc.file, `${loc.op.operationId} ${field}`, 'missing');
  const id = docsOperationSegment.exec(url)?.[1];
  if (!id) fail(loc.file, `${loc.op.operationId} ${field}`, `no "/operation/<id>" at the end of ${url}`);
  return id;
}

function sunsetOf(loc: Located): string {
  const raw = loc.op['x-sunset'];
  // yaml's default (core) schema keeps an unquoted 2026-01-22 a string; a Date would come from
  // the yaml-1.1 schema. Accept both, write the day.
  const value = raw instanceof Date ? raw.toISOString().slice(0, 10) : raw;
  if (typeof value !== 'string' || !isoDay.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    fail(loc.file, `${loc.op.operationId} x-sunset`, `expected YYYY-MM-DD, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function basics(loc: Located) {
  const m = mediaTypeOf(loc);
  return {
    operationId: loc.op.operationId as string,
    method: loc.method.toUpperCase(),
    path: loc.path,
    resourceVersion: m.resourceVersion,
    mediaType: m.mediaType,
    m,
  };
}

export async function readFragment(file: string, dir: URL = specsDir): Promise<Doc> {
  let text: string;
  try {
    text = await readFile(new URL(file, dir), 'utf8');
  } catch (error) {
    throw new FactsError(`specs/${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return parse(text) as Doc;
  } catch (error) {
    throw new FactsError(`specs/${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The facts, as a plain JSON-able object. */
export function deriveFacts(fragments: Record<string, Doc>) {
  const get = (file: string): Doc => {
    const doc = fragments[file];
    if (!doc) throw new FactsError(`specs/${file}: fragment not loaded`);
    return doc;
  };

  const dep = findOperation(anchors.deprecated.file, get(anchors.deprecated.file), anchors.deprecated.operationId);
  if (dep.op.deprecated !== true) fail(dep.file, `${dep.op.operationId} deprecated`, 'expected `deprecated: true`');
  const depBasics = basics(dep);
  const sunset = sunsetOf(dep);
  const depDocsUrl = dep.op['x-xgen-docs-url'];
  const depDocsId = docsOperationId(dep, depDocsUrl, 'x-xgen-docs-url');

  // Upstream points from the deprecated operation to its successor with externalDocs; its last
  // path segment names the successor's operationId.
  const successorUrl = dep.op.externalDocs?.url;
  const successorId = docsOperationId(dep, successorUrl, 'externalDocs.url');
  const rep = findOperation(anchors.replacementFile, get(anchors.replacementFile), successorId);
  if (rep.op.deprecated === true) fail(rep.file, successorId, 'the replacement is itself deprecated');
  const repBasics = basics(rep);
  if (!repBasics.m.request) fail(rep.file, successorId, 'the replacement has no request body');

  const tenantPoll = findOperation(
    anchors.tenantPoll.file,
    get(anchors.tenantPoll.file),
    anchors.tenantPoll.operationId,
  );
  const flexPoll = findOperation(anchors.flexPoll.file, get(anchors.flexPoll.file), anchors.flexPoll.operationId);
  const tenantPollBasics = basics(tenantPoll);
  const flexPollBasics = basics(flexPoll);
  if (tenantPollBasics.m.response !== depBasics.m.response) {
    fail(
      tenantPoll.file,
      tenantPoll.op.operationId,
      `answers ${tenantPollBasics.m.response}, the download answers ${depBasics.m.response}`,
    );
  }
  if (flexPollBasics.m.response !== repBasics.m.response) {
    fail(
      flexPoll.file,
      flexPoll.op.operationId,
      `answers ${flexPollBasics.m.response}, the download answers ${repBasics.m.response}`,
    );
  }
  const pollSunset = tenantPoll.op.deprecated === true ? sunsetOf(tenantPoll) : undefined;
  if (pollSunset !== undefined && pollSunset !== sunset) {
    fail(
      tenantPoll.file,
      `${tenantPoll.op.operationId} x-sunset`,
      `${pollSunset} differs from the download's ${sunset}`,
    );
  }

  /** A docs link that must end in "/operation/<id>"; returns the link itself. */
  const checkedLink = (loc: Located, url: unknown, field: string): string => {
    docsOperationId(loc, url, field);
    return url as string;
  };

  const poll = (loc: Located, b: ReturnType<typeof basics>) => ({
    operationId: b.operationId,
    method: b.method,
    path: b.path,
    resourceVersion: b.resourceVersion,
    mediaType: b.mediaType,
    deprecated: loc.op.deprecated === true,
    ...(loc.op.deprecated === true ? { sunset: sunsetOf(loc) } : {}),
    docsOperationId: docsOperationId(loc, loc.op['x-xgen-docs-url'], 'x-xgen-docs-url'),
    docsUrl: loc.op['x-xgen-docs-url'] as string,
    // A deprecated operation names its successor's page in externalDocs (the Link rel="successor-version").
    ...(loc.op.deprecated === true
      ? { successorDocsUrl: checkedLink(loc, loc.op.externalDocs?.url, 'externalDocs.url') }
      : {}),
    responseSchema: b.m.response,
  });

  return {
    deprecatedOperation: {
      operationId: depBasics.operationId,
      docsOperationId: depDocsId,
      method: depBasics.method,
      path: depBasics.path,
      resourceVersion: depBasics.resourceVersion,
      mediaType: depBasics.mediaType,
      deprecated: true,
      sunset,
      docsUrl: depDocsUrl as string,
      summary: String(dep.op.summary ?? ''),
      description: String(dep.op.description ?? ''),
      requestSchema: depBasics.m.request ?? fail(dep.file, dep.op.operationId, 'no request body'),
      responseSchema: depBasics.m.response,
    },
    replacementOperation: {
      operationId: repBasics.operationId,
      method: repBasics.method,
      path: repBasics.path,
      resourceVersion: repBasics.resourceVersion,
      mediaType: repBasics.mediaType,
      // The link upstream gives users of the deprecated operation (its externalDocs.url).
      docsUrl: successorUrl as string,
      docsTitle: String(dep.op.externalDocs?.description ?? ''),
      summary: String(rep.op.summary ?? ''),
      requestSchema: repBasics.m.request,
      responseSchema: repBasics.m.response,
    },
    restoreJobPolls: {
      tenant: poll(tenantPoll, tenantPollBasics),
      flex: poll(flexPoll, flexPollBasics),
    },
  };
}

export type DerivedFacts = ReturnType<typeof deriveFacts>;

export function sourceFiles(): string[] {
  return [
    ...new Set([anchors.deprecated.file, anchors.tenantPoll.file, anchors.replacementFile, anchors.flexPoll.file]),
  ];
}

/** The text of src/generated/facts.ts. Deterministic: the same fragments give the same bytes. */
export function renderFactsModule(facts: DerivedFacts): string {
  const files = sourceFiles()
    .map((f) => `specs/${f}`)
    .join(', ');
  return [
    `// generated from ${files} by scripts/generate.ts — do not edit.`,
    '// Regenerate: pnpm --filter @atlas-kit/migration-notice generate',
    '',
    `export const facts = ${JSON.stringify(facts, null, 2)} as const;`,
    '',
  ].join('\n');
}

export async function generateFactsModule(dir: URL = specsDir): Promise<string> {
  const fragments: Record<string, Doc> = {};
  for (const file of sourceFiles()) fragments[file] = await readFragment(file, dir);
  return renderFactsModule(deriveFacts(fragments));
}
