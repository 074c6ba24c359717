import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'no-floating-effect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow database and external calls whose promise is dropped',
      recommended: 'recommended',
      category: 'External service is down',
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
