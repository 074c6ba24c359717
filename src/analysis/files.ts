/**
 * Which files are not production code.
 *
 * The hardcoded-value rules stay silent in tests, fixtures, stories, seed
 * scripts and the like, where a localhost URL or a fake key is the point. Files
 * are matched with glob patterns against their path relative to ESLint's
 * working directory, so `tests/**` means the project's own `tests` folder and
 * not a folder of that name somewhere above the project.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { Minimatch } from 'minimatch';

/** Tests, fixtures, mocks and stories: code that never serves real traffic. */
export const TEST_FILE_GLOBS: readonly string[] = Object.freeze([
  '**/*.{test,spec}.*',
  '**/*.{test,spec}-d.*',
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
  '**/cypress/**',
  '**/playwright/**',
  '**/__mocks__/**',
  '**/mocks/**',
  '**/*.mock.*',
  '**/__fixtures__/**',
  '**/fixtures/**',
  '**/*.fixture.*',
  '**/test-utils/**',
  '**/test-utils.*',
  '**/testing/**',
  '**/*.stories.*',
  '**/.storybook/**',
]);

/**
 * Tests plus the files whose job is to hold development values: seed scripts,
 * build and test tool configuration (`vite.config.ts`, `playwright.config.ts`,
 * `knexfile.ts`), per-environment config files for development and tests,
 * one-off scripts, benchmarks and examples. Application config modules (`src/config/database.config.ts`,
 * `src/env.ts`) are production code and stay checked: a fallback written there
 * is what production runs with when a variable is missing.
 */
export const NON_PRODUCTION_FILE_GLOBS: readonly string[] = Object.freeze([
  ...TEST_FILE_GLOBS,
  '**/seed.*',
  '**/seeds/**',
  '**/seeders/**',
  '**/{vite,vitest,jest,playwright,cypress,next,nuxt,astro,svelte,remix,tailwind,postcss,webpack,rollup,rspack,tsup,drizzle,eslint,prettier,babel,wrangler}.config.*',
  '**/knexfile.*',
  '**/config/{development,dev,local,test}.*',
  '**/scripts/**',
  '**/{bench,benchmark,benchmarks,examples}/**',
]);

function compile(globs: readonly string[]): Minimatch[] {
  return globs.map((g) => new Minimatch(g, { dot: true, nocase: true }));
}

const TEST_MATCHERS = compile(TEST_FILE_GLOBS);
const NON_PRODUCTION_MATCHERS = compile(NON_PRODUCTION_FILE_GLOBS);

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}

/** Lists defined once in code (the defaults, or a module's own constant) are compiled once. */
const compiled = new WeakMap<readonly string[], Minimatch[]>();

/**
 * The default lists are compiled once. Rule options arrive as a fresh copy for
 * every file, so a project's own list is recognised by content when it equals
 * a default and compiled again otherwise.
 */
function matchersFor(globs: readonly string[]): Minimatch[] {
  if (sameList(globs, TEST_FILE_GLOBS)) return TEST_MATCHERS;
  if (sameList(globs, NON_PRODUCTION_FILE_GLOBS)) return NON_PRODUCTION_MATCHERS;
  let matchers = compiled.get(globs);
  if (!matchers) {
    matchers = compile(globs);
    if (Object.isFrozen(globs)) compiled.set(globs, matchers);
  }
  return matchers;
}

/** The linted file's path relative to ESLint's working directory, with forward slashes. */
export function projectPath(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string {
  const filename = context.filename.replace(/\\/g, '/');
  const cwd = (context.cwd ?? '').replace(/\\/g, '/').replace(/\/$/, '');
  if (cwd !== '' && filename.startsWith(`${cwd}/`)) return filename.slice(cwd.length + 1);
  return filename;
}

/** True when the linted file matches one of `globs`. Text linted without a file name (`<input>`) never matches. */
export function isFileMatched(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  globs: readonly string[],
): boolean {
  if (globs.length === 0) return false;
  const file = projectPath(context);
  if (file === '' || file.startsWith('<')) return false;
  return matchersFor(globs).some((m) => m.match(file));
}
