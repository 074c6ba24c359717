// The `prodguard` command, run as users run it: the built binary spawned as a process, on
// temporary projects and on the bundled examples/.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/prodguard.js');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.PRODGUARD_DEBUG;
  Object.assign(env, extra);
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key];
  return env;
}

function prodguard(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project; `linkPlugin` makes `import 'eslint-plugin-prodguard'` resolve to this package. */
function project(files: Record<string, string>, { linkPlugin = false } = {}): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'prodguard-cli-')));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  if (linkPlugin) {
    mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
    symlinkSync(root, path.join(dir, 'node_modules/eslint-plugin-prodguard'), 'dir');
  }
  return dir;
}

/** The first line of each file-level block in stylish output, made relative. */
function reportedFiles(stdout: string, dir: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(dir))
    .map((line) => path.relative(dir, line.trim()))
    .sort();
}

// A config of the kind a project writes: core rules give this file's tests findings that do
// not depend on how any prodguard rule evolves.
const CORE_RULES_CONFIG = `import prodguard from 'eslint-plugin-prodguard';
export default [
  prodguard.configs.recommended,
  { rules: { 'no-debugger': 'error', 'no-console': 'warn' } },
];
`;

describe.concurrent('prodguard --help / --version / bad usage', () => {
  const dir = project({ 'src/ok.ts': 'export const answer: number = 42;\n' });

  it('--help lists every option and exits 0', async () => {
    const run = await prodguard(['--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: prodguard \[options\] \[paths\.\.\.\]/);
    for (const flag of ['--strict', '--config', '--format', '--output-file', '--max-warnings', '--quiet', '--rule', '--cache', '--concurrency', '--help', '--version']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stderr).toBe('');
  });

  it('--version prints the package version and the ESLint it runs on', async () => {
    const run = await prodguard(['--version'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^prodguard ${pkg.version.replaceAll('.', '\\.')} \\(ESLint \\d+\\.\\d+\\.\\d+\\)\\n$`));
  });

  it.each([
    [['--bogus'], 'prodguard: unknown option --bogus (see prodguard --help)'],
    [['--format', 'xml'], "prodguard: unknown format 'xml'; use one of stylish, json, sarif (see prodguard --help)"],
    [['--format'], 'prodguard: --format needs a value (see prodguard --help)'],
    [['--quiet=yes'], 'prodguard: --quiet takes no value (see prodguard --help)'],
    [['--max-warnings', 'ten'], "prodguard: --max-warnings takes a whole number, got 'ten' (see prodguard --help)"],
    [['--concurrency', '0'], "prodguard: --concurrency takes a positive number, auto or off, got '0' (see prodguard --help)"],
    [['does/not/exist'], 'prodguard: no such file or directory: does/not/exist (see prodguard --help)'],
    [['--config', 'missing.config.js'], 'prodguard: config file not found: missing.config.js (see prodguard --help)'],
    [['--strict', '--config', 'x.js'], 'prodguard: --strict picks the built-in preset; with --config your config decides which rules run (see prodguard --help)'],
  ])('%j is a one-line usage error with exit code 2', async (args, message) => {
    const run = await prodguard(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.stdout).toBe('');
  });

  it('an unknown --rule names the rules there are', async () => {
    const run = await prodguard(['--rule', 'no-such-rule'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2); // one line and its newline
    expect(run.stderr).toMatch(/^prodguard: unknown rule 'no-such-rule'; known rules: .*no-lost-update.*require-timeout/);
  });

  it('a directory with nothing to lint is an error, not a silent pass', async () => {
    const docsOnly = project({ 'docs/readme.md': '# hi\n', 'data.json': '{}\n' });
    const run = await prodguard(['docs'], docsOnly);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'prodguard: nothing to lint in docs: no TypeScript or JavaScript files, or all of them ignored (see prodguard --help)\n',
    );
    const ignoredOnly = project({ 'dist/index.js': 'export const a = 1;\n' });
    const ignored = await prodguard(['dist'], ignoredOnly);
    expect(ignored.code).toBe(2);
    expect(ignored.stderr).toBe(
      'prodguard: nothing to lint in dist: no TypeScript or JavaScript files, or all of them ignored (see prodguard --help)\n',
    );
  });

  it('a config that fails to load is one line naming the file', async () => {
    const broken = project({ 'a.js': 'export const a = 1;\n', 'eslint.config.mjs': "throw new Error('broken on purpose');\n" });
    const run = await prodguard(['--config', 'eslint.config.mjs'], broken);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('prodguard: could not load eslint.config.mjs: broken on purpose (set PRODGUARD_DEBUG=1 for details)\n');
  });

  it('a crashing rule is one line naming the rule and the file, with the stack behind PRODGUARD_DEBUG', async () => {
    const crashing = project({
      'src/a.js': 'export function f() {\n  debugger;\n}\n',
      'crash.config.mjs': `export default [{
  plugins: { local: { rules: { boom: { create: () => ({ DebuggerStatement() { throw new TypeError('cannot read x'); } }) } } } },
  rules: { 'local/boom': 'error' },
}];\n`,
    });
    const run = await prodguard(['-c', 'crash.config.mjs'], crashing);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'prodguard: rule local/boom crashed on src/a.js:2: cannot read x (set PRODGUARD_DEBUG=1 for details)\n',
    );
    const debug = await prodguard(['-c', 'crash.config.mjs'], crashing, { PRODGUARD_DEBUG: '1' });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/TypeError: cannot read x\n[^]*\n\s+at /);
  });
});

describe.concurrent('prodguard with the built-in setup', () => {
  it('lints a clean project: exit 0, one summary line, nothing on stderr', async () => {
    const dir = project({ 'src/ok.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n' });
    const run = await prodguard([], dir);
    expect(run).toEqual({ code: 0, stdout: 'prodguard: no problems found in 1 file.\n', stderr: '' });
  });

  it('reads every TypeScript and JavaScript extension with the TypeScript parser, JSX included', async () => {
    // Each file is broken so that being linted shows up as a parsing error.
    const broken = 'export const = ;\n';
    const dir = project({
      'src/a.ts': broken,
      'src/b.tsx': broken,
      'src/c.mts': broken,
      'src/d.cts': broken,
      'src/e.js': broken,
      'src/f.jsx': broken,
      'src/g.mjs': broken,
      'src/h.cjs': broken,
      'src/ok-view.tsx': 'export const View = (p: { name: string }) => <div title={p.name}>{p.name}</div>;\n',
      'src/ok-view.jsx': 'export const View = (p) => <div title={p.name}>{p.name}</div>;\n',
      'src/ok-generic.ts': 'export const id = <T,>(x: T): T => x;\nexport const n = <number>(<unknown>1);\n',
      'notes.md': broken,
      'data.json': broken,
    });
    const run = await prodguard(['.'], dir);
    expect(run.code).toBe(1);
    expect(reportedFiles(run.stdout, dir)).toEqual(
      ['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs'].map((f) => `src/${f}`),
    );
    expect(run.stdout).toContain('Parsing error');
    expect(run.stdout).toContain('prodguard: 8 problems (8 errors, 0 warnings) in 8 of 11 files');
    expect(run.stdout).toMatch(/\nCould not be parsed +8 files\n/);
  });

  it('skips node_modules, build output, declaration files and .gitignored paths', async () => {
    const broken = 'export const = ;\n';
    const dir = project({
      'src/ok.ts': 'export const ok = 1;\n',
      'src/broken.ts': broken,
      'node_modules/lib/index.js': broken,
      'packages/app/node_modules/x/index.ts': broken,
      'dist/index.js': broken,
      'packages/app/build/out.js': broken,
      '.next/server/page.js': broken,
      'coverage/lcov-report/prettify.js': broken,
      'public/vendor.min.js': broken,
      'src/types.d.ts': broken,
      'generated/client.ts': broken,
      'src/local.secret.ts': broken,
      'logs/keep/keep.ts': broken,
      '.gitignore': '# build artefacts\n/generated\n*.secret.ts\nlogs/\n!logs/keep/\n',
    });
    const run = await prodguard([], dir);
    expect(run.code).toBe(1);
    // Git cannot re-include a file inside an ignored directory, and neither does prodguard.
    expect(reportedFiles(run.stdout, dir)).toEqual(['src/broken.ts']);
    expect(run.stdout).toContain('in 1 of 2 files');
  });

  it('--quiet hides warnings, and a run with only warnings exits 0', async () => {
    const dir = project(
      {
        'src/log.js': 'export function f() {\n  console.log("hi");\n}\n',
        'eslint.config.mjs': CORE_RULES_CONFIG,
      },
      { linkPlugin: true },
    );
    const loud = await prodguard(['-c', 'eslint.config.mjs'], dir);
    expect(loud.code).toBe(0);
    expect(loud.stdout).toMatch(/2:3\s+warning\s+Unexpected console statement\s+no-console/);
    const quiet = await prodguard(['-c', 'eslint.config.mjs', '--quiet'], dir);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

// The article's example and a few more bugs of the kinds the presets exist for.
const SYNC_CANDIDATE = `import { db } from './db';
import { externalApi } from './external-api';
import type { Candidate } from './types';

export async function syncCandidate(candidateId: string, updates: Partial<Candidate>) {
  const existing = await db.candidates.findUnique({ where: { id: candidateId } });
  const merged = { ...existing, ...updates, updatedAt: new Date() };
  await db.candidates.update({ where: { id: candidateId }, data: merged });
  await externalApi.updateCandidate(candidateId, merged);
  return merged;
}
`;
const PAYMENTS = `import Stripe from 'stripe';

const stripe = new Stripe('sk_live_51HxQvLKj2nT8rW9pZmYc3dFgH7aB4eU6iO0pQrS1tV2wX3yZ');

export async function loadRates() {
  const response = await fetch('https://api.exchangerate.host/latest');
  return response.json();
}

let token: string | undefined;
export async function getToken() {
  if (!token) {
    token = await fetch('https://auth.example.com/token', { signal: AbortSignal.timeout(5_000) }).then((r) => r.text());
  }
  return token;
}
`;

type JsonResults = Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number }> }>;
function findings(stdout: string, dir: string): string[] {
  return (JSON.parse(stdout) as JsonResults)
    .flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`))
    .sort();
}

describe.concurrent('prodguard rules through the command', () => {
  const dir = project({ 'src/candidates.ts': SYNC_CANDIDATE, 'src/payments.ts': PAYMENTS });

  it("finds the article's lost update and a hardcoded key with zero set-up, grouped by review question", async () => {
    const run = await prodguard(['--rule', 'no-lost-update', '--rule', 'prodguard/no-hardcoded-secrets'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    // The update call on line 8, and the key literal on line 3.
    expect(run.stdout).toMatch(/src\/candidates\.ts\n\s+8:9\s+error\s+`db\.candidates\.update` writes back values computed from `db\.candidates\.findUnique`\..*prodguard\/no-lost-update\n/);
    expect(run.stdout).toMatch(/src\/payments\.ts\n\s+3:27\s+error\s+.*Stripe secret key.*prodguard\/no-hardcoded-secrets\n/);
    const summary = run.stdout.slice(run.stdout.indexOf('prodguard: 2 problems'));
    expect(summary.split('\n')).toEqual([
      'prodguard: 2 problems (2 errors, 0 warnings) in 2 of 2 files',
      '',
      'Runs twice at the same time',
      '  prodguard/no-lost-update           1',
      'External service is down          none',
      'Connection drops mid-operation    none',
      'Valid but contradictory input     none',
      'Hardcoded values',
      '  prodguard/no-hardcoded-secrets     1',
      'Error paths                       none',
      '',
      'Most findings: src/candidates.ts (1)',
      '',
    ]);
  });

  it('runs the recommended preset by default and adds the strict-only rules with --strict', async () => {
    // no-shared-state-race (the token refresh in getToken) is in strict only.
    expect((await import('../src/rules/index.js')).rules['no-shared-state-race'].meta.docs?.recommended).toBe('strict');
    const recommended = findings((await prodguard(['-f', 'json'], dir)).stdout, dir);
    const strict = findings((await prodguard(['--strict', '-f', 'json'], dir)).stdout, dir);
    expect(recommended).toEqual(expect.arrayContaining([
      'src/candidates.ts:8:9 prodguard/no-lost-update',
      'src/payments.ts:3:27 prodguard/no-hardcoded-secrets',
      'src/payments.ts:6:26 prodguard/require-timeout',
    ]));
    expect(recommended.filter((f) => f.endsWith('no-shared-state-race'))).toEqual([]);
    expect(strict).toEqual(expect.arrayContaining([...recommended, 'src/payments.ts:13:5 prodguard/no-shared-state-race']));
  });

  it('--rule runs only the named rules, whatever the preset says', async () => {
    const run = await prodguard(['--rule', 'require-timeout', '-f', 'json'], dir);
    expect(run.code).toBe(1);
    // getToken's fetch has a signal; loadRates' has none.
    expect(findings(run.stdout, dir)).toEqual(['src/payments.ts:6:26 prodguard/require-timeout']);
    const strictOnly = await prodguard(['--rule', 'no-shared-state-race', '-f', 'json'], dir);
    expect(findings(strictOnly.stdout, dir)).toEqual(['src/payments.ts:13:5 prodguard/no-shared-state-race']);
  });

  it('SARIF describes each prodguard rule with its docs page and review question', async () => {
    const run = await prodguard(['--rule', 'no-lost-update', '-f', 'sarif'], dir);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expectValidSarif(log);
    expect(log.runs[0].tool.driver.rules).toEqual([
      {
        id: 'prodguard/no-lost-update',
        helpUri: expect.stringMatching(/^https:\/\/github\.com\/.+\/docs\/rules\/no-lost-update\.md$/),
        properties: { category: 'Runs twice at the same time' },
        shortDescription: { text: expect.stringMatching(/^Disallow writing back a record/) },
      },
    ]);
    const [result] = log.runs[0].results;
    expect(result.ruleId).toBe('prodguard/no-lost-update');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: 'src/candidates.ts', uriBaseId: '%SRCROOT%' });
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 8, startColumn: 9, endLine: 8, endColumn: 75 });
  });
});

describe.concurrent('findings, summary and exit codes with a project config', () => {
  const dir = project(
    {
      'src/orders.js': 'export function a() {\n  debugger;\n  console.log(1);\n  console.log(2);\n}\n',
      'src/users.js': 'export function b() {\n  debugger;\n}\n',
      'src/clean.js': 'export const c = 1;\n',
      'eslint.config.mjs': CORE_RULES_CONFIG,
    },
    { linkPlugin: true },
  );

  it('prints the findings, then a summary grouped by review question, and exits 1 on errors', async () => {
    const run = await prodguard(['--config', 'eslint.config.mjs', 'src'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/src\/orders\.js\n\s+2:3\s+error\s+Unexpected 'debugger' statement\s+no-debugger\n\s+3:3\s+warning/);
    const summary = run.stdout.slice(run.stdout.indexOf('prodguard: '));
    expect(summary.split('\n')).toEqual([
      'prodguard: 4 problems (2 errors, 2 warnings) in 2 of 3 files',
      '',
      'Runs twice at the same time     none',
      'External service is down        none',
      'Connection drops mid-operation  none',
      'Valid but contradictory input   none',
      'Hardcoded values                none',
      'Error paths                     none',
      'Other rules',
      '  no-console                       2',
      '  no-debugger                      2',
      '',
      'Most findings: src/orders.js (3)',
      '',
    ]);
  });

  it('--max-warnings: over the limit exits 1 with a message, at the limit the warnings pass', async () => {
    const warningsOnly = ['--config', 'eslint.config.mjs', '--rule', 'no-lost-update', 'src'];
    // --rule narrows a project config to the named prodguard rules: nothing left to report.
    const narrowed = await prodguard(warningsOnly, dir);
    expect(narrowed.code).toBe(0);
    expect(narrowed.stdout).toBe('prodguard: no problems found in 3 files.\n');

    const warnDir = project(
      { 'a.js': 'console.log(1);\nconsole.log(2);\n', 'eslint.config.mjs': CORE_RULES_CONFIG },
      { linkPlugin: true },
    );
    const over = await prodguard(['-c', 'eslint.config.mjs', '--max-warnings', '1'], warnDir);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('prodguard: 2 warnings, more than --max-warnings 1 allows.\n');
    const at = await prodguard(['-c', 'eslint.config.mjs', '--max-warnings', '2'], warnDir);
    expect(at.code).toBe(0);
    expect(at.stderr).toBe('');
  });

  it('--format json prints ESLint results alone on stdout and the summary on stderr', async () => {
    const run = await prodguard(['-c', 'eslint.config.mjs', '--format', 'json', 'src'], dir);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>;
    const found = results
      .flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line} ${m.ruleId}`))
      .sort();
    expect(found).toEqual([
      'src/orders.js:2 no-debugger',
      'src/orders.js:3 no-console',
      'src/orders.js:4 no-console',
      'src/users.js:2 no-debugger',
    ]);
    expect(run.stderr).toMatch(/^prodguard: 4 problems \(2 errors, 2 warnings\) in 2 of 3 files\n/);
    expect(run.stderr).toContain('Most findings: src/orders.js (3)');
  });

  it('--format sarif prints SARIF 2.1.0 that validates against the schema, with repository-relative paths', async () => {
    const run = await prodguard(['-c', 'eslint.config.mjs', '-f', 'sarif', 'src'], dir);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expectValidSarif(log);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('prodguard');
    expect(sarifRun.tool.driver.version).toBe(pkg.version);
    expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${dir}/`);
    const results = sarifRun.results.map((r) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      return `${r.ruleId} ${r.level} ${artifactLocation.uriBaseId}/${artifactLocation.uri}:${region.startLine}:${region.startColumn}`;
    });
    expect(results.sort()).toEqual([
      'no-console warning %SRCROOT%/src/orders.js:3:3',
      'no-console warning %SRCROOT%/src/orders.js:4:3',
      'no-debugger error %SRCROOT%/src/orders.js:2:3',
      'no-debugger error %SRCROOT%/src/users.js:2:3',
    ]);
    expect(sarifRun.tool.driver.rules.map((r) => r.id).sort()).toEqual(['no-console', 'no-debugger']);
    expect(run.stderr).toContain('prodguard: 4 problems');
  });

  it('--output-file writes the report (without colour codes) and prints the summary', async () => {
    const run = await prodguard(['-c', 'eslint.config.mjs', '-f', 'sarif', '-o', 'reports/prodguard.sarif', 'src'], dir);
    expect(run.code).toBe(1);
    const log = JSON.parse(readFileSync(path.join(dir, 'reports/prodguard.sarif'), 'utf8')) as SarifLog;
    expectValidSarif(log);
    expect(log.runs[0].results).toHaveLength(4);
    expect(run.stdout).toMatch(/^prodguard: 4 problems[^]*\nReport written to reports\/prodguard\.sarif\n$/);

    const stylish = await prodguard(['-c', 'eslint.config.mjs', '-o', 'report.txt', 'src'], dir);
    expect(stylish.code).toBe(1);
    const text = readFileSync(path.join(dir, 'report.txt'), 'utf8');
    expect(text).toContain("Unexpected 'debugger' statement");
    expect(text).not.toContain('\u001b[');
  });

  it('the schema check rejects a malformed log (so the checks above can fail)', async () => {
    const run = await prodguard(['-c', 'eslint.config.mjs', '-f', 'sarif', 'src/users.js'], dir);
    const log = JSON.parse(run.stdout) as SarifLog;
    expectValidSarif(log);
    (log.runs[0].results[0] as { level: string }).level = 'fatal';
    expect(validateSarif!(log)).toBe(false);
  });

  it('a clean SARIF run still validates and has an empty results list', async () => {
    const run = await prodguard(['-c', 'eslint.config.mjs', '-f', 'sarif', 'src/clean.js'], dir);
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout) as SarifLog;
    expectValidSarif(log);
    expect(log.runs[0].results).toEqual([]);
  });
});

