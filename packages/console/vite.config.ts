import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, defineConfig } from 'vite';

const packageDir = dirname(fileURLToPath(import.meta.url));
// Tests may build into a temporary folder; the package's own build goes to dist/app.
const outDir = resolve(packageDir, process.env.SWITCHYARD_CONSOLE_OUT_DIR ?? 'dist/app');

/** Prints the built bundle's total and per-file sizes, so a growing bundle is noticed at build time. */
function printBundleSize(): Plugin {
  let root = '';
  return {
    name: 'switchyard-print-bundle-size',
    apply: 'build',
    configResolved(config) {
      root = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = listFiles(root);
      const total = files.reduce((sum, file) => sum + file.bytes, 0);
      const scripts = files.filter((file) => file.name.endsWith('.js')).reduce((sum, file) => sum + file.bytes, 0);
      console.log(`\nconsole bundle: ${kb(total)} in ${files.length} files (JavaScript ${kb(scripts)})`);
      for (const file of files) console.log(`  ${file.name.padEnd(40)} ${kb(file.bytes)}`);
    },
  };
}

function listFiles(dir: string, prefix = ''): Array<{ name: string; bytes: number }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, `${prefix}${name}/`) : [{ name: `${prefix}${name}`, bytes: statSync(path).size }];
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export default defineConfig({
  root: resolve(packageDir, 'app'),
  base: '/console/',
  // React 19's automatic runtime through Vite's own oxc transform: no React plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: true, sourcemap: false },
  plugins: [printBundleSize()],
  logLevel: 'info',
});
