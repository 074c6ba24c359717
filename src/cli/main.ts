import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { styleText } from 'node:util';

import { ESLint } from 'eslint';

import { NAMESPACE, PLUGIN_VERSION } from '../meta.js';
import { rules } from '../rules/index.js';
import { type CliArgs, HELP, parseCliArgs, UsageError } from './args.js';
import { readGitignore } from './gitignore.js';
import { BUILD_OUTPUT_DIRS, createESLintOptions, FILE_EXTENSIONS, type LintSettings } from './lint-options.js';
import { ProgressLine } from './progress.js';
import { formatSarif } from './sarif.js';
import { renderSummary, summarize } from './summary.js';

export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: CliStream;
  stderr: CliStream;
}

/** Runs the `prodguard` command and resolves to its exit code: 0 clean, 1 findings, 2 usage error or crash. */
export async function run(argv: readonly string[], io: CliEnvironment = processEnvironment()): Promise<number> {
  try {
    return await lint(parseCliArgs(argv), io);
  } catch (error) {
    // One line, never a stack trace, unless PRODGUARD_DEBUG asks for one.
    if (error instanceof UsageError) {
      io.stderr.write(`prodguard: ${error.message} (see prodguard --help)\n`);
      return 2;
    }
    if (io.env.PRODGUARD_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write(`prodguard: ${describeCrash(error, io.cwd)} (set PRODGUARD_DEBUG=1 for details)\n`);
    return 2;
  }
}

async function lint(args: CliArgs, io: CliEnvironment): Promise<number> {
  if (args.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout.write(`prodguard ${PLUGIN_VERSION} (ESLint ${ESLint.version})\n`);
    return 0;
  }

  const cwd = io.cwd;
  const patterns = args.paths.length > 0 ? args.paths : ['.'];
  for (const pattern of patterns) {
    if (!isGlob(pattern) && !existsSync(path.resolve(cwd, pattern))) {
      throw new UsageError(`no such file or directory: ${pattern}`);
    }
  }
  const configFile = args.config === undefined ? undefined : path.resolve(cwd, args.config);
  if (configFile !== undefined && !existsSync(configFile)) {
    throw new UsageError(`config file not found: ${args.config}`);
  }
  const multithread = typeof ESLint.fromOptionsModule === 'function';
  if (!multithread && typeof args.concurrency === 'number') {
    throw new UsageError(`--concurrency needs ESLint 9.34 or later; this is ESLint ${ESLint.version}`);
  }

  const progress = showsProgress(io);
  const settings: LintSettings = {
    cwd,
    preset: args.strict ? 'strict' : 'recommended',
    configFile,
    rules: args.rules.map(normalizeRuleId),
    gitignore: configFile === undefined ? readGitignore(cwd) : [],
    cache: args.cache,
    cacheLocation: resolveCacheLocation(cwd, args.cacheLocation ?? defaultCacheLocation(cwd)),
    concurrency: multithread ? (args.concurrency ?? 'auto') : undefined,
    progress,
  };

  const eslint = await createESLint(settings, multithread);
  const progressLine = progress ? new ProgressLine(io.stderr, progressDelay(io.env)) : undefined;
  if (progressLine) void countFiles(eslint, cwd, patterns).then((total) => progressLine.setTotal(total));

  let results: ESLint.LintResult[];
  try {
    results = await eslint.lintFiles(patterns);
  } catch (error) {
    throw explainLintError(error, args.config, configFile);
  } finally {
    progressLine?.stop();
  }

  if (args.quiet) results = ESLint.getErrorResults(results);
  const summary = summarize(results);
  const maxWarningsExceeded = args.maxWarnings !== undefined && summary.warningCount > args.maxWarnings;

  const toFile = args.outputFile !== undefined;
  const report = await formatReport(eslint, results, args.format, cwd, toFile ? false : undefined, maxWarningsExceeded, args.maxWarnings);
  // Findings go where the report goes; the summary follows them on a terminal, and goes to
  // stderr when stdout carries JSON or SARIF for another program.
  const summaryStream = toFile || args.format === 'stylish' ? io.stdout : io.stderr;
  const summaryText = renderSummary(summary, { cwd, ...styles(summaryStream, io.env) });

  if (toFile) {
    const outputPath = path.resolve(cwd, args.outputFile!);
    mkdirSync(path.dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, report);
  } else if (report !== '') {
    io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  }
  if (!(args.quiet && summary.errorCount === 0)) summaryStream.write(summaryText);
  if (toFile) io.stdout.write(`Report written to ${path.relative(cwd, path.resolve(cwd, args.outputFile!)) || args.outputFile}\n`);

  if (summary.errorCount > 0) return 1;
  if (maxWarningsExceeded) {
    io.stderr.write(`prodguard: ${summary.warningCount} warnings, more than --max-warnings ${args.maxWarnings} allows.\n`);
    return 1;
  }
  return 0;
}

async function createESLint(settings: LintSettings, multithread: boolean): Promise<ESLint> {
  if (!multithread) return new ESLint(createESLintOptions(settings));
  // Worker threads rebuild the options from this module, so plugin objects and the parser
  // never need to be cloned across threads.
  const moduleUrl = new URL('./lint-options.js', import.meta.url).href;
  const source =
    `import { createESLintOptions } from ${JSON.stringify(moduleUrl)};\n` +
    `export default createESLintOptions(${JSON.stringify(settings)});\n`;
  return ESLint.fromOptionsModule(new URL(`data:text/javascript,${encodeURIComponent(source)}`));
}

async function formatReport(
  eslint: ESLint,
  results: ESLint.LintResult[],
  format: CliArgs['format'],
  cwd: string,
  color: boolean | undefined,
  maxWarningsExceeded: boolean,
  maxWarnings: number | undefined,
): Promise<string> {
  const rulesMeta = eslint.getRulesMetaForResults(results);
  if (format === 'sarif') return formatSarif(results, rulesMeta, cwd);
  const formatter = await eslint.loadFormatter(format);
  const meta: ESLint.ResultsMeta & { color?: boolean } = {
    maxWarningsExceeded: maxWarningsExceeded ? { maxWarnings: maxWarnings ?? 0, foundWarnings: 0 } : undefined,
  };
  if (color !== undefined) meta.color = color;
  return formatter.format(results, meta);
}

function normalizeRuleId(input: string): string {
  const id = input.startsWith(`${NAMESPACE}/`) ? input.slice(NAMESPACE.length + 1) : input;
  if (!(id in rules)) {
    throw new UsageError(`unknown rule '${input}'; known rules: ${Object.keys(rules).join(', ')}`);
  }
  return `${NAMESPACE}/${id}`;
}

function explainLintError(error: unknown, configArg: string | undefined, configPath: string | undefined): unknown {
  const template = (error as { messageTemplate?: string }).messageTemplate;
  const data = (error as { messageData?: { pattern?: string } }).messageData;
  if (template === 'file-not-found' || template === 'all-matched-files-ignored') {
    return new UsageError(
      `nothing to lint in ${data?.pattern ?? 'the given paths'}: no TypeScript or JavaScript files, or all of them ignored`,
    );
  }
  const ruleCrash = error instanceof Error && error.message.includes('\nOccurred while linting');
  if (configArg !== undefined && configPath !== undefined && error instanceof Error && !ruleCrash) {
    const fromConfig =
      error.message.startsWith('Key "') || error.message.includes(configPath) || (error.stack ?? '').includes(configPath);
    if (fromConfig) return new Error(`could not load ${configArg}: ${firstLine(error.message)}`);
  }
  return error;
}

/** ESLint appends where a rule crashed on separate lines; fold them into one. */
function describeCrash(error: unknown, cwd: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const where = /\nOccurred while linting (.+?)(?::(\d+))?\n(?:Rule: "([^"]+)")?/.exec(message);
  if (!where) return firstLine(message);
  const file = path.relative(cwd, where[1]) || where[1];
  const location = where[2] ? `${file}:${where[2]}` : file;
  const rule = where[3] ? `rule ${where[3]} ` : '';
  return `${rule}crashed on ${location}: ${firstLine(message)}`;
}

