/**
 * no-shared-state-race: state that outlives the request is checked, the
 * function awaits, and then it assigns the state. Every call that arrives
 * during the await passes the same check, so the initialisation, token refresh
 * or cache fill runs once per concurrent caller.
 *
 * Only the check → await → assign shape is reported. A plain assignment after
 * an await, request/response objects (`ctx.body = …`) and locals never are.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { calleePath, contains, enclosingFunction, findVariable, someNodeWithin, unwrap } from '../analysis/resolve.js';
import { parseSettings } from '../analysis/settings.js';
import { inSlotOf, mapSlotOf, sharedStateOf, type SharedState, type StateOptions } from '../analysis/state.js';
import type { FunctionNode } from '../analysis/types.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ checkAllClasses?: boolean }];
export type MessageId = 'checkAwaitSet';

export default createRule<Options, MessageId>({
  name: 'no-shared-state-race',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow checking shared state, awaiting, then assigning it',
      recommended: 'strict',
      category: 'Runs twice at the same time',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkAllClasses: {
            type: 'boolean',
            description:
              'Treat `this` of every class as shared state, not only DI singletons and classes instantiated once at module level.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkAllClasses: false }],
    messages: {
      checkAwaitSet:
        '`{{state}}` is checked on line {{checkLine}} and only assigned after an `await`, so every call arriving in between passes the same check and repeats the work (double initialisation, refresh stampede). Store the promise itself before awaiting, or serialise with a mutex or once helper.',
    },
  },
  defaultOptions: [{ checkAllClasses: false }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // Cheap gate: without `await` there is no check → await → assign.
    if (!sourceCode.text.includes('await')) return {};
    const lockNames = parseSettings(context.settings).locks;
    const stateOptions: StateOptions = { allClasses: options.checkAllClasses === true };
    const classCache = new WeakMap<TSESTree.Node, boolean>();
    // Only a function that writes shared state and awaits can race, so writes pick the functions worth
    // a walk: most functions await, few assign module or singleton state.
    const writing = new Set<FunctionNode>();
    const noteWrite = (node: TSESTree.Node) => {
      const fn = enclosingFunction(node);
      if (fn?.body) writing.add(fn);
    };

    return {
      AssignmentExpression(node) {
        if (!ASSIGN_OPERATORS.has(node.operator) || isReset(node.right)) return;
        if (sharedStateOf(sourceCode, node.left, stateOptions, classCache)) noteWrite(node);
      },
      CallExpression(node) {
        const value = node.arguments[1];
        if (value === undefined) return;
        // `x.other(a, b)`: only `set` writes a slot (mapSlotOf checks every other callee shape).
        const callee = node.callee;
        if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier && !WRITE_METHODS.has(callee.property.name)) return;
        if (isReset(value)) return;
        if (mapSlotOf(sourceCode, node, WRITE_METHODS, stateOptions, classCache)) noteWrite(node);
      },
      'Program:exit'() {
        for (const fn of writing) {
          if (!hasOwnAwait(fn, sourceCode) || isSerialised(fn, lockNames)) continue;
          for (const race of findRaces(fn, sourceCode, stateOptions, classCache, lockNames)) {
            context.report({
              node: race.write,
              messageId: 'checkAwaitSet',
              data: { state: race.state.label, checkLine: String(race.check.loc.start.line) },
            });
          }
        }
      },
    };
  },
});

// ---------------------------------------------------------------------------

interface Guard {
  /** The expression that reads the state. */
  test: TSESTree.Node;
  /** The statement or expression whose branches depend on it. */
  owner: TSESTree.Node;
  /** `if (state) return state;`: everything after it in the block depends on it. */
  exits: boolean;
  /** The shared slots the test reads; computed only when a write to shared state needs it. */
  keys?: Set<string>;
}

interface Write {
  node: TSESTree.Node;
  state: SharedState;
  /** `x = null`, `busy = false`: never reported, but still a synchronous claim before an await. */
  reset: boolean;
  /** A logical assignment (`x ??= await load()`) is its own check. */
  selfGuard: TSESTree.Node | null;
}

interface Race {
  write: TSESTree.Node;
  check: TSESTree.Node;
  state: SharedState;
}

const READ_METHODS = new Set(['get', 'has']);
const WRITE_METHODS = new Set(['set']);
const ASSIGN_OPERATORS = new Set(['=', '??=', '||=', '&&=']);
/** Callee names that serialise or deduplicate the callback they run. */
const SERIALISING = /lock|mutex|semaphore|exclusive|synchroni[sz]|serial|singleflight|^once$|Once$|^memoi[sz]e|dedupe|^limit$|queue/i;

