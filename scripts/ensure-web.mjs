// Builds the dashboard (npm run build:web -> dist/web) when it is missing or older than its sources,
// so `npm start` on a fresh clone, or after a pull, serves the dashboard that matches the code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const built = join(root, 'dist/web/index.html');
const sources = [join(root, 'web'), join(root, 'package-lock.json')];

/** Newest modification time under a path (files only; tests do not go into the build). */
function newest(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.endsWith('.test.ts')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newest));
if (builtAt === 0 || builtAt < sourcesAt) {
  console.log(builtAt === 0 ? 'Building the dashboard (first start)...' : 'Rebuilding the dashboard (web/ changed)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'build:web', '--', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('The dashboard did not build (npm run build:web failed); see the messages above.');
    process.exit(r.status ?? 1);
  }
}
