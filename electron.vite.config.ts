import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/csp';
import pkg from './package.json';

/** Put the CSP into the built index.html (not in dev: the React refresh preamble is inline). */
function cspMeta(): Plugin {
  return {
    name: 'pawtners-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

// PAWTNERS_OUT lets parallel builds (tests, benchmarks) write to separate folders.
const out = process.env.PAWTNERS_OUT ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${out}/main`,
      lib: { entry: resolve(__dirname, 'electron/main/index.ts') },
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts') },
      externalizeDeps: true,
    },
  },
  renderer: {
    root: resolve(__dirname, 'src'),
    base: './',
    plugins: [react(), cspMeta()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, `${out}/renderer`),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; minified, start-up parses half the bytes.
      minify: !process.env.PAWTNERS_NO_MINIFY,
      chunkSizeWarningLimit: 2000,
      rollupOptions: {
        // The benchmark harness page is built only for `npm run bench`.
        input: {
          index: resolve(__dirname, 'src/index.html'),
          ...(process.env.PAWTNERS_BENCH
            ? { bench: resolve(__dirname, 'src/bench/index.html') }
            : {}),
        },
      },
    },
  },
});
