/**
 * require-transaction
 *
 * Flags two or more related database writes (in sequence or in
 * `Promise.all`) that do not run in one transaction. If the process crashes,
 * the connection drops or the second write fails, the first one stays
 * committed on its own: an order without its items, a debit without its credit.
 *
 * Related means the later write uses the result of the earlier one, or both
 * write values derived from the same input. Writes in different branches of an
 * `if`, and writes in a `catch`/`finally` (compensation, failure records), are
 * not pairs.
 *
 * Guards: an interactive or batch transaction around both, a manual
 * `BEGIN`/`COMMIT`, passing the same transaction/session to both, or a single
 * multi-row statement.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { getFileAnalysis, type DbCall, type EffectSite, type FileAnalysis, type FunctionModel } from '../analysis/index.js';
import { dbOf, mutuallyExclusive, sameRecord, sameTarget } from '../analysis/records.js';
import { contains, findVariable, isFunctionNode, propertyName, someNodeWithin, unwrap } from '../analysis/resolve.js';
import { promiseUse } from '../analysis/promises.js';
import type { DbLayer } from '../analysis/settings.js';
import { isOutsideRequestPath } from '../analysis/production.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'requireTransaction';

const FIXES: Record<DbLayer, string> = {
  prisma: 'wrap them in `prisma.$transaction(async (tx) => …)` or pass both to `prisma.$transaction([...])`',
  drizzle: 'wrap them in `db.transaction(async (tx) => …)` and use `tx` for both',
  typeorm: 'wrap them in `dataSource.transaction(async (manager) => …)` and use `manager` for both',
  sequelize: 'wrap them in `sequelize.transaction(async (t) => …)` and pass `{ transaction: t }` to both',
  mongoose: 'run them in `session.withTransaction(…)` and pass `{ session }` to both',
  mongodb: 'run them in `session.withTransaction(…)` and pass `{ session }` to both',
  knex: 'wrap them in `knex.transaction(async (trx) => …)` and use `trx` for both',
  kysely: 'wrap them in `db.transaction().execute(async (trx) => …)` and use `trx` for both',
  'mikro-orm': 'persist both and `flush()` once, or wrap them in `em.transactional(…)`',
  sql: 'run them between `BEGIN` and `COMMIT` on one client (`const client = await pool.connect()`)',
  redis: 'send them in one `MULTI`/`EXEC`',
};

export default createRule<Options, MessageId>({
  name: 'require-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require related database writes to run in one transaction',
      recommended: 'recommended',
      category: 'Connection drops mid-operation',
    },
    schema: [],
    messages: {
      requireTransaction:
        '`{{second}}` and `{{first}}` (line {{line}}) commit separately. If the process or connection dies between them, or the second fails, the first stays written on its own; {{fix}}.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        if (isOutsideRequestPath(context)) return;
        const analysis = getFileAnalysis(context);
        for (const model of analysis.models()) checkModel(context, analysis, model);
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

/** How many earlier writes each write is compared with. */
const PAIR_WINDOW = 8;

function isPlainWrite(site: EffectSite): DbCall | null {
  const d = dbOf(site);
  if (!d || site.transaction || site.inHandler || d.passesTransaction || d.client.isTransactionClient) return null;
  if (d.layer === 'redis') return null;
  return d.op === 'create' || d.op === 'update' || d.op === 'delete' || d.op === 'upsert' ? d : null;
}

function checkModel(context: Context, analysis: FileAnalysis, model: FunctionModel): void {
  const { sourceCode } = context;
  const writes = model.sites.filter((s) => isPlainWrite(s) !== null);
  if (writes.length < 2) return;
  const reported = new Set<EffectSite>();
  for (let i = 1; i < writes.length; i++) {
    const second = writes[i];
    // Pair each write with the few writes just before it: pairing all of them grows with the square of the function.
    for (let j = Math.max(0, i - PAIR_WINDOW); j < i; j++) {
      const first = writes[j];
      if (reported.has(second) || mutuallyExclusive(first, second)) continue;
      if (first.effect.node === second.effect.node) continue;
      if (!related(sourceCode, model, first, second)) continue;
      if (statusCheckpoint(sourceCode, analysis, model, first, second) || resumableEnsures(first, second) || bestEffort(sourceCode, first, second)) continue;
      const a = first.effect as DbCall;
      const b = second.effect as DbCall;
      // The project's own wrappers (`settings.prodguard.wrappers`) hide the data layer: give the general remedy.
      const fix = isWrapper(a) || isWrapper(b) ? 'run them in one transaction and pass it to both' : (FIXES[b.layer] ?? FIXES.sql);
      context.report({
        node: b.node,
        messageId: 'requireTransaction',
        data: { first: a.label, second: b.label, line: String(a.node.loc.start.line), fix },
      });
      reported.add(second);
    }
  }
}

