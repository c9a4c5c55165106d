import atlasKit from '@atlas-kit/openapi/documents/atlas-kit.json' with { type: 'json' };
import { createSpecComparator } from '../../src/comparator.ts';

/** One comparator for the whole step: the document's schemas are compiled once. */
export const comparator = createSpecComparator(atlasKit as Parameters<typeof createSpecComparator>[0]);
