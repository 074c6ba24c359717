import type { ESLint, Linter } from 'eslint';

import { NAMESPACE } from '../meta.js';
import { rules } from '../rules/index.js';

export type PresetName = 'recommended' | 'strict' | 'all';

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
