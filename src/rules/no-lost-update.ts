import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'no-lost-update',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing back a record with values derived from an earlier read of it without a lock, version check or atomic update',
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
