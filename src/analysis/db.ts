/**
 * Database call classification: given one call (or tagged template), which data
 * layer it belongs to, what it does, to which model/table, and the facts the
 * race rules need (filter, data, lock, atomic, conflict-safe, transaction).
 *
 * The receiver is resolved by where it comes from (src/analysis/resolve.ts):
 * settings, then the transaction callback it is a parameter of, then imports,
 * constructors, factories and type annotations, and conventional names last,
 * and only together with a call shape that fits the layer.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import {
  CONVENTIONAL_NAMES,
  DB_WORDS,
  layerOfPackage,
  DECORATOR_LAYERS,
  INSTANCE_WRITES,
  KEY_FIELDS,
  MONGO_ATOMIC_KEYS,
  MONGO_OPS,
  MONGOOSE_ONLY,
  PRISMA_ATOMIC_KEYS,
  PRISMA_OPS,
  REDIS_ATOMIC,
  REDIS_OPS,
  REPOSITORY_OPS,
  ROW_LOCK_METHODS,
  SEQUELIZE_ONLY,
  SEQUELIZE_OPS,
  TRANSACTION_CLIENT_TYPES,
  TYPE_LAYERS,
  VERSION_FIELDS,
} from './catalog.js';
import { calleePath, isFromPackage, propertyName, traceValue, unwrap, type Trace } from './resolve.js';
import type { DbLayer, IsolationLevel, ProdguardSettings } from './settings.js';
import { analyzeSql, looksLikeSql, normaliseTarget } from './sql.js';
import type { TypeFacts } from './types-aware.js';
import type { DbCall, DbClientRef, DbOp, EffectNode, FunctionNode } from './types.js';

export interface DbContext {
  sourceCode: TSESLint.SourceCode;
  settings: ProdguardSettings;
  /** Memoised classification, so a transaction callback's parameter can ask about the call it is passed to. */
  classify(node: EffectNode): DbCall | null;
  /** Layers whose packages this file imports: decides bare model names (`User.findOne`). */
  importedLayers: ReadonlySet<DbLayer>;
  /** Identifiers imported from a local module that looks like a data module (`../models`, `@/db`). */
  fromDataModule(name: string): boolean;
  /** The layer of a model defined in this file: `class User extends Model` (Sequelize), `mongoose.model(...)`. */
  definedModelLayer(name: string): DbLayer | undefined;
  /** `traceValue`, memoised per binding. */
  trace(node: TSESTree.Node): Trace;
  /** With type information: the layer a receiver's type is declared in. */
  typeFacts: ((node: TSESTree.Node) => TypeFacts | null) | null;
}

/** What a receiver is. */
type Role = 'client' | 'model' | 'repository' | 'manager' | 'collection' | 'tx-handle';

interface Receiver {
  layer: DbLayer | 'unknown';
  role: Role;
  name: string;
  isTransactionClient: boolean;
  confidence: 'named' | 'resolved';
  target: string | undefined;
}

interface Link {
  name: string | undefined;
  call: TSESTree.CallExpression | undefined;
}

// ---------------------------------------------------------------------------
// Entry point

export function classifyDbCall(node: EffectNode, ctx: DbContext): DbCall | null {
  if (node.type === T.TaggedTemplateExpression) return classifyTaggedSql(node, ctx);
  // Only the outermost call of a chain is the effect: `db.select().from(t).where(w)` is one query.
  if (isInnerChainCall(node) || !mentionsDbWord(node)) return null;
  // `query.then(cb)`: the query call inside is the effect.
  if (node.callee.type === T.MemberExpression && isPromiseMethod(node.callee)) return null;
  const chain = chainOf(node);
  if (!chain) return null;
  const { root, links } = chain;
  const receiver = resolveReceiver(root, links, ctx);
  if (receiver) return classifyByLayer(node, root, links, receiver, ctx) ?? classifySqlByText(node, links, root, ctx);
  return nestedClient(node, root, links, ctx) ?? classifySqlByText(node, links, root, ctx);
}

/**
 * A client carried on another object: `ctx.prisma.user.update(...)` (tRPC), `req.db.select()…`,
 * `this.deps.redis.get(key)`. The segment must be configured or carry a conventional client name,
 * and is not itself called (`this.deps.knex('t')` is not followed).
 */
function nestedClient(node: TSESTree.CallExpression, root: TSESTree.Node, links: Link[], ctx: DbContext): DbCall | null {
  let path = printRoot(root);
  for (let i = 0; i < links.length - 1 && i < 3; i++) {
    const seg = links[i];
    if (seg.call || !seg.name) return null;
    path = `${path}.${seg.name}`;
    const configured = ctx.settings.clients.get(path);
    let receiver: Receiver | null = null;
    if (configured && configured !== 'http' && configured !== 'external' && configured !== 'queue') {
      receiver = { layer: configured, role: configured === 'mongoose' || configured === 'sequelize' ? 'model' : 'client', name: path, isTransactionClient: false, confidence: 'resolved', target: undefined };
    } else if (CONVENTIONAL_NAMES.db.test(seg.name) || CONVENTIONAL_NAMES.redis.test(seg.name)) {
      receiver = receiverFromName(seg.name, root, links.slice(i + 1), ctx);
      if (receiver) receiver = receiverWith(receiver, { name: path });
    }
    // Labelled from the receiver's name: `ctx.prisma.user.update`.
    if (receiver) return classifyByLayer(node, root, links.slice(i + 1), receiver, ctx);
  }
  return null;
}

/** `a.b().c()`: the `a.b()` call is inner; the effect is reported on the outer call. */
export function isInnerChainCall(node: TSESTree.CallExpression): boolean {
  const parent = node.parent;
  return (
    parent?.type === T.MemberExpression &&
    parent.object === node &&
    parent.parent?.type === T.CallExpression &&
    parent.parent.callee === parent &&
    !isPromiseMethod(parent)
  );
}

/** `.then(…)`, `.catch(…)`, `.finally(…)`: handling the query's promise, not building the query. */
function isPromiseMethod(member: TSESTree.MemberExpression): boolean {
  const name = propertyName(member);
  return name === 'then' || name === 'catch' || name === 'finally';
}

/** Cheap gate: some callee in the chain is a database word, or the chain starts with a direct call (`knex('users')`). */
function mentionsDbWord(outer: TSESTree.CallExpression): boolean {
  let cur: TSESTree.Node = outer;
  for (let i = 0; i < 64; i++) {
    const node = cur as TSESTree.Node;
    switch (node.type) {
      case T.CallExpression: {
        const callee = node.callee;
        const calleeType = callee.type;
        if (calleeType !== T.MemberExpression) return calleeType === T.Identifier && node.arguments.length > 0;
        cur = callee;
        break;
      }
      case T.MemberExpression: {
        const property = node.property;
        if (!node.computed && property.type === T.Identifier && DB_WORDS.has(property.name)) return true;
        cur = node.object;
        break;
      }
      case T.AwaitExpression:
        cur = node.argument;
        break;
      case T.TSNonNullExpression:
      case T.ChainExpression:
        cur = node.expression;
        break;
      default:
        return false;
    }
  }
  return false;
}

function chainOf(outer: TSESTree.CallExpression): { root: TSESTree.Node; links: Link[] } | null {
  // Collected from the outermost call inwards, then reversed once.
  const links: Link[] = [];
  let cur: TSESTree.Node = outer;
  for (let i = 0; i < 64; i++) {
    cur = unwrap(cur);
    switch (cur.type) {
      case T.CallExpression: {
        const callee = unwrap(cur.callee);
        if (callee.type !== T.MemberExpression) {
          links.push({ name: undefined, call: cur });
          return { root: callee, links: links.reverse() };
        }
        links.push({ name: propertyName(callee), call: cur });
        cur = callee.object;
        break;
      }
      case T.MemberExpression:
        if (cur.object.type === T.ThisExpression) return { root: cur, links: links.reverse() };
        links.push({ name: propertyName(cur), call: undefined });
        cur = cur.object;
        break;
      default:
        return { root: cur, links: links.reverse() };
    }
  }
  return null;
}

function printRoot(root: TSESTree.Node): string {
  if (root.type === T.Identifier) return root.name;
  if (root.type === T.MemberExpression && root.object.type === T.ThisExpression) return `this.${propertyName(root) ?? '?'}`;
  return '?';
}

