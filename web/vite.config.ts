/**
 * The dashboard's build: web/ -> dist/web (served by the Fastify app, src/server/web.ts).
 * No inline script or style may come out of it: the app's CSP forbids both.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Small files as data: URLs would be fine (img-src data:), but keep the base map a file.
    assetsInlineLimit: 4096,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    // `npx vite --config web/vite.config.ts` while `truce serve --port 8080` runs.
    proxy: { '/api': 'http://127.0.0.1:8080', '/docs': 'http://127.0.0.1:8080' },
  },
});
