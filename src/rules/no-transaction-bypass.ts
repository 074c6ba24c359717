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
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { getFileAnalysis, type DbCall, type EffectSite, type FileAnalysis, type FunctionModel, type FunctionNode, type TransactionScope } from '../analysis/index.js';
import { dbOf } from '../analysis/records.js';
import { contains, rootOf, sameFileCallee } from '../analysis/resolve.js';
import { isOutsideRequestPath } from '../analysis/production.js';
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
        if (isOutsideRequestPath(context)) return;
        const analysis = getFileAnalysis(context);
        const text = context.sourceCode.text;
        // Sequelize CLS and Mongoose's transactionAsyncLocalStorage attach queries to the transaction implicitly.
        const implicit = text.includes('useCLS') || text.includes('transactionAsyncLocalStorage');
        for (const model of analysis.models()) checkModel(context, analysis, model, implicit);
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

function checkModel(context: Context, analysis: FileAnalysis, model: FunctionModel, implicit: boolean): void {
  for (const site of model.sites) {
    const d = dbOf(site);
    const tx = site.transaction;
    if (!d || !tx || tx.kind === 'batch' || tx.guessed || d.op === 'transaction' || d.op === 'commit' || d.op === 'rollback' || d.op === 'other') continue;
    if (d.node === tx.node || d.client.isTransactionClient || d.passesTransaction) continue;
    if (d.viaHelper) {
      // `const audit = () => prisma.auditLog.create(…)` declared inside the callback and called there.
      const helper = localHelper(context, d, tx);
      if (helper) for (const inner of analysis.modelOf(helper).sites) checkSite(context, analysis, inner, tx, implicit);
      continue;
    }
    if (site.fn !== tx.callback && tx.kind === 'callback' && !within(site, tx)) continue;
    checkSite(context, analysis, site, tx, implicit);
  }
}

function checkSite(context: Context, analysis: FileAnalysis, site: EffectSite, tx: TransactionScope, implicit: boolean): void {
  const d = dbOf(site);
  if (!d || d.op === 'transaction' || d.op === 'commit' || d.op === 'rollback' || d.op === 'other') return;
  if (d.client.isTransactionClient || d.passesTransaction || d.viaHelper) return;
  if (d.layer !== tx.layer) return;
  // A project's own transaction helper (`settings.prodguard.transactions`) is not a database client itself.
  const openedByClient = analysis.classify(tx.node)?.kind === 'db';
  report(context, site, d, tx, implicit, openedByClient);
}

/** The function a helper call runs, when it is declared inside the transaction callback. */
function localHelper(context: Context, d: DbCall, tx: TransactionScope): FunctionNode | null {
  if (d.node.type !== T.CallExpression || !tx.callback) return null;
  const fn = sameFileCallee(context.sourceCode, d.node)?.fn;
  return fn && contains(tx.callback, fn) ? fn : null;
}

function within(site: EffectSite, tx: TransactionScope): boolean {
  return tx.callback !== undefined && contains(tx.callback, site.effect.node);
}

/**
 * Layers whose transaction client stands in for one database client: a call through a different client
 * of the same layer (`analytics` beside `db`) talks to another database, which the transaction cannot cover.
 * TypeORM and MikroORM repositories and managers all hang off one data source, so any of them bypasses.
 */
const SAME_CLIENT_LAYERS: ReadonlySet<string> = new Set(['prisma', 'drizzle', 'knex', 'kysely', 'sql', 'redis']);

function report(context: Context, site: EffectSite, d: DbCall, tx: TransactionScope, implicit: boolean, openedByClient: boolean): void {
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
  // Only the client that opened the transaction is bypassed: another database (`analytics`) cannot join it,
  // and a parameter of the callback is the transaction's own client.
  const receiver = clientNode(d.node);
  if (!receiver) return;
  if (receiver.type === T.Identifier && tx.callback?.params.some((p) => p.type === T.Identifier && p.name === receiver.name)) return;
  if (SAME_CLIENT_LAYERS.has(tx.layer) && openedByClient) {
    const opener = tx.node.type === T.CallExpression ? clientNode(tx.node) : null;
    if (!opener || context.sourceCode.getText(receiver) !== context.sourceCode.getText(opener)) return;
  }
  const outer = context.sourceCode.getText(receiver);
  context.report({
    node: d.node,
    messageId: 'bypass',
    data: { call: d.label, outer, tx: txName ?? 'tx', opener: tx.label },
    // Swapping the client is mechanical where the transaction client has the same API (not a TypeORM manager for a repository).
    suggest: txName && SAME_CLIENT_LAYERS.has(tx.layer)
      ? [{ messageId: 'useTransactionClient', data: { tx: txName }, fix: (fixer) => fixer.replaceText(receiver, txName) }]
      : null,
  });
}

/** The client a call goes through: `prisma` in `prisma.user.update(…)`, `this.prisma` in `this.prisma.$transaction(…)`, `knex` in `knex('t')…`. */
function clientNode(node: TSESTree.Node): TSESTree.Identifier | TSESTree.MemberExpression | null {
  let n: TSESTree.Node = node;
  for (let i = 0; i < 64; i++) {
    if (n.type === T.CallExpression) n = n.callee;
    else if (n.type === T.TaggedTemplateExpression) n = n.tag;
    else if (n.type === T.MemberExpression) {
      if (n.object.type === T.ThisExpression) return n;
      n = n.object;
    } else if (n.type === T.Identifier) return n;
    else if (n.type === T.AwaitExpression || n.type === T.TSNonNullExpression || n.type === T.ChainExpression) n = n.type === T.AwaitExpression ? n.argument : n.expression;
    else return null;
  }
  return null;
}
