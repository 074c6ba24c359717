// Every rule runs without an exception over real TypeScript and JavaScript shipped in
// node_modules, and linting is deterministic. `npm run robustness` does the same over
// 500,000+ lines (and any checked-out backends); this is its quick form for the test suite.
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { generateCorpus } from '../bench/generate.js';
import { collectSources, lintSources, serializeResults } from '../scripts/robustness.js';
import plugin from '../src/index.js';

const MIN_LINES = 50_000;

describe('robustness over real code', () => {
  const files = collectSources({ minLines: MIN_LINES });

  it(`collects at least ${MIN_LINES} lines of real TypeScript and JavaScript`, () => {
    const lines = files.reduce((sum, f) => sum + f.lines, 0);
    console.log(`robustness: ${files.length} files, ${lines} lines`);
    expect(lines).toBeGreaterThanOrEqual(MIN_LINES);
    expect(files.some((f) => f.file.endsWith('.ts'))).toBe(true);
  });

  it('runs every rule without an exception, and the same files in reverse order give identical output', async () => {
    const run = await lintSources({ plugin, files });
    console.log(`robustness: linted ${run.files} files, ${run.lines} lines; findings ${JSON.stringify(run.findings)}`);
    expect(run.exceptions).toEqual([]);
    expect(run.parseFailures).toEqual([]);
    expect(run.lines).toBeGreaterThanOrEqual(MIN_LINES * 0.95);

    // Determinism and no state carried between files: a second pass over a slice, reversed.
    const slice = files.slice(0, Math.ceil(files.length / 4));
    const again = await lintSources({ plugin, files: [...slice].reverse() });
    const wanted = new Set(slice.map((f) => f.file));
    expect(serializeResults(again.results)).toBe(serializeResults(run.results.filter(([file]) => wanted.has(file))));
  });

  it.each(['dense', 'real'] as const)('runs every rule without an exception over backend-shaped code across the data layers (%s mix)', async (mix) => {
    // Bench corpora: route handlers, services, repositories and jobs on Prisma, Drizzle, TypeORM,
    // Sequelize, Mongoose, Knex, Kysely and pg, where the analysis does real work; the real mix adds
    // the entities, DTOs, presenters, policies, middleware and tests around them.
    const dir = path.resolve(import.meta.dirname, `../.tmp/robustness-backends-${mix}`);
    generateCorpus(dir, { files: 250, seed: 6, mix });
    const backend = collectSources({ minLines: 0, dirs: [dir], nodeModules: path.join(dir, 'none') });
    const run = await lintSources({ plugin, files: backend });
    console.log(`robustness: backend-shaped (${mix}) ${run.files} files, ${run.lines} lines; findings ${JSON.stringify(run.findings)}`);
    expect(run.exceptions).toEqual([]);
    expect(run.parseFailures).toEqual([]);
    expect(run.files).toBe(250);
    expect(Object.keys(run.findings).length).toBeGreaterThan(0);
  });
});
