/**
 * The per-function model: every effect of a function in evaluation order, with
 * the transaction, lock and try/catch around it, and where values came from.
 *
 * Callbacks that run inside the function's own flow (a transaction callback, a
 * lock helper's callback, an IIFE) are inlined into the enclosing model, so a
 * read outside `$transaction` and a write inside it are seen in one timeline.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { LOCK_ACQUIRE, LOCK_CALLBACKS, TRANSACTION_NAME } from './catalog.js';
import { calleePath, findVariable, isFunctionNode, propertyName, rootOf, unwrap } from './resolve.js';
import type { IsolationLevel, ProdguardSettings } from './settings.js';
import type { CodeRoot, DbCall, Effect, EffectNode, EffectSite, FunctionNode, TransactionScope } from './types.js';

/** What the model needs from the file: its collected nodes and the memoised classifier. */
export interface ModelHost {
  sourceCode: TSESLint.SourceCode;
  settings: ProdguardSettings;
  classify(node: EffectNode): Effect | null;
  callsOf(fn: CodeRoot): readonly EffectNode[];
  mutationsOf(fn: CodeRoot): readonly Mutation[];
  childFunctionsOf(fn: CodeRoot): readonly FunctionNode[];
}

/** A change to a loaded object in memory: `doc.x = …`, `doc.n += 1`, `doc.n++`, `doc.items.push(…)`. */
export interface Mutation {
  node: TSESTree.AssignmentExpression | TSESTree.CallExpression | TSESTree.UpdateExpression;
  /** The object's root identifier (`doc` in `doc.profile.name = …`). */
  object: TSESTree.Identifier;
  /** The assigned value, or null for `++`, `+=`-style and push: those always derive from the old value. */
  value: TSESTree.Node | null;
  /** True when the new value is computed from the old one (`+=`, `++`, `push`). */
  selfDerived: boolean;
}

export interface FunctionModel {
  root: CodeRoot;
  /** Effects in evaluation order. */
  sites: readonly EffectSite[];
  /** The site for an effect node, if it is one. */
  siteOf(node: TSESTree.Node): EffectSite | undefined;
  /** The read sites whose results flow into `expr` (through bindings, destructuring, spreads, members, calls). */
  readsInto(expr: TSESTree.Node): ReadonlySet<EffectSite>;
  /** Every database or external site whose result flows into `expr`. */
  resultsInto(expr: TSESTree.Node): ReadonlySet<EffectSite>;
  /** In-memory changes to objects, in source order, within the model's functions. */
  mutations: readonly Mutation[];
  /** Functions inlined into this model (transaction and lock callbacks, IIFEs). */
  inlined: ReadonlySet<FunctionNode>;
  /** Transactions this model opens. */
  transactions: readonly TransactionScope[];
  /**
   * A value derived from this model, computed on first request and kept with it: rules and helpers
   * index a model's sites this way instead of in weak maps that outlive the file (see caches.ts).
   */
  memo<V>(key: symbol, make: () => V): V;
}

/** A per-model memo: one small map, created on first use. */
function memoBag(): FunctionModel['memo'] {
  let values: Map<symbol, unknown> | undefined;
  return <V>(key: symbol, make: () => V): V => {
    values ??= new Map();
    if (values.has(key)) return values.get(key) as V;
    const value = make();
    values.set(key, value);
    return value;
  };
}

