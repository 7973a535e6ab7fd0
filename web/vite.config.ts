import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The dashboard, built into web/dist and served by the gateway at `/`. `npm run dev:web` proxies /api to it. */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://localhost:8000' } },
});
