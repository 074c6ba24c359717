/**
 * The shared analysis every rule stands on. One instance per linted file
 * (keyed by its `Program` node), built lazily the first time a rule asks, and
 * shared by every rule in the same lint pass:
 *
 *   const analysis = getFileAnalysis(context);
 *   for (const model of analysis.models()) { … model.sites … }
 *
 * - `classify(call)`: what a call does (database read/write/transaction…,
 *   external call, enqueue), memoised per node.
 * - `models()`: one `FunctionModel` per function that is not inlined into
 *   another (see model.ts), in source order, built on first request.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { classifyDbCall, instanceWriteMethod, type DbContext } from './db.js';
import { neverAnEffect } from './gate.js';
import { fileCache } from './caches.js';
import { createTypeLookup } from './types-aware.js';
import { classifyExternalCall } from './external.js';
import { buildModel, emptyModel, inlineRole, mutationOf, type FunctionModel, type ModelHost, type Mutation } from './model.js';
import { calleePath, enclosingClass, findVariable, importSourceOf, isFunctionNode, rootOf, sameFileCallee, traceValue, unwrap, type Trace } from './resolve.js';
import { parseSettings, type DbLayer, type ProdguardSettings } from './settings.js';
import { layerOfPackage, layersImportedFrom, SERVER_SQL_MODULES, SQLITE_MODULES } from './catalog.js';
import { normaliseTarget } from './sql.js';
import type { CodeRoot, DbCall, Effect, EffectNode, ExternalCall, FunctionNode } from './types.js';

export type { FunctionModel, Mutation } from './model.js';
export * from './types.js';
export type { ProdguardSettings, DbLayer } from './settings.js';

export interface FileAnalysis {
  sourceCode: TSESLint.SourceCode;
  settings: ProdguardSettings;
  /** What a call does, or null. Memoised. */
  classify(node: EffectNode): Effect | null;
  /** Models of every analysis root (functions not inlined into another, and the module top level), in source order. */
  models(): readonly FunctionModel[];
  /** The model of one root. */
  modelOf(root: CodeRoot): FunctionModel;
  /** The root whose model holds `node`'s effects. */
  rootOf(node: TSESTree.Node): CodeRoot;
  /**
   * Every call and tagged template of the file outside type positions and decorators, found by one
   * pass over ESLint's own traversal: a rule that looks at calls one by one iterates these instead
   * of asking ESLint for a `CallExpression` listener.
   */
  calls(): readonly EffectNode[];
  /** The calls and tagged templates of one function (or the top level), not those of functions nested in it. */
  callsOf(fn: CodeRoot): readonly EffectNode[];
  /** The functions nested in `fn` at any depth, found by the same pass. */
  functionsWithin(fn: CodeRoot): FunctionNode[];
}

interface Collected {
  calls: EffectNode[];
  mutations: Mutation[];
  children: FunctionNode[];
}

const perFile = fileCache<TSESTree.Program, FileAnalysis>();

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function getFileAnalysis(context: AnyContext): FileAnalysis {
  return perFile(context.sourceCode.ast, () => createFileAnalysis(context.sourceCode, parseSettings(context.settings as Record<string, unknown>)));
}

const NONE: readonly never[] = Object.freeze([]);

/** Global classes whose instances do no database or network I/O. */
const BUILT_IN_CLASSES = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Date', 'RegExp', 'URL', 'URLSearchParams', 'Headers', 'AbortController', 'TextEncoder', 'TextDecoder']);

/**
 * One step of ESLint's traversal as `SourceCode#traverse()` lists it (ESLint 9 and later): a visit
 * enters (`phase` 1) or leaves (2) a node; other steps are code-path events.
 */
interface TraversalStep {
  type: string;
  target: unknown;
  phase?: number;
}

/** Sorts nodes by position unless they already are in order, which the traversal's order nearly always gives. */
function inSourceOrder<N extends TSESTree.Node>(nodes: N[]): N[] {
  for (let i = 1; i < nodes.length; i++) {
    if (nodes[i - 1].range[0] > nodes[i].range[0]) return nodes.sort((a, b) => a.range[0] - b.range[0]);
  }
  return nodes;
}