const ARRAY_METHODS = new Set(['map', 'forEach', 'flatMap', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex']);

/** `xs.map(fn)` and friends: a callback that runs synchronously in place. */
function isArrayCallback(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const callee = call.callee;
  if (callee.type !== T.MemberExpression || call.arguments[0] !== fn) return false;
  const name = propertyName(callee);
  return name !== undefined && ARRAY_METHODS.has(name);
}

/** The last segment and the full dotted path of a call's callee. */
function calleeNames(call: TSESTree.CallExpression): { last: string | undefined; path: string | undefined } {
  const path = calleePath(call.callee);
  return { last: path?.at(-1), path: path?.join('.') };
}

/** The callee's last name (`acquire` in `this.mutex.acquire()`), without building its whole path. */
function calleeLastName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return callee.name;
  return callee.type === T.MemberExpression ? propertyName(callee) : undefined;
}

function isLockCall(call: TSESTree.CallExpression, settings: ProdguardSettings): boolean {
  // Most calls are not locks: a cheap look at the last name before the whole path is printed.
  if (settings.locks.size === 0 && !LOCK_CALLBACKS.test(calleeLastName(call) ?? '') && !LOCK_METHOD.test(calleeLastName(call) ?? '')) return false;
  const { last, path } = calleeNames(call);
  if (!last) return false;
  if (path && (settings.locks.has(path) || settings.locks.has(last))) return true;
  return LOCK_CALLBACKS.test(last) || (/(?:mutex|lock|semaphore|redlock)/i.test(path ?? '') && LOCK_METHOD.test(last));
}

/** Methods that run a callback under a lock object: `mutex.runExclusive(…)`, `lock.acquire(…)`. */
const LOCK_METHOD = /^(?:runExclusive|using|acquire|lock|run)$/;

function isLockAcquire(call: TSESTree.CallExpression, settings: ProdguardSettings): boolean {
  if (settings.locks.size === 0 && !LOCK_ACQUIRE.test(calleeLastName(call) ?? '')) return false;
  const { last, path } = calleeNames(call);
  if (!last || !path) return false;
  if (settings.locks.has(path) || settings.locks.has(last)) return true;
  return LOCK_ACQUIRE.test(last) && /(?:mutex|lock|semaphore|redlock|advisory)/i.test(path);
}

/** `settings.prodguard.transactions`: the project's own transaction helpers. */
function configuredTransaction(call: TSESTree.CallExpression, settings: ProdguardSettings): TransactionScope | null {
  if (settings.transactions.size === 0) return null;
  const { last, path } = calleeNames(call);
  const level = (path && settings.transactions.get(path)) ?? (last && settings.transactions.get(last));
  if (!level) return null;
  const callback = call.arguments.find((a) => isFunctionNode(a)) as FunctionNode | undefined;
  return { node: call, layer: 'sql', isolation: level, kind: 'callback', callback, label: path ?? last ?? 'transaction', guessed: false };
}

const NO_SITES: ReadonlySet<EffectSite> = new Set();
const NO_FUNCTIONS: ReadonlySet<FunctionNode> = new Set();

/** The model of a function that makes no call and holds no callback: nothing happens in it but assignments. */
export function emptyModel(root: CodeRoot, mutations: readonly Mutation[]): FunctionModel {
  return { root, sites: [], siteOf: () => undefined, readsInto: () => NO_SITES, resultsInto: () => NO_SITES, mutations, inlined: NO_FUNCTIONS, transactions: [], memo: memoBag() };
}

export function buildModel(root: CodeRoot, host: ModelHost): FunctionModel {
  const gathered = gatherInlined(root, host);
  const effects = classifyInOrder(gathered.calls, host);
  const { sites, byNode } = placeEffects(root, gathered, effects, host);

  // Provenance is built on the first question: most models are never asked where a value came from.
  let provenance: ((expr: TSESTree.Node) => ReadonlySet<EffectSite>) | undefined;
  const resultsInto = (expr: TSESTree.Node): ReadonlySet<EffectSite> => (provenance ??= createProvenance(host, byNode))(expr);
  let readsMemo: Map<TSESTree.Node, ReadonlySet<EffectSite>> | undefined;
  const readsInto = (expr: TSESTree.Node): ReadonlySet<EffectSite> => {
    readsMemo ??= new Map();
    let reads = readsMemo.get(expr);
    if (!reads) {
      reads = new Set([...resultsInto(expr)].filter((s) => s.effect.kind === 'db' && s.effect.op === 'read'));
      readsMemo.set(expr, reads);
    }
    return reads;
  };
  return {
    root,
    sites,
    siteOf: (node) => byNode.get(node),
    readsInto,
    resultsInto,
    mutations: gathered.mutations,
    inlined: gathered.inlined,
    transactions: gathered.transactions,
    memo: memoBag(),
  };
}

/** A root and the callbacks that run inline within it, with their calls and mutations. */
interface Gathered {
  inlined: Set<FunctionNode>;
  txByCallback: Map<FunctionNode, TransactionScope>;
  lockCallbacks: Set<FunctionNode>;
  arrayCallbacks: Set<FunctionNode>;
  transactions: TransactionScope[];
  calls: EffectNode[];
  mutations: Mutation[];
}

/** Step 1: gather the root and every callback that runs inline within it (IIFEs, array, transaction and lock callbacks). */
function gatherInlined(root: CodeRoot, host: ModelHost): Gathered {
  const g: Gathered = {
    inlined: new Set(),
    txByCallback: new Map(),
    lockCallbacks: new Set(),
    arrayCallbacks: new Set(),
    transactions: [],
    calls: [],
    mutations: [],
  };
  const queue: CodeRoot[] = [root];
  for (let q = 0; q < queue.length; q++) {
    const fn = queue[q];
    const calls = host.callsOf(fn);
    for (let i = 0; i < calls.length; i++) g.calls.push(calls[i]);
    const mutations = host.mutationsOf(fn);
    for (let i = 0; i < mutations.length; i++) g.mutations.push(mutations[i]);
    const children = host.childFunctionsOf(fn);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (runsInline(child, host, g)) {
        g.inlined.add(child);
        queue.push(child);
      }
    }
  }
  return g;
}

