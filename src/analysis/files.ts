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
import picomatch from 'picomatch';

/** Tests, fixtures, mocks and stories: code that never serves real traffic. */
export const TEST_FILE_GLOBS: readonly string[] = Object.freeze([
  '**/*.{test,spec}.*',
  '**/*.{test,spec}-d.*',
  '**/*.{e2e,e2e-spec}.*',
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
  '**/cypress/**',
  '**/playwright/**',
  '**/__mocks__/**',
  '**/mock/**',
  '**/mocks/**',
  '**/*.mock.*',
  '**/__fixtures__/**',
  '**/fixtures/**',
  '**/fixture/**',
  '**/*.fixture.*',
  '**/test-utils/**',
  '**/test-utils.*',
  '**/testing/**',
  '**/*.stories.*',
  '**/.storybook/**',
]);

/** Seeds and factories: they fill a database with made-up rows. */
export const SEED_GLOBS: readonly string[] = Object.freeze([
  '**/seed.*',
  '**/seed/**',
  '**/seeds/**',
  '**/seeders/**',
  '**/factories/**',
  '**/factory.*',
  '**/factories.*',
]);

/** Tests and fixtures, and the seeds and factories that fill a database with made-up rows. */
export const TEST_OR_SEED_GLOBS: readonly string[] = Object.freeze([...TEST_FILE_GLOBS, ...SEED_GLOBS]);

/**
 * Tests plus the files whose job is to hold development values: seeds and factories,
 * build and test tool configuration (`vite.config.ts`, `playwright.config.ts`,
 * `knexfile.ts`), per-environment config files for development and tests,
 * one-off scripts, benchmarks and examples. Application config modules (`src/config/database.config.ts`,
 * `src/env.ts`) are production code and stay checked: a fallback written there
 * is what production runs with when a variable is missing.
 */
export const NON_PRODUCTION_FILE_GLOBS: readonly string[] = Object.freeze([
  ...TEST_OR_SEED_GLOBS,
  '**/{vite,vitest,jest,playwright,cypress,next,nuxt,astro,svelte,remix,tailwind,postcss,webpack,rollup,rspack,tsup,drizzle,eslint,prettier,babel,wrangler}.config.*',
  '**/knexfile.*',
  '**/config/{development,dev,local,test}.*',
  '**/scripts/**',
  '**/{bench,benchmark,benchmarks,examples}/**',
]);

// A glob list, split by shape so most of it is answered without a regular expression over the
// whole path: `**/tests/**` and `**/{bench,examples}/**` only ask whether a folder of the path has
// that name, `**/*.test.*` only looks at the file name, and `**/config/dev.*` at the file name and
// its folder. The rest are picomatch expressions over the whole path.
interface Matcher {
  folders: ReadonlySet<string>;
  fileName: RegExp | null;
  /** File-name expressions by the name of the folder that must hold the file. */
  inFolder: ReadonlyMap<string, RegExp>;
  path: RegExp | null;
}

const NAME = '[^/*?{}[\\]()!+@\\\\,]+';
const FOLDER_GLOB = new RegExp(`^\\*\\*/(${NAME}|\\{${NAME}(?:,${NAME})*\\})/\\*\\*$`);
const FILE_NAME_GLOB = /^\*\*\/[^/]+$/;
const FOLDER_FILE_GLOB = new RegExp(`^\\*\\*/(${NAME})/([^/]+)$`);

function compile(globs: readonly string[]): Matcher {
  const folders = new Set<string>();
  const fileNames: string[] = [];
  const inFolder = new Map<string, string[]>();
  const paths: string[] = [];
  for (const g of globs) {
    const folder = FOLDER_GLOB.exec(g);
    const folderFile = FOLDER_FILE_GLOB.exec(g);
    if (folder) {
      for (const name of folder[1].replace(/^\{|\}$/g, '').split(',')) folders.add(name.toLowerCase());
    } else if (FILE_NAME_GLOB.test(g)) {
      fileNames.push(expression(g.slice(3)));
    } else if (folderFile) {
      const key = folderFile[1].toLowerCase();
      inFolder.set(key, [...(inFolder.get(key) ?? []), expression(folderFile[2])]);
    } else {
      paths.push(expression(g));
    }
  }
  const union = (sources: string[]) => (sources.length > 0 ? new RegExp(sources.join('|'), 'i') : null);
  const byFolder = new Map<string, RegExp>();
  for (const [key, sources] of inFolder) byFolder.set(key, union(sources) as RegExp);
  return { folders, fileName: union(fileNames), inFolder: byFolder, path: union(paths) };
}

function expression(glob: string): string {
  try {
    return `(?:${picomatch.makeRe(glob, { dot: true, nocase: true }).source})`;
  } catch {
    return '(?!)'; // an empty or unusable glob matches nothing
  }
}

function test(matcher: Matcher, file: string): boolean {
  const segments = file.split('/');
  const name = segments.pop() ?? '';
  if (matcher.folders.size > 0 && segments.some((s) => matcher.folders.has(s.toLowerCase()))) return true;
  if (matcher.fileName?.test(name)) return true;
  if (matcher.inFolder.size > 0 && segments.length > 0) {
    const inFolder = matcher.inFolder.get(segments[segments.length - 1].toLowerCase());
    if (inFolder?.test(name)) return true;
  }
  return matcher.path?.test(file) ?? false;
}

const TEST_MATCHER = compile(TEST_FILE_GLOBS);
const NON_PRODUCTION_MATCHER = compile(NON_PRODUCTION_FILE_GLOBS);

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}

/** Lists that stay put (the defaults, a module's own constant, frozen rule options) are compiled once. */
const compiled = new WeakMap<readonly string[], Matcher>();

/** The default lists are compiled once; a project's own list once per frozen copy, or again per file. */
function matcherFor(globs: readonly string[]): Matcher {
  if (globs === TEST_FILE_GLOBS) return TEST_MATCHER;
  if (globs === NON_PRODUCTION_FILE_GLOBS) return NON_PRODUCTION_MATCHER;
  let matcher = compiled.get(globs);
  if (!matcher) {
    matcher = sameList(globs, TEST_FILE_GLOBS) ? TEST_MATCHER : sameList(globs, NON_PRODUCTION_FILE_GLOBS) ? NON_PRODUCTION_MATCHER : compile(globs);
    if (Object.isFrozen(globs)) compiled.set(globs, matcher);
  }
  return matcher;
}

let answered: { filename: string; cwd: string | undefined; path: string } = { filename: '', cwd: undefined, path: '' };
const answers = new Map<Matcher, boolean>();

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
  // Several rules ask about the same file: its path and answers are kept until another file is asked about.
  if (context.filename !== answered.filename || context.cwd !== answered.cwd) {
    answered = { filename: context.filename, cwd: context.cwd, path: projectPath(context) };
    answers.clear();
  }
  const file = answered.path;
  if (file === '' || file.startsWith('<')) return false;
  const matcher = matcherFor(globs);
  let answer = answers.get(matcher);
  if (answer === undefined) {
    answer = test(matcher, file);
    answers.set(matcher, answer);
  }
  return answer;
}
