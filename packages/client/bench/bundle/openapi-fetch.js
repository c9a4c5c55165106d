// The baseline: a page that uses openapi-fetch alone.
import createClient from 'openapi-fetch';

globalThis.atlas = createClient({ baseUrl: 'https://cloud.mongodb.com' });
