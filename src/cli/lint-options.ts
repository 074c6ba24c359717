import tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';

import plugin from '../index.js';
import { NAMESPACE } from '../meta.js';
import type { Concurrency } from './args.js';
import { PROGRESS_PLUGIN_NAME, PROGRESS_RULE_ID, progressPlugin } from './progress.js';

export const FILE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Build output and tool caches: generated code says nothing about the code a team writes. */
export const BUILD_OUTPUT_DIRS = [
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.vercel',
  '.netlify',
  '.serverless',
  '.cache',
];
const GENERATED_FILES = ['**/*.min.js', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

/**
 * Everything a lint run depends on, as plain JSON: ESLint hands the options module that
 * turns this into ESLint options to every worker thread.
 */
export interface LintSettings {
  cwd: string;
  preset: 'recommended' | 'strict';
  /** Absolute path of the project's own config; the built-in setup when absent. */
  configFile?: string;
  /** Full rule IDs (`prodguard/<id>`) to run alone; every rule of the preset when empty. */
  rules: string[];
  /** Global ignore patterns taken from the project's `.gitignore`. */
  gitignore: string[];
  cache: boolean;
  cacheLocation: string;
  /** Only set when the installed ESLint can lint in worker threads. */
  concurrency?: Concurrency;
  progress: boolean;
}

export function createESLintOptions(settings: LintSettings): ESLint.Options {
  const options: ESLint.Options = {
    cwd: settings.cwd,
    cache: settings.cache,
    cacheLocation: settings.cacheLocation,
    // Content hashes survive fresh checkouts in CI, where every modification time is new.
    cacheStrategy: 'content',
  };
  if (settings.concurrency !== undefined) options.concurrency = settings.concurrency;

  const extra: Linter.Config[] = [];
  if (settings.progress) {
    extra.push({
      name: 'prodguard/cli/progress',
      plugins: { [PROGRESS_PLUGIN_NAME]: progressPlugin },
      rules: { [PROGRESS_RULE_ID]: 'error' },
    });
  }

  if (settings.configFile !== undefined) {
    options.overrideConfigFile = settings.configFile;
    if (extra.length > 0) options.overrideConfig = extra;
    if (settings.rules.length > 0) {
      const wanted = new Set([...settings.rules, PROGRESS_RULE_ID]);
      options.ruleFilter = ({ ruleId }) => wanted.has(ruleId);
    }
    return options;
  }

  options.overrideConfigFile = true;
  options.overrideConfig = [...builtInConfig(settings), ...extra];
  return options;
}

/** Zero set-up: the TypeScript parser for every file type, the preset, the usual skips. */
function builtInConfig(settings: LintSettings): Linter.Config[] {
  const files = FILE_EXTENSIONS.map((ext) => `**/*${ext}`);
  const preset = plugin.configs[settings.preset];
  const rules: Partial<Linter.RulesRecord> =
    settings.rules.length > 0 ? Object.fromEntries(settings.rules.map((id) => [id, 'error'])) : (preset.rules ?? {});
  return [
    {
      name: 'prodguard/cli/ignores',
      ignores: [...BUILD_OUTPUT_DIRS.map((dir) => `**/${dir}/`), ...GENERATED_FILES, ...settings.gitignore],
    },
    {
      name: 'prodguard/cli/parser',
      files,
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      // Disable comments for other plugins' rules are not "unused" just because this run skips them.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    {
      name: `prodguard/cli/${settings.preset}`,
      files,
      plugins: { [NAMESPACE]: plugin },
      rules,
    },
  ];
}