/**
 * The second write uses the first's result (an order, then its items with `order.id`), or both write
 * values from the same variable (a debit and a credit of one `amount`). Writes repeated in loops, and
 * two writes to the same record (a status moving along), are related only through results.
 */
function related(sourceCode: TSESLint.SourceCode, model: FunctionModel, first: EffectSite, second: EffectSite): boolean {
  const b = second.effect as DbCall;
  // A helper called after a write (`await task.save(); await this.process(task)`) is a next step, not a second half.
  if (isSummary(b)) return false;
  for (const n of [...b.data, ...b.filter]) if (model.resultsInto(n).has(first)) return true;
  const a = first.effect as DbCall;
  if (first.inLoop || second.inLoop) return false;
  // A same-file helper is summarised, not seen: pair it only through the result it returns.
  if (isSummary(a) || isSummary(b)) return false;
  // Clean-up deletes chosen independently (old rows of several tables) are not halves of one change.
  if (a.op === 'delete' && b.op === 'delete') return false;
  if (sameTarget(a, b) && a.target !== undefined && (a.instance || b.instance || sameRecord(model, sourceCode, first, second) === 'same')) return false;
  // Two inserts or two deletes into one table are a batch done in steps, not two halves of one change.
  if (sameTarget(a, b) && a.target !== undefined && a.op === b.op && (a.op === 'create' || a.op === 'delete')) return false;
  const left = variablesOf(sourceCode, model, first);
  if (left.size === 0) return false;
  for (const v of variablesOf(sourceCode, model, second)) if (left.has(v)) return true;
  return false;
}

/**
 * A record's status written, work awaited, the status written again (`PENDING`, `await run()`, `COMPLETED`):
 * the first write is a checkpoint committed on purpose, the state a crash leaves behind to resume from, and
 * no transaction should stay open across the work.
 */
function statusCheckpoint(sourceCode: TSESLint.SourceCode, analysis: FileAnalysis, model: FunctionModel, first: EffectSite, second: EffectSite): boolean {
  const a = first.effect as DbCall;
  const b = second.effect as DbCall;
  if (!sameTarget(a, b) || a.target === undefined || !setsStatus(a) || !setsStatus(b)) return false;
  const sameRow = b.filter.some((n) => model.resultsInto(n).has(first)) || sameRecord(model, sourceCode, first, second) === 'same';
  if (!sameRow) return false;
  const from = a.node.range[1];
  const to = b.node.range[0];
  for (const fn of [model.root, ...model.inlined]) {
    for (const call of analysis.callsOf(fn)) {
      if (call.range[0] < from || call.range[1] > to || call.parent?.type !== T.AwaitExpression) continue;
      if (analysis.classify(call)?.kind !== 'db') return true;
    }
  }
  return false;
}

/**
 * The later write is caught on its own and the code goes on (`try { await …delete(…) } catch {}`,
 * `.catch(() => null)`): the author has chosen to let it fail after the first one committed, and a
 * transaction would roll the first back with it. A `catch` that throws or returns is not going on.
 */
function bestEffort(sourceCode: TSESLint.SourceCode, first: EffectSite, second: EffectSite): boolean {
  const node = second.effect.node;
  const t = second.tryStatement;
  if (t?.handler && !contains(t.block, first.effect.node) && !mayRethrow(sourceCode, t.handler.body) && !someNodeWithin(sourceCode, t.handler.body, (n) => n.type === T.ReturnStatement)) return true;
  const use = promiseUse(sourceCode, node);
  return use.kind === 'handled' && isFunctionNode(use.handler) && !mayRethrow(sourceCode, use.handler.body);
}

/** A handler that throws, or hands back a rejected promise. */
function mayRethrow(sourceCode: TSESLint.SourceCode, body: TSESTree.Node): boolean {
  return someNodeWithin(sourceCode, body, (n) => n.type === T.ThrowStatement || (n.type === T.MemberExpression && propertyName(n) === 'reject'));
}

