/**
 * Questions the race rules ask about a read and a later write in one model:
 * do they touch the same record, is the pair protected, and does the read decide
 * whether the write runs.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { KEY_FIELDS, VERSION_FIELDS } from './catalog.js';
import type { FunctionModel } from './model.js';
import { contains, findVariable, propertyName, unwrap } from './resolve.js';
import type { DbCall, EffectSite, FunctionNode } from './types.js';

export function dbOf(site: EffectSite): DbCall | null {
  return site.effect.kind === 'db' ? site.effect : null;
}

export function isWriteOp(op: DbCall['op']): boolean {
  return op === 'create' || op === 'update' || op === 'delete' || op === 'upsert' || op === 'flush';
}

/** Both name the same model/table, or one of them is unknown. */
export function sameTarget(a: DbCall, b: DbCall): boolean {
  return a.target === undefined || b.target === undefined || tableKey(a.target) === tableKey(b.target);
}

/** `invoice_counter` and `invoicecounter` (from `InvoiceCounter`) name the same table. */
function tableKey(target: string): string {
  return target.replace(/_/g, '');
}

/** The texts of the values that select a record: `{ id: candidateId }` → `candidateId`; `eq(t.id, id)` → `id`. */
export function keyValues(sourceCode: TSESLint.SourceCode, filters: readonly TSESTree.Node[]): string[] {
  const values: string[] = [];
  const literals: string[] = [];
  const visit = (node: TSESTree.Node, depth: number): void => {
    if (depth > 6) return;
    const n = unwrap(node);
    if (n.type === T.ObjectExpression) {
      for (const p of n.properties) {
        if (p.type !== T.Property || p.computed) continue;
        const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
        if (VERSION_FIELDS.test(key)) continue;
        if (KEY_FIELDS.test(key) || key === 'where') visit(p.value, depth + 1);
        else if (unwrap(p.value).type === T.ObjectExpression) visit(p.value, depth + 1);
      }
      return;
    }
    if (n.type === T.CallExpression) {
      const name = n.callee.type === T.Identifier ? n.callee.name : n.callee.type === T.MemberExpression ? propertyName(n.callee) : undefined;
      if (name === 'and' || name === 'or') for (const a of n.arguments) visit(a, depth + 1);
      else if (name === 'eq' && n.arguments[1]) visit(n.arguments[1], depth + 1);
      else values.push(normalise(sourceCode.getText(n)));
      return;
    }
    if (n.type === T.ArrayExpression) {
      for (const e of n.elements) if (e) visit(e, depth + 1);
      return;
    }
    if (n.type === T.Literal) {
      literals.push(String(n.value));
      return;
    }
    values.push(normalise(sourceCode.getText(n)));
  };
  for (const f of filters) visit(f, 0);
  return values.length > 0 ? values : literals;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!/g, '');
}

/**
 * `same` when the write selects the record the read loaded (same key text, or
 * a key taken from the read's result); `different` when both keys are known
 * and differ; `unknown` otherwise (treated as the same record by callers).
 */
export function sameRecord(model: FunctionModel, sourceCode: TSESLint.SourceCode, read: EffectSite, write: EffectSite): 'same' | 'different' | 'unknown' {
  const r = dbOf(read);
  const w = dbOf(write);
  if (!r || !w) return 'unknown';
  if (w.instance) return 'same';
  for (const f of w.filter) if (model.readsInto(f).has(read)) return 'same';
  const rk = keyValues(sourceCode, r.filter);
  const wk = keyValues(sourceCode, w.filter);
  if (rk.length === 0 || wk.length === 0) return 'unknown';
  return rk.some((k) => wk.includes(k)) ? 'same' : 'different';
}

/** Why a read-then-write pair cannot interleave with another request, or null. */
export function raceGuard(model: FunctionModel, read: EffectSite, write: EffectSite): string | null {
  const r = dbOf(read);
  if (!r) return null;
  const tx = read.transaction;
  if (tx && tx === write.transaction && tx.isolation === 'serializable') return 'serializable transaction';
  if (r.locking && tx && tx === write.transaction) return 'row lock';
  if (read.locked && write.locked) return 'lock';
  if (tx && tx === write.transaction) {
    // A `SELECT … FOR UPDATE` (or advisory lock) earlier in the same transaction on the same table.
    for (const s of lockSites(model)) {
      if (s.index >= read.index) break;
      const d = dbOf(s);
      if (d && s.transaction === tx && ((d.op === 'read' && d.locking && sameTarget(d, r)) || d.op === 'lock')) return 'row lock';
    }
  }
  if (r.layer === 'redis' && read.locked) return 'watch';
  return null;
}

