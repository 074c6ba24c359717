import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { getFileAnalysis, type TransactionScope } from '../analysis/index.js';
import { propertyKey } from '../analysis/http.js';
import { isOutsideRequestPath } from '../analysis/production.js';
import { contains } from '../analysis/resolve.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'externalInTransaction' | 'enqueueInTransaction';

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
      externalInTransaction:
        '`{{label}}` runs inside `{{transaction}}`: the transaction holds its connection and row locks while it waits on the network, so a slow service stalls every request behind it, and a rollback cannot take back what the call did. Make the call after the commit, or write an outbox row through the transaction and call from a worker.',
      enqueueInTransaction:
        '`{{label}}` publishes inside `{{transaction}}`: a worker can pick the message up before the commit and find nothing, and a rollback cannot take it back. Publish after the commit, or write an outbox row through the transaction.',
    },
  },
  defaultOptions: [],
  create(context) {
    // Tests, fixtures, seeds, migrations and scripts do not serve traffic.
    if (isOutsideRequestPath(context)) return {};
    return {
      'Program:exit'() {
        const analysis = getFileAnalysis(context);
        const models = analysis.models();
        // Callbacks nested in a transaction callback (`items.map(async (i) => …)`) are models of their own;
        // listed when the first network call outside a model's own transactions asks.
        let callbacks: TransactionScope[] | undefined;
        for (const model of models) {
          for (const site of model.sites) {
            const effect = site.effect;
            if (effect.kind === 'db') continue;
            const transaction =
              site.transaction ??
              (callbacks ??= models.flatMap((m) => m.transactions.filter((t) => t.callback !== undefined))).find((t) => t.callback && contains(t.callback, effect.node)) ??
              null;
            // A transaction recognised only by its opener's name is enough to stay silent elsewhere, not to report here.
            if (!transaction || transaction.guessed) continue;
            if (effect.kind === 'enqueue' && passesTransaction(effect.node)) continue;
            context.report({
              node: effect.node,
              messageId: effect.kind === 'enqueue' ? 'enqueueInTransaction' : 'externalInTransaction',
              data: { label: effect.label, transaction: transaction.label },
            });
          }
        }
      },
    };
  },
});

/** pg-boss `send(…, { db })`, graphile-worker on the transaction's client: the job is written by the transaction itself. */
function passesTransaction(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (a) => a.type === T.ObjectExpression && a.properties.some((p) => p.type === T.Property && ['db', 'tx', 'transaction', 'client', 'session'].includes(propertyKey(p) ?? '')),
  );
}