/** Whether a callback runs inside its caller's flow; records the transaction, lock or loop it runs in. */
function runsInline(child: FunctionNode, host: ModelHost, g: Gathered): boolean {
  const role = inlineRole(child, host);
  if (role === null) return false;
  if (role.kind === 'array') g.arrayCallbacks.add(child);
  else if (role.kind === 'lock') g.lockCallbacks.add(child);
  else if (role.kind === 'transaction') {
    g.txByCallback.set(child, role.scope);
    g.transactions.push(role.scope);
  }
  return true;
}

/** How a callback runs inside its caller's flow. */
export type InlineRole =
  /** `(async () => { … })()` */
  | { kind: 'iife' }
  /** `items.map((i) => …)`, `rows.forEach(…)`: in place, once per element. */
  | { kind: 'array' }
  /** `prisma.$transaction(async (tx) => …)`, a configured helper, or a helper named like one. */
  | { kind: 'transaction'; scope: TransactionScope }
  /** `mutex.runExclusive(…)`, `withLock(…)`. */
  | { kind: 'lock' };

const IIFE: InlineRole = { kind: 'iife' };
const ARRAY_CALLBACK: InlineRole = { kind: 'array' };
const LOCK_CALLBACK: InlineRole = { kind: 'lock' };

/**
 * How a function runs inside the flow of the call it is passed to, or null when it runs on its own
 * (a route handler, an event listener) and is a model root of its own. The one answer both the
 * model's gathering and the file's choice of roots use.
 */
