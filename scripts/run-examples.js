#!/usr/bin/env node
// Lints the bundled examples/ with the recommended preset and prints what it finds.
// Exits 0 when the run worked (findings are the point of the examples), 2 when it crashed.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
try {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'examples/eslint.config.js') });
  const results = await eslint.lintFiles(['examples']);
  const formatter = await eslint.loadFormatter('stylish');
  process.stdout.write(await formatter.format(results));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