/**
 * `prisma.user.update`, `db.update(accounts).set(…).where(…)`, `knex('users').first()`: the receiver's
 * name (the chain's root as written, or the path to a client carried on another object) and the links.
 */
function labelOf(receiverName: string, links: Link[]): string {
  const builder = links.filter((l) => l.call).length > 1;
  let text = receiverName;
  for (const [i, l] of links.entries()) {
    if (i >= 4) {
      text += '…';
      break;
    }
    if (l.name) text += `.${l.name}`;
    if (l.call && (builder || !l.name)) text += `(${shortArgument(l.call)})`;
  }
  return text;
}

function shortArgument(call: TSESTree.CallExpression): string {
  const a = call.arguments[0];
  if (!a) return '';
  const n = unwrap(a);
  if (n.type === T.Identifier && n.name.length <= 24) return n.name;
  if (n.type === T.Literal && typeof n.value === 'string' && n.value.length <= 24) return `'${n.value}'`;
  return '…';
}

// ---------------------------------------------------------------------------
// Receivers

/** A copy of a receiver with some fields changed, built whole like every receiver and call (see `base`). */
function receiverWith(r: Receiver, changes: Partial<Receiver>): Receiver {
  return {
    layer: changes.layer ?? r.layer,
    role: changes.role ?? r.role,
    name: changes.name ?? r.name,
    isTransactionClient: changes.isTransactionClient ?? r.isTransactionClient,
    confidence: changes.confidence ?? r.confidence,
    target: 'target' in changes ? changes.target : r.target,
  };
}

function resolveReceiver(root: TSESTree.Node, links: Link[], ctx: DbContext): Receiver | null {
  const name = printRoot(root);
  const configured = ctx.settings.clients.get(name);
  if (configured && configured !== 'http' && configured !== 'external' && configured !== 'queue') {
    const role: Role = configured === 'mongoose' || configured === 'sequelize' ? 'model' : 'client';
    return { layer: configured, role, name, isTransactionClient: false, confidence: 'resolved', target: undefined };
  }
  if (configured) return null;
  if (root.type !== T.Identifier && !(root.type === T.MemberExpression && root.object.type === T.ThisExpression)) {
    return null;
  }
  const trace = ctx.trace(root);
  const fromTrace = receiverFromTrace(trace, name, ctx);
  if (fromTrace) return fromTrace;
  if (trace.kind === 'import' && trace.members.length === 0 && layerOfPackage(trace.source) !== undefined) return null;
  const typed = ctx.typeFacts?.(root);
  if (typed) {
    const role: Role = /Repository$/.test(typed.typeName)
      ? 'repository'
      : /EntityManager$/.test(typed.typeName)
        ? 'manager'
        : /^(?:Model|ModelStatic|ModelCtor)$/.test(typed.typeName)
          ? 'model'
          : typed.typeName === 'Collection'
            ? 'collection'
            : 'client';
    return { layer: typed.layer, role, name, isTransactionClient: /Transaction/.test(typed.typeName), confidence: 'resolved', target: targetFromName(name) };
  }
  return receiverFromName(name, root, links, ctx);
}

function receiverFromTrace(trace: Trace, name: string, ctx: DbContext): Receiver | null {
  const resolved = (layer: DbLayer, role: Role, target?: string, isTx = false): Receiver => ({
    layer,
    role,
    name,
    isTransactionClient: isTx,
    confidence: 'resolved',
    target,
  });
  switch (trace.kind) {
    case 'import': {
      const layer = layerOfPackage(trace.source);
      if (!layer) {
        const configured = ctx.settings.clients.get(trace.source);
        if (configured && configured !== 'http' && configured !== 'external' && configured !== 'queue') {
          return resolved(configured, configured === 'mongoose' || configured === 'sequelize' ? 'model' : 'client');
        }
        return null;
      }
      if (trace.imported === 'sql' || trace.imported === 'db' || trace.imported === 'kv' || trace.imported === 'default' || trace.imported === '*') {
        if (layer === 'mongoose' && trace.members[0] === 'connection') return resolved(layer, 'client');
        return resolved(layer, 'client');
      }
      return null;
    }
    case 'new': {
      const src = importOrName(trace.callee);
      if (src.name === 'PrismaClient') return resolved('prisma', 'client');
      const layer = src.source ? layerOfPackage(src.source) : undefined;
      if (!layer) return null;
      if (layer === 'typeorm' && src.name !== 'DataSource' && src.name !== 'Connection') return null;
      return resolved(layer, 'client');
    }
    case 'call':
      return receiverFromFactory(trace, name, ctx);
    case 'param': {
      const tx = transactionParam(trace, ctx);
      if (tx) return receiverWith(tx, { name });
      if (trace.typeName) {
        const layer = layerOfType(trace.typeName, ctx);
        if (layer) return resolved(layer, roleOfType(trace.typeName), entityTarget(trace.entity) ?? targetFromName(name), TRANSACTION_CLIENT_TYPES.has(trace.typeName));
        if (/^(?:Model|ModelStatic|ModelCtor)$/.test(trace.typeName) && ctx.importedLayers.size > 0) {
          const layer2 = ctx.importedLayers.has('mongoose') ? 'mongoose' : ctx.importedLayers.has('sequelize') ? 'sequelize' : undefined;
          if (layer2) return resolved(layer2, 'model', targetFromName(name));
        }
      }
      return null;
    }
    case 'field': {
      for (const d of trace.decorators) {
        const layer = DECORATOR_LAYERS.get(d);
        if (layer) {
          const role: Role = d === 'InjectModel' ? 'model' : d === 'InjectRepository' ? 'repository' : d === 'InjectEntityManager' ? 'manager' : 'client';
          return resolved(layer, role, entityTarget(trace.entity) ?? targetFromName(trace.name));
        }
      }
      if (trace.typeName) {
        const layer = layerOfType(trace.typeName, ctx);
        if (layer) return resolved(layer, roleOfType(trace.typeName), entityTarget(trace.entity) ?? targetFromName(trace.name));
      }
      return null;
    }
    default:
      return null;
  }
}

/** TypeORM and MikroORM share type names (`EntityManager`, `EntityRepository`): the file's imports decide. */
function layerOfType(typeName: string, ctx: DbContext): DbLayer | undefined {
  const layer = TYPE_LAYERS.get(typeName);
  if (layer === 'typeorm' && ctx.importedLayers.has('mikro-orm') && !ctx.importedLayers.has('typeorm')) return 'mikro-orm';
  if (layer === 'typeorm' && ctx.importedLayers.has('mikro-orm') && /^Entity(?:Manager|Repository)$/.test(typeName)) {
    return ctx.importedLayers.has('typeorm') ? layer : 'mikro-orm';
  }
  return layer;
}

function roleOfType(typeName: string): Role {
  if (typeName === 'Repository' || typeName === 'EntityRepository') return 'repository';
  if (typeName === 'EntityManager' || typeName === 'SqlEntityManager') return 'manager';
  if (typeName === 'Collection') return 'collection';
  return 'client';
}

function importOrName(trace: Trace): { source: string | undefined; name: string | undefined } {
  if (trace.kind === 'import') {
    return { source: trace.source, name: trace.members.at(-1) ?? (trace.imported === 'default' || trace.imported === '*' ? undefined : trace.imported) };
  }
  if (trace.kind === 'unknown' || trace.kind === 'global') return { source: undefined, name: trace.name ?? trace.members.at(-1) };
  return { source: undefined, name: trace.members.at(-1) };
}

