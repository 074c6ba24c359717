#!/usr/bin/env node
// Scores the plugin against the labelled corpus under tests/corpus.
//
// A corpus file is a realistic backend file. The line before each labelled unit carries
//   // @expect <rule-id>[, <rule-id>...]     or     // @expect none
// and a unit is a function declaration, a variable declaration (an arrow or function
// initializer, or a schema/constant for the rules that report on declarations), a class
// method or property, an object property, or a call statement whose callback is the
// handler (`app.post('/x', async (req, res) => {...})`). A comment among the first lines,
//   // @corpus-rules <rule-id>, <rule-id>
// restricts the rules scored for that file (default: every rule).
//
// Each finding counts for the innermost labelled unit containing it. Per rule and unit:
// TP = expected and reported, FN = expected and not reported, FP = reported where not
// expected. A finding outside every labelled unit is an FP of its own ("unlabelled").
//
// Usage: node scripts/accuracy.js [--json] [dir...]   (default dir: tests/corpus)
//
// Scan mode, for real projects without labels:
//   node scripts/accuracy.js --scan [--preset recommended|strict|all] [--list] dir...
// lints every source file under the dirs (node_modules, dot-folders, declarations and bundles
// left out) and prints findings per rule, per 10,000 lines, and with --list every finding with
// its source line, for triage.
// Exit code: 0 when every rule with labelled positives reaches recall and precision 0.9,
// 1 when one does not or a label is malformed, 2 when the run crashed.
// A rule with fewer than 15 functions labelled positive also fails (PRODGUARD_CORPUS_MIN=n
// changes the minimum, 0 turns it off).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import { runIfMain } from './run-main.js';

export const THRESHOLD = 0.9;
/** Functions labelled positive each rule needs in the corpus (PRODGUARD_CORPUS_MIN overrides). */
export const MIN_POSITIVES = 15;
const CORPUS_EXTENSIONS = ['.ts', '.tsx', '.js', '.mts', '.cts', '.jsx', '.mjs', '.cjs'];
const EXPECT_RE = /^\s*@expect\b(.*)$/;
const CORPUS_RULES_RE = /^\s*@corpus-rules\b(.*)$/;
const RULE_ID_RE = /^[a-z][a-z0-9-]*$/;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
/** Node types that can be a labelled unit when they start the line after the label. */
const UNIT_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'VariableDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ClassDeclaration',
  'MethodDefinition',
  'PropertyDefinition',
  'TSAbstractMethodDefinition',
  'Property',
  'ExpressionStatement',
]);

// ---------------------------------------------------------------------------
// Reading labels

/** Every corpus file under the given files or directories, sorted. */
export function listCorpusFiles(targets) {
  const out = [];
  const visit = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(path.join(p, name));
      }
    } else if (CORPUS_EXTENSIONS.includes(path.extname(p)) && !p.endsWith('.d.ts')) {
      out.push(p);
    }
  };
  for (const t of targets) if (existsSync(t)) visit(path.resolve(t));
  return [...new Set(out)].sort();
}

function isJsxFile(filePath) {
  return /\.(tsx|jsx|js|mjs|cjs)$/.test(filePath);
}

function parseRuleList(text) {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Direct child nodes of an ESTree node. */
function childNodes(node) {
  const out = [];
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v.type === 'string') out.push(v);
    } else if (value && typeof value.type === 'string') {
      out.push(value);
    }
  }
  return out;
}

function containsFunction(node) {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (FUNCTION_TYPES.has(n.type)) return true;
    stack.push(...childNodes(n));
  }
  return false;
}

function keyName(key, text) {
  if (!key) return '?';
  if (key.type === 'Identifier' || key.type === 'PrivateIdentifier') return key.name;
  if (key.type === 'Literal') return String(key.value);
  return text.slice(key.range[0], key.range[1]);
}

