// Vite config for the web UI. `vite build packages/web` (the root `npm run build`) writes to
// packages/web/dist, which the hub serves; `vite packages/web` proxies the API to a hub on :8080.
import { resolve } from 'node:path';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;
const hub = 'http://127.0.0.1:8080';

// `/catalogue` is both a UI page and the hub's RDF endpoint: a browser navigation (Accept: text/html)
// stays with the dev server's index.html, anything else (Turtle, JSON-LD, RDF/XML) goes to the hub.
const catalogueProxy: ProxyOptions = {
  target: hub,
  bypass: (req) => (req.headers.accept?.includes('text/html') ? '/index.html' : undefined),
};

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    // The workspace package, resolved to its source so the UI builds without a prior client build.
    alias: { '@openehds/client': resolve(here, '../client/src/index.ts') },
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: hub },
      '/health': { target: hub },
      '/catalogue': catalogueProxy,
    },
  },
});
