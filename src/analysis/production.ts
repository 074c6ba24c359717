/**
 * Code that serves real traffic. Races, lost updates and half-written
 * transactions need concurrent requests; test files, fixtures, seed scripts,
 * migrations and one-off scripts run alone, and client components run in one
 * user's browser, with no database to reach, so the data-race rules stay silent there.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFileMatched, TEST_OR_SEED_GLOBS } from './files.js';
import { fileCache } from './caches.js';
import { isClientOnlyModule } from './http.js';

/**
 * Tests, fixtures, seeds, migrations and one-off scripts. Example and demo folders are not in it: an
 * example shows code that is meant to serve traffic, and this project's own `examples/` must report.
 */
export const NOT_SERVING_TRAFFIC_GLOBS: readonly string[] = Object.freeze([
  ...TEST_OR_SEED_GLOBS,
  '**/scripts/**',
  '**/migrations/**',
  '**/migration/**',
  '**/*.migration.*',
]);

const cache = fileCache<TSESTree.Program, boolean>();

/**
 * True when the linted file is a test, fixture, seed, migration or script, or a module that runs only
 * in the browser (`'use client'`, or one that imports a React hook or a client-side store and holds
 * no server function: see `isClientOnlyModule`).
 */
export function isOutsideRequestPath(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  return cache(context.sourceCode.ast, () => isFileMatched(context, NOT_SERVING_TRAFFIC_GLOBS) || isClientOnlyModule(context.sourceCode));
}