type Polarity = 'absent' | 'present';

/** How many statements back an early exit is looked for. */
const EXIT_WINDOW = 64;

function invert(p: Polarity | null): Polarity | null {
  return p === 'absent' ? 'present' : p === 'present' ? 'absent' : null;
}

const EXISTENCE_MEMBERS = /^(?:length|id|_id|rowCount|count|size)$/;

/**
 * What a test says about the read's result when it is true: `!user` → absent, `count > 0` → present,
 * `rows.length === 0` → absent, `existing != null` → present. Null when the test is about something else.
 */
export function polarity(sourceCode: TSESLint.SourceCode, model: FunctionModel, test: TSESTree.Node, read: EffectSite): Polarity | null {
  return polarityWhen(sourceCode, model, test, read, true);
}

/**
 * What the test says about the read's result when it comes out `outcome`. A test about the result alone
 * says the opposite when false; `user && user.active` says "present" when true, but when false only that
 * one of the two failed, which says nothing.
 */
function polarityWhen(sourceCode: TSESLint.SourceCode, model: FunctionModel, test: TSESTree.Node, read: EffectSite, outcome: boolean): Polarity | null {
  const n = unwrap(test);
  const exact = (p: Polarity | null): Polarity | null => (outcome ? p : invert(p));
  // `if (await redis.exists(key))`: the read itself is the test.
  if (n === read.effect.node) return exact('present');
  switch (n.type) {
    case T.UnaryExpression:
      return n.operator === '!' ? polarityWhen(sourceCode, model, n.argument, read, !outcome) : null;
    case T.Identifier:
      // The result, however it reached the name (`const [user, count] = await Promise.all([…])`), but not one
      // of its fields copied out (`let stripeId = workspace.stripeId`): that says nothing of whether a row was found.
      return exact(model.readsInto(n).has(read) && !fieldOfResult(sourceCode, n) ? 'present' : null);
    case T.MemberExpression:
      // `rows.length`, `user.id`: the read's own result. A list computed from it (`missing(rows).length`) says nothing of whether it found a row.
      return exact(resultItself(sourceCode, n, read) ? 'present' : null);
    case T.LogicalExpression: {
      const left = polarityWhen(sourceCode, model, n.left, read, outcome);
      const right = polarityWhen(sourceCode, model, n.right, read, outcome);
      // `a && b` true, or `a || b` false: both sides held, so either side's answer holds.
      if ((n.operator === '&&') === outcome) return left === 'absent' || right === 'absent' ? 'absent' : (left ?? right);
      // `a || b` true, or `a && b` false: one side held, and which one is unknown.
      return left !== null && left === right ? left : null;
    }
    case T.BinaryExpression:
      return exact(comparisonPolarity(sourceCode, n, read));
    default:
      return null;
  }
}

/** `let stripeId = workspace.stripeId`: a name given to one field of a value, not to the value. */
function fieldOfResult(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): boolean {
  const def = findVariable(sourceCode, id)?.defs[0];
  if (def?.type !== 'Variable' || def.node.id.type !== T.Identifier || !def.node.init) return false;
  const init = unwrap(def.node.init);
  if (init.type !== T.MemberExpression) return false;
  const prop = propertyName(init);
  return prop !== undefined && !EXISTENCE_MEMBERS.test(prop) && !init.computed;
}

