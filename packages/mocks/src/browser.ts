// Browser entry: setupWorker with the Atlas handlers. The page must serve msw's
// mockServiceWorker.js (see README: `msw init <publicDir> --save`).
import { type SetupWorker, setupWorker } from 'msw/browser';
import { createAtlasHandlers } from './handlers.ts';
import type { AtlasControl, AtlasMockOptions } from './types.ts';

export * from './index.ts';

export interface AtlasWorker {
  worker: SetupWorker;
  atlas: AtlasControl;
}

/** `setupWorker` with the Atlas handlers; call `await worker.start({ onUnhandledFrame: 'bypass' })` yourself. */
export function setupAtlasWorker(options: AtlasMockOptions = {}): AtlasWorker {
  const { handlers, atlas } = createAtlasHandlers(options);
  return { worker: setupWorker(...handlers), atlas };
}
