import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Libraries change less often than the app: separate chunks keep them cached across releases. */
function vendorChunk(moduleId: string): string | null {
  if (!moduleId.includes('node_modules')) {
    return null;
  }
  if (moduleId.includes('@mantine')) {
    return 'mantine';
  }
  return /node_modules\/(react|react-dom|scheduler)\//.test(moduleId) ? 'react' : 'vendor';
}

// The SPA is built into dist/web and served by the same Fastify server as the API.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: vendorChunk }] } } },
  },
  server: { proxy: { '/api': 'http://localhost:5000', '/health': 'http://localhost:5000' } },
});
