import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
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
      placeholder: 'Not implemented yet.',
    },
  },
  defaultOptions: [],
  create() {
    return {};
  },
});
