/**
 * no-check-then-create
 *
 * Flags a create that runs only after a read found nothing: find-then-create,
 * `exists ? update : create`, count-then-insert, Redis `GET`/`EXISTS` then `SET`.
 * Two concurrent requests both find nothing and both create: a duplicate, or
 * one of them fails on a unique index nobody handles.
 *
 * Guards: an upsert (`upsert`, `ON CONFLICT`, `onConflictDoNothing/Update`,
 * `skipDuplicates`, `upsert: true`, `SET … NX`), a caught unique violation
 * (Prisma `P2002`, PostgreSQL `23505`, MongoDB `11000`, MySQL `ER_DUP_ENTRY`),
 * a row lock or SERIALIZABLE transaction around both, or a lock/mutex. An
 * after-create hook's check keyed on the row its transaction just created is
 * not a race.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { getFileAnalysis, type DbCall, type EffectSite, type FunctionModel } from '../analysis/index.js';
import { createGuard, createMatchesCheck, dbOf, handlesUniqueViolation, nearestReads, runsWhenAbsent, sameRecord, sameTarget } from '../analysis/records.js';
import { propertyName, unwrap } from '../analysis/resolve.js';
import type { DbLayer } from '../analysis/settings.js';
import { isOutsideRequestPath } from '../analysis/production.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'checkThenCreate' | 'useUpsert';

const FIXES: Record<DbLayer, string> = {
  prisma: 'use `upsert` on a unique field, or catch `P2002` from the create',
  drizzle: 'insert with `.onConflictDoNothing()` / `.onConflictDoUpdate()` on a unique column',
  typeorm: 'use `upsert()` or `insert().orIgnore()` on a unique column, or catch the unique violation',
  sequelize: 'use `findOrCreate`/`upsert` on a unique column, or catch `UniqueConstraintError`',
  mongoose: 'use `findOneAndUpdate(filter, { $setOnInsert: … }, { upsert: true })` on a unique index, or catch error `11000`',
  mongodb: 'use `updateOne(filter, { $setOnInsert: … }, { upsert: true })` on a unique index, or catch error `11000`',
  knex: 'insert with `.onConflict(...).ignore()` / `.merge()` on a unique column',
  kysely: 'insert with `.onConflict((oc) => oc.column(...).doNothing())` on a unique column',
  'mikro-orm': 'use `em.upsert()` on a unique property, or catch `UniqueConstraintViolationException`',
  sql: 'use `INSERT … ON CONFLICT` on a unique column, or catch error `23505`',
  redis: 'use `SET key value NX` (or `SETNX`) so only one request creates it',
};

export default createRule<Options, MessageId>({
  name: 'no-check-then-create',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating a record after checking that it does not exist, without an upsert, unique-violation handling or a lock',
      recommended: 'recommended',
      category: 'Runs twice at the same time',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      checkThenCreate:
        '`{{create}}` runs only after `{{read}}` found nothing. Two concurrent requests can both find nothing and both create, leaving a duplicate or an unhandled unique violation; {{fix}}.',
      useUpsert: 'Replace the create with `{{upsert}}`, which checks and creates in one statement.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        if (isOutsideRequestPath(context)) return;
        const analysis = getFileAnalysis(context);
        for (const model of analysis.models()) checkModel(context, model);
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

function checkModel(context: Context, model: FunctionModel): void {
  const { sourceCode } = context;
  for (const create of model.sites) {
    const c = dbOf(create);
    if (!c || !isUnguardedCreate(c)) continue;
    if (handlesUniqueViolation(sourceCode, create)) continue;
    for (const read of nearestReads(model, create)) {
      const r = dbOf(read);
      if (!r || r.op !== 'read' || !sameTarget(r, c) || (r.layer === 'redis') !== (c.layer === 'redis')) continue;
      if (r.target === undefined && c.target === undefined && r.layer !== 'redis') continue;
      if (!runsWhenAbsent(sourceCode, model, read, create)) continue;
      if (c.layer === 'redis' && !isMarkerWrite(model, r, c)) continue;
      if (createGuard(sourceCode, model, read, create)) continue;
      if (c.layer === 'redis' ? sameRecord(model, sourceCode, read, create) === 'different' : !createMatchesCheck(sourceCode, r, c)) continue;
      const suggestion = upsertSuggestion(sourceCode, r, c);
      context.report({
        node: c.node,
        messageId: 'checkThenCreate',
        data: { create: c.label, read: r.label, fix: FIXES[c.layer] ?? FIXES.sql },
        suggest: suggestion ? [suggestion] : null,
      });
      break;
    }
  }
}

/**
 * Redis: a get-then-set is usually a cache fill, where two requests writing the same computed value
 * is harmless. It is a check-then-create when the key is a marker: checked with `EXISTS`, or set to a
 * constant (`'1'`, `'locked'`, a timestamp) as a lock or an idempotency flag.
 */
