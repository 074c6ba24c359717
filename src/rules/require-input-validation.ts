import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'require-input-validation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require request input to pass a schema parse before it reaches a write or an external call',
      recommended: 'recommended',
      category: 'Valid but contradictory input',
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
