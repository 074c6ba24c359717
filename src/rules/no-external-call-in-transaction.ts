import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'no-external-call-in-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow network calls inside a database transaction',
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
