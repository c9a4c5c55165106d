import { msw } from 'msw/vite';
import { defineConfig } from 'vite';
import { sourceConditions } from '../../vitest.shared.ts';

// mockServiceWorker.js comes from msw/vite in worker-only mode: `vite` serves it from
// node_modules/msw (no copied file to keep in step with the msw version) and `vite build` emits it
// into dist/, so `vite preview` runs offline too. The browser tests use the same plugin.
// The page is an app bundled from the workspace's TypeScript sources (the `@atlas-kit/source`
// condition), as its tests are: `dev` and `build` need no library built first.
export default defineConfig({
  ...sourceConditions,
  plugins: [msw({ mode: 'worker-only' })],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  // The offline demo ships its Atlas mock (the spec documents + ajv) on purpose: ~680 kB is expected.
  build: { target: 'es2023', chunkSizeWarningLimit: 1024 },
});