/** Counts the files the run will lint, for the progress line; gives up on huge trees. */
async function countFiles(eslint: ESLint, cwd: string, patterns: string[]): Promise<number | undefined> {
  const skipDirs = new Set(['node_modules', '.git', ...BUILD_OUTPUT_DIRS]);
  let count = 0;
  let seen = 0;
  const visit = async (target: string, isDir: boolean): Promise<boolean> => {
    if (!isDir) {
      if (++seen > 50_000) return false;
      if (FILE_EXTENSIONS.includes(path.extname(target)) && !(await eslint.isPathIgnored(target))) count++;
      return true;
    }
    const entries = await readdir(target, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && skipDirs.has(entry.name)) continue;
      if (!(await visit(path.join(target, entry.name), entry.isDirectory()))) return false;
    }
    return true;
  };
  try {
    for (const pattern of patterns) {
      if (isGlob(pattern)) return undefined;
      const target = path.resolve(cwd, pattern);
      const isDir = (await readdir(target).then(() => true).catch(() => false));
      if (!(await visit(target, isDir))) return undefined;
    }
    return count;
  } catch {
    return undefined;
  }
}

function showsProgress(io: CliEnvironment): boolean {
  return io.stderr.isTTY === true && !io.env.CI && io.env.TERM !== 'dumb';
}

/** How long a run goes before the progress line appears (PRODGUARD_PROGRESS_DELAY_MS, default 500). */
function progressDelay(env: NodeJS.ProcessEnv): number {
  const value = Number(env.PRODGUARD_PROGRESS_DELAY_MS);
  return env.PRODGUARD_PROGRESS_DELAY_MS !== undefined && Number.isFinite(value) && value >= 0 ? value : 500;
}

function styles(stream: CliStream, env: NodeJS.ProcessEnv) {
  const color = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  if (!color) return {};
  return {
    bold: (text: string) => styleText('bold', text),
    dim: (text: string) => styleText('dim', text),
  };
}

function defaultCacheLocation(cwd: string): string {
  return existsSync(path.join(cwd, 'node_modules')) ? 'node_modules/.cache/prodguard/' : '.eslintcache';
}

/** ESLint reads a location ending in a separator as a directory to keep its cache file in. */
function resolveCacheLocation(cwd: string, location: string): string {
  const resolved = path.resolve(cwd, location);
  return /[\\/]$/.test(location) ? `${resolved}${path.sep}` : resolved;
}

function isGlob(pattern: string): boolean {
  return /[*?{}[\]!]/.test(pattern);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}

function processEnvironment(): CliEnvironment {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}
