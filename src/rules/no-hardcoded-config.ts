import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'no-hardcoded-config',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow environment-specific URLs, hosts and leftover placeholder values in application code',
      recommended: 'strict',
      category: 'Hardcoded values',
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
