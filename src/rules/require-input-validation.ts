/**
 * require-input-validation: request input reaches a database write or an
 * external call without passing through a schema parse. A cast
 * (`req.body as Candidate`) is not a parse.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { getFileAnalysis, helperFunctionOf, type Effect, type FunctionNode } from '../analysis/index.js';
import { getInputTracer, mayHaveInput } from '../analysis/input.js';
import { isOutsideRequestPath } from '../analysis/production.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ checkExternalCalls?: boolean }];
export type MessageId = 'unvalidated';

const WRITE_OPS = new Set(['create', 'update', 'upsert']);

export default createRule<Options, MessageId>({
  name: 'require-input-validation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require request input to pass a schema parse before it reaches a write or an external call',
      recommended: 'recommended',
      category: 'Valid but contradictory input',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkExternalCalls: {
            type: 'boolean',
            description: 'Also report input that reaches a mutating external call (HTTP POST/PUT/PATCH/DELETE, SDK create/update/send) unparsed, not only database writes.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkExternalCalls: true }],
    messages: {
      unvalidated:
        '`{{source}}` reaches `{{sink}}` without a schema parse, so whatever the client sends is stored or forwarded as-is (a negative amount, a missing field, an end date before its start). Parse it first (`Schema.parse(...)`) and use the parsed value.',
    },
  },
  defaultOptions: [{ checkExternalCalls: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // Tests, fixtures, seeds, migrations and scripts take no request from a client.
    if (isOutsideRequestPath(context) || !mayHaveInput(sourceCode)) return {};
    const checkExternal = options.checkExternalCalls !== false;
    return {
      'Program:exit'() {
        const analysis = getFileAnalysis(context);
        const tracer = getInputTracer(analysis);
        const reported = new Set<TSESTree.Node | string>();
        for (const model of analysis.models()) {
          for (const site of model.sites) {
            const helper = helperFunctionOf(sourceCode, site.effect);
            const sinks = helper ? helperArgumentsThatReachSinks(site.effect, helper) : sinkArguments(site.effect, checkExternal);
            for (const arg of sinks) {
              for (const hit of tracer.sourcesIn(arg)) {
                const once = `${hit.source.label}@${site.effect.node.range[0]}`;
                if (hit.source.kind !== 'body' || reported.has(hit.source.node) || reported.has(once) || hit.checked) continue;
                reported.add(hit.source.node);
                reported.add(once);
                context.report({
                  node: hit.source.node,
                  messageId: 'unvalidated',
                  data: { source: hit.source.label, sink: site.effect.label },
                });
              }
            }
          }
        }
      },
    };

    /** `createCandidate(req.body)` where the same-file `createCandidate` writes its parameter unparsed. */
    function helperArgumentsThatReachSinks(effect: Effect, helper: FunctionNode): TSESTree.Node[] {
      if (effect.node.type !== T.CallExpression) return [];
      const analysis = getFileAnalysis(context);
      const tracer = getInputTracer(analysis);
      const innerSinks = analysis
        .modelOf(helper)
        .sites.flatMap((s) => (s.effect.viaHelper ? [] : sinkArguments(s.effect, checkExternal)));
      if (innerSinks.length === 0) return [];
      return effect.node.arguments.filter((_, i) => innerSinks.some((sink) => tracer.parameterReaches(helper, i, sink, false)));
    }
  },
});

/** The argument nodes whose values leave the function: written data, or the arguments of an external call that changes state. */
function sinkArguments(effect: Effect, checkExternal: boolean): TSESTree.Node[] {
  if (effect.kind === 'db') return WRITE_OPS.has(effect.op) && !effect.viaHelper ? effect.data : [];
  if (effect.kind === 'external' && effect.mutating && effect.confidence === 'resolved' && checkExternal && !effect.viaHelper) {
    return effect.node.arguments;
  }
  return [];
}