/** A readable name for a unit: `createOrder`, `OrderService.pay`, `app.post('/orders')`. */
function unitName(node, text) {
  switch (node.type) {
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
      return node.declaration ? unitName(node.declaration, text) : 'export';
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ClassDeclaration':
      return node.id?.name ?? '(anonymous)';
    case 'ArrowFunctionExpression':
      return '(arrow)';
    case 'VariableDeclaration': {
      const id = node.declarations[0]?.id;
      return id?.type === 'Identifier' ? id.name : text.slice(id.range[0], id.range[1]);
    }
    case 'MethodDefinition':
    case 'PropertyDefinition':
    case 'TSAbstractMethodDefinition': {
      const cls = node.parent?.parent;
      const owner = cls?.id?.name ? `${cls.id.name}.` : '';
      return owner + keyName(node.key, text);
    }
    case 'Property':
      return keyName(node.key, text);
    case 'ExpressionStatement': {
      let call = node.expression;
      if (call.type === 'AwaitExpression') call = call.argument;
      if (call.type === 'ChainExpression') call = call.expression;
      if (call.type !== 'CallExpression') return 'statement';
      const callee = text.slice(call.callee.range[0], call.callee.range[1]).replace(/\s+/g, '');
      const first = call.arguments[0];
      const arg = first && first.type === 'Literal' && typeof first.value === 'string' ? `'${first.value}'` : '';
      return `${callee.length > 60 ? `${callee.slice(0, 57)}...` : callee}(${arg})`;
    }
    default:
      return node.type;
  }
}

/** Whether a candidate node is a labelled unit, or why not. */
function unitProblem(node) {
  switch (node.type) {
    case 'ExportNamedDeclaration':
      return node.declaration ? unitProblem(node.declaration) : 'an export list is not a function';
    case 'ExportDefaultDeclaration':
      return FUNCTION_TYPES.has(node.declaration.type) || node.declaration.type === 'ClassDeclaration'
        ? null
        : containsFunction(node.declaration)
          ? null
          : 'the default export holds no function';
    case 'ExpressionStatement':
      return containsFunction(node.expression) ? null : 'the statement has no function (handler callback) in it';
    case 'Property':
    case 'PropertyDefinition':
      return node.value && (containsFunction(node.value) || node.parent?.type === 'ClassBody')
        ? null
        : 'the property holds no function';
    default:
      return null;
  }
}

/**
 * Reads one corpus file's labels.
 * @returns {{ scoredRules: string[]|null, units: Unit[], errors: string[] }}
 * where Unit = { name, line, endLine, start, end, expected: string[] } (offsets into the text).
 */