/**
 * A row made sure of, then another upsert (`partner.upsert({ …, update: {} })`, then
 * `enrollment.upsert(…)`): the first write changes nothing when its row is there, and the second sets
 * the same values again, so running the code again finishes what a crash left half done.
 */
function resumableEnsures(first: EffectSite, second: EffectSite): boolean {
  const a = first.effect as DbCall;
  const b = second.effect as DbCall;
  return b.op === 'upsert' && !b.atomic && a.keepsExisting;
}

/** The write sets a `status` or `state` field: `data: { status: 'PENDING' }`, `{ $set: { state } }`. */
function setsStatus(d: DbCall): boolean {
  const hasStatus = (node: TSESTree.Node, depth: number): boolean => {
    const o = unwrap(node);
    if (o.type !== T.ObjectExpression || depth > 1) return false;
    return o.properties.some((p) => {
      if (p.type !== T.Property || p.computed || p.key.type !== T.Identifier) return false;
      if (p.key.name === 'status' || p.key.name === 'state') return true;
      return (p.key.name === 'data' || p.key.name === '$set') && hasStatus(p.value, depth + 1);
    });
  };
  return d.data.some((n) => hasStatus(n, 0));
}

const VARIABLES_BY_SITE = Symbol('variablesBySite');

/** The local variables a write's data and filter read, once per write: each write meets several others. */
function variablesOf(sourceCode: TSESLint.SourceCode, model: FunctionModel, site: EffectSite): Set<unknown> {
  const bySite = model.memo(VARIABLES_BY_SITE, () => new Map<EffectSite, Set<unknown>>());
  let vars = bySite.get(site);
  if (!vars) {
    const d = site.effect as DbCall;
    vars = variablesIn(sourceCode, [...d.data, ...d.filter]);
    bySite.set(site, vars);
  }
  return vars;
}

/** A configured wrapper (`settings.prodguard.wrappers`): its label is its own client. */
function isWrapper(d: DbCall): boolean {
  return d.viaHelper !== undefined && d.client.name === d.viaHelper;
}

/** A call to a same-file helper, summarised by the write inside it (not a configured wrapper). */
function isSummary(d: DbCall): boolean {
  return d.viaHelper !== undefined && d.client.name !== d.viaHelper;
}

/** The local variables and parameters an argument reads (not module-level constants such as table objects). */
function variablesIn(sourceCode: TSESLint.SourceCode, nodes: readonly TSESTree.Node[]): Set<unknown> {
  const out = new Set<unknown>();
  const stack: TSESTree.Node[] = nodes.map((n) => unwrap(n));
  let budget = 400;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop() as TSESTree.Node;
    switch (n.type) {
      case T.Identifier: {
        const v = findVariable(sourceCode, n);
        const def = v?.defs[0];
        if (v && def && (def.type === 'Parameter' || (def.type === 'Variable' && v.scope.type !== 'module' && v.scope.type !== 'global'))) out.add(v);
        break;
      }
      case T.MemberExpression:
        stack.push(n.object);
        if (n.computed) stack.push(n.property);
        break;
      case T.ObjectExpression:
        for (const p of n.properties) stack.push(p.type === T.Property ? p.value : p.argument);
        break;
      case T.ArrayExpression:
        for (const e of n.elements) if (e) stack.push(e);
        break;
      case T.CallExpression:
        for (const a of n.arguments) stack.push(a);
        break;
      case T.BinaryExpression:
      case T.LogicalExpression:
        stack.push(n.left, n.right);
        break;
      case T.TemplateLiteral:
        stack.push(...n.expressions);
        break;
      case T.TaggedTemplateExpression:
        stack.push(...n.quasi.expressions);
        break;
      case T.SpreadElement:
      case T.UnaryExpression:
        stack.push(n.argument);
        break;
      case T.AwaitExpression:
      case T.TSAsExpression:
      case T.TSNonNullExpression:
        stack.push('argument' in n ? n.argument : n.expression);
        break;
      case T.ConditionalExpression:
        stack.push(n.consequent, n.alternate);
        break;
      case T.ArrowFunctionExpression:
        if (n.body.type !== T.BlockStatement) stack.push(n.body);
        break;
      default:
        break;
    }
  }
  return out;
}
