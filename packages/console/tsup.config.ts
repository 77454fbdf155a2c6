import { defineConfig } from 'tsup';

// Only the tiny Node module that tells the gateway where the built app is; `vite build` makes the app.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
