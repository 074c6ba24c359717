#!/usr/bin/env node
// npm run bench:instructions [-- --every N] [-- --dist DIR ...]
//
// The plugin's cost as a count of machine instructions, for comparing two builds on a busy machine.
// CPU time on a shared machine moves by ±5% from one run to the next for the same code, which is as
// large as most single changes; an instruction count repeats to within 1%.
//
// Each configuration is linted under valgrind's callgrind, with V8 in single-threaded mode so that
// its optimizing compiler runs on the main thread and is counted with everything else. Startup,
// loading the plugin and building the configuration are taken out by subtracting a run over one
// file from a run over one file in N of the generated dense corpus (default one in 4: 500 files).
//
// A count is not a time: it leaves out cache misses and memory stalls, and weighs compile work as
// much as linting. `npm run bench` stays the measure of the targets; this is the tool for telling
// whether a change made the plugin cheaper. Needs valgrind (`apt-get install valgrind`).
// `--dist DIR` (repeatable) counts `recommended` and `all` for each build given, e.g. a copy of
// dist/ from before a change, beside dist/ itself.
import { execFile, execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { generateCorpus } from './generate.js';
import { countLines, listSourceFiles } from './run.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tmp = path.join(root, '.tmp');
const worker = path.join(root, 'bench/lint-worker.js');

/** Instructions callgrind counted for one lint run. */
function count(config, listFile, dist) {
  return new Promise((resolve, reject) => {
    const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', worker, config, listFile];
    execFile('valgrind', args, { cwd: root, env: { ...process.env, PRODGUARD_DIST: dist }, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const collected = /Collected : (\d+)/.exec(stderr);
      if (error || !collected) reject(new Error(`valgrind ${config} (${dist}) failed: ${error?.message ?? stderr.slice(-500)}`));
      else resolve(Number(collected[1]));
    });
  });
}

/** Runs the jobs, at most `width` at a time (each is single-threaded). */
async function pool(jobs, width) {
  const results = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, lane));
  return results;
}

async function main() {
  const { values } = parseArgs({
    options: { every: { type: 'string', default: '4' }, dist: { type: 'string', multiple: true, default: [] } },
  });
  const every = Number(values.every);
  if (!Number.isInteger(every) || every < 1) throw new Error(`--every must be a whole number of at least 1, got "${values.every}"`);
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('valgrind is not installed: this bench counts instructions with callgrind (apt-get install valgrind).');
    process.exit(2);
  }
  const dists = [path.join(root, 'dist'), ...values.dist.map((d) => path.resolve(d))];

  // The dense corpus: the plugin does the most work per file there, so a change shows most clearly.
  generateCorpus(path.join(tmp, 'bench-corpus-dense'), { mix: 'dense' });
  const all = listSourceFiles([path.join(tmp, 'bench-corpus-dense')]);
  const files = all.filter((_, i) => i % every === 0);
  mkdirSync(tmp, { recursive: true });
  const listFile = path.join(tmp, 'bench-instructions-files.json');
  const oneFile = path.join(tmp, 'bench-instructions-one.json');
  writeFileSync(listFile, JSON.stringify(files));
  writeFileSync(oneFile, JSON.stringify(files.slice(0, 1)));

  console.log('prodguard instruction counts — callgrind, node --single-threaded');
  console.log(`corpus: ${every === 1 ? 'every file' : `one file in ${every}`} of the generated corpus: ${files.length} files, ${countLines(files)} lines`);
  console.log('each figure: instructions over all these files, less those of a run over the first file alone');
  console.log('');

  const runs = [{ config: 'floor', dist: dists[0] }];
  for (const dist of dists) runs.push({ config: 'recommended', dist }, { config: 'all', dist });
  const counts = await pool(
    runs.flatMap((r) => [() => count(r.config, listFile, r.dist), () => count(r.config, oneFile, r.dist)]),
    Math.max(1, availableParallelism()),
  );
  const work = runs.map((r, i) => ({ ...r, instructions: counts[2 * i] - counts[2 * i + 1] }));
  const floor = work[0].instructions;
  console.log('configuration   build                        instructions   / floor');
  for (const w of work) {
    const build = path.relative(root, w.dist) || '.';
    console.log(`${w.config.padEnd(14)}  ${build.padEnd(26)}  ${`${(w.instructions / 1e9).toFixed(2)} G`.padStart(14)}  ${(w.instructions / floor).toFixed(3).padStart(8)}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
