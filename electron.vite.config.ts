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

/**
 * src/main.tsx starts the start-up reads, then imports the app (src/app/boot.tsx) dynamically:
 * preload that chunk and its imports from the HTML so they download while the reads run.
 */
function preloadBoot(): Plugin {
  return {
    name: 'pawtners-preload-boot',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml(html, ctx) {
      const bundle = ctx.bundle;
      if (!bundle) return html;
      const files = new Set<string>();
      const add = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return;
        files.add(fileName);
        chunk.imports.forEach(add);
      };
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('/src/app/boot.tsx'))
          add(chunk.fileName);
      return [...files]
        .filter((f) => !html.includes(f))
        .map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` },
          injectTo: 'head' as const,
        }));
    },
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
    plugins: [react(), cspMeta(), preloadBoot()],
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
