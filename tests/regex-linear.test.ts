// Every regular expression the plugin applies to source text runs in linear time: each one is fed
// adversarial strings of 100,000 characters and must finish within 250 ms.
//
// The expressions are collected two ways, so none is missed:
// - every regex literal and every `RegExp(...)`/`new RegExp(...)` built from a string or template
//   in src/**/*.ts (a template's `${...}` parts are filled with a plain identifier), and
// - every RegExp exported by a module under src/ (also inside exported arrays and objects, such as
//   the provider pattern lists), which covers expressions assembled at run time.
//
// Each test runs in a separate V8 context with a hard timeout, so a catastrophic pattern fails the
// test instead of hanging the suite.
import type { TSESTree } from '@typescript-eslint/utils';

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const LENGTH = 100_000;
const LIMIT_MS = 250;
const HARD_TIMEOUT_MS = 1_000;

interface Pattern {
  source: string;
  flags: string;
  origin: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

const patterns = new Map<string, Pattern>();
function add(source: string, flags: string, origin: string): void {
  const key = `/${source}/${flags}`;
  if (patterns.has(key)) return;
  try {
    new RegExp(source, flags);
  } catch {
    return; // a template filled with a placeholder may not compile; the exported value is checked instead
  }
  patterns.set(key, { source, flags, origin });
}

// 1. Regex literals and RegExp constructions in the source.
function stringArg(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join('client');
  return null;
}
for (const file of sourceFiles(src)) {
  const rel = path.relative(root, file);
  const ast = tsParser.parse(readFileSync(file, 'utf8'), { loc: true, range: false, ecmaVersion: 'latest', sourceType: 'module' });
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node & Record<string, unknown>;
    if (node.type === 'Literal' && 'regex' in node && node.regex) {
      const { regex } = node as TSESTree.RegExpLiteral;
      add(regex.pattern, regex.flags, `${rel}:${node.loc.start.line}`);
    } else if (
      (node.type === 'NewExpression' || node.type === 'CallExpression') &&
      node.callee.type === 'Identifier' &&
      node.callee.name === 'RegExp'
    ) {
      const source = stringArg(node.arguments[0]);
      const flags = stringArg(node.arguments[1]) ?? '';
      if (source !== null) add(source, flags, `${rel}:${node.loc.start.line}`);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc') continue;
      if (Array.isArray(value)) stack.push(...value.filter((v) => v && typeof v === 'object' && 'type' in v));
      else if (value && typeof value === 'object' && 'type' in value) stack.push(value);
    }
  }
}
const literalCount = patterns.size;

// 2. RegExps exported by the plugin's library modules, searched through arrays and plain objects.
function collect(value: unknown, origin: string, depth: number, seen: Set<unknown>): void {
  if (value instanceof RegExp) {
    add(value.source, value.flags, origin);
    return;
  }
  if (depth > 4 || value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Map) {
    for (const v of value.values()) collect(v, origin, depth + 1, seen);
  } else if (Array.isArray(value) || value instanceof Set) {
    for (const v of value) collect(v, origin, depth + 1, seen);
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return;
    for (const v of Object.values(value)) collect(v, origin, depth + 1, seen);
  }
}
// Only library modules: importing a command-line entry point could run it.
const libraryModules = ['analysis', 'rules', 'util'].flatMap((dir) => sourceFiles(path.join(src, dir)));
for (const file of libraryModules) {
  const rel = path.relative(root, file);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) collect(value, `${rel} export ${name}`, 0, new Set());
}

// Adversarial inputs: long runs of the characters and words a pattern accepts, so that a
// pattern that retries a long match from every start position shows quadratic time.
const CHARS = ['a', 'A', 'Z', 'x', '0', '9', '_', '-', '.', '/', ':', '=', '+', ' ', '\t', '\n', '@', '$', '"', "'", '`', '\\', '%', '#', '?', '&', ',', ';', '*', '(', '[', '{'];
const PAIRS = ['a:', 'a.', 'a-', 'a/', 'a=', 'a ', 'a_', 'a@', '0.', 'a,', 'aA', 'a0', 'a\n', ': ', '//', '-a', '_a', 'A_'];

function adversarialInputs(p: Pattern): string[] {
  const inputs = new Set<string>();
  const run = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
  for (const c of CHARS) {
    inputs.add(run(c));
    inputs.add(`${run(c).slice(1)}!`);
  }
  for (const pair of PAIRS) inputs.add(run(pair));
  inputs.add(run('aA0_-'));
  // Words written in the pattern itself (`sk_live_`, `Bearer`, `postgres`, `defaults`).
  const words = new Set(
    p.source
      .replace(/\\[a-zA-Z]/g, ' ')
      .split(/[^A-Za-z0-9_]+/)
      .filter((w) => w.length >= 3),
  );
  for (const word of [...words].slice(0, 12)) {
    inputs.add(run(word));
    inputs.add(run(`${word}.`));
    inputs.add(run(`${word} `));
    inputs.add(run(`${word}://a:`));
    inputs.add(`${word}${run('a').slice(word.length)}`);
    inputs.add(`${word}_${run('a0').slice(word.length + 1)}`);
  }
  return [...inputs];
}

const context = vm.createContext({});
vm.runInContext(
  `globalThis.__time = function (source, flags, input) {
    const re = new RegExp(source, flags);
    const start = Date.now();
    if (re.global || re.sticky) {
      let m;
      while ((m = re.exec(input)) !== null) if (m[0] === '') re.lastIndex++;
    } else {
      re.test(input);
    }
    return Date.now() - start;
  };`,
  context,
);

/** The slowest input's time in ms, or Infinity when one is stopped by the hard timeout. */
function slowest(p: Pattern): { ms: number; input: string } {
  let worst = { ms: 0, input: '' };
  for (const input of adversarialInputs(p)) {
    context.__args = [p.source, p.flags, input];
    let ms: number;
    try {
      ms = vm.runInContext('__time(...__args)', context, { timeout: HARD_TIMEOUT_MS }) as number;
    } catch {
      ms = Infinity;
    }
    if (ms > worst.ms) worst = { ms, input };
    if (ms > LIMIT_MS) break;
  }
  return worst;
}

const describeInput = (s: string) => `${JSON.stringify(s.slice(0, 24))}… (${s.length} chars)`;
const all = [...patterns.values()].sort((a, b) => a.origin.localeCompare(b.origin));

describe('regular expressions run in linear time', () => {
  it('finds the expressions the plugin uses', () => {
    console.log(`regex-linear: ${all.length} expressions (${literalCount} written in src, ${all.length - literalCount} more from exports)`);
    expect(literalCount).toBeGreaterThan(10);
  });

  it.each(all.map((p) => [`${p.origin}: /${p.source.length > 60 ? `${p.source.slice(0, 57)}...` : p.source}/${p.flags}`, p] as const))(
    '%s',
    (_name, p) => {
      const worst = slowest(p);
      expect(worst.ms, `slowest on ${describeInput(worst.input)}`).toBeLessThanOrEqual(LIMIT_MS);
    },
  );
});
