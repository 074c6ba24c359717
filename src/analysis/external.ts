/**
 * External calls: HTTP clients, SDKs, email, webhooks, and durable hand-offs to queues.
 * Classified by where the callee comes from (imports, constructors, factories), then settings,
 * then conservative names.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { ProdguardSettings } from './settings.js';
import type { EnqueueCall, ExternalCall } from './types.js';

export interface ExternalContext {
  sourceCode: TSESLint.SourceCode;
  settings: ProdguardSettings;
}

/** Classifies one call as an external call or an enqueue, or null. Pure: the caller memoises it. */
export function classifyExternalCall(
  _call: TSESTree.CallExpression,
  _ctx: ExternalContext,
): EnqueueCall | ExternalCall | null {
  return null;
}
