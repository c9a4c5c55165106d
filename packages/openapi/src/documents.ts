// The generated documents as plain objects. JSON imports (not fs reads) so that the same
// module works in Node, in Vite and in a browser test.
import atlasKit from '../generated/documents/atlas-kit.json' with { type: 'json' };
import flexBackup from '../generated/documents/flex-backup.json' with { type: 'json' };
import tenantDownload from '../generated/documents/tenant-download.json' with { type: 'json' };
import tenantRestores from '../generated/documents/tenant-restores.json' with { type: 'json' };

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, any>>;
  components: Record<string, Record<string, any>>;
  [key: string]: unknown;
};

/** All four operations with the documented behaviour (Deprecation/Sunset/Link, 406, 410) overlaid. */
export const atlasDocument = atlasKit as unknown as OpenApiDocument;

/** The faithful fragments, as written from upstream: what the drift checker compares. */
export const fragments = {
  tenantDownload: tenantDownload as unknown as OpenApiDocument,
  tenantRestores: tenantRestores as unknown as OpenApiDocument,
  flexBackup: flexBackup as unknown as OpenApiDocument,
};
