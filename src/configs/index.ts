import type { ESLint, Linter } from 'eslint';

import { NAMESPACE } from '../meta.js';
import { rules } from '../rules/index.js';

export type PresetName = 'recommended' | 'strict' | 'all';

/**
 * The lightest preset of every rule, as a list a reviewer can read: a change here changes what users'
 * CI reports. It must agree with each rule's `meta.docs.recommended` (tests/plugin.test.ts checks).
 * `all` holds every rule.
 */
export const PRESET_LEVELS: Readonly<Record<string, 'recommended' | 'strict'>> = Object.freeze({
  'no-check-then-create': 'recommended',
  'no-external-call-in-transaction': 'recommended',
  'no-floating-effect': 'recommended',
  'no-hardcoded-config': 'strict',
  'no-hardcoded-secrets': 'recommended',
  'no-lost-update': 'recommended',
  'no-mass-assignment': 'recommended',
  'no-shared-state-race': 'strict',
  'no-swallowed-errors': 'recommended',
  'no-transaction-bypass': 'recommended',
  'no-unguarded-dual-write': 'recommended',
  'require-cross-field-validation': 'strict',
  'require-idempotency-key': 'recommended',
  'require-input-validation': 'recommended',
  'require-timeout': 'recommended',
  'require-transaction': 'recommended',
});

/** Which rules each preset turns on, derived from each rule's `meta.docs.recommended`. */
export function presetRules(preset: PresetName): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const level = rule.meta.docs?.recommended;
    const on =
      preset === 'all' ||
      (preset === 'strict' && (level === 'recommended' || level === 'strict')) ||
      (preset === 'recommended' && level === 'recommended');
    if (on) entries[`${NAMESPACE}/${id}`] = 'error';
  }
  return entries;
}

export function createConfigs(plugin: ESLint.Plugin): Record<PresetName, Linter.Config> {
  const make = (preset: PresetName): Linter.Config => ({
    name: `${NAMESPACE}/${preset}`,
    plugins: { [NAMESPACE]: plugin },
    rules: presetRules(preset),
  });
  return { recommended: make('recommended'), strict: make('strict'), all: make('all') };
}
