import { atlasDocument } from '@atlas-kit/openapi';
import { createSpecComparator } from '../../src/comparator.ts';

/** One comparator for the whole step: the document's schemas are compiled once. */
export const comparator = createSpecComparator(atlasDocument);