function findRaces(
  fn: FunctionNode,
  sourceCode: TSESLint.SourceCode,
  options: StateOptions,
  classCache: WeakMap<TSESTree.Node, boolean>,
  lockNames: ReadonlySet<string>,
): Race[] {
  const guards: Guard[] = [];
  const writes: Write[] = [];
  const awaits: TSESTree.Node[] = [];
  let lockedFrom = Infinity;

  const stateKeysIn = (test: TSESTree.Node, followLocals = true): Set<string> => {
    const keys = new Set<string>();
    walk(test, sourceCode, (n) => {
      if (n.type === T.CallExpression) {
        const slot = mapSlotOf(sourceCode, n, READ_METHODS, options, classCache);
        if (slot) keys.add(slot.key);
      } else if (n.type === T.BinaryExpression && n.operator === 'in') {
        const slot = inSlotOf(sourceCode, n, options, classCache);
        if (slot) keys.add(slot.key);
      } else if (n.type === T.Identifier || n.type === T.MemberExpression) {
        const s = sharedStateOf(sourceCode, n, options, classCache);
        if (s) keys.add(s.key);
        else if (followLocals && n.type === T.Identifier) {
          // `const cached = this.cache.get(key); if (cached) return cached;` checks the slot through a local.
          const init = localConstInit(sourceCode, n, fn);
          if (init) for (const k of stateKeysIn(init, false)) keys.add(k);
        }
      }
    });
    return keys;
  };

  walk(fn.body, sourceCode, (n) => {
    switch (n.type) {
      case T.AwaitExpression:
        // `await import('x')` resolves to the same module for every caller: nothing is repeated.
        if (n.argument.type !== T.ImportExpression) awaits.push(n);
        if (lockedFrom === Infinity && n.argument.type === T.CallExpression && isLockCall(n.argument, lockNames)) {
          lockedFrom = n.range[0];
        }
        break;
      case T.ForOfStatement:
        if (n.await) awaits.push(n);
        break;
      case T.IfStatement:
        guards.push({ test: n.test, owner: n, exits: alwaysExits(n.consequent) });
        break;
      case T.ConditionalExpression:
        guards.push({ test: n.test, owner: n, exits: false });
        break;
      case T.LogicalExpression:
        guards.push({ test: n.left, owner: n, exits: false });
        break;
      case T.AssignmentExpression: {
        if (!ASSIGN_OPERATORS.has(n.operator)) break;
        const state = sharedStateOf(sourceCode, n.left, options, classCache);
        if (state) writes.push({ node: n, state, reset: isReset(n.right), selfGuard: n.operator === '=' ? null : n.left });
        break;
      }
      case T.CallExpression: {
        const slot = mapSlotOf(sourceCode, n, WRITE_METHODS, options, classCache);
        if (slot && n.arguments[1]) writes.push({ node: n, state: slot, reset: isReset(n.arguments[1]), selfGuard: null });
        break;
      }
      default:
        break;
    }
  });
  if (awaits.length === 0 || writes.length === 0) return [];
  const bySource = (a: { range: TSESTree.Range } | { node: TSESTree.Node }, b: { range: TSESTree.Range } | { node: TSESTree.Node }) =>
    ('range' in a ? a.range[0] : a.node.range[0]) - ('range' in b ? b.range[0] : b.node.range[0]);
  awaits.sort(bySource);
  writes.sort(bySource);

  const races: Race[] = [];
  const reportedChecks = new Set<TSESTree.Node>();
  const keysOf = (g: Guard): Set<string> => (g.keys ??= stateKeysIn(g.test));
  for (const write of writes) {
    if (write.reset || awaitsSharedPromise(write, sourceCode, options, classCache)) continue;
    const check = latestGuard(write, guards, keysOf);
    if (!check || check.range[0] > lockedFrom || reportedChecks.has(check)) continue;
    const from = check.range[1];
    const storeAt = write.node.range[1];
    const firstAwait = awaits.find((a) => a.range[0] >= from && a.range[0] < storeAt && canPrecede(a, write.node, fn))?.range[0];
    if (firstAwait === undefined) continue;
    // Claimed before awaiting: `if (busy) return; busy = true; await …` is the fix, not the bug.
    const claimed = writes.some(
      (w) => w !== write && w.state.key === write.state.key && w.node.range[1] > from && w.node.range[1] <= firstAwait,
    );
    if (claimed) continue;
    reportedChecks.add(check);
    races.push({ write: write.node, check, state: write.state });
  }
  return races;
}

/**
 * Whether a path runs through `awaitNode` and then reaches `write`: an await in a `return`, or in a
 * branch that always returns or throws without containing the write (`if (pending) return await pending;`), cannot.
 */
function canPrecede(awaitNode: TSESTree.Node, write: TSESTree.Node, fn: FunctionNode): boolean {
  let n: TSESTree.Node | undefined = awaitNode;
  while (n && n !== fn) {
    if (contains(n, write)) return true;
    if (n.type === T.ReturnStatement || n.type === T.ThrowStatement) return false;
    const parent: TSESTree.Node | undefined = n.parent;
    if (parent?.type === T.IfStatement && parent.test !== n && alwaysExits(n as TSESTree.Statement)) return false;
    n = parent;
  }
  return true;
}

