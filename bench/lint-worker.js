// One lint run in a fresh process, so wall time and peak RSS belong to one configuration.
// Usage: node bench/lint-worker.js <parser-only|floor|recommended|all> <file-list.json>
//          [--stats] [--per-file] [--probe-analysis] [--warm]
// --warm lints the list once untimed first, so the figures are those of a warmed-up process (an editor's).
// Prints one JSON line: { config, files, ms, maxRssKb, findings: {rule: n}, fatal, ruleMs, perFileMs, perFileCpuMs, perFileRuleMs }.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import { runIfMain } from '../scripts/run-main.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** The built plugin: dist/, or the build named by PRODGUARD_DIST (a copy that stays put during a long run). */
const dist = process.env.PRODGUARD_DIST ? path.resolve(process.env.PRODGUARD_DIST) : path.join(root, 'dist');

export const EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

/**
 * A rule that builds the plugin's shared per-file analysis (every function's model) before the
 * real rules run, so ESLint's per-rule timing shows that shared cost on its own line instead of
 * charging it to whichever rule happens to ask first. Null when the analysis API is not there.
 */
async function sharedAnalysisProbe() {
  try {
    const { getFileAnalysis } = await import(pathToFileURL(path.join(dist, 'analysis/index.js')).href);
    if (typeof getFileAnalysis !== 'function') return null;
    return {
      meta: { type: 'problem', schema: [] },
      create: (context) => ({
        Program() {
          getFileAnalysis(context).models?.();
        },
      }),
    };
  } catch {
    return null;
  }
}

/** Flat config for one bench configuration. */
export async function benchConfig(name, { probe = false } = {}) {
  const base = {
    files: EXTENSIONS.map((ext) => `**/*.${ext}`),
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
  };
  // The TypeScript parser alone: ESLint parses and analyses scopes, and with no rule it skips the walk.
  if (name === 'parser-only') return [base];
  if (name === 'floor') {
    // The floor: the parser plus one rule that does nothing. ESLint then walks the tree and runs its
    // code-path analysis, which any rule at all costs and no plugin can avoid.
    const rule = { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) };
    return [base, { files: base.files, plugins: { bench: { rules: { empty: rule } } }, rules: { 'bench/empty': 'error' } }];
  }
  const { default: plugin } = await import(pathToFileURL(path.join(dist, 'index.js')).href);
  const preset = plugin.configs[name];
  if (!preset) throw new Error(`unknown configuration "${name}"`);
  const configs = [base];
  const probeRule = probe ? await sharedAnalysisProbe() : null;
  if (probeRule) {
    // Listed first, so its Program listener runs before every prodguard rule's.
    configs.push({ files: base.files, plugins: { bench: { rules: { 'shared-analysis': probeRule } } }, rules: { 'bench/shared-analysis': 'error' } });
  }
  return [...configs, { ...preset, files: base.files }];
}

/** Every rule's time on one file, by ESLint's own timing (`stats: true`). */
function ruleTimeOf(result) {
  let total = 0;
  for (const pass of result?.stats?.times?.passes ?? []) for (const t of Object.values(pass.rules ?? {})) total += t.total;
  return total;
}

async function main() {
  const [config, listFile, ...flags] = process.argv.slice(2);
  const stats = flags.includes('--stats');
  const perFile = flags.includes('--per-file');
  const files = JSON.parse(readFileSync(listFile, 'utf8'));
  const eslint = new ESLint({
    cwd: '/',
    ignore: false,
    overrideConfigFile: true,
    overrideConfig: await benchConfig(config, { probe: flags.includes('--probe-analysis') }),
    stats,
  });
  if (flags.includes('--warm')) await eslint.lintFiles(files);
  const perFileMs = [];
  const perFileCpuMs = [];
  /** With --stats: per linted entry, the time ESLint's rule timing gives every rule together. */
  const perFileRuleMs = [];
  let results = [];
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  if (perFile) {
    // One lintFiles call per entry (the same file may be listed repeatedly), each timed.
    for (const file of files) {
      const t = performance.now();
      const c = process.cpuUsage();
      const [result] = await eslint.lintFiles([file]);
      results.push(result);
      if (stats) perFileRuleMs.push(ruleTimeOf(result));
      perFileMs.push(performance.now() - t);
      const dc = process.cpuUsage(c);
      perFileCpuMs.push((dc.user + dc.system) / 1000);
    }
  } else {
    results = await eslint.lintFiles(files);
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  const findings = {};
  const ruleMs = {};
  const fatal = [];
  for (const result of results) {
    for (const m of result.messages) {
      // A parse error, or an error of ESLint's own (a rule or configuration it cannot load). ESLint's
      // warnings without a rule are notices, not failures: with inline configuration off (as here),
      // every `eslint-disable` comment of a project's code gets one.
      if (m.fatal || (!m.ruleId && m.severity === 2)) fatal.push(`${result.filePath}:${m.line}: ${m.message}`);
      else if (m.ruleId) findings[m.ruleId] = (findings[m.ruleId] ?? 0) + 1;
    }
    for (const pass of result.stats?.times?.passes ?? []) {
      for (const [rule, t] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + t.total;
    }
  }
  const out = { config, files: results.length, ms, cpuMs, maxRssKb: process.resourceUsage().maxRSS, findings, fatal, ruleMs, perFileMs, perFileCpuMs, perFileRuleMs };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

runIfMain(import.meta.url, main);
