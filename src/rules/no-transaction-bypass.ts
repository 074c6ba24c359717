/**
 * no-transaction-bypass
 *
 * Flags a query inside a transaction that goes through the outer client
 * (`prisma.user.update` where `tx` is in scope, `knex('t')` inside
 * `knex.transaction`, a Sequelize call without `{ transaction: t }`, a Mongoose
 * call without `{ session }`, `pool.query` between `client.query('BEGIN')` and
 * `COMMIT`). That query commits on its own connection: a rollback does not undo
 * it, it does not see the transaction's uncommitted rows, and it can deadlock
 * waiting for the transaction's own locks.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { getFileAnalysis, type DbCall, type EffectSite, type FunctionModel, type TransactionScope } from '../analysis/index.js';
import { dbOf } from '../analysis/records.js';
import { rootOf } from '../analysis/resolve.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'bypass' | 'bypassOption' | 'useTransactionClient';

export default createRule<Options, MessageId>({
  name: 'no-transaction-bypass',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow queries through the outer client inside a transaction',
      recommended: 'recommended',
      category: 'Connection drops mid-operation',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      bypass:
        '`{{call}}` runs through `{{outer}}`, not the transaction client `{{tx}}`, so it commits on its own connection: a rollback of `{{opener}}` does not undo it, and it can deadlock on the transaction\'s locks. Use `{{tx}}`.',
      bypassOption:
        '`{{call}}` inside `{{opener}}` does not pass {{option}}, so it runs outside the transaction: a rollback does not undo it, and it can deadlock on the transaction\'s locks. Pass {{option}}.',
      useTransactionClient: 'Run it through `{{tx}}`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        const text = context.sourceCode.text;
        // Sequelize CLS and Mongoose's transactionAsyncLocalStorage attach queries to the transaction implicitly.
        const implicit = text.includes('useCLS') || text.includes('transactionAsyncLocalStorage');
        for (const model of analysis.models()) checkModel(context, model, implicit);
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

function checkModel(context: Context, model: FunctionModel, implicit: boolean): void {
  for (const site of model.sites) {
    const d = dbOf(site);
    const tx = site.transaction;
    if (!d || !tx || tx.kind === 'batch' || d.op === 'transaction' || d.op === 'commit' || d.op === 'rollback' || d.op === 'other') continue;
    if (d.node === tx.node || d.client.isTransactionClient || d.passesTransaction || d.viaHelper) continue;
    if (d.layer !== tx.layer && !(d.layer === 'sql' && tx.layer === 'sql')) continue;
    if (site.fn !== tx.callback && tx.kind === 'callback' && !within(site, tx)) continue;
    report(context, site, d, tx, implicit);
  }
}

function within(site: EffectSite, tx: TransactionScope): boolean {
  const cb = tx.callback;
  return cb !== undefined && cb.range[0] <= site.effect.node.range[0] && site.effect.node.range[1] <= cb.range[1];
}

function report(context: Context, site: EffectSite, d: DbCall, tx: TransactionScope, implicit: boolean): void {
  const txParam = tx.callback?.params[0];
  const txName = txParam?.type === T.Identifier ? txParam.name : undefined;
  if (d.layer === 'sequelize' || d.layer === 'mongoose' || d.layer === 'mongodb') {
    if (implicit) return;
    const option = d.layer === 'sequelize' ? `\`{ transaction: ${txName ?? 't'} }\`` : `\`{ session${txName ? `: ${txName}` : ''} }\``;
    context.report({ node: d.node, messageId: 'bypassOption', data: { call: d.label, opener: tx.label, option } });
    return;
  }
  if (tx.kind === 'callback' && !txName) return;
  if (tx.kind === 'manual') {
    // `client.query('BEGIN')` … `pool.query(…)`: a different client than the one that began.
    const opener = tx.node.type === T.CallExpression ? rootOf(tx.node.callee) : null;
    const root = d.node.type === T.CallExpression ? rootOf(d.node.callee) : null;
    if (!opener || !root || opener.type !== T.Identifier || root.type !== T.Identifier || opener.name === root.name) return;
    context.report({ node: d.node, messageId: 'bypass', data: { call: d.label, outer: root.name, tx: opener.name, opener: tx.label } });
    return;
  }
  const root = d.node.type === T.CallExpression ? rootOf(d.node.callee) : null;
  const outer = d.client.name;
  const canSuggest = root?.type === T.Identifier && txName !== undefined && root.name === outer;
  context.report({
    node: d.node,
    messageId: 'bypass',
    data: { call: d.label, outer, tx: txName ?? 'tx', opener: tx.label },
    suggest: canSuggest
      ? [{ messageId: 'useTransactionClient', data: { tx: txName }, fix: (fixer) => fixer.replaceText(root, txName) }]
      : null,
  });
}
