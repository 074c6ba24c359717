import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'no-shared-state-race',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow checking shared state, awaiting, then assigning it',
      recommended: 'strict',
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