function isMarkerWrite(model: FunctionModel, r: DbCall, c: DbCall): boolean {
  // A helper's arguments are not a key and a value: its summary cannot tell a marker from a cache fill.
  if (c.viaHelper || r.viaHelper) return false;
  if (/^(?:exists|hexists|hExists|sismember|sIsMember)$/.test(r.method)) return true;
  const value = c.data[0] ? unwrap(c.data[0]) : undefined;
  if (!value) return false;
  // A constant, a timestamp or a value the caller passed in (a job id, an owner) marks the key; anything
  // computed (serialised data, a query's result) is a cache fill.
  if (value.type === T.Literal) return true;
  if (value.type === T.TemplateLiteral) return value.expressions.every((e) => isParameter(model, e));
  if (value.type === T.CallExpression) {
    const callee = value.callee;
    if (callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.object.name === 'Date' && propertyName(callee) === 'now') return true;
    return callee.type === T.Identifier && callee.name === 'String' && value.arguments.length === 1 && isParameter(model, value.arguments[0]);
  }
  return isParameter(model, value);
}

/** A parameter of the analysed function, read as is. */
function isParameter(model: FunctionModel, node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return n.type === T.Identifier && model.root.type !== T.Program && model.root.params.some((p) => p.type === T.Identifier && p.name === n.name);
}

/** A plain create or a Redis `SET` without `NX`. */
function isUnguardedCreate(c: DbCall): boolean {
  if (c.conflictSafe) return false;
  if (c.op === 'create') return true;
  return c.layer === 'redis' && c.op === 'update' && !c.atomic && /^(?:set|setex|setEx|hset|hSet)$/.test(c.method);
}

/**
 * Prisma's simple shape: `findUnique({ where: W })` then `create({ data: D })` on the same model
 * becomes `upsert({ where: W, create: D, update: {} })`. `findUnique` guarantees `W` is unique.
 */
function upsertSuggestion(sourceCode: TSESLint.SourceCode, r: DbCall, c: DbCall): TSESLint.SuggestionReportDescriptor<MessageId> | null {
  if (r.layer !== 'prisma' || c.layer !== 'prisma' || !/^findUnique/.test(r.method) || c.method !== 'create') return null;
  if (c.node.type !== T.CallExpression || r.filter.length !== 1 || c.data.length !== 1) return null;
  const callee = unwrap(c.node.callee);
  if (callee.type !== T.MemberExpression) return null;
  const args = c.node.arguments;
  if (args.length !== 1 || unwrap(args[0]).type !== T.ObjectExpression) return null;
  const other = (unwrap(args[0]) as TSESTree.ObjectExpression).properties.filter(
    (p) => !(p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'data'),
  );
  const extra = other.map((p) => `, ${sourceCode.getText(p)}`).join('');
  const receiver = sourceCode.getText(callee.object);
  const text = `${receiver}.upsert({ where: ${sourceCode.getText(r.filter[0])}, create: ${sourceCode.getText(c.data[0])}, update: {}${extra} })`;
  return {
    messageId: 'useUpsert',
    data: { upsert: `${receiver}.upsert` },
    fix: (fixer) => fixer.replaceText(c.node, text),
  };
}

export type { EffectSite };