/** `drizzle(pool)`, `knex(config)`, `createClient()`, `mongoose.model('User')`, `dataSource.getRepository(User)`, `pool.connect()`. */
function receiverFromFactory(trace: Extract<Trace, { kind: 'call' }>, name: string, ctx: DbContext): Receiver | null {
  const callee = trace.callee;
  let ownerIsTx = false;
  const resolved = (layer: DbLayer, role: Role, target?: string): Receiver => ({
    layer,
    role,
    name,
    isTransactionClient: ownerIsTx,
    confidence: 'resolved',
    target,
  });
  const method = callee.members.at(-1) ?? (callee.kind === 'import' ? callee.imported : undefined);
  const firstArg = trace.node.arguments[0];
  const argTarget = firstArg ? targetOfArgument(firstArg) : undefined;
  if (callee.kind === 'import') {
    const layer = layerOfPackage(callee.source);
    if (!layer) {
      // `AppDataSource.getRepository(User)` with the data source imported from the project.
      if (method === 'getRepository' || method === 'getTreeRepository') {
        return receiverWith(resolved(ctx.importedLayers.has('mikro-orm') ? 'mikro-orm' : 'typeorm', 'repository', argTarget), { confidence: 'named' });
      }
      return null;
    }
    if (method === 'model') return resolved(layer, 'model', argTarget);
    if (method === 'getRepository' || method === 'getCustomRepository') return resolved(layer, 'repository', argTarget);
    if (method === 'getManager') return resolved(layer, 'manager');
    return resolved(layer, 'client');
  }
  // A method on something that is itself a client: derive the role from the method.
  const base = callee.members.length > 0 ? { ...callee, members: callee.members.slice(0, -1) } : null;
  if (!base) return null;
  const owner = receiverFromTrace(base as Trace, name, ctx);
  if (!owner) return null;
  // `manager.getRepository(Order)` inside `dataSource.transaction(async (manager) => …)` is bound to the transaction.
  ownerIsTx = owner.isTransactionClient;
  switch (method) {
    case 'getRepository':
    case 'getTreeRepository':
    case 'getMongoRepository':
      return resolved(owner.layer as DbLayer, 'repository', argTarget);
    case 'collection':
      return resolved(owner.layer as DbLayer, 'collection', argTarget);
    case 'model':
    case 'define':
      return resolved(owner.layer as DbLayer, 'model', argTarget);
    case 'fork':
    case 'createEntityManager':
      return resolved(owner.layer as DbLayer, 'manager');
    case 'connect':
    case 'getConnection':
    case 'db':
    case '$extends':
    case 'withSchema':
    case 'reserve':
      return resolved(owner.layer as DbLayer, 'client');
    default:
      return null;
  }
}

/** `async (tx) => …` passed to a transaction call: the transaction's own client. */
function transactionParam(trace: Extract<Trace, { kind: 'param' }>, ctx: DbContext): Receiver | null {
  const fn = trace.fn;
  const call = fn.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return null;
  const opener = ctx.classify(call);
  if (!opener || opener.op !== 'transaction') return null;
  const layer = opener.layer;
  const role: Role = layer === 'sequelize' || layer === 'mongoose' || layer === 'mongodb' ? 'tx-handle' : layer === 'typeorm' || layer === 'mikro-orm' ? 'manager' : 'client';
  return { layer, role, name: trace.name, isTransactionClient: true, confidence: opener.client.confidence, target: undefined };
}

function receiverFromName(name: string, root: TSESTree.Node, links: Link[], ctx: DbContext): Receiver | null {
  const bare = name.startsWith('this.') ? name.slice(5) : name;
  const named = (layer: DbLayer | 'unknown', role: Role, target?: string): Receiver => ({
    layer,
    role,
    name,
    isTransactionClient: /^(?:tx|trx|transaction)$/i.test(bare),
    confidence: 'named',
    target,
  });
  if (CONVENTIONAL_NAMES.repository.test(bare)) {
    const layer: DbLayer = ctx.importedLayers.has('mikro-orm') ? 'mikro-orm' : 'typeorm';
    const role: Role = /manager|^em$/i.test(bare) ? 'manager' : 'repository';
    return named(layer, role, role === 'repository' ? targetFromName(bare) : undefined);
  }
  if (CONVENTIONAL_NAMES.redis.test(bare)) return named('redis', 'client');
  if (/^sequelize$/i.test(bare)) return named('sequelize', 'client');
  if (CONVENTIONAL_NAMES.db.test(bare) || CONVENTIONAL_NAMES.sql.test(bare)) return named('unknown', 'client');
  // A bare model name: `User.findOne(...)`, `Order.create(...)`.
  if (root.type === T.Identifier && /^[A-Z][A-Za-z0-9]*$/.test(bare) && links.length >= 1) {
    const method = links[0].name;
    if (!method || !links[0].call) return null;
    const layer = modelLayer(bare, method, ctx);
    if (layer) return named(layer, 'model', normaliseTarget(bare));
  }
  return null;
}

function modelLayer(name: string, method: string, ctx: DbContext): DbLayer | null {
  const defined = ctx.definedModelLayer(name);
  if (defined) return defined;
  const layers = ctx.importedLayers;
  const evidence = layers.size > 0 || ctx.fromDataModule(name);
  if (SEQUELIZE_ONLY.has(method) && (evidence || method === 'findByPk')) return 'sequelize';
  if (MONGOOSE_ONLY.has(method) && (evidence || method === 'findById' || method === 'findByIdAndUpdate')) return 'mongoose';
  if (!evidence) return null;
  if (!SEQUELIZE_OPS.has(method) && !MONGO_OPS.has(method) && !REPOSITORY_OPS.has(method)) return null;
  if (layers.has('mongoose')) return 'mongoose';
  if (layers.has('sequelize')) return 'sequelize';
  if (layers.has('typeorm')) return 'typeorm';
  if (ctx.fromDataModule(name)) return MONGO_OPS.has(method) && !SEQUELIZE_OPS.has(method) ? 'mongoose' : 'sequelize';
  return null;
}

/** `User`, `OrderDocument` → `user`, `order`. */
function entityTarget(entity: string | undefined): string | undefined {
  return entity ? normaliseTarget(entity.replace(/Document$/, '')) : undefined;
}

/** `userRepository` → `user`, `this.orderModel` → `order`. */
function targetFromName(name: string): string | undefined {
  const bare = name.replace(/^this\./, '');
  if (/^(?:repo|repository|manager|em|entityManager|model|db|client)$/i.test(bare)) return undefined;
  return normaliseTarget(bare);
}