/** The check that decides whether `write` runs, closest to it. */
function latestGuard(write: Write, guards: Guard[], keysOf: (g: Guard) => Set<string>): TSESTree.Node | null {
  let best: TSESTree.Node | null = write.selfGuard;
  const at = write.node.range[0];
  for (const g of guards) {
    if (g.test.range[1] > at) continue;
    const inside = g.owner.range[0] <= at && write.node.range[1] <= g.owner.range[1];
    const after = g.exits && g.owner.range[1] <= at && g.owner.parent !== undefined && contains(g.owner.parent, write.node);
    if (!inside && !after) continue;
    if (best && g.test.range[1] <= best.range[1]) continue;
    if (!keysOf(g).has(write.state.key)) continue;
    if (!best || g.test.range[1] > best.range[1]) best = g.test;
  }
  return best;
}

/** The initializer of a `const` declared in `fn` that `id` refers to. */
function localConstInit(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier, fn: FunctionNode): TSESTree.Expression | null {
  const def = findVariable(sourceCode, id)?.defs[0];
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== T.Identifier || !def.node.init) return null;
  return contains(fn, def.node) ? def.node.init : null;
}

function alwaysExits(stmt: TSESTree.Statement): boolean {
  if (stmt.type === T.ReturnStatement || stmt.type === T.ThrowStatement) return true;
  if (stmt.type === T.BlockStatement) {
    const last = stmt.body[stmt.body.length - 1];
    return last !== undefined && alwaysExits(last);
  }
  return false;
}

/**
 * `cached.value = await cached.promise`: every caller awaits the same memoised promise and stores the
 * same result, so nothing is repeated.
 */
function awaitsSharedPromise(
  write: Write,
  sourceCode: TSESLint.SourceCode,
  options: StateOptions,
  classCache: WeakMap<TSESTree.Node, boolean>,
): boolean {
  const node = write.node;
  const value = node.type === T.AssignmentExpression ? node.right : node.type === T.CallExpression ? node.arguments[1] : undefined;
  if (value?.type !== T.AwaitExpression) return false;
  const awaited = unwrap(value.argument);
  if (awaited.type === T.CallExpression) return mapSlotOf(sourceCode, awaited, READ_METHODS, options, classCache) !== null;
  return sharedStateOf(sourceCode, awaited, options, classCache) !== null;
}

/** Clearing the state (`x = null`, `inFlight = false`) is not an initialisation. */
function isReset(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === T.Literal) return n.value === null || n.value === false || n.value === 0 || n.value === '';
  if (n.type === T.Identifier) return n.name === 'undefined';
  if (n.type === T.UnaryExpression) return n.operator === 'void';
  return false;
}

function isLockCall(call: TSESTree.CallExpression, lockNames: ReadonlySet<string>): boolean {
  const path = calleePath(call.callee);
  if (path === null) return false;
  if (lockNames.has(path.join('.')) || lockNames.has(path[path.length - 1])) return true;
  return path.some((segment) => /lock|mutex|semaphore|acquire/i.test(segment));
}

/** The function runs inside a lock/once helper's callback, or is a method decorated with one. */
function isSerialised(fn: FunctionNode, lockNames: ReadonlySet<string>): boolean {
  let n: TSESTree.Node | undefined = fn;
  while (n) {
    const parent: TSESTree.Node | undefined = n.parent;
    if (parent?.type === T.CallExpression && parent.arguments.includes(n as TSESTree.CallExpressionArgument)) {
      const path = calleePath(parent.callee);
      if (path && (lockNames.has(path.join('.')) || lockNames.has(path[path.length - 1]) || path.some((s) => SERIALISING.test(s)))) {
        return true;
      }
    }
    if (parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) {
      for (const d of parent.decorators ?? []) {
        const path = calleePath(d.expression.type === T.CallExpression ? d.expression.callee : d.expression);
        if (path?.some((s) => SERIALISING.test(s))) return true;
      }
    }
    n = parent;
  }
  return false;
}

/** An `await` whose nearest enclosing function is `fn` (in its body, parameters or a class inside it). */
function hasOwnAwait(fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  return someNodeWithin(sourceCode, fn, (n) => n.type === T.AwaitExpression);
}

/** Keys that only hold types or decorators: never a read, an await or an assignment. */
const SKIPPED_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators', 'implements', 'superTypeArguments']);

/** Visits `root` and its descendants (in no particular order), without entering nested functions or classes. */
function walk(root: TSESTree.Node, sourceCode: TSESLint.SourceCode, visit: (n: TSESTree.Node) => void): void {
  const keys = sourceCode.visitorKeys;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as TSESTree.Node;
    visit(n);
    const childKeys = keys[n.type];
    if (!childKeys) continue;
    for (const key of childKeys) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const v of value) if (isNode(v) && !opensScope(v)) stack.push(v);
      } else if (isNode(value) && !opensScope(value)) stack.push(value);
    }
  }
}

function opensScope(n: TSESTree.Node): boolean {
  return (
    n.type === T.ArrowFunctionExpression ||
    n.type === T.FunctionExpression ||
    n.type === T.FunctionDeclaration ||
    n.type === T.ClassDeclaration ||
    n.type === T.ClassExpression
  );
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
