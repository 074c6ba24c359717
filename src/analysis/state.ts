/**
 * State that outlives a request: module-level bindings, the `this` of a
 * long-lived (singleton) object, and `globalThis`. Request and response objects
 * (`req`, `res`, `ctx`, `c`, `reply`) and function locals are never shared state.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { enclosingClass, findVariable, propertyName, unwrap } from './resolve.js';

export interface SharedState {
  /** Identity of the slot: two expressions with the same key touch the same state. */
  key: string;
  /** Printable: `token`, `this.client`, `cache[userId]`, `globalThis.pool`. */
  label: string;
}

/** Class decorators whose instances live as long as the process (DI singletons). */
const SINGLETON_DECORATORS = new Set([
  'Injectable',
  'Service',
  'Singleton',
  'Controller',
  'Resolver',
  'Processor',
  'Catch',
  'WebSocketGateway',
  'Global',
  'injectable',
  'singleton',
]);

const GLOBAL_OBJECTS = new Set(['globalThis', 'global']);

export interface StateOptions {
  /** Treat the `this` of every class as shared, not only classes known to be singletons. */
  allClasses: boolean;
}

/**
 * The shared slot `node` reads or writes, or null when it is a local, a
 * parameter, or a member of an object that does not outlive the request.
 * `Map`-style access (`cache.get(k)`, `cache.set(k, v)`) is keyed by the key's text.
 */
export function sharedStateOf(
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node,
  options: StateOptions,
  classCache: WeakMap<TSESTree.Node, boolean>,
): SharedState | null {
  const expr = unwrap(node);
  if (expr.type === T.Identifier) {
    const variable = findVariable(sourceCode, expr);
    if (!variable || variable.defs.length === 0) return null;
    const def = variable.defs[0];
    if (def.type !== 'Variable') return null;
    if (variable.scope.type !== 'module' && variable.scope.type !== 'global') return null;
    if (def.parent.kind === 'const') return null; // a const binding cannot be reassigned; its members can
    return { key: `var@${def.name.range[0]}`, label: expr.name };
  }
  if (expr.type !== T.MemberExpression) return null;
  const name = memberKey(sourceCode, expr);
  if (name === undefined) return null;
  const object = unwrap(expr.object);
  if (object.type === T.ThisExpression) {
    const owner = thisOwner(expr, options, classCache);
    if (!owner) return null;
    return { key: `this@${owner.range[0]}.${name}`, label: `this.${name}` };
  }
  if (object.type === T.Identifier) {
    if (GLOBAL_OBJECTS.has(object.name) && !findVariable(sourceCode, object)?.defs.length) {
      return { key: `global.${name}`, label: `${object.name}.${name}` };
    }
    const variable = findVariable(sourceCode, object);
    const def = variable?.defs[0];
    if (!variable || !def || def.type !== 'Variable') return null;
    if (variable.scope.type !== 'module' && variable.scope.type !== 'global') return null;
    return { key: `var@${def.name.range[0]}.${name}`, label: `${object.name}${name.startsWith('[') ? '' : '.'}${name}` };
  }
  if (object.type === T.MemberExpression) {
    // `this.tokens.github`, `globalThis.cache.x`: one level deeper, keyed on the whole path.
    const base = sharedStateOf(sourceCode, object, options, classCache);
    if (!base) return null;
    return { key: `${base.key}.${name}`, label: `${base.label}${name.startsWith('[') ? '' : '.'}${name}` };
  }
  return null;
}

/** `cache.get(k)` / `cache.has(k)` / `cache.set(k, v)` on a shared Map: the slot `cache[k]`. */
export function mapSlotOf(
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.CallExpression,
  methods: ReadonlySet<string>,
  options: StateOptions,
  classCache: WeakMap<TSESTree.Node, boolean>,
): SharedState | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const method = propertyName(callee);
  if (method === undefined || !methods.has(method)) return null;
  const keyArg = call.arguments[0];
  if (!keyArg || keyArg.type === T.SpreadElement) return null;
  // Only an in-process collection: `redis.get`/`redis.set` go to a data store, which is another rule's business.
  if (!isInProcessCollection(sourceCode, callee.object)) return null;
  const base = sharedStateOfObject(sourceCode, callee.object, options, classCache);
  if (!base) return null;
  const keyText = sourceCode.getText(keyArg);
  return { key: `${base.key}[${keyText}]`, label: `${base.label}[${keyText}]` };
}