function targetOfArgument(arg: TSESTree.Node): string | undefined {
  const n = unwrap(arg);
  if (n.type === T.Identifier) return normaliseTarget(n.name);
  if (n.type === T.Literal && typeof n.value === 'string') return normaliseTarget(n.value);
  if (n.type === T.MemberExpression) {
    // `User.name` in `@InjectModel(User.name)`, `schema.users`.
    const prop = propertyName(n);
    if (prop === 'name' && n.object.type === T.Identifier) return normaliseTarget(n.object.name);
    return prop ? normaliseTarget(prop) : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Per layer

/** What a classifier found out about a call besides its layer, op and target. Left out: nothing found. */
type DbFacts = Partial<Pick<DbCall, 'label' | 'filter' | 'data' | 'instance' | 'locking' | 'atomic' | 'conflictSafe' | 'keepsExisting' | 'conditional' | 'passesTransaction' | 'isolation' | 'callback' | 'batch'>>;

const NO_FACTS: DbFacts = Object.freeze({});

/**
 * The one place a classifier makes a `DbCall`. Each classifier works out every fact first and the
 * call is built whole here, never changed afterwards. Besides reading top to bottom, this keeps V8's
 * optimized code: the first time some rare branch reassigns a field, V8 throws away the compiled
 * code of every function that relied on that field never changing, and compiles it again.
 */
function base(node: EffectNode, receiver: Receiver, links: Link[], root: TSESTree.Node | null, layer: DbLayer, op: DbOp, method: string, target: string | undefined, facts: DbFacts = NO_FACTS): DbCall {
  const client: DbClientRef = {
    layer,
    name: receiver.name,
    isTransactionClient: receiver.isTransactionClient,
    confidence: receiver.confidence,
  };
  return {
    kind: 'db',
    node,
    layer,
    op,
    method,
    label: facts.label ?? (root ? labelOf(receiver.name, links) : receiver.name),
    target,
    filter: facts.filter ?? [],
    data: facts.data ?? [],
    instance: facts.instance,
    locking: facts.locking ?? false,
    atomic: facts.atomic ?? false,
    // An upsert cannot duplicate: classifiers that find `ON CONFLICT`, `.orIgnore()`, `upsert: true`
    // pass op 'upsert' and need not say so again.
    conflictSafe: facts.conflictSafe ?? op === 'upsert',
    keepsExisting: facts.keepsExisting ?? false,
    conditional: facts.conditional ?? false,
    passesTransaction: facts.passesTransaction ?? false,
    isolation: facts.isolation,
    callback: facts.callback,
    batch: facts.batch ?? false,
    client,
    viaHelper: undefined,
  };
}

function classifyByLayer(node: TSESTree.CallExpression, root: TSESTree.Node, links: Link[], receiver: Receiver, ctx: DbContext): DbCall | null {
  const layer = receiver.layer;
  if (receiver.role === 'tx-handle') return classifyTxHandle(node, links, receiver, root);
  if (receiver.role === 'model') return classifyModel(node, links, receiver, root, layer as DbLayer);
  if (receiver.role === 'repository' || receiver.role === 'manager') return classifyRepository(node, links, receiver, root, layer as DbLayer, ctx);
  if (receiver.role === 'collection') return classifyModel(node, links, receiver, root, 'mongodb');
  switch (layer) {
    case 'prisma':
      return classifyPrisma(node, links, receiver, root);
    case 'drizzle':
      return classifyDrizzle(node, links, receiver, root);
    case 'knex':
      return classifyKnex(node, links, receiver, root);
    case 'kysely':
      return classifyKysely(node, links, receiver, root);
    case 'redis':
      return classifyRedis(node, links, receiver, root);
    case 'typeorm':
    case 'mikro-orm':
      return classifyDataSource(node, links, receiver, root, layer, ctx) ?? classifyRepository(node, links, receiver, root, layer, ctx);
    case 'sequelize':
    case 'mongoose':
    case 'mongodb':
      return classifyConnection(node, links, receiver, root, layer);
    case 'sql': {
      // postgres.js `sql.begin(async (sql) => …)`, mysql2/pg clients with a callback helper.
      const last = links.at(-1);
      if (links.length === 1 && last?.call && (last.name === 'begin' || last.name === 'transaction') && firstFunctionArg(last.call)) {
        return transactionCall(node, receiver, links, root, 'sql', last.call, last.name);
      }
      if (links.length === 1 && last?.call && last.name === 'beginTransaction') {
        return base(node, receiver, links, root, 'sql', 'transaction', last.name, receiver.target, { isolation: 'default' });
      }
      if (links.length === 1 && last?.call && (last.name === 'commit' || last.name === 'rollback')) {
        return base(node, receiver, links, root, 'sql', last.name, last.name, receiver.target);
      }
      return null;
    }
    case 'unknown':
      return (
        classifyPrisma(node, links, receiver, root, true) ??
        classifyKysely(node, links, receiver, root, true) ??
        classifyDrizzle(node, links, receiver, root, true) ??
        classifyKnex(node, links, receiver, root, true)
      );
    default:
      void ctx;
      return null;
  }
}

function objectProp(obj: TSESTree.Node | undefined, key: string): TSESTree.Node | undefined {
  const n = obj ? unwrap(obj) : undefined;
  if (n?.type !== T.ObjectExpression) return undefined;
  for (const p of n.properties) {
    if (p.type === T.Property && !p.computed && ((p.key.type === T.Identifier && p.key.name === key) || (p.key.type === T.Literal && p.key.value === key))) {
      return p.value;
    }
  }
  return undefined;
}

function objectKeys(obj: TSESTree.Node | undefined): string[] {
  const n = obj ? unwrap(obj) : undefined;
  if (n?.type !== T.ObjectExpression) return [];
  const keys: string[] = [];
  for (const p of n.properties) {
    if (p.type === T.Property && !p.computed) {
      if (p.key.type === T.Identifier) keys.push(p.key.name);
      else if (p.key.type === T.Literal) keys.push(String(p.key.value));
    }
  }
  return keys;
}

function isTruthyLiteral(node: TSESTree.Node | undefined): boolean {
  const n = node ? unwrap(node) : undefined;
  return n?.type === T.Literal && n.value === true;
}

/** `{}`: Prisma's `update: {}` changes nothing. */
function isEmptyObject(node: TSESTree.Node | undefined): boolean {
  const n = node ? unwrap(node) : undefined;
  return n?.type === T.ObjectExpression && n.properties.length === 0;
}

/** A filter object with a precondition besides the record key: `{ id, version }`, `{ id, status: 'pending' }`. */
function isConditionalFilter(filter: TSESTree.Node | undefined): boolean {
  const keys = objectKeys(filter);
  return keys.some((k) => VERSION_FIELDS.test(k)) || (keys.length > 1 && keys.some((k) => !KEY_FIELDS.test(k) && !k.startsWith('$')));
}

function isolationOf(node: TSESTree.Node | undefined): IsolationLevel | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  let text: string | undefined;
  if (n.type === T.Literal && typeof n.value === 'string') text = n.value;
  else if (n.type === T.MemberExpression) text = propertyName(n);
  else if (n.type === T.ObjectExpression) return isolationOf(objectProp(n, 'isolationLevel'));
  if (!text) return undefined;
  const t = text.toLowerCase().replace(/[\s_-]/g, '');
  if (t === 'serializable') return 'serializable';
  if (t === 'repeatableread') return 'repeatable-read';
  if (t === 'readcommitted' || t === 'readuncommitted') return 'read-committed';
  return undefined;
}

function firstFunctionArg(call: TSESTree.CallExpression): FunctionNode | undefined {
  for (const a of call.arguments) {
    if (a.type === T.ArrowFunctionExpression || a.type === T.FunctionExpression) return a;
  }
  return undefined;
}

/** `isolation`: the level set elsewhere in the chain (Kysely's `.setIsolationLevel(…)`); otherwise read from the call's arguments. */
function transactionCall(node: TSESTree.CallExpression, receiver: Receiver, links: Link[], root: TSESTree.Node, layer: DbLayer, call: TSESTree.CallExpression, method: string, isolation?: IsolationLevel): DbCall {
  if (!isolation) for (const a of call.arguments) isolation ??= isolationOf(a);
  const arg0 = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  return base(node, receiver, links, root, layer, 'transaction', method, undefined, {
    callback: firstFunctionArg(call),
    isolation: isolation ?? 'default',
    batch: arg0?.type === T.ArrayExpression,
  });
}

// Prisma: `prisma.user.findUnique({ where })`, `prisma.$transaction(...)`, `prisma.$queryRaw\`…\``.
function classifyPrisma(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node, guessing = false): DbCall | null {
  if (links.length === 1 && links[0].call) {
    const method = links[0].name ?? '';
    if (method === '$transaction') return transactionCall(node, receiver, links, root, 'prisma', links[0].call, method);
    if (/^\$(?:query|execute)Raw(?:Unsafe)?$/.test(method)) {
      const arg = links[0].call.arguments[0];
      const text = arg ? staticText(arg) : undefined;
      return text === undefined ? null : sqlCall(node, receiver, links, root, 'prisma', text, links[0].call.arguments.slice(1));
    }
    return null;
  }
  if (links.length !== 2 || links[0].call || !links[1].call) return null;
  const model = links[0].name;
  const method = links[1].name ?? '';
  const op = PRISMA_OPS.get(method);
  if (!model || !op || model.startsWith('$')) return null;
  if (guessing && !/^[a-z]/.test(model)) return null;
  const args = links[1].call.arguments[0];
  const where = objectProp(args, 'where');
  const data: TSESTree.Node[] = [];
  for (const key of ['data', 'create', 'update']) {
    const v = objectProp(args, key);
    if (v) data.push(v);
  }
  return base(node, receiver, links, root, 'prisma', op, method, normaliseTarget(model), {
    filter: where ? [where] : [],
    data,
    atomic: data.some((v) => hasAtomicKeys(v, PRISMA_ATOMIC_KEYS)),
    conflictSafe: op === 'upsert' || isTruthyLiteral(objectProp(args, 'skipDuplicates')),
    keepsExisting: op === 'upsert' && isEmptyObject(objectProp(args, 'update')),
    conditional: (op === 'update' || op === 'delete') && isConditionalFilter(where),
  });
}

/** `{ count: { increment: 1 } }` or `{ $inc: { n: 1 } }` anywhere one level down. */
function hasAtomicKeys(node: TSESTree.Node, keys: ReadonlySet<string>): boolean {
  const n = unwrap(node);
  if (n.type !== T.ObjectExpression) return false;
  for (const p of n.properties) {
    if (p.type !== T.Property) continue;
    const k = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
    if (keys.has(k)) return true;
    if (objectKeys(p.value).some((inner) => keys.has(inner))) return true;
  }
  return false;
}

// Drizzle: `db.select().from(t).where(w).for('update')`, `db.insert(t).values(v).onConflictDoNothing()`,
// `db.update(t).set(v).where(w)`, `db.delete(t).where(w)`, `db.query.users.findFirst({...})`, `db.transaction(cb)`.
function classifyDrizzle(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node, guessing = false): DbCall | null {
  const first = links[0];
  if (!first) return null;
  if (first.name === 'query' && !first.call && links.length === 3 && links[2].call) {
    const method = links[2].name ?? '';
    if (method !== 'findFirst' && method !== 'findMany') return null;
    const where = objectProp(links[2].call.arguments[0], 'where');
    return base(node, receiver, links, root, 'drizzle', 'read', method, links[1].name ? normaliseTarget(links[1].name) : undefined, { filter: where ? [where] : [] });
  }
  if (!first.call) return null;
  const names = links.map((l) => l.name);
  const arg = (name: string): TSESTree.CallExpressionArgument[] => links.find((l) => l.name === name)?.call?.arguments ?? [];
  let op: DbOp;
  switch (first.name) {
    case 'select':
    case 'selectDistinct':
    case 'selectDistinctOn':
    case '$count':
      if (guessing && !names.includes('from') && first.name !== '$count') return null;
      op = 'read';
      break;
    case 'insert':
      if (guessing && !names.includes('values')) return null;
      op = 'create';
      break;
    case 'update':
      if (guessing && !names.includes('set')) return null;
      op = 'update';
      break;
    case 'delete':
      if (guessing && !names.includes('where')) return null;
      op = 'delete';
      break;
    case 'transaction':
      if (guessing) return null;
      return transactionCall(node, receiver, links, root, 'drizzle', first.call, 'transaction');
    case 'execute': {
      const text = first.call.arguments[0] ? staticText(first.call.arguments[0]) : undefined;
      return text === undefined ? null : sqlCall(node, receiver, links, root, 'drizzle', text, []);
    }
    default:
      return null;
  }
  const tableArg = op === 'read' ? arg('from')[0] : first.call.arguments[0];
  const filter: TSESTree.Node[] = [...arg('where')];
  const data: TSESTree.Node[] = [...arg('set'), ...arg('values')];
  const onConflict = names.includes('onConflictDoNothing') || names.includes('onConflictDoUpdate');
  const lock = arg('for')[0];
  return base(node, receiver, links, root, 'drizzle', onConflict ? 'upsert' : op, first.name ?? '', tableArg ? targetOfArgument(tableArg) : undefined, {
    filter,
    data,
    keepsExisting: onConflict && names.includes('onConflictDoNothing'),
    locking: lock !== undefined && /update|share/i.test(staticText(lock) ?? ''),
    atomic: op === 'update' && data.some((v) => containsSqlTemplate(v)),
    conditional: op === 'update' && filter.some((f) => isConditionalBuilderFilter(f)),
  });
}

function containsSqlTemplate(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type !== T.ObjectExpression) return n.type === T.TaggedTemplateExpression;
  return n.properties.some((p) => p.type === T.Property && unwrap(p.value).type === T.TaggedTemplateExpression);
}

