import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'placeholder';

// Placeholder: the rule is declared so presets and docs can refer to it; its analysis lands with its issue.
export default createRule<Options, MessageId>({
  name: 'no-check-then-create',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating a record after checking that it does not exist, without an upsert, unique-violation handling or a lock',
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