/** `count > 0`, `rows.length === 0`, `existing != null` when true. */
function comparisonPolarity(sourceCode: TSESLint.SourceCode, n: TSESTree.BinaryExpression, read: EffectSite): Polarity | null {
  // The read's own result compared, not a value computed from it or one of its fields (`plan.seatLimit > 0`).
  const [value, other] = resultItself(sourceCode, n.left, read) ? [n.left, n.right] : resultItself(sourceCode, n.right, read) ? [n.right, n.left] : [null, null];
  if (!value || !other) return null;
  const o = unwrap(other);
  const nullish = (o.type === T.Literal && o.value === null) || (o.type === T.Identifier && o.name === 'undefined');
  const zero = o.type === T.Literal && o.value === 0;
  const one = o.type === T.Literal && o.value === 1;
  const eq = n.operator === '==' || n.operator === '===';
  const ne = n.operator === '!=' || n.operator === '!==';
  if (nullish || zero) {
    if (eq) return 'absent';
    if (ne) return 'present';
  }
  const valueLeft = value === n.left;
  if (zero && (valueLeft ? n.operator === '>' : n.operator === '<')) return 'present';
  if (one && (valueLeft ? n.operator === '<' : n.operator === '>')) return 'absent';
  if (one && (valueLeft ? n.operator === '>=' : n.operator === '<=')) return 'present';
  return null;
}

/**
 * `site` runs only when the read found nothing: it sits in the arm of a test that says so
 * (`if (!existing) create()`, `existing ? update() : create()`), or after an early exit taken when
 * the read found something (`if (existing) throw …; create()`). Returns the deciding test.
 */
export function runsWhenAbsent(sourceCode: TSESLint.SourceCode, model: FunctionModel, read: EffectSite, site: EffectSite): TSESTree.Node | null {
  const node = site.effect.node;
  for (const b of site.branches) {
    const test = branchTest(b);
    if (!test) continue;
    // The outcome of the test under which the site runs: `if` and `?:` arms, `a && site`, `a || site`, `a ?? site`.
    let outcome: boolean;
    if (b.type === T.IfStatement || b.type === T.ConditionalExpression) outcome = contains(b.consequent, node);
    else if (b.type === T.LogicalExpression) outcome = b.operator === '&&';
    else continue;
    if (polarityWhen(sourceCode, model, test, read, outcome) === 'absent') return test;
  }
  let child: TSESTree.Node = node;
  let n: TSESTree.Node | undefined = child.parent;
  while (n && n !== model.root.parent) {
    if (n.type === T.BlockStatement || n.type === T.Program) {
      // Walk back from the statement holding the site to the one holding the read: a bounded window, not the block.
      const at = n.body.indexOf(child as TSESTree.Statement);
      for (let k = at - 1, seen = 0; k >= 0 && seen < EXIT_WINDOW; k--, seen++) {
        const stmt = n.body[k];
        if (stmt.range[1] < read.effect.node.range[0]) break;
        // Past `if (test) return;`, the test came out false.
        if (stmt.type === T.IfStatement && read.effect.node.range[1] <= stmt.test.range[1] && exits(stmt.consequent) && polarityWhen(sourceCode, model, stmt.test, read, false) === 'absent') {
          return stmt.test;
        }
      }
    }
    if (n === model.root) break;
    child = n;
    n = n.parent;
  }
  return null;
}

function branchTest(node: TSESTree.Node): TSESTree.Node | null {
  switch (node.type) {
    case T.IfStatement:
    case T.ConditionalExpression:
      return node.test;
    case T.LogicalExpression:
      return node.left;
    case T.SwitchCase:
      return node.parent?.type === T.SwitchStatement ? node.parent.discriminant : null;
    default:
      return null;
  }
}

/** A statement that always leaves the block: `return`, `throw`, or a block ending in one. */
export function exits(stmt: TSESTree.Statement): boolean {
  if (stmt.type === T.ReturnStatement || stmt.type === T.ThrowStatement || stmt.type === T.ContinueStatement || stmt.type === T.BreakStatement) return true;
  if (stmt.type === T.BlockStatement) {
    const last = stmt.body.at(-1);
    return last !== undefined && exits(last);
  }
  if (stmt.type === T.ExpressionStatement) {
    // `return res.status(409).json(…)` is a return; `res.status(409).json(…)` alone does not exit.
    return false;
  }
  return false;
}

const UNIQUE_VIOLATION = /P2002|23505|E?11000|ER_DUP_ENTRY|\b1062\b|UniqueConstraint|UniqueViolation|unique_violation|isUniqueViolation|isUniqueConstraintError|DuplicateKey|duplicate key|isDuplicate/i;