export function inlineRole(child: FunctionNode, host: ModelHost): InlineRole | null {
  const parent = child.parent;
  if (parent?.type !== T.CallExpression) return null;
  if (parent.callee === child) return IIFE;
  if (!parent.arguments.includes(child as TSESTree.CallExpressionArgument)) return null;
  if (isArrayCallback(parent, child)) return ARRAY_CALLBACK;
  const opener = host.classify(parent);
  const configured = configuredTransaction(parent, host.settings);
  if (opener?.kind === 'db' && opener.op === 'transaction' && opener.callback === child) {
    // `settings.prodguard.transactions: { 'db.transaction': 'serializable' }` speaks for a database the code does not name (SQLite).
    const isolation = configured?.isolation ?? opener.isolation ?? 'default';
    return {
      kind: 'transaction',
      scope: { node: parent, layer: opener.layer, isolation, kind: 'callback', callback: child, label: opener.label, guessed: false },
    };
  }
  if (configured && configured.callback === child) return { kind: 'transaction', scope: configured };
  if (TRANSACTION_NAME.test(calleeLastName(parent) ?? '') && TRANSACTION_NAME.test(calleeNames(parent).last ?? '')) {
    return {
      kind: 'transaction',
      scope: { node: parent, layer: 'sql', isolation: 'default', kind: 'callback', callback: child, label: calleeNames(parent).path ?? 'transaction', guessed: true },
    };
  }
  return isLockCall(parent, host.settings) ? LOCK_CALLBACK : null;
}

interface Classified {
  node: EffectNode;
  effect: Effect;
}

/** Step 2: classify each call and order the effects by completion (a call finishes after its arguments). */
function classifyInOrder(calls: readonly EffectNode[], host: ModelHost): Classified[] {
  const effects: Classified[] = [];
  for (let i = 0; i < calls.length; i++) {
    const node = calls[i];
    const effect = host.classify(node);
    if (effect) effects.push({ node, effect });
  }
  return effects.sort(byCompletion);
}

function byCompletion(a: Classified, b: Classified): number {
  return a.node.range[1] - b.node.range[1] || a.node.range[0] - b.node.range[0];
}

/** Step 3: place each effect: its transaction, lock, try/catch, branches and loop. */
function placeEffects(root: CodeRoot, g: Gathered, effects: readonly Classified[], host: ModelHost): { sites: EffectSite[]; byNode: Map<TSESTree.Node, EffectSite> } {
  const manual = manualTransactions(effects.map((e) => e.effect));
  for (const m of manual) g.transactions.push(m.scope);
  const lockAfter = firstLockAcquire(g.calls, host.settings, effects);

  const sites: EffectSite[] = [];
  const byNode = new Map<TSESTree.Node, EffectSite>();
  let implicit: TransactionScope | undefined;
  for (let index = 0; index < effects.length; index++) {
    const { node, effect } = effects[index];
    const place = placeOf(node, root, g.inlined, g.txByCallback, g.lockCallbacks, g.arrayCallbacks);
    let transaction = place.transaction;
    if (!transaction) {
      transaction = manual.find((m) => m.start < node.range[0] && node.range[1] <= m.end && (effect.kind !== 'db' || effect.op !== 'transaction'))?.scope ?? null;
    }
    if (!transaction && effect.kind === 'db' && effect.passesTransaction) {
      // A transaction handed in from the caller: one scope for every call of this function that passes it on.
      implicit ??= { node, layer: effect.layer, isolation: 'default', kind: 'manual', callback: undefined, label: 'the caller\'s transaction', guessed: false };
      transaction = manual[0]?.scope ?? implicit;
    }
    if (!transaction) transaction = batchTransaction(node, host);
    const site: EffectSite = {
      effect,
      index,
      fn: place.fn,
      transaction,
      locked: place.locked || (lockAfter !== undefined && node.range[0] > lockAfter),
      tryStatement: place.tryStatement,
      inHandler: place.inHandler,
      branches: place.branches,
      inLoop: place.inLoop,
    };
    sites.push(site);
    byNode.set(node, site);
  }
  return { sites, byNode };
}

/** `$transaction([a, b])`: a call that is an element of the batch array. */
function batchTransaction(node: EffectNode, host: ModelHost): TransactionScope | null {
  let n: TSESTree.Node | undefined = node.parent;
  if (n?.type === T.AwaitExpression) n = n.parent;
  if (n?.type !== T.ArrayExpression) return null;
  const call = n.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== n) return null;
  const opener = host.classify(call);
  if (opener?.kind === 'db' && opener.op === 'transaction' && opener.batch) {
    return { node: call, layer: opener.layer, isolation: opener.isolation ?? 'default', kind: 'batch', callback: undefined, label: opener.label, guessed: false };
  }
  // A project's own batch helper: `transaction([...])`, `db.runTransaction([...])`.
  const name = calleeNames(call).last;
  if (name && TRANSACTION_NAME.test(name)) {
    const layer = node.type === T.CallExpression && host.classify(node)?.kind === 'db' ? (host.classify(node) as DbCall).layer : 'sql';
    return { node: call, layer, isolation: 'default', kind: 'batch', callback: undefined, label: calleeNames(call).path ?? name, guessed: true };
  }
  return null;
}


