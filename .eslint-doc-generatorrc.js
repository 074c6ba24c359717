// eslint-doc-generator: the rules table in README.md and the header of each docs/rules page are
// generated from rule metadata (`npm run docs`); `npm test` fails when they are out of date.
import Module, { createRequire } from 'node:module';

import plugin from './dist/index.js';

// eslint-doc-generator loads the plugin with `require()`. For this ES module, which exports
// `rules` by name beside the default export, that gives the module namespace: the rules but not
// the presets. Hand it the plugin object itself, so the tables show which preset enables each rule.
const require = createRequire(import.meta.url);
const entry = require.resolve('./');
require.cache[entry] = Object.assign(new Module(entry), { filename: entry, loaded: true, exports: plugin });

/** The review questions in the order a reviewer asks them; `meta.docs.category` holds one per rule. */
const QUESTIONS = [
  ['Runs twice at the same time', 'What happens if this runs twice at the same time?'],
  ['External service is down', 'What happens if the external service is down?'],
  ['Connection drops mid-operation', 'What happens if the database connection drops mid-operation?'],
  ['Valid but contradictory input', 'What happens if the input is valid but contradictory?'],
  ['Hardcoded values', 'Hardcoded values'],
  ['Error paths', 'Error paths'],
];

/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  ignoreConfig: ['all'],
  ruleDocTitleFormat: 'prefix-name',
  // Every page has an Options section, "None." included, as the docs template asks.
  ruleDocSectionOptions: false,
  ruleDocNotices: ['configs', 'hasSuggestions', 'fixable', 'requiresTypeChecking'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'hasSuggestions', 'fixable', 'requiresTypeChecking'],
  urlConfigs: 'https://github.com/prodguard/eslint-plugin-prodguard#configuration',
  ruleListSplit(ruleEntries) {
    const known = new Set(QUESTIONS.map(([category]) => category));
    const unknown = ruleEntries.filter(([, rule]) => !known.has(rule.meta?.docs?.category));
    if (unknown.length > 0) {
      throw new Error(`rules without a known meta.docs.category: ${unknown.map(([name]) => name).join(', ')}`);
    }
    return QUESTIONS.map(([category, title]) => ({
      title,
      rules: ruleEntries.filter(([, rule]) => rule.meta?.docs?.category === category),
    })).filter((section) => section.rules.length > 0);
  },
};
