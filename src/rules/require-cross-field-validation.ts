import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'require-cross-field-validation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a refinement relating paired fields such as start and end in object schemas',
      recommended: 'strict',
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