/** `BEGIN … COMMIT`, `const t = await sequelize.transaction()` … `t.commit()`, `session.startTransaction()` … `commitTransaction()`. */
function manualTransactions(effects: Effect[]): { scope: TransactionScope; start: number; end: number }[] {
  const result: { scope: TransactionScope; start: number; end: number }[] = [];
  // The open transaction's opener, and its isolation so far: a `SET TRANSACTION` inside it still changes it.
  let opener: DbCall | null = null;
  let isolation: IsolationLevel = 'default';
  let pendingIsolation: DbCall['isolation'];
  const close = (o: DbCall, end: number) => {
    result.push({ scope: { node: o.node, layer: o.layer, isolation, kind: 'manual', callback: undefined, label: o.label, guessed: false }, start: o.node.range[1], end });
  };
  for (const e of effects) {
    if (e.kind !== 'db') continue;
    if (e.op === 'other' && e.isolation) pendingIsolation = e.isolation;
    if (e.op === 'transaction' && !e.callback && !e.batch && e.method !== 'multi' && !opener) {
      opener = e;
      isolation = e.isolation && e.isolation !== 'default' ? e.isolation : pendingIsolation ?? 'default';
    } else if (e.op === 'other' && e.isolation && opener) {
      isolation = e.isolation;
    } else if ((e.op === 'commit' || e.op === 'rollback') && opener) {
      close(opener, e.node.range[0]);
      opener = null;
    }
  }
  if (opener) close(opener, Number.POSITIVE_INFINITY);
  return result;
}

/** Position of the first `await mutex.acquire()`-style call, after which the function holds a lock. */
function firstLockAcquire(calls: readonly EffectNode[], settings: ProdguardSettings, effects: readonly Classified[]): number | undefined {
  let at: number | undefined;
  for (const c of calls) {
    if (c.type === T.CallExpression && isLockAcquire(c, settings)) at = Math.min(at ?? Number.POSITIVE_INFINITY, c.range[1]);
  }
  for (const { node, effect } of effects) {
    if (effect.kind === 'db' && effect.op === 'lock') at = Math.min(at ?? Number.POSITIVE_INFINITY, node.range[1]);
  }
  return at;
}

interface Place {
  fn: CodeRoot;
  transaction: TransactionScope | null;
  locked: boolean;
  tryStatement: TSESTree.TryStatement | null;
  inHandler: boolean;
  branches: TSESTree.Node[];
  inLoop: boolean;
}

