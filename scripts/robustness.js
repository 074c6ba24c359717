#!/usr/bin/env node
// Runs every prodguard rule over a large body of real TypeScript and JavaScript and proves that
// no rule throws and that the output is deterministic.
//
// Sources: the TypeScript and JavaScript files shipped in packages under node_modules (sorted,
// TypeScript first, declarations, minified files and bundles over 300 KB left out), plus every
// source file under the directories given on the command line (for example checked-out
// open-source backends), until at least --min-lines lines are collected (default 500,000).
//
// Prints files, lines, files that do not parse (not a rule problem: counted, not linted),
// exceptions (a rule that throws; must be 0) and findings per rule. Then lints the same files
// again in a fresh process in reverse order and checks the two outputs are byte-identical.
//
// Usage: node scripts/robustness.js [dir...] [--min-lines N] [--no-determinism]
// PRODGUARD_DIST=<dir> loads the plugin from a copy of dist/ instead of dist/ itself.
// Exit code: 0 when every rule ran without an exception and both runs agree, 1 otherwise.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { runIfMain } from './run-main.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const TS_EXT = new Set(['.ts', '.tsx', '.mts', '.cts']);
const JS_EXT = new Set(['.js', '.jsx', '.mjs', '.cjs']);
const MAX_BYTES = 300_000;
const MAX_AVERAGE_LINE = 200; // longer on average: minified or generated

function lineCount(text) {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

function walk(dir, { skipNodeModules }, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.')) continue;
      if (skipNodeModules && e.name === 'node_modules') continue;
      walk(p, { skipNodeModules }, out);
    } else if (e.isFile()) {
      const ext = path.extname(e.name);
      if (!TS_EXT.has(ext) && !JS_EXT.has(ext)) continue;
      if (/\.d\.[cm]?ts$/.test(e.name) || /\.min\.js$/.test(e.name)) continue;
      out.push(p);
    }
  }
  return out;
}

/** A source file worth linting: not too big, not minified. Returns its text and line count. */
function readSource(file) {
  const size = statSync(file).size;
  if (size === 0 || size > MAX_BYTES) return null;
  const text = readFileSync(file, 'utf8');
  const lines = lineCount(text);
  if (lines === 0 || text.length / lines > MAX_AVERAGE_LINE) return null;
  return { text, lines };
}

/**
 * Collects source files: every file under `dirs` first, then node_modules (TypeScript files
 * before JavaScript, each in path order) until `minLines` is reached.
 * @returns {{ file: string, lines: number }[]}
 */
export function collectSources({ minLines = 500_000, dirs = [], nodeModules = path.join(root, 'node_modules') } = {}) {
  const out = [];
  let lines = 0;
  const take = (file) => {
    const src = readSource(file);
    if (!src) return;
    out.push({ file, lines: src.lines });
    lines += src.lines;
  };
  for (const dir of dirs) for (const f of walk(path.resolve(dir), { skipNodeModules: true }, [])) take(f);
  const modules = walk(nodeModules, { skipNodeModules: false }, []);
  const ordered = [...modules.filter((f) => TS_EXT.has(path.extname(f))), ...modules.filter((f) => JS_EXT.has(path.extname(f)))];
  for (const f of ordered) {
    if (lines >= minLines) break;
    take(f);
  }
  return out;
}

/** Lints each file with every rule of the plugin and records findings, parse failures and exceptions. */
export async function lintSources({ plugin, files, namespace = 'prodguard' }) {
  const rules = {};
  for (const id of Object.keys(plugin.rules ?? {})) rules[`${namespace}/${id}`] = 'error';
  // The Linter API lints text directly. ESLint never lints under node_modules, so files from
  // there are linted under a name with that folder renamed (the extension is what matters).
  const linter = new Linter({ cwd: '/' });
  const config = [
    {
      files: [...TS_EXT, ...JS_EXT].map((ext) => `**/*${ext}`),
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { [namespace]: plugin },
      rules,
    },
  ];
  const out = { files: 0, lines: 0, parseFailures: [], exceptions: [], findings: {}, results: [] };
  for (const { file, lines } of files) {
    const text = readFileSync(file, 'utf8');
    let messages;
    try {
      messages = linter.verify(text, config, {
        filename: file.replaceAll(`${path.sep}node_modules${path.sep}`, `${path.sep}packages${path.sep}`),
        // The packages' own eslint-disable comments must not hide anything.
        allowInlineConfig: false,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const rule = /Rule: "([^"]+)"/.exec(message)?.[1] ?? error?.ruleId ?? '(unknown rule)';
      out.exceptions.push({ file, rule, message: message.split('\n')[0] });
      continue;
    }
    const fatal = messages.find((m) => m.fatal);
    if (fatal) {
      if (fatal.ruleId) out.exceptions.push({ file, rule: fatal.ruleId, message: fatal.message });
      else out.parseFailures.push({ file, message: fatal.message });
      continue;
    }
    const notice = messages.find((m) => !m.ruleId);
    if (notice) {
      // Not linted at all (for example an ignored file): fail loudly rather than count it.
      out.exceptions.push({ file, rule: '(eslint)', message: notice.message });
      continue;
    }
    out.files++;
    out.lines += lines;
    const rows = messages.map((m) => {
      out.findings[m.ruleId] = (out.findings[m.ruleId] ?? 0) + 1;
      return [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.messageId, m.message, (m.suggestions ?? []).map((s) => [s.desc, s.fix])];
    });
    out.results.push([file, rows]);
  }
  return out;
}

