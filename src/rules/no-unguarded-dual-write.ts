import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'no-unguarded-dual-write',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a committed database write and an external mutating call with no plan for one of them failing',
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