describe.concurrent('engine options', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 120; i++) files[`src/m${i}.js`] = `export function f${i}() {\n  ${i % 40 === 0 ? 'debugger;' : 'return 1;'}\n}\n`;
  files['eslint.config.mjs'] = CORE_RULES_CONFIG;
  const dir = project(files, { linkPlugin: true });

  it('--concurrency 2 lints in worker threads with the same results as a single thread', async () => {
    const single = await prodguard(['-c', 'eslint.config.mjs', '-f', 'json', '--concurrency', 'off'], dir);
    const threaded = await prodguard(['-c', 'eslint.config.mjs', '-f', 'json', '--concurrency', '2'], dir);
    expect(single.code, single.stderr).toBe(1);
    expect(threaded.code, threaded.stderr).toBe(1);
    const findings = (stdout: string) =>
      (JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>)
        .flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line} ${m.ruleId}`))
        .sort();
    expect(findings(threaded.stdout)).toEqual(['m0.js:2 no-debugger', 'm40.js:2 no-debugger', 'm80.js:2 no-debugger']);
    expect(findings(single.stdout)).toEqual(findings(threaded.stdout));
  });

  it('the built-in setup also runs in worker threads', async () => {
    const broken: Record<string, string> = {};
    for (let i = 0; i < 60; i++) broken[`src/f${i}.ts`] = i === 7 ? 'const = ;\n' : `export const v${i}: number = ${i};\n`;
    const tsDir = project(broken);
    const run = await prodguard(['--concurrency', '2'], tsDir);
    expect(run.code).toBe(1);
    expect(reportedFiles(run.stdout, tsDir), run.stdout + run.stderr).toEqual(['src/f7.ts']);
    expect(run.stdout).toContain('in 1 of 60 files');
  });

  it('--cache stores results under node_modules/.cache/prodguard and reuses them', async () => {
    // A project of its own: ESLint deletes the cache file on a run without --cache, and the other
    // tests here run at the same time.
    const cached = project(files, { linkPlugin: true });
    const first = await prodguard(['-c', 'eslint.config.mjs', '--cache'], cached);
    const cacheDir = path.join(cached, 'node_modules/.cache/prodguard');
    expect(readdirSync(cacheDir).length).toBe(1);
    const second = await prodguard(['-c', 'eslint.config.mjs', '--cache'], cached);
    expect(second).toEqual(first);
    expect(second.code).toBe(1);
    const noModules = project({ 'a.ts': 'export const a = 1;\n' });
    await prodguard(['--cache'], noModules);
    expect(existsSync(path.join(noModules, '.eslintcache'))).toBe(true);
  });
});

describe('progress on a terminal', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`src/f${i}.ts`] = `export async function f${i}(id: string) {\n  return { id, n: ${i} };\n}\n`;
  const dir = project(files);
  // `script` gives the command a real terminal; the delay is set to 0 so even a fast run draws.
  const inTerminal = (env: Record<string, string | undefined>) =>
    promisify(execFile)('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} src`, '/dev/null'], {
      cwd: dir,
      env: cleanEnv({ PRODGUARD_PROGRESS_DELAY_MS: '0', ...env }),
    });

  it('shows files done of total, then erases the line before the summary', async () => {
    const { stdout } = await inTerminal({ CI: undefined });
    const frames = [...stdout.matchAll(/prodguard: (\d+)\/(\d+) files/g)];
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      expect(Number(frame[2])).toBe(300);
      expect(Number(frame[1])).toBeLessThanOrEqual(300);
    }
    expect(stdout).toMatch(/\r\u001b\[2K(\u001b\[1m)?prodguard:(\u001b\[22m)? no problems found in 300 files\.\r?\n$/);
  });

  it('stays silent in CI and when output is piped', async () => {
    const { stdout } = await inTerminal({ CI: 'true' });
    expect(stdout).not.toMatch(/\d+\/300 files/);
    const piped = await prodguard(['src'], dir, { CI: undefined, PRODGUARD_PROGRESS_DELAY_MS: '0' });
    expect(piped).toEqual({ code: 0, stdout: 'prodguard: no problems found in 300 files.\n', stderr: '' });
  });
});