export function readLabels(text, filePath, knownRules) {
  const errors = [];
  const rel = filePath;
  let ast;
  try {
    ast = tsParser.parse(text, {
      loc: true,
      range: true,
      comment: true,
      ecmaVersion: 'latest',
      sourceType: 'module',
      ecmaFeatures: { jsx: isJsxFile(filePath) },
      filePath,
    });
  } catch (error) {
    return { scoredRules: null, units: [], errors: [`${rel}: does not parse: ${error.message}`] };
  }

  // Parent links and the candidate units, indexed by start line.
  const byLine = new Map();
  const stack = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    for (const child of childNodes(node)) {
      child.parent = node;
      stack.push(child);
    }
    if (UNIT_TYPES.has(node.type)) {
      const index = (line) => {
        if (!byLine.has(line)) byLine.set(line, []);
        byLine.get(line).push(node);
      };
      index(node.loc.start.line);
      // A decorated member may carry its label between the decorators and the member itself.
      if (node.decorators?.length > 0 && node.key && node.key.loc.start.line !== node.loc.start.line) {
        index(node.key.loc.start.line);
      }
    }
  }

  const lines = text.split(/\r\n|\r|\n/);
  const firstCodeLine = ast.body[0]?.loc.start.line ?? Infinity;
  let scoredRules = null;
  const units = [];

  for (const comment of ast.comments ?? []) {
    if (comment.type !== 'Line') continue;
    const line = comment.loc.start.line;

    const directive = CORPUS_RULES_RE.exec(comment.value);
    if (directive) {
      if (line > firstCodeLine) errors.push(`${rel}:${line}: @corpus-rules must come before the first statement`);
      if (scoredRules) errors.push(`${rel}:${line}: a second @corpus-rules directive`);
      const list = parseRuleList(directive[1]);
      if (list.length === 0) errors.push(`${rel}:${line}: @corpus-rules names no rule`);
      for (const id of list) {
        if (!knownRules.includes(id)) errors.push(`${rel}:${line}: @corpus-rules names unknown rule "${id}"`);
      }
      scoredRules = list.filter((id) => knownRules.includes(id));
      continue;
    }

    const label = EXPECT_RE.exec(comment.value);
    if (!label) continue;
    const list = parseRuleList(label[1]);
    let expected = [];
    if (list.length === 0) {
      errors.push(`${rel}:${line}: @expect names nothing (write \`@expect none\` for a silent function)`);
      continue;
    } else if (list.includes('none')) {
      if (list.length > 1) errors.push(`${rel}:${line}: @expect none cannot be combined with rule ids`);
    } else {
      for (const id of list) {
        if (!RULE_ID_RE.test(id) || !knownRules.includes(id)) {
          errors.push(`${rel}:${line}: @expect names unknown rule "${id}"`);
        } else if (!expected.includes(id)) {
          expected.push(id);
        }
      }
    }
    // The unit starts on the next line that is not itself a comment.
    let target = line + 1;
    while (target <= lines.length && /^\s*(\/\/|\/\*|\*)/.test(lines[target - 1]) && !byLine.has(target)) target++;
    const candidates = byLine.get(target) ?? [];
    if (candidates.length === 0) {
      errors.push(`${rel}:${line}: @expect is not followed by a function (line ${target})`);
      continue;
    }
    // The outermost construct starting on that line: earliest start, then widest.
    candidates.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
    const node = candidates[0];
    const problem = unitProblem(node);
    if (problem) {
      errors.push(`${rel}:${line}: @expect is not followed by a function: ${problem}`);
      continue;
    }
    if (units.some((u) => u.start === node.range[0] && u.end === node.range[1])) {
      errors.push(`${rel}:${line}: a second @expect for the same function (put every rule id in one label)`);
      continue;
    }
    units.push({
      name: unitName(node, text),
      line: node.loc.start.line,
      labelLine: line,
      endLine: node.loc.end.line,
      start: node.range[0],
      end: node.range[1],
      expected,
    });
  }

  if (scoredRules) {
    for (const unit of units) {
      for (const id of unit.expected) {
        if (!scoredRules.includes(id)) {
          errors.push(`${rel}:${unit.labelLine}: @expect names "${id}", which this file's @corpus-rules does not score`);
        }
      }
    }
  }
  return { scoredRules, units, errors };
}

// ---------------------------------------------------------------------------
// Linting and scoring

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The innermost unit whose range contains the offset, or null. */
function innermostUnit(units, offset) {
  let best = null;
  for (const u of units) {
    if (u.start <= offset && offset < u.end && (!best || u.start >= best.start)) best = u;
  }
  return best;
}

