// The README's rules table and the header of every docs/rules page are generated from rule
// metadata by eslint-doc-generator (`npm run docs`). This fails, showing the diff, when
// they no longer match: a rule added, renamed, moved to another preset or review question,
// a description changed, or a docs page missing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const generator = path.join(root, 'node_modules/eslint-doc-generator/dist/bin/eslint-doc-generator.js');

it('README rules table and rule doc headers are up to date (run `npm run docs` to update them)', () => {
  const run = spawnSync(process.execPath, [generator, '--check'], { cwd: root, encoding: 'utf8' });
  expect({ status: run.status, output: `${run.stdout}${run.stderr}`.trim() }).toEqual({ status: 0, output: '' });
});
