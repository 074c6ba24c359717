#!/usr/bin/env node
// Runs the prodguard command on the bundled examples/ and prints what it finds:
// `npm run examples`, or `npm run examples -- --strict` (any prodguard option passes through).
// Findings are the point of the examples, so exit code 1 (findings) counts as success here;
// 2 (a usage error or a crash) does not.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = spawnSync(process.execPath, [path.join(root, 'bin/prodguard.js'), 'examples', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status === 1 ? 0 : (run.status ?? 2));