/** Constructors of collections that live in this process's memory. */
const IN_PROCESS_COLLECTIONS = /^(?:Map|WeakMap|LRUCache|LRU|QuickLRU|TTLCache|NodeCache)$/;

/** `const cache = new Map()`, `private cache = new LRUCache(…)`, `cache: Map<K, V>`. */
function isInProcessCollection(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const expr = unwrap(node);
  let init: TSESTree.Node | null | undefined;
  let annotation: TSESTree.TSTypeAnnotation | undefined;
  if (expr.type === T.Identifier) {
    const def = findVariable(sourceCode, expr)?.defs[0];
    if (def?.type !== 'Variable') return false;
    init = def.node.init;
    annotation = def.node.id.type === T.Identifier ? def.node.id.typeAnnotation : undefined;
  } else if (expr.type === T.MemberExpression && unwrap(expr.object).type === T.ThisExpression) {
    const name = propertyName(expr);
    const cls = enclosingClass(expr);
    const field = cls?.body.body.find(
      (el): el is TSESTree.PropertyDefinition =>
        el.type === T.PropertyDefinition && !el.computed && el.key.type === T.Identifier && el.key.name === name,
    );
    if (!field) return false;
    init = field.value;
    annotation = field.typeAnnotation;
  } else {
    return false;
  }
  const value = init ? unwrap(init) : null;
  if (value?.type === T.NewExpression && value.callee.type === T.Identifier && IN_PROCESS_COLLECTIONS.test(value.callee.name)) return true;
  const type = annotation?.typeAnnotation;
  return type?.type === T.TSTypeReference && type.typeName.type === T.Identifier && IN_PROCESS_COLLECTIONS.test(type.typeName.name);
}

/** `key in cache` on a shared object: the slot `cache[key]`, as `cache[key] = …` writes it. */
export function inSlotOf(
  sourceCode: TSESLint.SourceCode,
  test: TSESTree.BinaryExpression,
  options: StateOptions,
  classCache: WeakMap<TSESTree.Node, boolean>,
): SharedState | null {
  if (test.operator !== 'in' || test.left.type === T.PrivateIdentifier) return null;
  const base = sharedStateOfObject(sourceCode, test.right, options, classCache);
  if (!base) return null;
  const keyText = test.left.type === T.Literal && typeof test.left.value === 'string' ? test.left.value : `[${sourceCode.getText(test.left)}]`;
  return { key: `${base.key}.${keyText}`, label: `${base.label}${keyText.startsWith('[') ? '' : '.'}${keyText}` };
}

/** Like `sharedStateOf`, but a module-level `const` object counts: its members are what is shared. */
function sharedStateOfObject(
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node,
  options: StateOptions,
  classCache: WeakMap<TSESTree.Node, boolean>,
): SharedState | null {
  const expr = unwrap(node);
  if (expr.type === T.Identifier) {
    const variable = findVariable(sourceCode, expr);
    const def = variable?.defs[0];
    if (!variable || !def || def.type !== 'Variable') return null;
    if (variable.scope.type !== 'module' && variable.scope.type !== 'global') return null;
    return { key: `var@${def.name.range[0]}`, label: expr.name };
  }
  return sharedStateOf(sourceCode, expr, options, classCache);
}

function memberKey(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression): string | undefined {
  const name = propertyName(member);
  if (name !== undefined) return name;
  if (member.computed) return `[${sourceCode.getText(member.property)}]`;
  return undefined;
}

/**
 * The long-lived object `this` refers to at `node`: a singleton class, a class
 * in a static member, or a module-level object literal. Null otherwise.
 */
