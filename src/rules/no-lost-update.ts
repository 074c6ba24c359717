/**
 * no-lost-update
 *
 * Flags a record that is read, then written back with values derived from the
 * read: a spread of the read object, `x: row.x + 1`, `doc.x = …; await doc.save()`,
 * a whole-record write-back. Two concurrent requests both read the old values,
 * and the second write silently discards the first.
 *
 * Guards: a row lock in the same transaction, a SERIALIZABLE transaction around
 * both, a lock/mutex around both, a version (or other precondition) in the
 * write's filter, or an atomic update computed by the database.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { getFileAnalysis, type DbCall, type EffectSite, type FunctionModel, type Mutation } from '../analysis/index.js';
import { MONGO_ATOMIC_KEYS, PRISMA_ATOMIC_KEYS } from '../analysis/catalog.js';
import { dbOf, directlyFrom, nearestReads, raceGuard, readsSameField, runsWhenAbsent, sameRecord, sameTarget } from '../analysis/records.js';
import { findVariable, propertyName, unwrap } from '../analysis/resolve.js';
import type { DbLayer } from '../analysis/settings.js';
import { isOutsideRequestPath } from '../analysis/production.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'lostUpdate' | 'lostUpdateInstance' | 'useAtomicIncrement';

/** The fix that fits each data layer, in the message's words. */
const FIXES: Record<DbLayer, string> = {
  prisma: 'update atomically (`{ increment: n }`), use `updateMany` with a `version` in `where` and check `count`, or lock the row with `SELECT … FOR UPDATE` inside a transaction',
  drizzle: 'update with a `sql` expression, add a version condition to `where`, or read with `.for(\'update\')` inside `db.transaction`',
  typeorm: 'use `increment()` or an `update()` whose criteria include the version, or load with `lock: { mode: \'pessimistic_write\' }` inside a transaction',
  sequelize: 'use `increment()`, enable the model\'s `version: true`, or load with `lock: t.LOCK.UPDATE` inside a transaction',
  mongoose: 'use `updateOne` with `$inc`/`$set` and the expected value in the filter, or enable the schema\'s `optimisticConcurrency`',
  mongodb: 'use `updateOne` with `$inc`/`$set` and the expected value in the filter',
  knex: 'use `.increment()` or `knex.raw(\'col + ?\')`, add the version to `.where()`, or read with `.forUpdate()` inside `knex.transaction`',
  kysely: 'update with an expression (`eb(\'col\', \'+\', n)`), add the version to `.where()`, or read with `.forUpdate()` inside a transaction',
  'mikro-orm': 'add a `@Property({ version: true })`, or load with `lockMode: LockMode.PESSIMISTIC_WRITE` inside `em.transactional`',
  sql: 'compute the value in SQL (`SET col = col + $1`), add `AND version = $n` to the `WHERE`, or `SELECT … FOR UPDATE` inside a transaction',
  redis: 'use `INCR`/`HINCRBY`, a Lua script, or `WATCH` with `MULTI`/`EXEC`',
};

/** Layers whose write data is an object of fields, so atomic operators are judged field by field. */
const PER_FIELD_LAYERS: ReadonlySet<DbLayer> = new Set(['prisma', 'mongoose', 'mongodb', 'drizzle', 'kysely']);