/** `and(eq(t.id, id), eq(t.version, v))`: more than one comparison, one of them on a version-like column. */
function isConditionalBuilderFilter(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === T.CallExpression && n.callee.type === T.Identifier && n.callee.name === 'and') {
    return n.arguments.some((a) => {
      const c = unwrap(a);
      if (c.type !== T.CallExpression) return false;
      const col = c.arguments[0] ? unwrap(c.arguments[0]) : undefined;
      const colName = col?.type === T.MemberExpression ? propertyName(col) : undefined;
      return colName !== undefined && VERSION_FIELDS.test(colName);
    });
  }
  return false;
}

// Knex: `knex('users').where({ id }).first()`, `.insert(row).onConflict('email').merge()`, `.update(v)`, `.forUpdate()`, `knex.transaction(cb)`.
function classifyKnex(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node, guessing = false): DbCall | null {
  const first = links[0];
  if (!first?.call) return null;
  if (first.name === 'transaction') {
    if (guessing) return null;
    return transactionCall(node, receiver, links, root, 'knex', first.call, 'transaction');
  }
  if (first.name === 'raw') {
    const text = first.call.arguments[0] ? staticText(first.call.arguments[0]) : undefined;
    return text === undefined ? null : sqlCall(node, receiver, links, root, 'knex', text, first.call.arguments.slice(1));
  }
  let tableArg: TSESTree.Node | undefined;
  if (first.name === undefined) tableArg = first.call.arguments[0];
  else if (first.name === 'table' || first.name === 'from' || first.name === 'into') tableArg = first.call.arguments[0];
  else return null;
  if (!tableArg || !(unwrap(tableArg).type === T.Literal || unwrap(tableArg).type === T.Identifier || unwrap(tableArg).type === T.TemplateLiteral)) return null;
  const names = links.map((l) => l.name);
  let op: DbOp | undefined;
  let method = '';
  for (const l of links) {
    const n = l.name;
    if (n === 'insert') (op = 'create'), (method = n);
    else if (n === 'update') (op = 'update'), (method = n);
    else if (n === 'del' || n === 'delete') (op = 'delete'), (method = n);
    else if (n === 'increment' || n === 'decrement') (op = 'update'), (method = n);
    else if (n === 'upsert') (op = 'upsert'), (method = n);
  }
  if (!op) {
    if (!names.some((n) => n === 'first' || n === 'select' || n === 'where' || n === 'pluck' || n === 'count' || n === 'forUpdate' || n === 'then')) {
      return null;
    }
    op = 'read';
    method = 'select';
  }
  if (guessing && first.name !== undefined) return null;
  const filter: TSESTree.Node[] = [];
  const data: TSESTree.Node[] = [];
  let passesTransaction = false;
  for (const l of links) {
    if (!l.call || !l.name) continue;
    if (/^(?:where|andWhere|whereIn)$/.test(l.name)) filter.push(...l.call.arguments);
    if (l.name === 'insert' || l.name === 'update' || l.name === 'merge') data.push(...l.call.arguments.slice(0, 1));
    if (l.name === 'transacting') passesTransaction = true;
  }
  const onConflict = names.includes('onConflict') && (names.includes('merge') || names.includes('ignore'));
  return base(node, receiver, links, root, 'knex', onConflict ? 'upsert' : op, method, targetOfArgument(tableArg), {
    filter,
    data,
    passesTransaction,
    locking: names.some((n) => n !== undefined && ROW_LOCK_METHODS.has(n)),
    atomic: method === 'increment' || method === 'decrement' || data.some((v) => containsRawCall(v)),
    keepsExisting: onConflict && names.includes('ignore'),
    conditional: op === 'update' && (filter.some((f) => isConditionalFilter(f)) || links.filter((l) => l.name === 'where' || l.name === 'andWhere').length > 1),
  });
}

function containsRawCall(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type !== T.ObjectExpression) return false;
  return n.properties.some((p) => {
    if (p.type !== T.Property) return false;
    const v = unwrap(p.value);
    return v.type === T.CallExpression && v.callee.type === T.MemberExpression && propertyName(v.callee) === 'raw';
  });
}

