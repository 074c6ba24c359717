import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { styleText } from 'node:util';

import { ESLint } from 'eslint';

import { NAMESPACE } from '../meta.js';
import { rules } from '../rules/index.js';
import { type CliArgs, UsageError } from './args.js';
import { readGitignore } from './gitignore.js';
import { BUILD_OUTPUT_DIRS, createESLintOptions, FILE_EXTENSIONS, type LintSettings } from './lint-options.js';
import { ProgressLine } from './progress.js';
import { formatSarif } from './sarif.js';
import { renderSummary, summarize } from './summary.js';

import { type CliEnvironment, type CliStream, firstLine, isGlob } from './main.js';

/** Lints with the parsed arguments and resolves to the exit code; usage errors are thrown. */
export async function lint(args: CliArgs, io: CliEnvironment): Promise<number> {
  const { cwd } = io;
  const patterns = args.paths.length > 0 ? args.paths : ['.'];
  const settings = lintSettings(args, io, patterns);
  const eslint = await createESLint(settings);
  let results = await lintWithProgress(eslint, settings, patterns, io, args.config);
  if (args.quiet) results = ESLint.getErrorResults(results);

  const summary = summarize(results);
  const maxWarningsExceeded = args.maxWarnings !== undefined && summary.warningCount > args.maxWarnings;
  const toFile = args.outputFile !== undefined;
  const report = await formatReport(eslint, results, {
    format: args.format,
    cwd,
    // Colour codes belong on a terminal, not in a report file.
    color: toFile ? false : undefined,
    maxWarningsExceeded: maxWarningsExceeded ? { maxWarnings: args.maxWarnings!, foundWarnings: summary.warningCount } : undefined,
  });

  // The summary follows the findings on a terminal, and goes to stderr when stdout carries
  // JSON or SARIF for another program.
  const summaryStream = toFile || args.format === 'stylish' ? io.stdout : io.stderr;
  if (toFile) {
    const outputPath = path.resolve(cwd, args.outputFile!);
    mkdirSync(path.dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, report);
  } else if (report !== '') {
    io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  }
  if (!(args.quiet && summary.errorCount === 0)) {
    summaryStream.write(renderSummary(summary, { cwd, ...styles(summaryStream, io.env) }));
  }
  if (toFile) io.stdout.write(`Report written to ${path.relative(cwd, path.resolve(cwd, args.outputFile!))}\n`);

  if (summary.errorCount > 0) return 1;
  if (maxWarningsExceeded) {
    io.stderr.write(`prodguard: ${summary.warningCount} warnings, more than --max-warnings ${args.maxWarnings} allows.\n`);
    return 1;
  }
  return 0;
}

/** Checks what can be checked before linting, and gathers the run's settings as plain JSON. */
function lintSettings(args: CliArgs, io: CliEnvironment, patterns: string[]): LintSettings {
  const { cwd } = io;
  const configFile = args.config === undefined ? undefined : path.resolve(cwd, args.config);
  if (!hasWorkerThreads() && typeof args.concurrency === 'number') {
    throw new UsageError(`--concurrency needs ESLint 9.34 or later; this is ESLint ${ESLint.version}`);
  }
  return {
    cwd,
    preset: args.strict ? 'strict' : 'recommended',
    configFile,
    rules: args.rules.map(normalizeRuleId),
    gitignore: configFile === undefined ? readGitignore(cwd) : [],
    cache: args.cache,
    cacheLocation: resolveCacheLocation(cwd, args.cacheLocation ?? defaultCacheLocation(cwd)),
    concurrency: hasWorkerThreads() ? (args.concurrency ?? 'auto') : undefined,
    progress: showsProgress(io),
  };
}

/** ESLint 9.34 added multithread linting, and with it options modules for the worker threads. */
function hasWorkerThreads(): boolean {
  return typeof ESLint.fromOptionsModule === 'function';
}

async function createESLint(settings: LintSettings): Promise<ESLint> {
  if (!hasWorkerThreads()) return new ESLint(createESLintOptions(settings));
  // Each worker thread rebuilds the options from this module, so the plugin and the parser
  // never need to be cloned across threads.
  const moduleUrl = new URL('./lint-options.js', import.meta.url).href;
  const source =
    `import { createESLintOptions } from ${JSON.stringify(moduleUrl)};\n` +
    `export default createESLintOptions(${JSON.stringify(settings)});\n`;
  return ESLint.fromOptionsModule(new URL(`data:text/javascript,${encodeURIComponent(source)}`));
}

async function lintWithProgress(
  eslint: ESLint,
  settings: LintSettings,
  patterns: string[],
  io: CliEnvironment,
  configArg: string | undefined,
): Promise<ESLint.LintResult[]> {
  const progressLine = settings.progress ? new ProgressLine(io.stderr, progressDelay(io.env)) : undefined;
  if (progressLine) void countFiles(eslint, settings.cwd, patterns).then((total) => progressLine.setTotal(total));
  try {
    return await eslint.lintFiles(patterns);
  } catch (error) {
    throw explainLintError(error, configArg, settings.configFile);
  } finally {
    progressLine?.stop();
  }
}

interface ReportOptions {
  format: CliArgs['format'];
  cwd: string;
  color: boolean | undefined;
  maxWarningsExceeded: ESLint.ResultsMeta['maxWarningsExceeded'];
}

async function formatReport(eslint: ESLint, results: ESLint.LintResult[], options: ReportOptions): Promise<string> {
  const rulesMeta = eslint.getRulesMetaForResults(results);
  if (options.format === 'sarif') return formatSarif(results, rulesMeta, options.cwd);
  const formatter = await eslint.loadFormatter(options.format);
  const meta: ESLint.ResultsMeta & { color?: boolean } = { maxWarningsExceeded: options.maxWarningsExceeded };
  if (options.color !== undefined) meta.color = options.color;
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
      if (!(await visit(target, (await stat(target)).isDirectory()))) return undefined;
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

