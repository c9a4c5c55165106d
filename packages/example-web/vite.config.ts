import { msw } from 'msw/vite';
import { defineConfig } from 'vite';

// mockServiceWorker.js comes from msw/vite in worker-only mode: `vite` serves it from
// node_modules/msw (no copied file to keep in step with the msw version) and `vite build` emits it
// into dist/, so `vite preview` runs offline too. The browser tests use the same plugin.
export default defineConfig({
  plugins: [msw({ mode: 'worker-only' })],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  // The offline demo ships its Atlas mock (the spec documents + ajv) on purpose: ~680 kB is expected.
  build: { target: 'es2023', chunkSizeWarningLimit: 1024 },
});
