// Cold start, kit side: import the built mocks, set up the Atlas server and answer one POST
// (a tenant download, the clock pinned before its sunset) through msw's interception of fetch.
import { setupAtlasServer } from '@atlas-kit/mocks/node';
import { postDownload } from './post.mjs';

const { server } = setupAtlasServer({ clock: () => new Date('2025-12-01T00:00:00Z') });
server.listen({ onUnhandledFrame: 'error' });
const answered = await postDownload();
server.close();
if (!answered) process.exit(1);