// Kysely: `db.selectFrom('t').where(...).forUpdate().executeTakeFirst()`, `db.updateTable('t').set(...)`, `db.transaction().setIsolationLevel('serializable').execute(cb)`.
function classifyKysely(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node, guessing = false): DbCall | null {
  const first = links[0];
  if (!first?.call) return null;
  const names = links.map((l) => l.name);
  if (first.name === 'transaction') {
    if (guessing && !names.includes('execute')) return null;
    const exec = links.find((l) => l.name === 'execute')?.call;
    if (!exec) return null;
    const iso = links.find((l) => l.name === 'setIsolationLevel')?.call?.arguments[0];
    return transactionCall(node, receiver, links, root, 'kysely', exec, 'transaction', isolationOf(iso) ?? 'default');
  }
  let op: DbOp;
  switch (first.name) {
    case 'selectFrom':
      op = 'read';
      break;
    case 'insertInto':
      op = 'create';
      break;
    case 'replaceInto':
      op = 'upsert';
      break;
    case 'updateTable':
      op = 'update';
      break;
    case 'deleteFrom':
      op = 'delete';
      break;
    default:
      return null;
  }
  if (!names.some((n) => n !== undefined && n.startsWith('execute'))) return null;
  const filter: TSESTree.Node[] = [];
  const data: TSESTree.Node[] = [];
  for (const l of links) {
    if (!l.call) continue;
    if (l.name === 'where') filter.push(...l.call.arguments);
    if (l.name === 'set' || l.name === 'values') data.push(...l.call.arguments);
  }
  const onConflict = names.includes('onConflict') || names.includes('onDuplicateKeyUpdate') || names.includes('ignore');
  return base(node, receiver, links, root, 'kysely', onConflict ? 'upsert' : op, first.name ?? '', first.call.arguments[0] ? targetOfArgument(first.call.arguments[0]) : undefined, {
    filter,
    data,
    locking: names.some((n) => n !== undefined && ROW_LOCK_METHODS.has(n)),
    keepsExisting: onConflict && names.includes('ignore'),
    atomic:
      op === 'update' &&
      data.some((v) => {
        const n = unwrap(v);
        if (n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression) return true;
        return n.type === T.ObjectExpression && n.properties.some((p) => p.type === T.Property && [T.ArrowFunctionExpression, T.TaggedTemplateExpression].includes(unwrap(p.value).type));
      }),
    conditional: op === 'update' && links.filter((l) => l.name === 'where').length > 1,
  });
}

// Redis: `redis.get(key)`, `redis.set(key, value, 'NX')`, `redis.incr(key)`, `redis.watch(key)`, `redis.multi()`.
function classifyRedis(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node): DbCall | null {
  if (links.length !== 1 || !links[0].call) return null;
  const method = links[0].name ?? '';
  const op = REDIS_OPS.get(method);
  if (!op) return null;
  const call = links[0].call;
  const key = call.arguments[0];
  // `SET key value NX`: only when the key is absent.
  const nx =
    method === 'set' &&
    call.arguments.slice(2).some((a) => {
      const text = staticText(a);
      return (text !== undefined && /^NX$/i.test(text)) || objectKeys(a).includes('NX') || objectKeys(a).includes('nx');
    });
  return base(node, receiver, links, root, 'redis', nx ? 'upsert' : op, method, receiver.target, {
    filter: key ? [key] : [],
    data: call.arguments.slice(1),
    atomic: nx || REDIS_ATOMIC.has(method),
    isolation: method === 'multi' ? 'serializable' : undefined,
  });
}

// TypeORM data source / MikroORM ORM: `dataSource.transaction(cb)`, `dataSource.query(sql)`, `dataSource.manager.findOne(...)`.
function classifyDataSource(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node, layer: DbLayer, ctx: DbContext): DbCall | null {
  const last = links.at(-1);
  if (!last?.call) return null;
  const method = last.name ?? '';
  if (method === 'transaction' || method === 'transactional') return transactionCall(node, receiver, links, root, layer, last.call, method);
  if (method === 'query' || method === 'execute') {
    const text = last.call.arguments[0] ? staticText(last.call.arguments[0]) : undefined;
    return text === undefined ? null : sqlCall(node, receiver, links, root, layer, text, last.call.arguments.slice(1));
  }
  if (links.length === 2 && links[0].name === 'manager' && !links[0].call) {
    return classifyRepository(node, links.slice(1), receiverWith(receiver, { role: 'manager' }), root, layer, ctx);
  }
  return null;
}

// TypeORM repositories and entity managers, MikroORM entity managers and repositories.
function classifyRepository(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node, layer: DbLayer, ctx: DbContext): DbCall | null {
  const last = links.at(-1);
  if (!last?.call) return null;
  const method = last.name ?? '';
  if (method === 'transaction' || method === 'transactional') return transactionCall(node, receiver, links, root, layer, last.call, method);
  if (method === 'query') {
    const text = last.call.arguments[0] ? staticText(last.call.arguments[0]) : undefined;
    return text === undefined ? null : sqlCall(node, receiver, links, root, layer, text, last.call.arguments.slice(1));
  }
  if (links.length > 1) return classifyQueryBuilder(node, links, receiver, root, layer);
  const op = REPOSITORY_OPS.get(method);
  if (!op) return null;
  let args = last.call.arguments as TSESTree.Node[];
  let target = receiver.target;
  // Managers take the entity class first: `manager.findOne(User, ...)`, `em.nativeUpdate(User, where, data)`.
  if (receiver.role === 'manager' && args[0] && (unwrap(args[0]).type === T.Identifier || unwrap(args[0]).type === T.Literal) && method !== 'save' && method !== 'persistAndFlush' && method !== 'flush' && method !== 'remove') {
    target = targetOfArgument(args[0]);
    args = args.slice(1);
  } else if (receiver.role === 'manager' && (method === 'save' || method === 'remove') && args.length >= 2) {
    target = targetOfArgument(args[0]);
    args = args.slice(1);
  }
  const first = args[0];
  switch (method) {
    case 'findOne':
    case 'findOneOrFail':
    case 'find':
    case 'findAndCount':
    case 'count': {
      const opts = first;
      const where = objectProp(opts, 'where');
      let filter: TSESTree.Node | undefined = where;
      if (!where && opts && layer === 'mikro-orm') filter = opts;
      else if (!where && opts && !objectProp(opts, 'relations') && !objectProp(opts, 'order') && objectKeys(opts).length > 0 && !objectProp(opts, 'lock')) filter = opts;
      const lockOpts = layer === 'mikro-orm' ? args[1] : opts;
      return base(node, receiver, links, root, layer, op, method, target, {
        filter: filter ? [filter] : [],
        locking: isPessimisticLock(objectProp(lockOpts, 'lock') ?? objectProp(lockOpts, 'lockMode')),
      });
    }
    case 'findOneBy':
    case 'findBy':
    case 'findOneByOrFail':
    case 'countBy':
    case 'existsBy':
    case 'delete':
    case 'nativeDelete':
    case 'softDelete':
      return base(node, receiver, links, root, layer, op, method, target, { filter: first ? [first] : [] });
    case 'save':
    case 'persistAndFlush': {
      // Saving an entity built in memory (`repo.create({...})`, `new Order()`, a literal without a key) inserts it.
      const inserts = first !== undefined && isNewEntity(ctx, first);
      return base(node, receiver, links, root, layer, inserts ? 'create' : 'update', method, target, {
        data: first ? [first] : [],
        instance: inserts ? undefined : first,
      });
    }
    case 'insert':
    case 'nativeInsert':
    case 'insertMany':
    case 'upsert':
      return base(node, receiver, links, root, layer, op, method, target, { data: first ? [first] : [] });
    case 'update':
    case 'nativeUpdate':
      return base(node, receiver, links, root, layer, op, method, target, {
        filter: first ? [first] : [],
        data: args[1] ? [args[1]] : [],
        conditional: isConditionalFilter(first),
      });
    case 'increment':
    case 'decrement':
      return base(node, receiver, links, root, layer, op, method, target, { filter: first ? [first] : [], atomic: true });
    default:
      return base(node, receiver, links, root, layer, op, method, target);
  }
}

/** An entity that was built, not loaded: `repo.create(...)`, `em.create(...)`, `new Entity(...)`, or an object literal with no key. */
function isNewEntity(ctx: DbContext, node: TSESTree.Node): boolean {
  let n = unwrap(node);
  if (n.type === T.Identifier) {
    const trace = ctx.trace(n);
    if (trace.kind === 'new') return true;
    if (trace.kind === 'call' && trace.members.length === 0) {
      const method = trace.callee.members.at(-1);
      return method === 'create' || method === 'merge';
    }
    return false;
  }
  if (n.type === T.ArrayExpression) {
    const first = n.elements[0];
    if (!first || first.type === T.SpreadElement) return false;
    n = unwrap(first);
  }
  if (n.type === T.NewExpression) return true;
  if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && propertyName(n.callee) === 'create') return true;
  return n.type === T.ObjectExpression && !objectKeys(n).some((k) => k === 'id' || k === '_id') && !n.properties.some((p) => p.type === T.SpreadElement);
}

