import type { ESLint, Linter } from 'eslint';

import { createConfigs, type PresetName } from './configs/index.js';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta.js';
import { rules } from './rules/index.js';

export interface ProdguardPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  configs: Record<PresetName, Linter.Config>;
}

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: {} as Record<PresetName, Linter.Config>,
} satisfies ProdguardPlugin;

Object.assign(plugin.configs, createConfigs(plugin));

export { rules };
export default plugin as ProdguardPlugin;
