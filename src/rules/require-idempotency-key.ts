import type { TSESTree } from '@typescript-eslint/utils';

import { describeExternalCall, idempotencyOf, type ExternalContext } from '../analysis/external.js';
import { isFileMatched, TEST_FILE_GLOBS } from '../analysis/files.js';
import { textMayMention } from '../analysis/gate.js';
import { getFileAnalysis } from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'missingKey' | 'missingHeader' | 'freshKey';

export default createRule<Options, MessageId>({
  name: 'require-idempotency-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a stable idempotency key on mutating calls to APIs that accept one',
      recommended: 'recommended',
      category: 'Runs twice at the same time',
    },
    schema: [],
    messages: {
      missingKey:
        '`{{label}}` sends no idempotency key, so a retry after a timeout, a double click or a redelivered job performs it twice at {{client}} (two charges, two refunds, two orders). Pass `{{key}}` derived from a stable id such as the order or job id.',
      missingHeader:
        'This POST to {{client}} sends no `{{key}}` header, so a retry after a timeout, a double click or a redelivered job performs it twice. Add the header with a key derived from a stable id such as the order or job id.',
      freshKey:
        'The idempotency key of `{{label}}` is new on every call (`{{fresh}}`), so a retry gets a different key and {{client}} performs it twice. Derive the key from a stable id such as the order or job id.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    // Scripts and jobs charge customers too and stay checked; tests and fixtures run against test mode.
    if (!textMayMention(sourceCode.text, MAY_USE_KEYED_API) || isFileMatched(context, TEST_FILE_GLOBS)) return {};
    return {
      'Program:exit'() {
        // Only an external call can need a key: the shared analysis has found and classified them all.
        const analysis = getFileAnalysis(context);
        const ctx: ExternalContext = { sourceCode, settings: analysis.settings };
        for (const model of analysis.models()) {
          for (const site of model.sites) {
            if (site.effect.kind === 'external') check(site.effect.node, ctx);
          }
        }
      },
    };

    function check(call: TSESTree.CallExpression, ctx: ExternalContext): void {
      const info = describeExternalCall(call, ctx);
      if (!info) return;
      const verdict = idempotencyOf(info, sourceCode);
      if (verdict.kind === 'missing') {
        context.report({
          node: call.callee,
          messageId: verdict.header ? 'missingHeader' : 'missingKey',
          data: { label: info.label, client: CLIENT_NAMES[verdict.client] ?? verdict.client, key: verdict.key },
        });
      } else if (verdict.kind === 'fresh') {
        context.report({
          node: verdict.node,
          messageId: 'freshKey',
          data: { label: info.label, client: CLIENT_NAMES[verdict.client] ?? verdict.client, fresh: shortText(verdict.fresh) },
        });
      }
    }

    function shortText(node: TSESTree.Node): string {
      const text = sourceCode.getText(node).replace(/\s+/g, ' ');
      return text.length > 40 ? `${text.slice(0, 37)}...` : text;
    }
  },
});

/** Only files that mention a payment API that takes keys are looked at. */
const MAY_USE_KEYED_API = /stripe|square|adyen|checkout|paypal/i;

const CLIENT_NAMES: Record<string, string> = {
  stripe: 'Stripe',
  square: 'Square',
  adyen: 'Adyen',
  'checkout.com': 'Checkout.com',
  paypal: 'PayPal',
};
