// Runs every *.test.ts under src/ and test/ with node's own test runner (Node 20 cannot glob .ts files itself).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'test', 'eval', 'bench', 'web'];
const files = roots.flatMap((root) => {
  try {
    return readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(root, f));
  } catch {
    return root.endsWith('.test.ts') ? [root] : [];
  }
});
if (files.length === 0) {
  console.error('No test files found under', roots.join(', '));
  process.exit(1);
}
files.sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