function placeOf(
  node: TSESTree.Node,
  root: CodeRoot,
  inlined: ReadonlySet<FunctionNode>,
  txByCallback: ReadonlyMap<FunctionNode, TransactionScope>,
  lockCallbacks: ReadonlySet<FunctionNode>,
  arrayCallbacks: ReadonlySet<FunctionNode>,
): Place {
  const place: Place = { fn: root, transaction: null, locked: false, tryStatement: null, inHandler: false, branches: [], inLoop: false };
  let fnFound = false;
  let child: TSESTree.Node = node;
  let n: TSESTree.Node | undefined = node.parent;
  while (n && child !== root) {
    switch (n.type) {
      case T.ArrowFunctionExpression:
      case T.FunctionExpression:
      case T.FunctionDeclaration:
        if (!fnFound && (n === root || inlined.has(n))) {
          place.fn = n;
          fnFound = true;
        }
        if (inlined.has(n)) {
          place.transaction ??= txByCallback.get(n) ?? null;
          if (lockCallbacks.has(n)) place.locked = true;
          if (arrayCallbacks.has(n)) place.inLoop = true;
        }
        break;
      case T.TryStatement:
        if (child === n.block) place.tryStatement ??= n;
        else place.inHandler = true;
        break;
      case T.IfStatement:
        if (child !== n.test) place.branches.unshift(n);
        break;
      case T.ConditionalExpression:
        if (child !== n.test) place.branches.unshift(n);
        break;
      case T.LogicalExpression:
        if (child === n.right) place.branches.unshift(n);
        break;
      case T.SwitchCase:
        place.branches.unshift(n);
        break;
      case T.ForStatement:
      case T.ForInStatement:
      case T.ForOfStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
        if (child === n.body) place.inLoop = true;
        break;
      default:
        break;
    }
    if (n === root) break;
    child = n;
    n = n.parent;
  }
  return place;
}

// ---------------------------------------------------------------------------
// Provenance

const MAX_PROVENANCE_DEPTH = 24;
const MAX_ORIGINS = 64;

