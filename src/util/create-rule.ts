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

export const createRule = ESLintUtils.RuleCreator<ProdguardDocs>(docsUrl);

/** A rule as the plugin object stores it, whatever its options and messages. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ProdguardRule = ReturnType<typeof createRule<any[], string>>;
