// Prints what `npm test` ran, per suite and per browser, from vitest's JSON reports, and ends with
// one closing line for CI: "tests: N passed, N failed, N skipped".
//
// Suites: unit (.cache/vitest-unit.json), firefox build/lint/packaging (.cache/vitest-firefox.json),
// and the end-to-end runs that scripts/test-browsers.ts lists in .cache/e2e-runs.json (one per
// browser). A suite that did not run, a browser that was missing, or a test file that failed before
// its tests (a failed beforeAll) counts as a failure: nothing that was meant to run disappears.
import { existsSync, readFileSync } from 'node:fs';

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

/** Counts of one vitest JSON report; a file that failed outside its tests counts as one failure. */
function count(file) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const c = {
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    notes: [],
  };
  for (const f of r.testResults ?? []) {
    const failedTests = (f.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (f.status === 'failed' && failedTests === 0) {
      c.failed += 1;
      c.notes.push(
        `${f.name.replace(`${process.cwd()}/`, '')} failed outside its tests: ${String(f.message ?? '')
          .split('\n')[0]
          .slice(0, 200)}`,
      );
    }
  }
  return c;
}

function add(label, c) {
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  lines.push(`  ${label.padEnd(44)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  for (const n of c.notes ?? []) lines.push(`      ${n}`);
}

function suite(label, file) {
  if (existsSync(file)) add(label, count(file));
  else add(`${label} (did not run)`, { passed: 0, failed: 1, skipped: 0 });
}

suite('unit', '.cache/vitest-unit.json');
suite('firefox build, lint, packaging', '.cache/vitest-firefox.json');

if (existsSync('.cache/e2e-runs.json')) {
  const runs = JSON.parse(readFileSync('.cache/e2e-runs.json', 'utf8'));
  if (!runs.length) add('end-to-end (no browser run)', { passed: 0, failed: 1, skipped: 0 });
  for (const run of runs) {
    const label = `e2e ${run.browser} ${run.version ?? '?'}`;
    if (run.report && existsSync(run.report)) {
      const c = count(run.report);
      if (run.error) c.notes.push(run.error);
      // vitest exits non-zero on errors outside any test (an unhandled rejection): never "0 failed" then.
      if (run.exitCode !== 0 && c.failed === 0) {
        c.failed = 1;
        c.notes.push(`vitest exited with ${String(run.exitCode)} although no test failed (an error outside the tests; see its output)`);
      }
      add(label, c);
    } else {
      add(`${label} (did not run)`, { passed: 0, failed: 1, skipped: 0, notes: [run.error ?? 'no report'] });
    }
  }
} else if (existsSync('.cache/vitest-e2e.json') || existsSync('.cache/vitest-firefox-e2e.json')) {
  // A run by hand (npm run test:e2e / test:e2e:firefox), without the per-browser runner.
  if (existsSync('.cache/vitest-e2e.json')) add('e2e chromium', count('.cache/vitest-e2e.json'));
  if (existsSync('.cache/vitest-firefox-e2e.json')) add('e2e firefox', count('.cache/vitest-firefox-e2e.json'));
} else {
  add('end-to-end (did not run)', { passed: 0, failed: 1, skipped: 0 });
}

console.log('Test summary:');
for (const l of lines) console.log(l);
// The diagnosis corpus score (test/unit/diagnosis-corpus.test.ts), when the unit tests ran. Printed
// before the closing line, which must stay last.
if (existsSync('.cache/vitest-diagnosis.json')) {
  const d = JSON.parse(readFileSync('.cache/vitest-diagnosis.json', 'utf8'));
  console.log(`diagnosis: ${d.right}/${d.total} causes right${d.wrong.length ? ` (wrong: ${d.wrong.join(', ')})` : ''}`);
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
