import { Linter } from 'eslint';

import { createRule } from '../src/util/create-rule.js';

type Options = [{ level?: number; names?: string[] }];

/** A rule that reports the options it was handed, so each lint shows what `create` received. */
function optionsEcho() {
  const received: Array<Readonly<Options>> = [];
  const rule = createRule<Options, 'echo'>({
    name: 'echo',
    meta: {
      type: 'problem',
      docs: { description: 'Report the options', recommended: 'recommended', category: 'Error paths' },
      messages: { echo: '{{options}}' },
      schema: [{ type: 'object', properties: { level: { type: 'number' }, names: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
      defaultOptions: [{ level: 1, names: ['a'] }],
    },
    defaultOptions: [{ level: 1, names: ['a'] }],
    create(context, options) {
      received.push(options);
      return { Program: (node) => context.report({ node, messageId: 'echo', data: { options: JSON.stringify(options) } }) };
    },
  });
  return { rule, received };
}

function lint(rule: unknown, ruleConfig: unknown): string {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify('x;', [{ plugins: { t: { rules: { echo: rule as never } } }, rules: { 't/echo': ruleConfig as never } }]);
  return messages[0]?.message ?? messages.map((m) => m.message).join('');
}

describe('createRule', () => {
  it('hands each file the options of its own configuration, merged with the defaults', () => {
    const { rule } = optionsEcho();
    expect(lint(rule, 'error')).toBe('[{"level":1,"names":["a"]}]');
    expect(lint(rule, ['error', { level: 3 }])).toBe('[{"level":3,"names":["a"]}]');
    expect(lint(rule, ['error', { names: ['b', 'c'] }])).toBe('[{"level":1,"names":["b","c"]}]');
    // Back to the first configurations: not the last one seen.
    expect(lint(rule, 'error')).toBe('[{"level":1,"names":["a"]}]');
    expect(lint(rule, ['error', { level: 3 }])).toBe('[{"level":3,"names":["a"]}]');
  });

  it('merges a configuration once and hands later files the same frozen object', () => {
    const { rule, received } = optionsEcho();
    lint(rule, ['error', { level: 2 }]);
    lint(rule, ['error', { level: 2 }]);
    expect(received).toHaveLength(2);
    expect(received[1]).toBe(received[0]);
    expect(Object.isFrozen(received[0][0])).toBe(true);
    expect(Object.isFrozen(received[0][0].names)).toBe(true);
  });
});