/** The create's failure on a duplicate is caught and handled: a `try/catch` or `.catch()` that inspects the unique-violation code. */
export function handlesUniqueViolation(sourceCode: TSESLint.SourceCode, site: EffectSite): boolean {
  const tryStmt = site.tryStatement;
  if (tryStmt?.handler && UNIQUE_VIOLATION.test(sourceCode.getText(tryStmt.handler))) return true;
  // `await prisma.user.create(...).catch((e) => { if (e.code === 'P2002') … })`
  const parent = site.effect.node.parent;
  if (parent?.type === T.MemberExpression && propertyName(parent) === 'catch' && parent.parent?.type === T.CallExpression) {
    return UNIQUE_VIOLATION.test(sourceCode.getText(parent.parent));
  }
  return false;
}

/** Two sites sit in different arms of the same `if`/`?:`/`switch`, or one sits in an `if` that always exits before the other. */
export function mutuallyExclusive(a: EffectSite, b: EffectSite): boolean {
  if (exitsBefore(a, b) || exitsBefore(b, a)) return true;
  for (const branch of a.branches) {
    if (!b.branches.includes(branch)) continue;
    if (branch.type === T.IfStatement || branch.type === T.ConditionalExpression) {
      const armA = contains(branch.consequent, a.effect.node) ? 'c' : 'a';
      const armB = contains(branch.consequent, b.effect.node) ? 'c' : 'a';
      if (armA !== armB) return true;
    }
  }
  const caseA = a.branches.find((x) => x.type === T.SwitchCase);
  const caseB = b.branches.find((x) => x.type === T.SwitchCase);
  if (caseA && caseB && caseA !== caseB && caseA.parent === caseB.parent) return true;
  return false;
}

/** `a` is inside an `if` whose taken branch always returns or throws, and `b` comes after that `if`. */
function exitsBefore(a: EffectSite, b: EffectSite): boolean {
  for (const branch of a.branches) {
    if (branch.type !== T.IfStatement) continue;
    const arm = contains(branch.consequent, a.effect.node) ? branch.consequent : branch.alternate;
    if (arm && exits(arm) && b.effect.node.range[0] >= branch.range[1]) return true;
  }
  return false;
}

/**
 * Guards for a check-then-create pair. A row lock on the checked row does not count: when the
 * check finds nothing (the case that leads to the create) there is no row to lock. What counts is
 * a SERIALIZABLE transaction, a lock or mutex, a lock taken earlier in the same transaction on
 * something that exists either way (a parent row, an advisory lock, `LOCK TABLE`), or a check keyed
 * on a row the same transaction has just created, which no other request can see yet.
 */
export function createGuard(sourceCode: TSESLint.SourceCode, model: FunctionModel, read: EffectSite, create: EffectSite): string | null {
  const tx = read.transaction;
  if (tx && tx === create.transaction && tx.isolation === 'serializable') return 'serializable transaction';
  if (read.locked && create.locked) return 'lock';
  const r = dbOf(read);
  if (r && keyedOnRowJustCreated(sourceCode, model, r)) return 'row created by this transaction';
  const c = dbOf(create);
  if (tx && tx === create.transaction && c) {
    for (const s of lockSites(model)) {
      if (s.index >= read.index) break;
      const d = dbOf(s);
      if (!d || s.transaction !== tx) continue;
      if (d.op === 'lock') return 'lock';
      if (d.op === 'read' && d.locking && d.target !== undefined && !sameTarget(d, c)) return 'parent row lock';
    }
  }
  return null;
}

/**
 * A Sequelize after-create hook's check keyed on the row it receives (`where: { collectionId:
 * model.id }`): the hook runs inside the transaction that inserted that row, and until it commits no
 * other request can see the new id, so none can create a record keyed on it.
 */
function keyedOnRowJustCreated(sourceCode: TSESLint.SourceCode, model: FunctionModel, read: DbCall): boolean {
  const fn = model.root;
  if (fn.type === T.Program || fn.params[0]?.type !== T.Identifier || !isAfterCreateHook(fn)) return false;
  const newRowId = `${fn.params[0].name}.id`;
  return keyValues(sourceCode, read.filter).includes(newRowId);
}