function createProvenance(host: ModelHost, byNode: ReadonlyMap<TSESTree.Node, EffectSite>): (expr: TSESTree.Node) => ReadonlySet<EffectSite> {
  const memo = new Map<TSESTree.Node, ReadonlySet<EffectSite>>();
  const visitingVars = new Set<Scope.Variable>();
  const byVariable = new Map<Scope.Variable, ReadonlySet<EffectSite>>();
  const EMPTY: ReadonlySet<EffectSite> = new Set();

  // A value that flows from hundreds of effects (a `let` reassigned all through a long function) says nothing
  // more with every further one; capping the sets keeps provenance linear in the function's length.
  function union(target: Set<EffectSite>, source: ReadonlySet<EffectSite>): void {
    for (const s of source) {
      if (target.size >= MAX_ORIGINS) return;
      target.add(s);
    }
  }

  function of(expr: TSESTree.Node, depth: number): ReadonlySet<EffectSite> {
    if (depth > MAX_PROVENANCE_DEPTH) return EMPTY;
    const cached = memo.get(expr);
    if (cached) return cached;
    const result = compute(expr, depth);
    memo.set(expr, result);
    return result;
  }

  function compute(expr: TSESTree.Node, depth: number): ReadonlySet<EffectSite> {
    const node = unwrap(expr);
    const out = new Set<EffectSite>();
    switch (node.type) {
      case T.Identifier: {
        const variable = findVariable(host.sourceCode, node);
        if (!variable || visitingVars.has(variable)) return EMPTY;
        // Per binding, not per use: a parameter read a thousand times is traced once.
        const known = byVariable.get(variable);
        if (known) return known;
        visitingVars.add(variable);
        for (const def of variable.defs) {
          if (def.type === 'Variable' && def.node.init) union(out, of(def.node.init, depth + 1));
        }
        for (const ref of variable.references) {
          if (ref.isWrite() && !ref.init && ref.writeExpr) union(out, of(ref.writeExpr, depth + 1));
        }
        visitingVars.delete(variable);
        if (visitingVars.size === 0) byVariable.set(variable, out);
        return out;
      }
      case T.MemberExpression:
        return of(node.object, depth + 1);
      case T.CallExpression:
      case T.TaggedTemplateExpression: {
        const site = byNode.get(node);
        if (site) {
          if ((site.effect.kind === 'db' && site.effect.op !== 'transaction') || site.effect.kind === 'external') out.add(site);
          else if (site.effect.kind === 'db' && site.effect.op === 'transaction' && site.effect.callback) {
            // `const x = await prisma.$transaction(async (tx) => { … return row })`: what the callback returns.
            union(out, returnedOrigins(site.effect.callback, depth));
          }
          return out;
        }
        if (node.type === T.TaggedTemplateExpression) {
          for (const e of node.quasi.expressions) union(out, of(e, depth + 1));
          return out;
        }
        const callee = unwrap(node.callee);
        if (callee.type === T.MemberExpression) union(out, of(callee.object, depth + 1));
        for (const a of node.arguments) union(out, of(a, depth + 1));
        return out;
      }
      case T.NewExpression:
        for (const a of node.arguments) union(out, of(a, depth + 1));
        return out;
      case T.ArrowFunctionExpression:
        // `items.map((i) => ({ orderId: order.id }))`: what the callback returns.
        return node.body.type === T.BlockStatement ? returnedOrigins(node, depth) : of(node.body, depth + 1);
      case T.ObjectExpression:
        for (const p of node.properties) {
          if (p.type === T.SpreadElement) union(out, of(p.argument, depth + 1));
          else if (p.type === T.Property) union(out, of(p.value, depth + 1));
        }
        return out;
      case T.ArrayExpression:
        for (const e of node.elements) if (e) union(out, of(e, depth + 1));
        return out;
      case T.SpreadElement:
        return of(node.argument, depth + 1);
      case T.BinaryExpression:
      case T.LogicalExpression:
        union(out, of(node.left, depth + 1));
        union(out, of(node.right, depth + 1));
        return out;
      case T.ConditionalExpression:
        union(out, of(node.consequent, depth + 1));
        union(out, of(node.alternate, depth + 1));
        return out;
      case T.TemplateLiteral:
        for (const e of node.expressions) union(out, of(e, depth + 1));
        return out;
      case T.UnaryExpression:
        return of(node.argument, depth + 1);
      case T.AssignmentExpression:
        return of(node.right, depth + 1);
      case T.SequenceExpression:
        return node.expressions.length > 0 ? of(node.expressions[node.expressions.length - 1], depth + 1) : EMPTY;
      default:
        return EMPTY;
    }
  }

  function returnedOrigins(fn: FunctionNode, depth: number): ReadonlySet<EffectSite> {
    if (fn.body.type !== T.BlockStatement) return of(fn.body, depth + 1);
    const out = new Set<EffectSite>();
    const stack: TSESTree.Node[] = [...fn.body.body];
    while (stack.length > 0) {
      const n = stack.pop() as TSESTree.Node;
      if (n.type === T.ReturnStatement && n.argument) union(out, of(n.argument, depth + 1));
      else if (n.type === T.BlockStatement) stack.push(...n.body);
      else if (n.type === T.IfStatement) stack.push(n.consequent, ...(n.alternate ? [n.alternate] : []));
      else if (n.type === T.TryStatement) stack.push(n.block);
    }
    return out;
  }

  return (expr) => of(expr, 0);
}

/** The root identifier of a member chain, if it is a plain identifier. */
export function objectRoot(node: TSESTree.Node): TSESTree.Identifier | null {
  const r = rootOf(node);
  return r?.type === T.Identifier ? r : null;
}

/** `doc.items.push(x)` and friends: mutations that derive from the current value. */
export const MUTATING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'set', 'add', 'delete']);

export function mutationOf(node: TSESTree.Node): Mutation | null {
  if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression) {
    const object = objectRoot(node.left);
    if (!object) return null;
    return { node, object, value: node.operator === '=' ? node.right : null, selfDerived: node.operator !== '=' };
  }
  if (node.type === T.UpdateExpression && node.argument.type === T.MemberExpression) {
    const object = objectRoot(node.argument);
    if (!object) return null;
    return { node, object, value: null, selfDerived: true };
  }
  if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
    const method = propertyName(node.callee);
    // `doc.items.push(x)`: a member of a member, so `repo.delete(x)` or `map.set(k, v)` on a plain binding is not one.
    if (!method || !MUTATING_METHODS.has(method) || node.callee.object.type !== T.MemberExpression) return null;
    const object = objectRoot(node.callee.object);
    if (!object) return null;
    return { node, object, value: null, selfDerived: true };
  }
  return null;
}