/** ESLint flat config that runs every given rule of the plugin with the TypeScript parser. */
export function corpusConfig(plugin, namespace, ruleIds) {
  const rules = {};
  for (const id of ruleIds) rules[`${namespace}/${id}`] = 'error';
  return [
    {
      files: CORPUS_EXTENSIONS.map((ext) => `**/*${ext}`),
      languageOptions: {
        parser: tsParser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        // The parser takes JSX from the file extension for .ts/.tsx/.js; this covers the rest.
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { [namespace]: plugin },
      rules,
    },
  ];
}

/**
 * Lints the corpus and scores every rule.
 * @param {{ targets: string[], plugin: object, namespace?: string, ruleIds?: string[], cwd?: string }} options
 */
export async function scoreCorpus({ targets, plugin, namespace = 'prodguard', ruleIds, cwd = process.cwd() }) {
  const ids = (ruleIds ?? Object.keys(plugin.rules ?? {})).slice().sort();
  const files = listCorpusFiles(targets);
  const eslint = new ESLint({
    // The corpus models production code: lint it from its own root, so its files are not taken for
    // tests by the rules that skip `**/tests/**` (their paths read `db-races/x.ts`, not `tests/corpus/…`).
    cwd: targets.length === 1 && statSync(path.resolve(targets[0])).isDirectory() ? path.resolve(targets[0]) : '/',
    overrideConfigFile: true,
    overrideConfig: corpusConfig(plugin, namespace, ids),
    ignore: false,
  });

  const stats = new Map(ids.map((id) => [id, { rule: id, positives: 0, scoredUnits: 0, tp: 0, fn: 0, fp: 0 }]));
  const misses = []; // { kind: 'FN'|'FP', rule, file, line, name }
  const errors = [];
  let unitCount = 0;

  for (const file of files) {
    const rel = path.relative(cwd, file) || file;
    const text = readFileSync(file, 'utf8');
    const labels = readLabels(text, rel, ids);
    errors.push(...labels.errors);
    const scored = labels.scoredRules ?? ids;
    unitCount += labels.units.length;

    const [result] = await eslint.lintText(text, { filePath: file });
    const starts = lineStarts(text);
    // rule -> Set(unit) reported, and findings outside every unit
    const reported = new Map();
    for (const msg of result?.messages ?? []) {
      if (msg.fatal || !msg.ruleId) {
        errors.push(`${rel}:${msg.line ?? 0}: ${msg.fatal ? 'fatal' : 'error'}: ${msg.message}`);
        continue;
      }
      if (!msg.ruleId.startsWith(`${namespace}/`)) continue;
      const rule = msg.ruleId.slice(namespace.length + 1);
      if (!scored.includes(rule)) continue;
      const offset = (starts[msg.line - 1] ?? 0) + Math.max(0, (msg.column ?? 1) - 1);
      const unit = innermostUnit(labels.units, offset);
      if (!unit) {
        stats.get(rule).fp++;
        misses.push({ kind: 'FP', rule, file: rel, line: msg.line, name: '(outside every labelled function)', message: msg.message });
        continue;
      }
      if (!reported.has(rule)) reported.set(rule, new Map());
      const perUnit = reported.get(rule);
      if (!perUnit.has(unit)) perUnit.set(unit, msg);
    }

    for (const unit of labels.units) {
      for (const rule of scored) {
        const s = stats.get(rule);
        s.scoredUnits++;
        const expected = unit.expected.includes(rule);
        const hit = reported.get(rule)?.get(unit);
        if (expected) s.positives++;
        if (expected && hit) s.tp++;
        else if (expected) {
          s.fn++;
          misses.push({ kind: 'FN', rule, file: rel, line: unit.line, name: unit.name });
        } else if (hit) {
          s.fp++;
          misses.push({ kind: 'FP', rule, file: rel, line: hit.line, name: unit.name, message: hit.message });
        }
      }
    }
  }

  misses.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
  const rules = [...stats.values()].map((s) => ({
    ...s,
    recall: s.positives > 0 ? s.tp / s.positives : null,
    precision: s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : null,
  }));
  const total = rules.reduce(
    (acc, s) => ({
      positives: acc.positives + s.positives,
      tp: acc.tp + s.tp,
      fn: acc.fn + s.fn,
      fp: acc.fp + s.fp,
    }),
    { positives: 0, tp: 0, fn: 0, fp: 0 },
  );
  total.recall = total.positives > 0 ? total.tp / total.positives : null;
  total.precision = total.tp + total.fp > 0 ? total.tp / (total.tp + total.fp) : null;
  return { files: files.length, units: unitCount, rules, total, misses, errors };
}

/** Why the corpus run fails, one line per reason (empty when it passes). */
export function thresholdFailures(score, { threshold = THRESHOLD, minPositives = 0 } = {}) {
  const out = [...score.errors];
  for (const s of score.rules) {
    if (s.positives > 0 && s.recall < threshold) {
      out.push(`${s.rule}: recall ${fmt(s.recall)} < ${threshold} (${s.tp}/${s.positives})`);
    }
    if (s.positives > 0 && s.precision !== null && s.precision < threshold) {
      out.push(`${s.rule}: precision ${fmt(s.precision)} < ${threshold} (${s.tp} TP, ${s.fp} FP)`);
    }
    if (minPositives > 0 && s.positives < minPositives) {
      out.push(`${s.rule}: ${s.positives} labelled positive functions, fewer than ${minPositives}`);
    }
  }
  return out;
}

function fmt(x) {
  return x === null ? '-' : x.toFixed(2);
}

/** The table and the list of misses, as printed by `npm run accuracy`. */
export function formatReport(score) {
  const header = ['rule', 'positives', 'TP', 'FN', 'FP', 'recall', 'precision', ''];
  const rows = score.rules.map((s) => [
    s.rule,
    String(s.positives),
    String(s.tp),
    String(s.fn),
    String(s.fp),
    fmt(s.recall),
    fmt(s.precision),
    s.positives === 0 ? 'no corpus yet' : '',
  ]);
  const t = score.total;
  rows.push(['total', String(t.positives), String(t.tp), String(t.fn), String(t.fp), fmt(t.recall), fmt(t.precision), '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [];
  out.push(`Corpus: ${score.files} files, ${score.units} labelled functions`);
  out.push('');
  out.push(line(header));
  const rule = line(widths.map((w, i) => (i === widths.length - 1 ? '' : '-'.repeat(w))));
  out.push(rule);
  for (const r of rows.slice(0, -1)) out.push(line(r));
  out.push(rule);
  out.push(line(rows[rows.length - 1]));
  for (const kind of ['FN', 'FP']) {
    const list = score.misses.filter((m) => m.kind === kind);
    if (list.length === 0) continue;
    out.push('');
    out.push(kind === 'FN' ? 'False negatives (expected, not reported):' : 'False positives (reported, not expected):');
    for (const m of list) {
      out.push(`  ${m.rule}  ${m.file}:${m.line}  ${m.name}${m.message ? `  — ${m.message}` : ''}`);
    }
  }
  if (score.errors.length > 0) {
    out.push('');
    out.push('Corpus errors:');
    for (const e of score.errors) out.push(`  ${e}`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Scanning real projects

const MAX_SCAN_BYTES = 1_000_000;

/** Source files under the dirs for a scan, sorted. */
export function listScanFiles(dirs) {
  const out = [];
  const visit = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(path.join(p, name));
      }
    } else if (
      CORPUS_EXTENSIONS.includes(path.extname(p)) &&
      !/\.d\.[cm]?ts$/.test(p) &&
      !/\.min\.js$/.test(p) &&
      st.size <= MAX_SCAN_BYTES
    ) {
      out.push(p);
    }
  };
  for (const d of dirs) visit(path.resolve(d));
  return out;
}

/** Lints real code with one preset; returns line counts and every finding. */
export async function scanProject({ dirs, plugin, preset = 'recommended', namespace = 'prodguard' }) {
  const config = plugin.configs?.[preset];
  if (!config) throw new Error(`unknown preset "${preset}"`);
  const ruleIds = Object.keys(config.rules ?? {}).map((id) => id.slice(namespace.length + 1));
  const eslint = new ESLint({
    cwd: '/',
    overrideConfigFile: true,
    overrideConfig: corpusConfig(plugin, namespace, ruleIds),
    ignore: false,
    // A project's own eslint-disable comments name rules that are not loaded here.
    allowInlineConfig: false,
  });
  const files = listScanFiles(dirs);
  let lines = 0;
  const findings = [];
  const fatal = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const [result] = await eslint.lintText(text, { filePath: file });
    const sourceLines = text.split(/\r?\n/);
    for (const m of result?.messages ?? []) {
      if (m.fatal || !m.ruleId) {
        fatal.push({ file, line: m.line ?? 0, message: m.message });
        continue;
      }
      if (!m.ruleId.startsWith(`${namespace}/`)) continue;
      findings.push({
        rule: m.ruleId.slice(namespace.length + 1),
        file,
        line: m.line,
        column: m.column,
        message: m.message,
        source: (sourceLines[m.line - 1] ?? '').trim().slice(0, 160),
      });
    }
  }
  return { preset, files: files.length, lines, ruleIds, findings, fatal };
}

export function formatScan(scan, { list = false, cwd = process.cwd() } = {}) {
  const out = [];
  out.push(`Scan (${scan.preset}): ${scan.files} files, ${scan.lines} lines, ${scan.findings.length} findings`);
  if (scan.fatal.length > 0) out.push(`Files that do not parse: ${scan.fatal.length}`);
  out.push('');
  const width = Math.max(4, ...scan.ruleIds.map((r) => r.length));
  out.push(`${'rule'.padEnd(width)}  findings  per 10k lines`);
  for (const rule of [...scan.ruleIds].sort()) {
    const n = scan.findings.filter((f) => f.rule === rule).length;
    out.push(`${rule.padEnd(width)}  ${String(n).padStart(8)}  ${((n / Math.max(1, scan.lines)) * 10_000).toFixed(2).padStart(13)}`);
  }
  if (list) {
    out.push('');
    for (const f of scan.findings) {
      const rel = path.relative(cwd, f.file);
      out.push(`${rel.startsWith('..') ? f.file : rel}:${f.line}:${f.column}  ${f.rule}  ${f.message}`);
      out.push(`    ${f.source}`);
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Command line

async function main(argv) {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const json = argv.includes('--json');
  const presetAt = argv.indexOf('--preset');
  const preset = presetAt >= 0 ? argv[presetAt + 1] : 'recommended';
  const targets = argv.filter((a, i) => !a.startsWith('--') && !(presetAt >= 0 && i === presetAt + 1));
  const { default: plugin } = await import(pathToFileURL(path.join(root, 'dist/index.js')).href);
  if (argv.includes('--scan')) {
    if (targets.length === 0) throw new Error('--scan needs at least one directory');
    const scan = await scanProject({ dirs: targets, plugin, preset, namespace: plugin.meta?.namespace ?? 'prodguard' });
    process.stdout.write(json ? `${JSON.stringify(scan, null, 2)}\n` : `${formatScan(scan, { list: argv.includes('--list') })}\n`);
    return 0;
  }
  const score = await scoreCorpus({
    targets: targets.length > 0 ? targets : [path.join(root, 'tests/corpus')],
    plugin,
    namespace: plugin.meta?.namespace ?? 'prodguard',
    cwd: root,
  });
  const minPositives = Number(process.env.PRODGUARD_CORPUS_MIN ?? MIN_POSITIVES);
  const failures = thresholdFailures(score, { minPositives });
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...score, failures }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(score)}\n`);
    process.stdout.write(
      failures.length === 0
        ? `\nPASS: every rule reaches recall and precision ${THRESHOLD}${minPositives > 0 ? ` with at least ${minPositives} labelled positives` : ''}.\n`
        : `\nFAIL:\n${failures.map((f) => `  ${f}`).join('\n')}\n`,
    );
  }
  return failures.length === 0 ? 0 : 1;
}

runIfMain(import.meta.url, main);
