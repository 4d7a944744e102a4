// Prints one closing line for CI from vitest's JSON reports: "tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of ['unit', 'firefox', 'e2e']) {
  const file = `.cache/vitest-${suite}.json`;
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
// The diagnosis corpus score (test/unit/diagnosis-corpus.test.ts), when the unit tests ran.
if (existsSync('.cache/vitest-diagnosis.json')) {
  const d = JSON.parse(readFileSync('.cache/vitest-diagnosis.json', 'utf8'));
  console.log(`diagnosis: ${d.right}/${d.total} causes right${d.wrong.length ? ` (wrong: ${d.wrong.join(', ')})` : ''}`);
}