function isPessimisticLock(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const n = unwrap(node);
  if (n.type === T.ObjectExpression) return isPessimisticLock(objectProp(n, 'mode'));
  const text = n.type === T.Literal ? String(n.value) : n.type === T.MemberExpression ? propertyName(n) : undefined;
  return text !== undefined && /pessimistic_?(?:write|partial_write|read)|PESSIMISTIC_(?:WRITE|READ|PARTIAL_WRITE)|for_no_key_update/i.test(text);
}

/** TypeORM `createQueryBuilder(...)` chains. */
function classifyQueryBuilder(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node, layer: DbLayer): DbCall | null {
  const names = links.map((l) => l.name);
  if (names[0] !== 'createQueryBuilder') return null;
  const terminal = names.at(-1) ?? '';
  let op: DbOp | undefined;
  if (/^get(?:One|Many|OneOrFail|RawOne|RawMany|Count|ManyAndCount|Exists)$/.test(terminal)) op = 'read';
  else if (terminal === 'execute') {
    if (names.includes('update')) op = 'update';
    else if (names.includes('insert')) op = 'create';
    else if (names.includes('delete') || names.includes('softDelete')) op = 'delete';
  }
  if (!op) return null;
  const firstArg = links[0].call?.arguments[0];
  let target = firstArg && unwrap(firstArg).type === T.Identifier ? targetOfArgument(firstArg) : receiver.target;
  const filter: TSESTree.Node[] = [];
  const data: TSESTree.Node[] = [];
  for (const l of links) {
    if (!l.call) continue;
    if (l.name === 'where' || l.name === 'andWhere') filter.push(...l.call.arguments);
    if (l.name === 'set' || l.name === 'values') data.push(...l.call.arguments);
    if ((l.name === 'update' || l.name === 'into' || l.name === 'from') && l.call.arguments[0]) target ??= targetOfArgument(l.call.arguments[0]);
  }
  const lock = links.find((l) => l.name === 'setLock')?.call?.arguments[0];
  const onConflict = names.includes('orIgnore') || names.includes('orUpdate');
  return base(node, receiver, links, root, layer, onConflict ? 'upsert' : op, terminal, target, {
    filter,
    data,
    locking: isPessimisticLock(lock),
    keepsExisting: onConflict && names.includes('orIgnore'),
    conditional: op === 'update' && (links.filter((l) => l.name === 'andWhere').length > 0 || filter.some((f) => /\b(?:version|status|updatedAt)\b/.test(staticText(f) ?? ''))),
    atomic:
      op === 'update' &&
      data.some((v) => {
        const o = unwrap(v);
        return o.type === T.ObjectExpression && o.properties.some((p) => p.type === T.Property && [T.ArrowFunctionExpression, T.FunctionExpression].includes(unwrap(p.value).type));
      }),
  });
}

/** Mongoose models, Sequelize models, MongoDB collections. */
function classifyModel(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node, layer: DbLayer): DbCall | null {
  // `User.findById(id).session(s).lean().exec()`: the model call is the first link.
  const first = links[0];
  if (!first?.call) return null;
  const method = first.name ?? '';
  const table = layer === 'sequelize' ? SEQUELIZE_OPS : MONGO_OPS;
  const op = table.get(method);
  if (!op) {
    if (method === 'aggregate' || method === 'findAll') return base(node, receiver, links, root, layer, 'read', method, receiver.target);
    return null;
  }
  const args = first.call.arguments as TSESTree.Node[];
  const filter: TSESTree.Node[] = [];
  const data: TSESTree.Node[] = [];
  if (layer === 'sequelize') {
    const optsAt = method === 'findByPk' || method === 'update' || method === 'create' || method === 'bulkCreate' || method === 'upsert' || method === 'increment' || method === 'decrement' ? 1 : 0;
    const opts = args[optsAt];
    if ((method === 'increment' || method === 'decrement') && opts) data.push(opts);
    if (method === 'findByPk' && args[0]) filter.push(args[0]);
    const where = objectProp(opts, 'where');
    if (where) filter.push(where);
    if (method === 'create' || method === 'bulkCreate' || method === 'update' || method === 'upsert') {
      if (args[0]) data.push(args[0]);
    }
    const lock = objectProp(opts, 'lock');
    const ignoresDuplicates = isTruthyLiteral(objectProp(opts, 'ignoreDuplicates'));
    const updatesDuplicates = objectProp(opts, 'updateOnDuplicate') !== undefined;
    return base(node, receiver, links, root, layer, op, method, receiver.target, {
      filter,
      data,
      locking: lock !== undefined && unwrap(lock).type !== T.Literal ? true : isTruthyLiteral(lock),
      passesTransaction: objectProp(opts, 'transaction') !== undefined || objectKeys(opts).includes('transaction') || forwardsOptions(opts),
      atomic: method === 'increment' || method === 'decrement',
      conflictSafe: op === 'upsert' || ignoresDuplicates || updatesDuplicates,
      keepsExisting: ignoresDuplicates && !updatesDuplicates,
      conditional: method === 'update' && isConditionalFilter(where),
    });
  }
  // Mongoose / MongoDB
  const isUpdate = op === 'update';
  if (method === 'findById' || method === 'findByIdAndUpdate' || method === 'findByIdAndDelete') {
    if (args[0]) filter.push(args[0]);
    if (isUpdate && args[1]) data.push(args[1]);
  } else if (op === 'create') {
    if (args[0]) data.push(args[0]);
  } else {
    if (args[0]) filter.push(args[0]);
    if (isUpdate && args[1]) data.push(args[1]);
  }
  const opts = args[isUpdate ? 2 : 1];
  const upsert = isTruthyLiteral(objectProp(opts, 'upsert'));
  return base(node, receiver, links, root, layer, upsert ? 'upsert' : op, method, receiver.target, {
    filter,
    data,
    passesTransaction: links.some((l) => l.name === 'session') || objectKeys(opts).includes('session') || forwardsOptions(opts),
    atomic: isUpdate && data.some((v) => hasAtomicKeys(v, MONGO_ATOMIC_KEYS) && !hasPlainFields(v)),
    keepsExisting: upsert && isUpdate && data.length > 0 && data.every((v) => onlySetsOnInsert(v)),
    conditional: isUpdate && isConditionalFilter(filter[0]) && method !== 'findByIdAndUpdate',
  });
}

/** `{ $setOnInsert: { … } }` and nothing else: an upsert that leaves a document it finds as it is. */
function onlySetsOnInsert(update: TSESTree.Node): boolean {
  const o = unwrap(update);
  if (o.type !== T.ObjectExpression) return false;
  const keys = objectKeys(o);
  // Every property has a plain key: a spread or a computed key could hold a `$set`.
  return keys.length > 0 && keys.length === o.properties.length && keys.every((k) => k === '$setOnInsert');
}

/**
 * Options handed on from elsewhere (`{ ...options }`, `ctx.context`, `opts`): they may carry the caller's
 * transaction or session, so the call is not taken to run outside one.
 */
function forwardsOptions(opts: TSESTree.Node | undefined): boolean {
  if (!opts) return false;
  const o = unwrap(opts);
  if (o.type === T.Identifier || o.type === T.MemberExpression) return true;
  return o.type === T.ObjectExpression && o.properties.some((p) => p.type === T.SpreadElement);
}

/** An update document that also sets whole fields (`{ $inc: …, name }` or a replacement): not purely atomic. */
function hasPlainFields(node: TSESTree.Node): boolean {
  return objectKeys(node).some((k) => !k.startsWith('$')) || objectKeys(objectProp(node, '$set')).length > 0;
}