export default createRule<Options, MessageId>({
  name: 'no-lost-update',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing back a record with values derived from an earlier read of it without a lock, version check or atomic update',
      recommended: 'recommended',
      category: 'Runs twice at the same time',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      lostUpdate:
        '`{{write}}` writes back values computed from `{{read}}`. Two concurrent requests can both read the same {{what}}, and the second write silently discards the first; {{fix}}.',
      lostUpdateInstance:
        '`{{write}}` saves `{{object}}` after changing it from the values `{{read}}` loaded. Two concurrent requests can both load it, and the second save silently discards the first; {{fix}}.',
      useAtomicIncrement: 'Let the database compute it: `{{field}}: { {{op}}: {{amount}} }`.',
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
  for (const write of model.sites) {
    const w = dbOf(write);
    if (!w || (w.op !== 'update' && w.op !== 'upsert' && w.op !== 'flush') || w.conditional) continue;
    // Computed by the database as a whole (`increment()`, `INCR`, `SET n = n + $1`): nothing stale is written back.
    if (w.atomic && !PER_FIELD_LAYERS.has(w.layer)) continue;
    const finding = w.op === 'flush' ? flushedChange(sourceCode, model, write) : writtenBack(sourceCode, model, write, w);
    if (!finding) continue;
    const { read, evidence } = finding;
    const r = dbOf(read) as DbCall;
    if (raceGuard(model, read, write)) continue;
    // Written only when the read found nothing (`if (!id) { id = await create(); await redis.set(key, id) }`):
    // nothing it loaded can be in the write. Two such requests race to create, which is no-check-then-create's question.
    if (runsWhenAbsent(sourceCode, model, read, write)) continue;
    if (!w.instance && w.op !== 'flush' && sameRecord(model, sourceCode, read, write) === 'different') continue;
    const fix = FIXES[w.layer] ?? FIXES.sql;
    const data = { write: w.label, read: r.label, what: r.layer === 'redis' ? 'key' : r.target ? `\`${r.target}\`` : 'record', fix };
    if (evidence.kind === 'mutation') {
      context.report({
        node: w.node,
        messageId: 'lostUpdateInstance',
        data: { ...data, object: evidence.object },
      });
      continue;
    }
    const suggestion = w.layer === 'prisma' && evidence.property ? atomicSuggestion(model, read, evidence.property, sourceCode) : null;
    context.report({
      node: w.node,
      messageId: 'lostUpdate',
      data,
      suggest: suggestion ? [suggestion] : null,
    });
  }
}

type Evidence = { kind: 'data'; property: TSESTree.Property | null } | { kind: 'mutation'; object: string };

/** A write whose data carries values from an earlier read of the same table, or saves an object changed from them. */
function writtenBack(sourceCode: TSESLint.SourceCode, model: FunctionModel, write: EffectSite, w: DbCall): { read: EffectSite; evidence: Evidence } | null {
  for (const read of nearestReads(model, write)) {
    const r = dbOf(read);
    if (!r || r.op !== 'read' || !sameTarget(r, w) || r.layer === 'redis' !== (w.layer === 'redis')) continue;
    const derived = derivedProperty(sourceCode, model, w, read);
    if (derived) return { read, evidence: { kind: 'data', property: derived === true ? null : derived } };
    if (w.instance && model.readsInto(w.instance).has(read)) {
      const object = instanceName(w.instance);
      if (object && changedFromRead(sourceCode, model, w.instance, read, write)) return { read, evidence: { kind: 'mutation', object } };
    }
  }
  return null;
}

/** MikroORM `em.flush()`: an entity loaded earlier and changed from its own values in between. */
function flushedChange(sourceCode: TSESLint.SourceCode, model: FunctionModel, write: EffectSite): { read: EffectSite; evidence: Evidence } | null {
  for (const m of model.mutations) {
    if (m.node.range[0] > write.effect.node.range[0]) continue;
    for (const read of model.readsInto(m.object)) {
      const r = dbOf(read);
      if (!r || r.layer !== 'mikro-orm') continue;
      if (changedFromRead(sourceCode, model, m.object, read, write)) return { read, evidence: { kind: 'mutation', object: m.object.name } };
    }
  }
  return null;
}

function instanceName(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  return n.type === T.Identifier ? n.name : undefined;
}

/**
 * What of the write is stale: the read's result written back whole (`data: existing`,
 * `{ ...existing, ...updates }`), or a field set from its own old value (`balance: acc.balance - n`).
 * Values merely computed from the read (`slug: slugify(post.title)`) are not a lost update of
 * someone else's change. Atomic operators (`{ increment }`, `$inc`) are computed by the database.
 * Without field names (SQL parameters, a Redis value), any value from the read counts.
 */
function derivedProperty(sourceCode: TSESLint.SourceCode, model: FunctionModel, w: DbCall, read: EffectSite): TSESTree.Property | true | null {
  for (const d of w.data) {
    let n = unwrap(d);
    if (w.instance && n === unwrap(w.instance)) continue;
    if (n.type === T.Identifier) {
      // Handing a loaded record to a same-file helper says nothing about which of its fields the helper writes.
      if (directlyFrom(sourceCode, n, read)) {
        if (w.viaHelper) continue;
        return true;
      }
      const init = constInit(sourceCode, n);
      if (init?.type === T.ObjectExpression) n = init;
      else {
        if (!w.viaHelper && init && init.type !== T.CallExpression && model.readsInto(n).has(read)) return true;
        continue;
      }
    }
    if (n.type !== T.ObjectExpression) {
      // Without field names (SQL parameters, a Redis value) any value from the read counts; a helper's arguments do not.
      if (!w.viaHelper && model.readsInto(n).has(read)) return true;
      continue;
    }
    const found = derivedInObject(sourceCode, model, n, read);
    if (found) return found;
  }
  return null;
}

function constInit(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): TSESTree.Node | null {
  const def = findVariable(sourceCode, id)?.defs[0];
  return def?.type === 'Variable' && def.node.id.type === T.Identifier && def.node.init ? unwrap(def.node.init) : null;
}

function derivedInObject(sourceCode: TSESLint.SourceCode, model: FunctionModel, obj: TSESTree.ObjectExpression, read: EffectSite): TSESTree.Property | true | null {
  for (const p of obj.properties) {
    if (p.type === T.SpreadElement) {
      if (directlyFrom(sourceCode, p.argument, read)) return true;
      continue;
    }
    const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
    if (MONGO_ATOMIC_KEYS.has(key)) continue;
    const value = unwrap(p.value);
    if (value.type === T.ObjectExpression) {
      const keys = value.properties.map((q) => (q.type === T.Property && q.key.type === T.Identifier ? q.key.name : ''));
      if (keys.some((k) => PRISMA_ATOMIC_KEYS.has(k))) continue;
      if (key === '$set' || key === 'data') {
        const inner = derivedInObject(sourceCode, model, value, read);
        if (inner) return inner;
        continue;
      }
    }
    if (key && readsSameField(sourceCode, p.value, key, read) && !freshlyAssigned(sourceCode, model, p.value, key, read, obj)) return p;
  }
  return null;
}

/**
 * `session.expiresAt = new Date(…)` between the read and the write, then `{ expiresAt: session.expiresAt }`:
 * the loaded field was replaced by a value that does not come from its old one, so what is written is not stale.
 */
function freshlyAssigned(sourceCode: TSESLint.SourceCode, model: FunctionModel, value: TSESTree.Node, field: string, read: EffectSite, write: TSESTree.Node): boolean {
  const member = unwrap(value);
  if (member.type !== T.MemberExpression || propertyName(member) !== field) return false;
  const object = unwrap(member.object);
  if (object.type !== T.Identifier) return false;
  const variable = findVariable(sourceCode, object);
  for (const m of mutationsNamed(model, object.name)) {
    const assigned = m.node;
    if (assigned.type !== T.AssignmentExpression || assigned.operator !== '=' || m.selfDerived || !m.value) continue;
    if (assigned.range[0] < read.effect.node.range[1] || assigned.range[1] > write.range[0]) continue;
    if (assigned.left.type !== T.MemberExpression || propertyName(assigned.left) !== field || unwrap(assigned.left.object) !== m.object) continue;
    if (variable && findVariable(sourceCode, m.object) !== variable) continue;
    if (!readsSameField(sourceCode, m.value, field, read)) return true;
  }
  return false;
}

const MUTATIONS_BY_NAME = Symbol('mutationsByName');

/** The model's in-memory changes to objects of one name, indexed once per model. */
function mutationsNamed(model: FunctionModel, name: string): readonly Mutation[] {
  const index = model.memo(MUTATIONS_BY_NAME, () => {
    const byName = new Map<string, Mutation[]>();
    for (const m of model.mutations) {
      const list = byName.get(m.object.name);
      if (list) list.push(m);
      else byName.set(m.object.name, [m]);
    }
    return byName;
  });
  return index.get(name) ?? [];
}

/** Between the read and the write, the loaded object is changed from its own old value: `n += 1`, `n++`, `items.push(x)`, `balance = balance - x`. */
function changedFromRead(sourceCode: TSESLint.SourceCode, model: FunctionModel, instance: TSESTree.Node, read: EffectSite, write: EffectSite): boolean {
  const id = unwrap(instance);
  if (id.type !== T.Identifier) return false;
  const variable = findVariable(sourceCode, id);
  for (const m of mutationsNamed(model, id.name)) {
    if (m.node.range[0] < read.effect.node.range[1] || m.node.range[1] > write.effect.node.range[0]) continue;
    if (variable && findVariable(sourceCode, m.object) !== variable) continue;
    // `n += 1`, `n++`. A push onto an array or relation is not: Mongoose sends `$push`, TypeORM and MikroORM
    // diff relation collections, so neither writes back the other request's elements.
    if (m.selfDerived && m.node.type !== T.CallExpression) return true;
    const field = m.node.type === T.AssignmentExpression && m.node.left.type === T.MemberExpression ? propertyName(m.node.left) : undefined;
    if (m.value && field && readsSameField(sourceCode, m.value, field, read)) return true;
  }
  return false;
}

function atomicSuggestion(model: FunctionModel, read: EffectSite, property: TSESTree.Property, sourceCode: TSESLint.SourceCode): TSESLint.SuggestionReportDescriptor<MessageId> | null {
  const key = property.key.type === T.Identifier ? property.key.name : undefined;
  const value = unwrap(property.value);
  if (!key || property.computed || value.type !== T.BinaryExpression || (value.operator !== '+' && value.operator !== '-')) return null;
  const left = unwrap(value.left);
  if (left.type !== T.MemberExpression || propertyName(left) !== key || !model.readsInto(left).has(read)) return null;
  if (model.readsInto(value.right).size > 0) return null;
  const op = value.operator === '+' ? 'increment' : 'decrement';
  const amount = sourceCode.getText(value.right);
  return {
    messageId: 'useAtomicIncrement',
    data: { field: key, op, amount },
    fix: (fixer) => fixer.replaceText(property, `${key}: { ${op}: ${amount} }`),
  };
}
