// What a page that uses the client with bearer or service-account auth bundles.
import { createAtlasClient } from '@atlas-kit/client';

globalThis.atlas = createAtlasClient({ auth: { type: 'bearer', token: 'x' } });