/** Sequelize instance / Mongoose connection level: `sequelize.transaction(cb)`, `sequelize.query(sql)`, `connection.transaction(cb)`. */
function classifyConnection(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node, layer: DbLayer): DbCall | null {
  const last = links.at(-1);
  if (!last?.call) return null;
  const method = last.name ?? '';
  if (method === 'transaction' || method === 'withTransaction') return transactionCall(node, receiver, links, root, layer, last.call, method);
  // `const session = await mongoose.startSession(); session.startTransaction(); … session.commitTransaction()`
  if (links.length === 1 && method === 'startTransaction') return base(node, receiver, links, root, layer, 'transaction', method, receiver.target, { isolation: 'default' });
  if (links.length === 1 && method === 'commitTransaction') return base(node, receiver, links, root, layer, 'commit', method, receiver.target);
  if (links.length === 1 && method === 'abortTransaction') return base(node, receiver, links, root, layer, 'rollback', method, receiver.target);
  if (method === 'query') {
    const text = last.call.arguments[0] ? staticText(last.call.arguments[0]) : undefined;
    return text === undefined ? null : sqlCall(node, receiver, links, root, layer, text, last.call.arguments.slice(1));
  }
  // `mongoose.model('User').findOne(...)`, `client.db().collection('x').findOne(...)`.
  const modelAt = links.findIndex((l) => l.name === 'model' || l.name === 'collection');
  if (modelAt >= 0 && links[modelAt].call && links.length > modelAt + 1) {
    const target = links[modelAt].call?.arguments[0] ? targetOfArgument(links[modelAt].call!.arguments[0]) : undefined;
    return classifyModel(node, links.slice(modelAt + 1), receiverWith(receiver, { role: 'model', target }), root, layer);
  }
  return null;
}

/** Sequelize `t` / Mongo `session` handles: `t.commit()`, `session.commitTransaction()`, `session.withTransaction(cb)`. */
function classifyTxHandle(node: TSESTree.CallExpression, links: Link[], receiver: Receiver, root: TSESTree.Node): DbCall | null {
  const method = links.at(-1)?.name;
  if (links.length !== 1) return null;
  if (method === 'commit' || method === 'commitTransaction') return base(node, receiver, links, root, receiver.layer as DbLayer, 'commit', method, receiver.target);
  if (method === 'rollback' || method === 'abortTransaction') return base(node, receiver, links, root, receiver.layer as DbLayer, 'rollback', method, receiver.target);
  return null;
}

// ---------------------------------------------------------------------------
// SQL by text: `pool.query('UPDATE …', [..])`, `conn.execute(...)`, `sql\`…\``

/** `label`: how a tagged template names itself (`prisma.$queryRaw\`…\``); otherwise the callee and the statement. */
function sqlCall(node: EffectNode, receiver: Receiver, links: Link[], root: TSESTree.Node | null, layer: DbLayer, text: string, params: TSESTree.Node[], label?: string): DbCall | null {
  const facts = analyzeSql(text);
  if (facts.op === 'other' && facts.isolation === undefined) return null;
  const selects = facts.op === 'read' || facts.op === 'delete';
  return base(node, receiver, links, root, layer, facts.op, facts.op === 'other' ? 'SET TRANSACTION' : text.trim().split(/\s/)[0].toUpperCase(), facts.table, {
    label: label ?? (root ? `${labelOf(receiver.name, links)}(${JSON.stringify(abbreviate(text))})` : `sql\`${abbreviate(text)}\``),
    filter: selects ? [...params] : [],
    data: selects ? [] : [...params],
    locking: facts.locking || facts.op === 'lock',
    atomic: facts.atomic,
    conflictSafe: facts.conflictSafe,
    keepsExisting: facts.keepsExisting,
    conditional: facts.conditional,
    isolation: facts.isolation,
  });
}

function abbreviate(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

function classifySqlByText(node: TSESTree.CallExpression, links: Link[], root: TSESTree.Node, ctx: DbContext): DbCall | null {
  const last = links.at(-1);
  if (!last?.call || (last.name !== 'query' && last.name !== 'execute' && last.name !== 'run' && last.name !== 'all' && last.name !== 'get')) return null;
  const arg = last.call.arguments[0];
  if (!arg) return null;
  const text = staticText(arg);
  if (text === undefined || !looksLikeSql(text)) return null;
  // `stmt = db.prepare(sql); stmt.run()` is not followed; a raw `x.query('SELECT …')` is SQL whatever `x` is.
  const name = printRoot(root);
  let params: TSESTree.Node[] = last.call.arguments.slice(1);
  const a = unwrap(arg);
  if (a.type === T.TemplateLiteral) params = [...a.expressions, ...params];
  if (a.type === T.TaggedTemplateExpression) params = [...a.quasi.expressions, ...params];
  const receiver: Receiver = { layer: 'sql', role: 'client', name, isTransactionClient: /^(?:tx|trx|client)$/.test(name) ? false : false, confidence: 'resolved', target: undefined };
  void ctx;
  return sqlCall(node, receiver, links, root, 'sql', text, params);
}

function classifyTaggedSql(node: TSESTree.TaggedTemplateExpression, ctx: DbContext): DbCall | null {
  const tag = unwrap(node.tag);
  const text = node.quasi.quasis.map((q) => q.value.cooked ?? q.value.raw).join('$1');
  if (!looksLikeSql(text)) return null;
  // Prisma: prisma.$queryRaw`…` / tx.$executeRaw`…`
  if (tag.type === T.MemberExpression) {
    const method = propertyName(tag);
    if (method === '$queryRaw' || method === '$executeRaw') {
      const path = calleePath(tag) ?? [];
      const root = tag.object;
      const receiver = resolveReceiver(unwrap(root), [], ctx) ?? ({ layer: 'prisma', role: 'client', name: path[0] ?? 'prisma', isTransactionClient: false, confidence: 'named', target: undefined } as Receiver);
      return sqlCall(node, receiver, [], null, 'prisma', text, node.quasi.expressions, `${path.join('.')}\`${abbreviate(text)}\``);
    }
    return null;
  }
  if (tag.type !== T.Identifier) return null;
  const trace = traceValue(ctx.sourceCode, tag);
  let receiver: Receiver | null = null;
  if (trace.kind === 'import' && (isFromPackage(trace.source, '@vercel/postgres') || isFromPackage(trace.source, '@neondatabase/serverless'))) {
    receiver = { layer: 'sql', role: 'client', name: tag.name, isTransactionClient: false, confidence: 'resolved', target: undefined };
  } else if (trace.kind === 'call' && trace.callee.kind === 'import' && (isFromPackage(trace.callee.source, 'postgres') || isFromPackage(trace.callee.source, '@neondatabase/serverless'))) {
    receiver = { layer: 'sql', role: 'client', name: tag.name, isTransactionClient: false, confidence: 'resolved', target: undefined };
  } else if (trace.kind === 'param') {
    // `sql.begin(async (sql) => { await sql\`…\` })`
    const tx = transactionParam(trace, ctx);
    if (tx) receiver = receiverWith(tx, { layer: 'sql' });
  } else if (trace.kind === 'import' || trace.kind === 'unknown') {
    return null;
  }
  if (!receiver) {
    if (trace.kind !== 'global' || !CONVENTIONAL_NAMES.sql.test(tag.name)) return null;
    receiver = { layer: 'sql', role: 'client', name: tag.name, isTransactionClient: false, confidence: 'named', target: undefined };
  }
  return sqlCall(node, receiver, [], null, 'sql', text, node.quasi.expressions, `${tag.name}\`${abbreviate(text)}\``);
}

/** The text of a string literal, a template literal (expressions as `$n`), or a `sql\`…\`` / `SQL\`…\`` template. */
export function staticText(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === T.Literal && typeof n.value === 'string') return n.value;
  if (n.type === T.TemplateLiteral) return n.quasis.map((q) => q.value.cooked ?? q.value.raw).join('$1');
  if (n.type === T.TaggedTemplateExpression) return n.quasi.quasis.map((q) => q.value.cooked ?? q.value.raw).join('$1');
  if (n.type === T.ObjectExpression) {
    const text = objectProp(n, 'text') ?? objectProp(n, 'sql');
    return text ? staticText(text) : undefined;
  }
  return undefined;
}

/** Instance write-back on an object: `doc.save()`, `user.update({...})`, `user.increment('n')`. The model decides whether `doc` was loaded. */
export function instanceWriteMethod(call: TSESTree.CallExpression): { method: string; op: DbOp; object: TSESTree.Node } | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const method = propertyName(callee);
  const op = method ? INSTANCE_WRITES.get(method) : undefined;
  if (!method || !op) return null;
  return { method, op, object: callee.object };
}
