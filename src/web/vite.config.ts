// Vite configuration of the web application (root: src/web, output: src/web/dist).
// The server builds it on start when stale (src/server/webBuild.ts); `npm run build:web` does it by hand.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { prefetchScript } from './prefetch.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Inlines the dashboard's first requests into index.html (see prefetch.ts). */
const prefetch = (): Plugin => ({
  name: 'congthuong-prefetch',
  transformIndexHtml: () => [{ tag: 'script', children: prefetchScript(), injectTo: 'head-prepend' }],
});

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), prefetch()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
