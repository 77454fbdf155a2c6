// Runs every package's tests in one vitest run and ends the output with one line,
// `N passed, N failed, N skipped`, summed over the whole run (CI reads that line).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const resultsFile = '.vitest-results.json';
rmSync(resultsFile, { force: true });
const extra = process.argv.slice(2);
const child = spawn(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extra],
  { stdio: 'inherit', env: { ...process.env, NO_COLOR: process.env.NO_COLOR ?? '1' } },
);
child.on('exit', (code, signal) => {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed = results.numPassedTests;
    failed = results.numFailedTests;
    skipped = results.numPendingTests + results.numTodoTests;
    // A suite that fails to load has no tests to count: count it as a failure.
    failed += results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
  } catch {
    failed = Math.max(failed, 1);
  }
  const exitCode = code === 0 && failed === 0 ? 0 : 1;
  if (signal) failed = Math.max(failed, 1);
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(exitCode);
});
