import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app, built by scripts/build.mjs into dist/apps/ledger-web and served by ledger-api (`/`,
 * `/app/*` and `/assets/*`). React's JSX is compiled by Vite's own transform (automatic runtime).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/ledger-web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // React Query marks its hooks "use client" for server components; a browser bundle has nothing to keep.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  logLevel: 'warn',
});
