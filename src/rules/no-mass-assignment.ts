/**
 * no-mass-assignment: request input, or an unfiltered `Partial<T>`, written
 * whole into a database write: `data: req.body`, `data: { ...body }`,
 * `.set(req.body)`, `Model.create(req.body)`, `{ $set: req.body }`.
 * Picking fields (`data: { name: body.name }`) and writing a parse's output are fine.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { getFileAnalysis, helperFunctionOf, type DbCall, type Effect, type FunctionNode } from '../analysis/index.js';
import { getInputTracer, mayHaveInput } from '../analysis/input.js';
import { isOutsideRequestPath } from '../analysis/production.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ checkPartialParameters?: boolean }];
export type MessageId = 'massAssignment' | 'partialAssignment';

const WRITE_OPS = new Set(['create', 'update', 'upsert']);

export default createRule<Options, MessageId>({
  name: 'no-mass-assignment',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passing request input or an unfiltered partial whole into write data',
      recommended: 'recommended',
      category: 'Valid but contradictory input',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkPartialParameters: {
            type: 'boolean',
            description: 'Also report parameters typed `Partial<T>` written whole into a write (service methods that take a patch).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkPartialParameters: true }],
    messages: {
      massAssignment:
        '`{{source}}` is written whole into `{{sink}}`, so a client can set any column it names (`role`, `ownerId`, `balance`). Pick the fields you accept, or write the output of a schema parse.',
      partialAssignment:
        '`{{source}}` (a `Partial<…>`) is written whole into `{{sink}}`, so any field a caller puts in it is stored, including ones it must not change. Pick the updatable fields, or parse it with a schema that lists them.',
    },
  },
  defaultOptions: [{ checkPartialParameters: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // Tests, fixtures, seeds, migrations and scripts take no request from a client.
    if (isOutsideRequestPath(context) || !mayHaveInput(sourceCode)) return {};
    const checkPartial = options.checkPartialParameters !== false;
    return {
      'Program:exit'() {
        const analysis = getFileAnalysis(context);
        const tracer = getInputTracer(analysis);
        const reported = new Set<TSESTree.Node>();
        for (const model of analysis.models()) {
          for (const site of model.sites) {
            const effect = site.effect;
            if (!isObjectWrite(effect)) continue;
            const helper = helperFunctionOf(sourceCode, effect);
            if (effect.viaHelper && !helper) continue;
            // `saveUser(req.body)` where the same-file `saveUser` writes its parameter whole.
            const written = helper ? wholeHelperArguments(effect.node, helper) : effect.data;
            for (const data of written) {
              for (const hit of tracer.wholeSourcesIn(data)) {
                const partial = hit.source.kind === 'partial';
                if ((partial && !checkPartial) || reported.has(hit.source.node)) continue;
                reported.add(hit.source.node);
                context.report({
                  node: hit.placed ?? hit.source.node,
                  messageId: partial ? 'partialAssignment' : 'massAssignment',
                  data: { source: hit.source.label, sink: effect.label },
                });
              }
            }
          }
        }
      },
    };

    function wholeHelperArguments(call: TSESTree.Node, helper: FunctionNode): TSESTree.Node[] {
      if (call.type !== T.CallExpression) return [];
      const analysis = getFileAnalysis(context);
      const tracer = getInputTracer(analysis);
      const innerData = analysis
        .modelOf(helper)
        .sites.flatMap((s) => (isObjectWrite(s.effect) && !s.effect.viaHelper ? s.effect.data : []));
      return call.arguments.filter((_, i) => innerData.some((data) => tracer.parameterReaches(helper, i, data, true)));
    }
  },
});

/** A create, update or upsert whose data is a record (not SQL parameters or a Redis value, which are scalars). */
function isObjectWrite(effect: Effect): effect is DbCall {
  return effect.kind === 'db' && WRITE_OPS.has(effect.op) && effect.layer !== 'sql' && effect.layer !== 'redis';
}