function thisOwner(
  node: TSESTree.Node,
  options: StateOptions,
  classCache: WeakMap<TSESTree.Node, boolean>,
): TSESTree.Node | null {
  const literal = moduleObjectLiteralOf(node);
  if (literal) return literal;
  const cls = enclosingClass(node);
  if (!cls) return null;
  if (options.allClasses || inStaticMember(node, cls)) return cls;
  let singleton = classCache.get(cls);
  if (singleton === undefined) {
    singleton = isSingletonClass(cls);
    classCache.set(cls, singleton);
  }
  return singleton ? cls : null;
}

function inStaticMember(node: TSESTree.Node, cls: TSESTree.Node): boolean {
  let n: TSESTree.Node | undefined = node.parent;
  while (n && n !== cls) {
    if ((n.type === T.MethodDefinition || n.type === T.PropertyDefinition) && n.parent?.parent === cls) return n.static;
    n = n.parent;
  }
  return false;
}

/** `export const store = { token: null, async get() { … this.token … } }` at module level. */
function moduleObjectLiteralOf(node: TSESTree.Node): TSESTree.ObjectExpression | null {
  let n: TSESTree.Node | undefined = node.parent;
  while (n) {
    if (n.type === T.FunctionExpression) {
      const prop = n.parent;
      if (prop?.type !== T.Property || prop.parent?.type !== T.ObjectExpression) return null;
      const obj = prop.parent;
      const decl = obj.parent;
      if (decl?.type !== T.VariableDeclarator || decl.init !== obj) return null;
      const declaration = decl.parent;
      const holder = declaration?.parent;
      if (holder?.type === T.Program || (holder?.type === T.ExportNamedDeclaration && holder.parent?.type === T.Program)) {
        return obj;
      }
      return null;
    }
    if (n.type === T.FunctionDeclaration || n.type === T.ClassBody) return null;
    n = n.parent;
  }
  return null;
}

function isSingletonClass(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  for (const d of cls.decorators ?? []) {
    const call = d.expression.type === T.CallExpression ? d.expression : null;
    const callee = call ? call.callee : d.expression;
    const name =
      callee.type === T.Identifier
        ? callee.name
        : callee.type === T.MemberExpression && callee.property.type === T.Identifier
          ? callee.property.name
          : undefined;
    if (name === undefined || !SINGLETON_DECORATORS.has(name)) continue;
    if (call && requestScoped(call)) return false;
    return true;
  }
  const name = cls.id?.name;
  if (!name) return false;
  // `export const tokens = new TokenManager()` / `export default new TokenManager()` in the same file.
  let program: TSESTree.Node | undefined = cls;
  while (program && program.type !== T.Program) program = program.parent;
  if (!program) return false;
  for (const stmt of program.body) {
    const inner = stmt.type === T.ExportNamedDeclaration && stmt.declaration ? stmt.declaration : stmt;
    if (inner.type === T.ExportDefaultDeclaration) {
      if (isNewOf(inner.declaration, name)) return true;
      continue;
    }
    if (inner.type !== T.VariableDeclaration) continue;
    if (inner.declarations.some((d) => d.init && isNewOf(d.init, name))) return true;
  }
  return false;
}

function isNewOf(node: TSESTree.Node, name: string): boolean {
  const n = unwrap(node);
  return n.type === T.NewExpression && n.callee.type === T.Identifier && n.callee.name === name;
}

/** `@Injectable({ scope: Scope.REQUEST })` / `Scope.TRANSIENT`: a fresh instance per request or injection. */
function requestScoped(call: TSESTree.CallExpression): boolean {
  const opts = call.arguments[0];
  if (opts?.type !== T.ObjectExpression) return false;
  return opts.properties.some(
    (p) =>
      p.type === T.Property &&
      p.key.type === T.Identifier &&
      p.key.name === 'scope' &&
      p.value.type === T.MemberExpression &&
      p.value.property.type === T.Identifier &&
      (p.value.property.name === 'REQUEST' || p.value.property.name === 'TRANSIENT'),
  );
}
