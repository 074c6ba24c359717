import { ESLintUtils } from '@typescript-eslint/utils';

import { PLUGIN_VERSION, REPOSITORY_URL } from '../meta.js';

/**
 * The review question a rule answers. The CLI groups its summary by it and the
 * README splits the rules table by it.
 */
export type RuleCategory =
  | 'Runs twice at the same time'
  | 'External service is down'
  | 'Connection drops mid-operation'
  | 'Valid but contradictory input'
  | 'Hardcoded values'
  | 'Error paths';

export interface ProdguardDocs {
  /** "Disallow …" / "Require …", no trailing period. */
  description: string;
  /** The lightest preset that enables the rule. `all` holds every rule. */
  recommended: 'recommended' | 'strict';
  category: RuleCategory;
  requiresTypeChecking?: boolean;
}

export function docsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/v${PLUGIN_VERSION}/docs/rules/${ruleName}.md`;
}

const createNamedRule = ESLintUtils.RuleCreator<ProdguardDocs>(docsUrl);

/**
 * `RuleCreator` with the options merged once per distinct configuration instead of once per file.
 *
 * ESLint calls `create` for every rule on every file; `RuleCreator` deep-merges the rule's
 * options with its defaults on each call. Most projects configure a rule once, so the merged
 * options are computed for the first file and handed to every later one. They are frozen: a rule
 * that tried to change them would throw in its tests instead of leaking state into the next file.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, ProdguardDocs>>,
): ReturnType<typeof createNamedRule<Options, MessageIds>> {
  const rule = createNamedRule<Options, MessageIds>(spec);
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Options;
  // The configurations seen so far, raw and merged. ESLint hands every file a fresh copy of the
  // same options, so they are recognised by content.
  // ESLint hands an unconfigured rule its `meta.defaultOptions` objects themselves, so the elements
  // are compared by identity first.
  const seen: Array<{ elements: readonly unknown[]; raw: readonly unknown[]; options: Readonly<Options> }> = [];
  const sameElements = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return {
    ...rule,
    create(context) {
      let entry = seen.find((e) => sameElements(e.elements, context.options)) ?? seen.find((e) => sameValue(e.raw, context.options));
      if (entry === undefined) {
        const raw = deepFreeze(structuredClone(context.options) as readonly unknown[]);
        entry = { elements: [...context.options], raw, options: deepFreeze(ESLintUtils.applyDefault<Options, Options>(defaults, context.options as Options)) };
        // A handful of configurations per project; an editor reloading settings forever stays bounded.
        if (seen.length >= 16) seen.shift();
        seen.push(entry);
      }
      return spec.create(context, entry.options);
    },
  };
}

/** Structural equality of JSON-like option values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(b, k) || !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A rule as the plugin object stores it, whatever its options and messages. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ProdguardRule = ReturnType<typeof createRule<any[], string>>;