/** Sequelize runs the function after inserting a row, in the inserting transaction, with the new row first. */
function isAfterCreateHook(fn: FunctionNode): boolean {
  const parent = fn.parent;
  // `@AfterCreate static async f(model, options)` (sequelize-typescript)
  if (parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) {
    const decorated = (parent.decorators ?? []).some((d) => {
      const e = d.expression.type === T.CallExpression ? d.expression.callee : d.expression;
      return e.type === T.Identifier && e.name === 'AfterCreate';
    });
    if (decorated) return true;
  }
  // `hooks: { afterCreate(user, options) {…} }` in a model's options
  if (parent?.type === T.Property && !parent.computed && parent.key.type === T.Identifier && parent.key.name === 'afterCreate') return true;
  // `User.afterCreate(async (user, options) => …)`, `User.addHook('afterCreate', async (user, options) => …)`
  if (parent?.type === T.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const callee = unwrap(parent.callee);
    const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
    if (method === 'afterCreate') return true;
    const first = parent.arguments[0];
    if (method === 'addHook' && first?.type === T.Literal && first.value === 'afterCreate') return true;
  }
  return false;
}

/**
 * The create makes the record the read looked for: some value that selected the read's record
 * (`email`, `teamId`) is written by the create. A read of the inviter (`id: inviterId`) before
 * creating the invitee is not a duplicate check. Unknown keys count as a match.
 */
export function createMatchesCheck(sourceCode: TSESLint.SourceCode, read: DbCall, create: DbCall): boolean {
  const keys = keyValues(sourceCode, read.filter);
  if (keys.length === 0) return true;
  const written = new Set<string>();
  const visit = (node: TSESTree.Node, depth: number): void => {
    if (depth > 4) return;
    const n = unwrap(node);
    if (n.type === T.ObjectExpression) {
      for (const p of n.properties) visit(p.type === T.Property ? p.value : p.argument, depth + 1);
    } else if (n.type === T.ArrayExpression) {
      for (const e of n.elements) if (e) visit(e, depth + 1);
    } else if ((n.type === T.CallExpression || n.type === T.NewExpression) && depth === 0) {
      // `repo.save(repo.create({ email }))`, `new User({ email })`
      for (const a of n.arguments) visit(a, depth + 1);
    } else if (n.type === T.Literal) {
      written.add(String(n.value));
    } else {
      written.add(normalise(sourceCode.getText(n)));
    }
  };
  for (const d of create.data) visit(d, 0);
  if (written.size === 0 || create.data.some((d) => unwrap(d).type === T.Identifier)) return true;
  return keys.some((k) => written.has(k));
}

/**
 * `expr` is the read's result itself, reached only through bindings, destructuring, member access
 * and `await` (`existing`, `rows[0]`, `const [acc] = …`), not through a call that computes something new.
 */
export function directlyFrom(sourceCode: TSESLint.SourceCode, expr: TSESTree.Node, read: EffectSite, depth = 0): boolean {
  if (depth > 12) return false;
  const n = unwrap(expr);
  if (n === read.effect.node) return true;
  if (n.type === T.MemberExpression) return directlyFrom(sourceCode, n.object, read, depth + 1);
  if (n.type === T.LogicalExpression) return directlyFrom(sourceCode, n.left, read, depth + 1) || directlyFrom(sourceCode, n.right, read, depth + 1);
  if (n.type !== T.Identifier) return false;
  const variable = findVariable(sourceCode, n);
  for (const def of variable?.defs ?? []) {
    if (def.type === 'Variable' && def.node.init && directlyFrom(sourceCode, def.node.init, read, depth + 1)) return true;
  }
  for (const ref of variable?.references ?? []) {
    if (ref.isWrite() && !ref.init && ref.writeExpr && directlyFrom(sourceCode, ref.writeExpr, read, depth + 1)) return true;
  }
  return false;
}

/**
 * `expr` is what the read returned, or its size or id: `existing`, `count` from `count()`, `rows`, `rows[0]`,
 * `rows.length`, `result.rowCount`, `user.id`. Not another field of it (`plan.seatLimit`), and not a value
 * computed from it: these say nothing of whether the read found a row.
 */
