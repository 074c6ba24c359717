import { parseArgs } from 'node:util';

export type FormatName = 'stylish' | 'json' | 'sarif';
export const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif'];

export type Concurrency = number | 'auto' | 'off';

export interface CliArgs {
  paths: string[];
  strict: boolean;
  config: string | undefined;
  format: FormatName;
  outputFile: string | undefined;
  maxWarnings: number | undefined;
  quiet: boolean;
  rules: string[];
  cache: boolean;
  cacheLocation: string | undefined;
  concurrency: Concurrency | undefined;
  help: boolean;
  version: boolean;
}

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `Usage: prodguard [options] [paths...]

Lints TypeScript and JavaScript files (.ts .tsx .mts .cts .js .jsx .mjs .cjs) for the
bugs that pass every test and break under real traffic. With no paths, lints the
current directory. node_modules, build output and .gitignored paths are skipped.

Options:
  --strict                 Use the strict preset (every rule) instead of recommended
  -c, --config <file>      Use this ESLint config file instead of the built-in setup
  -f, --format <name>      Output format: stylish (default), json or sarif
  -o, --output-file <file> Write the report to a file instead of standard output
  --max-warnings <n>       Exit with code 1 when there are more than n warnings
  --quiet                  Report errors only
  --rule <id>              Run only this rule (repeat for several), e.g. --rule no-lost-update
  --cache                  Only re-lint files that changed since the last cached run
  --cache-location <path>  Where to keep the cache (default node_modules/.cache/prodguard/)
  --concurrency <n>        Worker threads: a number, auto (default) or off
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage or a crash.`;

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        strict: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;

  const format = (values.format ?? 'stylish') as FormatName;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`unknown format '${values.format}'; use one of ${FORMATS.join(', ')}`);
  }
  if (values.strict && values.config !== undefined) {
    throw new UsageError('--strict picks the built-in preset; with --config your config decides which rules run');
  }

  return {
    paths: positionals,
    strict: values.strict ?? false,
    config: emptyToError(values.config, '--config'),
    format,
    outputFile: emptyToError(values['output-file'], '--output-file'),
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    quiet: values.quiet ?? false,
    rules: values.rule ?? [],
    cache: values.cache ?? false,
    cacheLocation: emptyToError(values['cache-location'], '--cache-location'),
    concurrency: parseConcurrency(values.concurrency),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const flag = /--[\w-]+/.exec(option)?.[0] ?? option;
    return message.includes('argument missing') ? `${flag} needs a value` : `${flag} takes no value`;
  }
  // Keep it to one line whatever Node says.
  return message.split('\n')[0].replace(/\.$/, '');
}

function emptyToError(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a value`);
  return value;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, got '${value}'`);
  return Number(value);
}

function parseConcurrency(value: string | undefined): Concurrency | undefined {
  if (value === undefined) return undefined;
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new UsageError(`--concurrency takes a positive number, auto or off, got '${value}'`);
}
