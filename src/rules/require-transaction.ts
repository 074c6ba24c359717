import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'require-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require related database writes to run in one transaction',
      recommended: 'recommended',
      category: 'Connection drops mid-operation',
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