export function resultItself(sourceCode: TSESLint.SourceCode, expr: TSESTree.Node, read: EffectSite, depth = 0): boolean {
  if (depth > 12) return false;
  const n = unwrap(expr);
  if (n === read.effect.node) return true;
  if (n.type === T.MemberExpression) {
    const indexed = n.computed && n.property.type === T.Literal && typeof n.property.value === 'number';
    const prop = propertyName(n);
    return (indexed || (prop !== undefined && EXISTENCE_MEMBERS.test(prop))) && resultItself(sourceCode, n.object, read, depth + 1);
  }
  if (n.type === T.LogicalExpression) return resultItself(sourceCode, n.left, read, depth + 1) || resultItself(sourceCode, n.right, read, depth + 1);
  if (n.type !== T.Identifier) return false;
  const variable = findVariable(sourceCode, n);
  for (const def of variable?.defs ?? []) {
    if (def.type !== 'Variable' || !def.node.init) continue;
    // `const [user] = …`, `const { rows } = …`: taken apart from the result itself.
    if (def.node.id.type === T.Identifier ? resultItself(sourceCode, def.node.init, read, depth + 1) : directlyFrom(sourceCode, def.node.init, read)) return true;
  }
  for (const ref of variable?.references ?? []) {
    if (ref.isWrite() && !ref.init && ref.writeExpr && resultItself(sourceCode, ref.writeExpr, read, depth + 1)) return true;
  }
  return false;
}

/** `value` reads field `field` of the read's result: `acc.balance - amount` for `balance`. */
export function readsSameField(sourceCode: TSESLint.SourceCode, value: TSESTree.Node, field: string, read: EffectSite): boolean {
  const stack: TSESTree.Node[] = [value];
  const followed = new Set<unknown>();
  let budget = 200;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop() as TSESTree.Node;
    switch (n.type) {
      case T.Identifier: {
        // `const stock = product.stock + delta`, or `const { balance } = await read(...)`.
        const variable = findVariable(sourceCode, n);
        if (!variable || followed.has(variable)) break;
        followed.add(variable);
        for (const def of variable.defs) {
          if (def.type !== 'Variable' || !def.node.init) continue;
          if (def.node.id.type === T.Identifier) stack.push(def.node.init);
          else if (def.node.id.type === T.ObjectPattern && directlyFrom(sourceCode, def.node.init, read)) {
            const prop = def.node.id.properties.find((p) => p.type === T.Property && p.value.type === T.Identifier && p.value.name === n.name);
            if (prop?.type === T.Property && prop.key.type === T.Identifier && prop.key.name === field) return true;
          }
        }
        break;
      }
      case T.MemberExpression:
        if (propertyName(n) === field && directlyFrom(sourceCode, n.object, read)) return true;
        stack.push(n.object);
        break;
      case T.BinaryExpression:
      case T.LogicalExpression:
        stack.push(n.left, n.right);
        break;
      case T.CallExpression:
        stack.push(...n.arguments);
        if (n.callee.type === T.MemberExpression) stack.push(n.callee.object);
        break;
      case T.NewExpression:
        stack.push(...n.arguments);
        break;
      case T.ArrayExpression:
        for (const e of n.elements) if (e) stack.push(e);
        break;
      case T.SpreadElement:
      case T.UnaryExpression:
      case T.AwaitExpression:
        stack.push(n.argument);
        break;
      case T.ObjectExpression:
        for (const p of n.properties) stack.push(p.type === T.Property ? p.value : p.argument);
        break;
      case T.ConditionalExpression:
        stack.push(n.consequent, n.alternate);
        break;
      case T.TemplateLiteral:
        stack.push(...n.expressions);
        break;
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.ChainExpression:
        stack.push(n.expression);
        break;
      default:
        break;
    }
  }
  return false;
}

/** How many earlier reads a write is compared with: the check or load it depends on is near it. */
export const NEAREST_READS = 8;

/**
 * The reads before `site`, nearest first, at most `NEAREST_READS` of them: pairing every write with every
 * earlier read would grow with the square of a function's length.
 */
export function nearestReads(model: FunctionModel, site: EffectSite): EffectSite[] {
  const out: EffectSite[] = [];
  for (let i = site.index - 1; i >= 0 && out.length < NEAREST_READS; i--) {
    const s = model.sites[i];
    if (s.effect.kind === 'db' && s.effect.op === 'read') out.push(s);
  }
  return out;
}

const LOCK_SITES = Symbol('lockSites');

/** Sites in a transaction that lock: a locking read or a lock statement. Few per function; computed once per model. */
export function lockSites(model: FunctionModel): EffectSite[] {
  return model.memo(LOCK_SITES, () =>
    model.sites.filter((s) => {
      const d = dbOf(s);
      return d !== null && s.transaction !== null && (d.op === 'lock' || (d.op === 'read' && d.locking));
    }),
  );
}
