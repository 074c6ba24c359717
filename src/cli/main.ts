import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { PLUGIN_VERSION } from '../meta.js';
import { HELP, parseCliArgs, UsageError } from './args.js';

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
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (args.version) {
      io.stdout.write(`prodguard ${PLUGIN_VERSION} (ESLint ${eslintVersion()})\n`);
      return 0;
    }
    checkPaths(args.paths, args.config, io.cwd);
    // ESLint, the rules and the TypeScript parser load only once there is something to lint.
    const { lint } = await import('./lint.js');
    return await lint(args, io);
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

/** Missing paths are usage errors, reported before anything heavy loads. */
function checkPaths(paths: string[], config: string | undefined, cwd: string): void {
  for (const pattern of paths) {
    if (!isGlob(pattern) && !existsSync(path.resolve(cwd, pattern))) {
      throw new UsageError(`no such file or directory: ${pattern}`);
    }
  }
  if (config !== undefined && !existsSync(path.resolve(cwd, config))) {
    throw new UsageError(`config file not found: ${config}`);
  }
}

export function isGlob(pattern: string): boolean {
  return /[*?{}[\]!]/.test(pattern);
}

function eslintVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('eslint/package.json') as { version: string }).version;
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

export function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}

function processEnvironment(): CliEnvironment {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}