describe.concurrent('the package', () => {
  it('ships the binary and the compiled command', async () => {
    expect(pkg.bin).toEqual({ prodguard: './bin/prodguard.js' });
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
    const [{ files: packed }] = JSON.parse(stdout) as Array<{ files: Array<{ path: string; mode: number }> }>;
    const packedBin = packed.find((f) => f.path === 'bin/prodguard.js');
    expect(packedBin).toBeDefined();
    expect(packedBin!.mode & 0o111).not.toBe(0);
    expect(packed.map((f) => f.path)).toEqual(expect.arrayContaining(['dist/cli/main.js', 'dist/cli/lint-options.js', 'dist/index.js']));
  });
});

describe.concurrent('the bundled examples', () => {
  let builtInRun: Promise<Run> | undefined;
  const builtIn = () => (builtInRun ??= prodguard(['examples', '-f', 'json'], root, { CI: 'true' }));
  const exampleFindings = (stdout: string) =>
    (JSON.parse(stdout) as JsonResults).flatMap((r) =>
      r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`),
    );

  it('every example is flagged and its fixed form is silent', async () => {
    const run = await builtIn();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^prodguard: \d+ problems \(\d+ errors, 0 warnings\) in \d+ of \d+ files\n[^]*\nMost findings: examples\//);
    const results = JSON.parse(run.stdout) as JsonResults;
    const counts = new Map(results.map((r) => [path.relative(root, r.filePath), r.messages.length]));
    const fixedForms = [...counts.keys()].filter((file) => /\.fixed\.[cm]?[jt]sx?$/.test(file));
    expect(fixedForms.length).toBeGreaterThanOrEqual(10);
    for (const fixed of fixedForms) {
      expect([fixed, counts.get(fixed)]).toEqual([fixed, 0]);
      const buggy = fixed.replace('.fixed.', '.');
      expect([buggy, (counts.get(buggy) ?? 0) > 0]).toEqual([buggy, true]);
    }

    // The article's syncCandidate: the write-back of the merged read, reported at the update call.
    const article = 'examples/article/sync-candidate.ts';
    const lines = readFileSync(path.join(root, article), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('await db.candidates.update(')) + 1;
    expect(line).toBeGreaterThan(0);
    const column = lines[line - 1].indexOf('db.candidates.update(') + 1;
    expect(exampleFindings(run.stdout)).toContain(`${article}:${line}:${column} prodguard/no-lost-update`);
  });

  it("zero set-up reports what the examples' own eslint.config.js reports", async () => {
    const [zeroSetUp, ownConfig] = await Promise.all([
      builtIn(),
      prodguard(['--config', 'examples/eslint.config.js', 'examples', '-f', 'json'], root, { CI: 'true' }),
    ]);
    expect(ownConfig.code).toBe(1);
    expect(exampleFindings(ownConfig.stdout).sort()).toEqual(exampleFindings(zeroSetUp.stdout).sort());
    expect(exampleFindings(zeroSetUp.stdout).length).toBeGreaterThan(20);
  });
});

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; helpUri?: string }> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      ruleId: string;
      level: string;
      locations: Array<{
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId: string };
          region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
        };
      }>;
    }>;
  }>;
}

let validateSarif: ReturnType<Ajv['compile']> | undefined;
function expectValidSarif(log: unknown): void {
  if (!validateSarif) {
    // The SARIF 2.1.0 (rtm.5) schema as Microsoft's sarif-js-sdk ships it; see tests/fixtures/sarif/README.md.
    // It is written in JSON Schema draft-04, whose only difference that matters here is the
    // spelling of the schema's own id, so the dialect marker is swapped for Ajv's default.
    const schema = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const { $schema: _dialect, id, ...rest } = schema as { $schema: string; id: string };
    // `unicodeRegExp: false`: one `pattern` in the published schema is not valid with the u flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormatsModule.default(ajv);
    validateSarif = ajv.compile({ $id: id, ...rest });
  }
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}