/** The results in a canonical byte form, ordered by file path. */
export function serializeResults(results) {
  const sorted = [...results].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify(sorted);
}

const sha = (s) => createHash('sha256').update(s).digest('hex');

/** The built plugin: dist/, or the build named by PRODGUARD_DIST (a copy that stays put during a long run). */
async function loadPlugin() {
  const dist = process.env.PRODGUARD_DIST ? path.resolve(process.env.PRODGUARD_DIST) : path.join(root, 'dist');
  return (await import(pathToFileURL(path.join(dist, 'index.js')).href)).default;
}

async function main(argv) {
  let minLines = 500_000;
  let determinism = true;
  let listOnly = null;
  const dirs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--min-lines') minLines = Number(argv[++i]);
    else if (argv[i] === '--no-determinism') determinism = false;
    else if (argv[i] === '--second-pass') listOnly = argv[++i];
    else dirs.push(argv[i]);
  }
  const plugin = await loadPlugin();

  if (listOnly) {
    // The second run: a fresh process, files in reverse order; prints the hash of its output.
    const files = JSON.parse(readFileSync(listOnly, 'utf8')).reverse();
    const run = await lintSources({ plugin, files });
    process.stdout.write(`${sha(serializeResults(run.results))}\n`);
    return 0;
  }

  // A margin for files that do not parse, so at least minLines are linted.
  const files = collectSources({ minLines: Math.ceil(minLines * 1.1), dirs });
  const start = performance.now();
  const run = await lintSources({ plugin, files });
  const seconds = (performance.now() - start) / 1000;

  console.log(`prodguard robustness: every rule (${Object.keys(plugin.rules).length}) over real TypeScript and JavaScript`);
  console.log(`sources: ${dirs.length > 0 ? `${dirs.join(', ')} and ` : ''}node_modules`);
  const tsFiles = files.filter((f) => TS_EXT.has(path.extname(f.file)));
  console.log(`collected: ${files.length} files (${tsFiles.length} TypeScript), ${files.reduce((a, f) => a + f.lines, 0)} lines`);
  console.log(`linted: ${run.files} files, ${run.lines} lines in ${seconds.toFixed(1)} s`);
  console.log(`files that do not parse (skipped, not a rule problem): ${run.parseFailures.length}`);
  for (const p of run.parseFailures.slice(0, 10)) console.log(`  ${path.relative(root, p.file)}: ${p.message}`);
  console.log(`exceptions: ${run.exceptions.length}`);
  for (const e of run.exceptions) console.log(`  ${e.rule}  ${path.relative(root, e.file)}: ${e.message}`);
  console.log('findings:');
  for (const [rule, n] of Object.entries(run.findings).sort()) {
    console.log(`  ${rule.padEnd(44)} ${String(n).padStart(6)}  ${((n / run.lines) * 10_000).toFixed(2).padStart(7)} per 10k lines`);
  }

  let same = true;
  if (determinism) {
    const tmp = path.join(root, '.tmp');
    mkdirSync(tmp, { recursive: true });
    const listFile = path.join(tmp, 'robustness-files.json');
    writeFileSync(listFile, JSON.stringify(files));
    const first = sha(serializeResults(run.results));
    const second = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--second-pass', listFile], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    same = first === second;
    console.log(`determinism: second run in a fresh process, files in reverse order: ${same ? 'byte-identical' : 'DIFFERENT'} (sha256 ${first.slice(0, 16)}${same ? '' : ` vs ${second.slice(0, 16)}`})`);
  }
  const ok = run.exceptions.length === 0 && same && run.lines >= minLines;
  if (run.lines < minLines) console.log(`only ${run.lines} lines linted, fewer than ${minLines}`);
  console.log(ok ? 'PASS' : 'FAIL');
  return ok ? 0 : 1;
}

runIfMain(import.meta.url, main);