export function createFileAnalysis(sourceCode: TSESLint.SourceCode, settings: ProdguardSettings): FileAnalysis {
  const program = sourceCode.ast;
  let collected: Map<CodeRoot, Collected> | null = null;
  let functionsInOrder: CodeRoot[] = [];
  /** Every call of the file, in traversal order. */
  const everyCall: EffectNode[] = [];
  const classified = new Map<EffectNode, Effect | null>();
  /** Names of the functions and methods this file declares: the only possible same-file helpers. */
  const helperNames = new Set<string>();
  const models = new Map<CodeRoot, FunctionModel>();
  const summarizing = new Set<CodeRoot>();
  let allModels: FunctionModel[] | null = null;

  function collect(): Map<CodeRoot, Collected> {
    if (collected) return collected;
    const map = new Map<CodeRoot, Collected>();
    const order: CodeRoot[] = [program];
    const top: Collected = { calls: [], mutations: [], children: [] };
    map.set(program, top);
    // ESLint has listed every node it visits, in order, before any rule runs (`SourceCode#traverse()`
    // keeps that list): reading it is cheaper than a walk of our own. A stack of owners follows the
    // functions entered and left. Leaving a node is recognised by identity (the function entered
    // last, the subtree being skipped), so only entered nodes have their type read.
    const steps = (sourceCode as unknown as { traverse(): readonly TraversalStep[] }).traverse();
    const owners: Collected[] = [];
    const entered: unknown[] = [];
    let owner = top;
    let current: unknown = null;
    let skipping: unknown = null;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (step.type !== 'visit') continue;
      const node = step.target as TSESTree.Node;
      if (step.phase !== 1) {
        if (node === skipping) skipping = null;
        else if (node === current && skipping === null) {
          owner = owners.pop() as Collected;
          current = entered.pop() ?? null;
        }
        continue;
      }
      if (skipping !== null) continue;
      switch (node.type) {
        case T.CallExpression: {
          owner.calls.push(node);
          everyCall.push(node);
          const m = mutationOf(node);
          if (m) owner.mutations.push(m);
          break;
        }
        case T.TaggedTemplateExpression:
          owner.calls.push(node);
          everyCall.push(node);
          break;
        case T.AssignmentExpression:
        case T.UpdateExpression: {
          const m = mutationOf(node);
          if (m) owner.mutations.push(m);
          break;
        }
        case T.ArrowFunctionExpression:
        case T.FunctionExpression:
        case T.FunctionDeclaration: {
          const name = functionName(node);
          if (name) helperNames.add(name);
          owner.children.push(node);
          const own: Collected = { calls: [], mutations: [], children: [] };
          map.set(node, own);
          order.push(node);
          owners.push(owner);
          entered.push(current);
          owner = own;
          current = node;
          break;
        }
        // Subtrees the collection skips: decorators (`@Column(…)` configures a class, it is no effect
        // of a function), declarations that only hold types or imports, and type annotations and
        // arguments, which hold no call, assignment or function.
        case T.Decorator:
        case T.ImportDeclaration:
        case T.TSInterfaceDeclaration:
        case T.TSTypeAliasDeclaration:
        case T.TSDeclareFunction:
        case T.TSEnumDeclaration:
        case T.TSTypeAnnotation:
        case T.TSTypeParameterDeclaration:
        case T.TSTypeParameterInstantiation:
        case T.TSClassImplements:
          skipping = node;
          break;
        default:
          break;
      }
    }
    for (const c of map.values()) inSourceOrder(c.calls);
    functionsInOrder = inSourceOrder(order);
    collected = map;
    return map;
  }

  // Layers the file imports: decide bare model names such as `User.findOne`.
  const importedLayers = new Set<DbLayer>();
  const dataModuleImports = new Set<string>();
  let importsSqlite = false;
  let importsServerSql = false;
  for (const stmt of program.body) {
    if (stmt.type !== T.ImportDeclaration) continue;
    const source = String(stmt.source.value);
    importsSqlite ||= SQLITE_MODULES.includes(source);
    importsServerSql ||= SERVER_SQL_MODULES.includes(source);
    for (const layer of layersImportedFrom(source)) importedLayers.add(layer);
    if (/(?:^|[/@.])(?:models?|entit(?:y|ies)|schemas?|db|database|repositor(?:y|ies))(?:\/|$|\.)/i.test(source)) {
      for (const s of stmt.specifiers) dataModuleImports.add(s.local.name);
    }
  }

  const dbContext: DbContext = {
    sourceCode,
    settings,
    classify: (node) => {
      const e = classify(node);
      return e?.kind === 'db' ? e : null;
    },
    importedLayers,
    fromDataModule: (name) => dataModuleImports.has(name) || (definedModel(name), modelDefinitions.get(name) != null),
    definedModelLayer: (name) => definedModel(name) ?? undefined,
    typeFacts: createTypeLookup(sourceCode),
    trace: traceMemo,
  };

  // Identifiers are memoised per binding inside `traceValue`; `this.x` fields are memoised here, per class.
  const thisTraces = new Map<TSESTree.Node | null, Map<string, Trace>>();
  function traceMemo(node: TSESTree.Node): Trace {
    if (node.type === T.MemberExpression && node.object.type === T.ThisExpression && !node.computed && node.property.type === T.Identifier) {
      const cls = enclosingClass(node);
      let fields = thisTraces.get(cls);
      if (!fields) {
        fields = new Map();
        thisTraces.set(cls, fields);
      }
      let t = fields.get(node.property.name);
      if (!t) {
        t = traceValue(sourceCode, node);
        fields.set(node.property.name, t);
      }
      return t;
    }
    return traceValue(sourceCode, node);
  }

  const modelDefinitions = new Map<string, DbLayer | 'unknown' | null>();
  /**
   * A model defined in this file: `class User extends Model` / `extends BaseEntity`, `const User = mongoose.model(...)`,
   * `sequelize.define('User', …)`. Returns its layer when the import tells, 'unknown' when only the shape does.
   */
  function definedModel(name: string): DbLayer | null {
    if (!modelDefinitions.has(name)) modelDefinitions.set(name, findModelDefinition(name));
    const found = modelDefinitions.get(name) ?? null;
    return found === 'unknown' ? null : found;
  }

  const versioned = new Map<string, boolean>();
  /** The model named `name` is defined in this file with optimistic concurrency (`optimisticConcurrency: true`, `version: true`). */
  function versionedModel(name: string): boolean {
    let result = versioned.get(name);
    if (result === undefined) {
      result = findVersioning(name);
      versioned.set(name, result);
    }
    return result;
  }

  function findVersioning(name: string): boolean {
    const scope = sourceCode.scopeManager?.globalScope;
    const variable = scope?.set.get(name) ?? scope?.childScopes[0]?.set.get(name);
    if (!variable) return false;
    const hasVersionOption = (node: TSESTree.Node | undefined): boolean => {
      const o = node ? unwrap(node) : undefined;
      if (o?.type === T.Identifier) {
        const v = findVariable(sourceCode, o);
        const init = v?.defs[0]?.type === 'Variable' ? v.defs[0].node.init : null;
        return init ? hasVersionOption(init) : false;
      }
      // Options come after the name / field definitions: `new Schema(fields, options)`, `model(name, schema)`.
      if (o?.type === T.NewExpression || o?.type === T.CallExpression) return o.arguments.slice(1).some((a) => hasVersionOption(a));
      if (o?.type !== T.ObjectExpression) return false;
      return o.properties.some(
        (p) =>
          p.type === T.Property &&
          p.key.type === T.Identifier &&
          /^(?:optimisticConcurrency|version)$/.test(p.key.name) &&
          p.value.type === T.Literal &&
          (p.value.value === true || typeof p.value.value === 'string'),
      );
    };
    for (const def of variable.defs) {
      // `const Product = mongoose.model('Product', schema)`, `sequelize.define('W', attrs, { version: true })`
      if (def.type === 'Variable' && def.node.init && hasVersionOption(def.node.init)) return true;
      // `@Table({ version: true }) class Wallet extends Model`
      const decorators = def.type === 'ClassName' ? (def.node as TSESTree.ClassDeclaration).decorators : [];
      if (decorators?.some((d) => d.expression.type === T.CallExpression && d.expression.arguments.some((a) => hasVersionOption(a)))) return true;
    }
    // `Wallet.init(attrs, { version: true })`, `schema.set('optimisticConcurrency', true)`
    for (const ref of variable.references) {
      const member = ref.identifier.parent;
      if (member?.type === T.MemberExpression && member.object === ref.identifier && member.parent?.type === T.CallExpression) {
        const method = member.property.type === T.Identifier ? member.property.name : '';
        if (method === 'init' && member.parent.arguments.slice(1).some((a) => hasVersionOption(a))) return true;
      }
    }
    return /\.set\(\s*['"]optimisticConcurrency['"]\s*,\s*true/.test(sourceCode.text);
  }

  function findModelDefinition(name: string): DbLayer | 'unknown' | null {
    const scope = sourceCode.scopeManager?.globalScope;
    const variable = scope?.set.get(name) ?? scope?.childScopes[0]?.set.get(name);
    const def = variable?.defs[0];
    let origin: TSESTree.Node | null = null;
    if (def?.type === 'ClassName') {
      const sup = (def.node as TSESTree.ClassDeclaration).superClass;
      if (sup?.type === T.Identifier && /^(?:Model|BaseEntity)$/.test(sup.name)) origin = sup;
    } else if (def?.type === 'Variable' && def.node.init) {
      const init = unwrap(def.node.init);
      if (init.type === T.CallExpression && /^(?:model|define)$/.test(calleePath(init.callee)?.at(-1) ?? '')) origin = init.callee;
    }
    if (!origin) return null;
    const source = importSourceOf(traceValue(sourceCode, origin));
    return (source !== undefined ? layerOfPackage(source) : undefined) ?? 'unknown';
  }

  function classify(node: EffectNode): Effect | null {
    const known = classified.get(node);
    if (known !== undefined) return known;
    classified.set(node, null); // cycle guard: a transaction parameter asks about its own call
    if (node.type === T.CallExpression && neverAnEffect(node)) return null;
    let effect: Effect | null = null;
    try {
      effect = classifyDbCall(node, dbContext);
      if (!effect && node.type === T.CallExpression) {
        effect = classifyExternalCall(node, { sourceCode, settings }) ?? configuredWrapper(node) ?? instanceWrite(node) ?? helperSummary(node);
      }
      // Asked last, of the few calls that look like effects: tracing the receiver of every call costs more.
      if (effect && node.type === T.CallExpression && onBuiltInObject(node)) effect = null;
    } catch {
      // Never take the lint run down for one unusual call: treat it as unknown.
      effect = null;
    }
    // A file that drives only SQLite: its transactions are serializable whatever they ask for. A new
    // object, as calls are never changed once made (see `base` in db.ts).
    if (effect?.kind === 'db' && effect.op === 'transaction' && importsSqlite && !importsServerSql) effect = { ...effect, isolation: 'serializable' };
    classified.set(node, effect);
    return effect;
  }

  /** `cache.get(key)` on `const cache = new Map()` or a class field `cache = new Map()`: a method of a built-in collection. */
  function onBuiltInObject(call: TSESTree.CallExpression): boolean {
    const callee = call.callee;
    if (callee.type !== T.MemberExpression) return false;
    const object = unwrap(callee.object);
    if (object.type !== T.Identifier && !(object.type === T.MemberExpression && object.object.type === T.ThisExpression)) return false;
    const trace = traceMemo(object);
    return trace.kind === 'new' && trace.members.length === 0 && trace.callee.kind === 'global' && trace.callee.members.length === 0 && BUILT_IN_CLASSES.has(trace.callee.name);
  }

  /** `settings.prodguard.wrappers`: `{ getUser: 'read', chargeCustomer: 'external', enqueueSync: 'enqueue' }`. */
  function configuredWrapper(call: TSESTree.CallExpression): Effect | null {
    if (settings.wrappers.size === 0) return null;
    const path = calleePath(call.callee);
    if (!path) return null;
    const full = path.join('.');
    const kind = settings.wrappers.get(full) ?? settings.wrappers.get(path.at(-1) ?? '');
    if (!kind) return null;
    if (kind === 'external') {
      return { kind: 'external', node: call, client: full, method: undefined, mutating: true, label: full, confidence: 'resolved', viaHelper: full } satisfies ExternalCall;
    }
    if (kind === 'enqueue') return { kind: 'enqueue', node: call, label: full, viaHelper: full };
    const op = kind === 'read' ? 'read' : kind === 'upsert' ? 'upsert' : 'update';
    return syntheticDb(call, op, full, undefined);
  }

  /**
   * A database effect this file's code stands for (a helper, a wrapper, a write-back): like the call
   * `like` where given, with the fields in `own` as given. Built whole and never changed afterwards,
   * like every `DbCall` (see `base` in db.ts).
   */
  function syntheticDb(call: TSESTree.CallExpression, op: DbCall['op'], label: string, like: DbCall | undefined, own: Partial<DbCall> = {}): DbCall {
    const args = call.arguments as TSESTree.Node[];
    return {
      kind: 'db',
      node: call,
      layer: own.layer ?? like?.layer ?? 'sql',
      op,
      method: like?.method ?? label,
      label,
      target: 'target' in own ? own.target : like?.target,
      filter: own.filter ?? (op === 'read' || op === 'update' || op === 'delete' ? args : []),
      data: own.data ?? (op === 'read' ? [] : args),
      instance: own.instance,
      locking: own.locking ?? like?.locking ?? false,
      atomic: own.atomic ?? like?.atomic ?? false,
      conflictSafe: own.conflictSafe ?? like?.conflictSafe ?? op === 'upsert',
      keepsExisting: own.keepsExisting ?? like?.keepsExisting ?? false,
      conditional: own.conditional ?? like?.conditional ?? false,
      passesTransaction: own.passesTransaction ?? false,
      isolation: undefined,
      callback: undefined,
      batch: false,
      client: own.client ?? like?.client ?? { layer: 'sql', name: label, isTransactionClient: false, confidence: 'resolved' },
      viaHelper: 'viaHelper' in own ? own.viaHelper : label,
    };
  }

  /** `doc.save()`, `user.update({...})` where `doc`/`user` was loaded by a read in the same function. */
  function instanceWrite(call: TSESTree.CallExpression): DbCall | null {
    const info = instanceWriteMethod(call);
    if (!info) return null;
    const object = unwrap(info.object);
    if (info.method === 'save') {
      const created = builtDocument(object);
      if (created) return created(call);
    }
    if (object.type !== T.Identifier) return null;
    const read = loadedBy(object);
    if (!read) return null;
    // Mongoose `optimisticConcurrency` and Sequelize `version: true` make a stale save throw: a version check.
    const model = read.node.type === T.CallExpression ? rootOf(read.node.callee) : null;
    return syntheticDb(call, info.op, `${object.name}.${info.method}`, read, {
      viaHelper: undefined,
      instance: object,
      filter: [...read.filter],
      data: info.method === 'update' || info.method === 'set' ? [...(call.arguments as TSESTree.Node[]).slice(0, 1)] : [],
      atomic: info.method === 'increment' || info.method === 'decrement',
      conditional: model?.type === T.Identifier && versionedModel(model.name),
      // `save({ transaction })`, `update(values, { session })`, or options handed on (`save(ctx.context)`, `{ ...options }`).
      passesTransaction: (call.arguments as TSESTree.Node[]).some((a, i) => {
        const o = unwrap(a);
        if ((o.type === T.Identifier || o.type === T.MemberExpression) && (info.method !== 'update' || i > 0)) return true;
        return (
          o.type === T.ObjectExpression &&
          o.properties.some((p) => p.type === T.SpreadElement || (p.type === T.Property && p.key.type === T.Identifier && (p.key.name === 'transaction' || p.key.name === 'session')))
        );
      }),
      locking: false,
      conflictSafe: false,
      keepsExisting: false,
    });
  }

  /**
   * `new User(req.body).save()`, or `const user = new User(data); await user.save()`: a Mongoose document or
   * Sequelize instance built in memory and inserted by `save()`.
   */
  function builtDocument(object: TSESTree.Node): ((call: TSESTree.CallExpression) => DbCall) | null {
    let built: TSESTree.Node | null = object;
    if (object.type === T.Identifier) {
      const def = findVariable(sourceCode, object)?.defs[0];
      built = def?.type === 'Variable' && def.node.init ? unwrap(def.node.init) : null;
    }
    if (built?.type !== T.NewExpression || built.callee.type !== T.Identifier) return null;
    const model = built.callee.name;
    const layer = definedModel(model) ?? (dataModuleImports.has(model) ? (importedLayers.has('sequelize') ? 'sequelize' : 'mongoose') : null);
    if (layer !== 'mongoose' && layer !== 'sequelize') return null;
    const data = built.arguments[0];
    return (call) =>
      syntheticDb(call, 'create', `${model}.save`, undefined, {
        layer,
        client: { layer, name: model, isTransactionClient: false, confidence: 'named' },
        viaHelper: undefined,
        target: normaliseTarget(model),
        filter: [],
        data: data ? [data] : [],
      });
  }

  /** The read that produced a `const`/`let` binding (`const doc = await User.findById(id)`). */
  function loadedBy(id: TSESTree.Identifier): DbCall | null {
    const variable = findVariable(sourceCode, id);
    const def = variable?.defs[0];
    if (def?.type !== 'Variable' || !def.node.init || def.node.id.type !== T.Identifier) return null;
    const init = unwrap(def.node.init);
    if (init.type !== T.CallExpression && init.type !== T.TaggedTemplateExpression) return null;
    const e = classify(init);
    if (e?.kind !== 'db' || e.op !== 'read') return null;
    if (e.layer !== 'mongoose' && e.layer !== 'sequelize' && e.layer !== 'typeorm' && e.layer !== 'mikro-orm') return null;
    return e;
  }

  /** A call to a function of this file (or a method of this class) that does I/O: summarised by its most consequential effect. */
  function helperSummary(call: TSESTree.CallExpression): Effect | null {
    const target = helperTarget(call);
    if (!target || summarizing.has(target.fn)) return null;
    summarizing.add(target.fn);
    try {
      const model = modelOf(target.fn);
      const sites = model.sites.map((s) => s.effect);
      const write = sites.find((e): e is DbCall => e.kind === 'db' && (e.op === 'create' || e.op === 'update' || e.op === 'delete' || e.op === 'upsert'));
      if (write) return syntheticDb(call, write.op, target.name, write);
      const external = sites.find((e): e is ExternalCall => e.kind === 'external' && e.mutating);
      if (external) {
        return { kind: 'external', node: call, client: external.client, method: external.method, mutating: external.mutating, label: target.name, confidence: external.confidence, viaHelper: target.name };
      }
      const enqueue = sites.find((e) => e.kind === 'enqueue');
      if (enqueue) return { kind: 'enqueue', node: call, label: target.name, viaHelper: target.name };
      const read = sites.find((e): e is DbCall => e.kind === 'db' && e.op === 'read');
      if (read && returnsValue(target.fn)) return syntheticDb(call, 'read', target.name, read);
      return null;
    } finally {
      summarizing.delete(target.fn);
    }
  }

  function helperTarget(call: TSESTree.CallExpression): { fn: FunctionNode; name: string } | null {
    const callee = unwrap(call.callee);
    // Cheap gate: only names this file declares as functions or methods can be its helpers.
    const calleeName = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier ? callee.property.name : undefined;
    collect();
    if (!calleeName || !helperNames.has(calleeName)) return null;
    return sameFileCallee(sourceCode, call);
  }

  /** What every model of the file is built from: one per file. */
  let modelHost: ModelHost | undefined;
  function host(): ModelHost {
    modelHost ??= { sourceCode, settings, classify, callsOf, mutationsOf: (fn) => collect().get(fn)?.mutations ?? NONE, childFunctionsOf: (fn) => collect().get(fn)?.children ?? NONE };
    return modelHost;
  }

  function modelOf(root: CodeRoot): FunctionModel {
    let model = models.get(root);
    if (!model) {
      const own = collect().get(root);
      model = own && own.calls.length === 0 && own.children.length === 0 ? emptyModel(root, own.mutations) : buildModel(root, host());
      models.set(root, model);
    }
    return model;
  }

  /** A function that runs inside its parent's flow and is part of the parent's model. */
  function isInlined(fn: FunctionNode): boolean {
    return inlineRole(fn, host()) !== null;
  }

  function models_(): readonly FunctionModel[] {
    if (allModels) return allModels;
    collect();
    allModels = [];
    for (const root of functionsInOrder) {
      if (root !== program && isInlined(root as FunctionNode)) continue;
      const model = modelOf(root);
      if (model.sites.length > 0) allModels.push(model);
    }
    return allModels;
  }

  function rootOfNode(node: TSESTree.Node): CodeRoot {
    let n: TSESTree.Node | undefined = node.parent;
    while (n) {
      if (isFunctionNode(n) && !isInlined(n)) return n;
      n = n.parent;
    }
    return program;
  }

  function calls(): readonly EffectNode[] {
    collect();
    return everyCall;
  }

  function callsOf(fn: CodeRoot): readonly EffectNode[] {
    return collect().get(fn)?.calls ?? NONE;
  }

  function functionsWithin(fn: CodeRoot): FunctionNode[] {
    const map = collect();
    const out: FunctionNode[] = [];
    const stack: CodeRoot[] = [fn];
    while (stack.length > 0) {
      const children = map.get(stack.pop() as CodeRoot)?.children ?? NONE;
      for (let i = 0; i < children.length; i++) {
        out.push(children[i]);
        stack.push(children[i]);
      }
    }
    return out;
  }

  return {
    sourceCode,
    settings,
    classify,
    models: models_,
    modelOf,
    rootOf: rootOfNode,
    calls,
    callsOf,
    functionsWithin,
  };
}

/**
 * The same-file function a helper call's effect summarises (`saveUser(req.body)` → `saveUser`), or
 * null for an effect that is no helper call or a configured wrapper declared elsewhere.
 */
export function helperFunctionOf(sourceCode: TSESLint.SourceCode, effect: Effect): FunctionNode | null {
  if (!effect.viaHelper || effect.node.type !== T.CallExpression) return null;
  return sameFileCallee(sourceCode, effect.node)?.fn ?? null;
}

/** `function f`, `const f = () => …`, `f() {}` in a class or object, `f = () => …` as a class field. */
function functionName(fn: FunctionNode): string | undefined {
  if (fn.type === T.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if ((parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition || parent?.type === T.Property) && !parent.computed && parent.key.type === T.Identifier) {
    return parent.key.name;
  }
  return undefined;
}

function returnsValue(fn: FunctionNode): boolean {
  if (fn.type === T.ArrowFunctionExpression && fn.body.type !== T.BlockStatement) return true;
  return fn.body !== null && fn.body !== undefined && hasReturnWithValue(fn.body as TSESTree.BlockStatement);
}

function hasReturnWithValue(block: TSESTree.BlockStatement): boolean {
  const stack: TSESTree.Node[] = [...block.body];
  while (stack.length > 0) {
    const n = stack.pop() as TSESTree.Node;
    if (n.type === T.ReturnStatement) {
      if (n.argument) return true;
      continue;
    }
    if (isFunctionNode(n)) continue;
    if (n.type === T.BlockStatement) stack.push(...n.body);
    else if (n.type === T.IfStatement) {
      stack.push(n.consequent);
      if (n.alternate) stack.push(n.alternate);
    } else if (n.type === T.TryStatement) {
      stack.push(n.block);
      if (n.handler) stack.push(n.handler.body);
      if (n.finalizer) stack.push(n.finalizer);
    } else if (n.type === T.ForOfStatement || n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.ForInStatement) {
      stack.push(n.body);
    }
  }
  return false;
}

export { traceValue, importSourceOf, calleePath };
