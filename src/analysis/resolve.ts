/**
 * Where a value comes from.
 *
 * `traceValue(expr)` follows an expression back through `const` bindings,
 * destructuring, member access, `await`, `new` and calls to the place it was
 * born: an import or `require`, a constructor or factory call, a parameter
 * (with its type annotation, if any), a class field, or a global. Client
 * recognition (database, HTTP, SDK) is built on it, so a call is classified by
 * where its receiver comes from rather than by how it is spelled.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { fileCache, keyedMemo } from './caches.js';
import type { FunctionNode } from './types.js';

export type Trace =
  /** `import x from 'm'`, `import { a } from 'm'`, `import * as ns from 'm'`, `require('m')`. */
  | { kind: 'import'; source: string; imported: string; members: string[] }
  /** `new Foo(...)`: `callee` traces `Foo`. */
  | { kind: 'new'; callee: Trace; node: TSESTree.NewExpression; members: string[] }
  /** `foo(...)` or `a.b(...)` whose result is the value: `callee` traces the function. */
  | { kind: 'call'; callee: Trace; node: TSESTree.CallExpression; members: string[] }
  /** A function parameter; `typeName` is its annotation (`PrismaClient`, `Prisma.TransactionClient`). */
  | {
      kind: 'param';
      name: string;
      fn: TSESTree.FunctionLike;
      index: number;
      typeName: string | undefined;
      /** The entity a generic or injection names: `Repository<User>`, `@InjectRepository(User)` → `User`. */
      entity: string | undefined;
      members: string[];
    }
  /** `this.x` where the class declares `x` with no traceable initializer. */
  | { kind: 'field'; name: string; typeName: string | undefined; entity: string | undefined; decorators: string[]; members: string[] }
  /** A name with no declaration in the file (`fetch`, `process`) or a global object. */
  | { kind: 'global'; name: string; members: string[] }
  /** Something else: a literal, an object, an expression we do not follow. */
  | { kind: 'unknown'; name: string | undefined; members: string[] };

const MAX_DEPTH = 12;

// Traces are never changed once made (`withMembers` copies), so the common ones are shared.
const UNKNOWN: Trace = Object.freeze({ kind: 'unknown', name: undefined, members: Object.freeze([]) as unknown as string[] });
/** The trace of an undeclared name (`fetch`, `process`, `Map`): one per name. */
const globalTrace = keyedMemo((name): Trace => Object.freeze({ kind: 'global', name, members: Object.freeze([]) as unknown as string[] }));

/**
 * Per-file memos: the variable each identifier resolves to (every rule of a lint pass asks about
 * the same identifiers) and the trace of each binding. Plain maps kept for the file being linted
 * (see caches.ts) die in one piece; weak maps keyed by every node would make the garbage
 * collector revisit an entry per identifier of every file linted since its last full collection.
 */
interface FileMemo {
  variables: Map<TSESTree.Node, Scope.Variable | null>;
  traces: Map<Scope.Variable, Trace>;
}

const memos = fileCache<TSESLint.SourceCode, FileMemo>();

function memoOf(sourceCode: TSESLint.SourceCode): FileMemo {
  return memos(sourceCode, () => ({ variables: new Map(), traces: new Map() }));
}

/** Finds the variable an identifier refers to, walking out from its scope. */
export function findVariable(
  sourceCode: TSESLint.SourceCode,
  id: TSESTree.Identifier | TSESTree.JSXIdentifier,
): Scope.Variable | null {
  const variables = memoOf(sourceCode).variables;
  const cached = variables.get(id);
  if (cached !== undefined) return cached;
  let found: Scope.Variable | null = null;
  let scope: Scope.Scope | null = scopeOf(sourceCode, id);
  while (scope) {
    const v = scope.set.get(id.name);
    if (v) {
      found = v;
      break;
    }
    scope = scope.upper;
  }
  variables.set(id, found);
  return found;
}


/**
 * The innermost scope around a node, as `sourceCode.getScope` finds it, without adding the node to
 * ESLint's per-node scope cache: each identifier is resolved once here (see `variables`), and a weak
 * map entry per identifier would only add work for the garbage collector.
 */
function scopeOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): Scope.Scope | null {
  const manager = sourceCode.scopeManager;
  if (!manager) return sourceCode.getScope(node);
  // `manager.acquire(n, true)` on each ancestor, read straight from the manager's table: most
  // ancestors own no scope, and `acquire` allocates on every call.
  const table = (manager as { nodeToScope?: WeakMap<TSESTree.Node, Scope.Scope[]> }).nodeToScope;
  for (let n: TSESTree.Node | undefined = node; n; n = n.parent) {
    let scope: Scope.Scope | null;
    if (table) {
      const scopes = table.get(n);
      if (!scopes || scopes.length === 0) continue;
      scope = innermost(scopes);
    } else {
      scope = manager.acquire(n, true);
    }
    if (scope) return scope.type === 'function-expression-name' ? (scope.childScopes[0] ?? scope) : scope;
  }
  return manager.scopes[0] ?? null;
}

/** What `acquire(node, true)` picks among a node's scopes: the innermost that is not a function expression's name scope. */
function innermost(scopes: readonly Scope.Scope[]): Scope.Scope | null {
  if (scopes.length === 1) return scopes[0];
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (!(scope.type === 'function' && (scope as { functionExpressionScope?: boolean }).functionExpressionScope)) return scope;
  }
  return null;
}

/** `a.b.c(...)` → the identifier `a` (or `this`), skipping calls and awaits on the way. */
export function rootOf(expr: TSESTree.Node): TSESTree.Identifier | TSESTree.ThisExpression | null {
  let node: TSESTree.Node = expr;
  for (let i = 0; i < 64; i++) {
    switch (node.type) {
      case T.Identifier:
      case T.ThisExpression:
        return node;
      case T.MemberExpression:
        node = node.object;
        break;
      case T.CallExpression:
        node = node.callee;
        break;
      case T.AwaitExpression:
      case T.TSNonNullExpression:
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
        node = 'expression' in node ? node.expression : node.argument;
        break;
      case T.ChainExpression:
        node = node.expression;
        break;
      default:
        return null;
    }
  }
  return null;
}

/** The static name of a member expression's property (`a.b` and `a['b']`), or undefined. */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  const property = node.property;
  switch (property.type) {
    case T.Identifier:
      return node.computed ? undefined : property.name;
    case T.PrivateIdentifier:
      return `#${property.name}`;
    case T.Literal:
      return typeof property.value === 'string' ? property.value : undefined;
    default:
      return undefined;
  }
}

/** Removes `await`, `!`, `as T`, `satisfies T`, `<T>x`, parentheses (already gone in ESTree) and `?.` wrappers. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case T.AwaitExpression:
        n = n.argument;
        break;
      case T.TSNonNullExpression:
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.ChainExpression:
        n = n.expression;
        break;
      default:
        return n;
    }
  }
}

/** The callee's dotted path, e.g. `prisma.user.findUnique` → ['prisma','user','findUnique']; `this.repo.save` → ['this','repo','save']. */
export function calleePath(callee: TSESTree.Node): string[] | null {
  // Collected from the outside in, then reversed once.
  const parts: string[] = [];
  let node: TSESTree.Node = unwrap(callee);
  for (let i = 0; i < 32; i++) {
    switch (node.type) {
      case T.Identifier:
        parts.push(node.name);
        return parts.reverse();
      case T.ThisExpression:
        parts.push('this');
        return parts.reverse();
      case T.MemberExpression: {
        const name = propertyName(node);
        if (name === undefined) return null;
        parts.push(name);
        node = unwrap(node.object);
        break;
      }
      default:
        return null;
    }
  }
  return null;
}

/** The printed name of a type annotation's outer type: `PrismaClient`, `Prisma.TransactionClient`, `Repository`. */
export function typeNameOf(annotation: TSESTree.TSTypeAnnotation | undefined): string | undefined {
  const type = annotation?.typeAnnotation;
  if (!type) return undefined;
  return typeName(type);
}

/** The first type argument's name: `Repository<User>` → `User`, `Model<OrderDocument>` → `OrderDocument`. */
export function typeArgumentOf(annotation: TSESTree.TSTypeAnnotation | undefined): string | undefined {
  const type = annotation?.typeAnnotation;
  if (type?.type !== T.TSTypeReference) return undefined;
  const arg = type.typeArguments?.params[0];
  return arg?.type === T.TSTypeReference ? entityName(arg.typeName) : undefined;
}

/** `@InjectRepository(User)`, `@InjectModel(User.name)` → `User`. */
function decoratorEntity(decorators: TSESTree.Decorator[] | undefined): string | undefined {
  for (const d of decorators ?? []) {
    if (d.expression.type !== T.CallExpression) continue;
    const arg = d.expression.arguments[0];
    if (arg?.type === T.Identifier) return arg.name;
    if (arg?.type === T.MemberExpression && arg.object.type === T.Identifier) return arg.object.name;
  }
  return undefined;
}

function typeName(type: TSESTree.TypeNode): string | undefined {
  if (type.type === T.TSTypeReference) return entityName(type.typeName);
  if (type.type === T.TSUnionType) {
    for (const t of type.types) {
      const n = typeName(t);
      if (n && n !== 'undefined' && n !== 'null') return n;
    }
  }
  return undefined;
}

function entityName(name: TSESTree.EntityName): string {
  if (name.type === T.Identifier) return name.name;
  if (name.type === T.ThisExpression) return 'this';
  return `${entityName(name.left)}.${name.right.name}`;
}

function decoratorNames(decorators: TSESTree.Decorator[] | undefined): string[] {
  const names: string[] = [];
  for (const d of decorators ?? []) {
    const e = d.expression.type === T.CallExpression ? d.expression.callee : d.expression;
    if (e.type === T.Identifier) names.push(e.name);
    else if (e.type === T.MemberExpression && !e.computed && e.property.type === T.Identifier) names.push(e.property.name);
  }
  return names;
}

function withMembers(trace: Trace, members: string[]): Trace {
  if (members.length === 0) return trace;
  return { ...trace, members: [...trace.members, ...members] } as Trace;
}

/**
 * Follows `expr` to where its value was born. `members` collects the property
 * path read off that origin: `axios.create` traces to the `axios` import with
 * members `['create']`.
 */
export function traceValue(sourceCode: TSESLint.SourceCode, expr: TSESTree.Node, depth = 0): Trace {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const node = unwrap(expr);
  switch (node.type) {
    case T.Identifier:
      return traceIdentifier(sourceCode, node, depth);
    case T.MemberExpression: {
      // `a.b.c` walks down to `a` collecting `c`, `b`, then adds them to `a`'s trace in one step.
      const names: string[] = [];
      let member: TSESTree.MemberExpression = node;
      let level = depth;
      for (;;) {
        const name = propertyName(member);
        if (member.object.type === T.ThisExpression && name !== undefined) {
          return withMembers(traceThisField(sourceCode, member, name, level), names.reverse());
        }
        names.push(name ?? '[computed]');
        const object = unwrap(member.object);
        if (object.type !== T.MemberExpression || level + 1 > MAX_DEPTH) {
          return withMembers(traceValue(sourceCode, member.object, level + 1), names.reverse());
        }
        member = object;
        level += 1;
      }
    }
    case T.NewExpression:
      return { kind: 'new', callee: traceValue(sourceCode, node.callee, depth + 1), node, members: [] };
    case T.CallExpression: {
      if (isRequireCall(node)) {
        return { kind: 'import', source: requireSource(node) ?? '', imported: '*', members: [] };
      }
      return { kind: 'call', callee: traceValue(sourceCode, node.callee, depth + 1), node, members: [] };
    }
    case T.ImportExpression:
      if (node.source.type === T.Literal && typeof node.source.value === 'string') {
        return { kind: 'import', source: node.source.value, imported: '*', members: [] };
      }
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function isRequireCall(node: TSESTree.CallExpression): boolean {
  return node.callee.type === T.Identifier && node.callee.name === 'require' && node.arguments.length === 1;
}

function requireSource(node: TSESTree.CallExpression): string | undefined {
  const arg = node.arguments[0];
  return arg?.type === T.Literal && typeof arg.value === 'string' ? arg.value : undefined;
}

function traceIdentifier(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier, depth: number): Trace {
  const variable = findVariable(sourceCode, id);
  if (!variable || variable.defs.length === 0) return globalTrace(id.name);
  // A binding's origin does not depend on where it is used.
  const traces = memoOf(sourceCode).traces;
  const known = traces.get(variable);
  if (known) return known;
  const trace = traceBinding(sourceCode, id, variable, depth);
  // Only complete traces are kept: one cut short by the depth limit may go further from another use.
  if (depth === 0 || trace.kind !== 'unknown') traces.set(variable, trace);
  return trace;
}

function traceBinding(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier, variable: Scope.Variable, depth: number): Trace {
  const def = variable.defs[0];
  switch (def.type) {
    case 'ImportBinding': {
      const decl = def.parent as TSESTree.ImportDeclaration;
      const spec = def.node;
      let imported = 'default';
      if (spec.type === T.ImportNamespaceSpecifier) imported = '*';
      else if (spec.type === T.ImportSpecifier) {
        imported = spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value);
      } else if (spec.type === T.TSImportEqualsDeclaration) {
        const ref = spec.moduleReference;
        if (ref.type === T.TSExternalModuleReference && ref.expression.type === T.Literal) {
          return { kind: 'import', source: String(ref.expression.value), imported: '*', members: [] };
        }
      }
      return { kind: 'import', source: String(decl.source.value), imported, members: [] };
    }
    case 'Variable': {
      const declarator = def.node;
      if (!declarator.init) return { kind: 'unknown', name: id.name, members: [] };
      // A `let` that is reassigned is not followed: we cannot tell which value reaches the use.
      if (def.parent.kind !== 'const' && variable.references.some((r) => r.isWrite() && !r.init)) {
        return { kind: 'unknown', name: id.name, members: [] };
      }
      const base = traceValue(sourceCode, declarator.init, depth + 1);
      if (declarator.id.type === T.Identifier) return base;
      // Destructuring: `const { a: { b } } = x` reads x.a.b.
      const path = patternPath(declarator.id, def.name);
      if (base.kind === 'import' && base.imported === '*' && base.members.length === 0 && path.length > 0) {
        // `const { PrismaClient } = require('@prisma/client')` is a named import.
        return { kind: 'import', source: base.source, imported: path[0], members: path.slice(1) };
      }
      return withMembers(base, path);
    }
    case 'Parameter': {
      const fn = def.node as TSESTree.FunctionLike;
      const index = fn.params.findIndex((p) => contains(p, def.name));
      const param = fn.params[index];
      let annotated: TSESTree.Node | undefined = param;
      if (annotated?.type === T.TSParameterProperty) annotated = annotated.parameter;
      if (annotated?.type === T.AssignmentPattern) annotated = annotated.left;
      const typeName =
        annotated && 'typeAnnotation' in annotated && annotated.typeAnnotation?.type === T.TSTypeAnnotation
          ? typeNameOf(annotated.typeAnnotation)
          : undefined;
      const annotation =
        annotated && 'typeAnnotation' in annotated && annotated.typeAnnotation?.type === T.TSTypeAnnotation ? annotated.typeAnnotation : undefined;
      const decorators = param?.type === T.TSParameterProperty ? param.decorators : param && 'decorators' in param ? param.decorators : undefined;
      const entity = decoratorEntity(decorators) ?? typeArgumentOf(annotation);
      const members = param && param.type === T.ObjectPattern ? patternPath(param, def.name) : [];
      return { kind: 'param', name: id.name, fn, index, typeName, entity, members };
    }
    case 'ClassName':
    case 'FunctionName':
    case 'TSEnumName':
      return { kind: 'unknown', name: id.name, members: [] };
    default:
      return { kind: 'unknown', name: id.name, members: [] };
  }
}

/** `inner` lies inside `outer`, or is it: node ranges nest. */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The property path from a destructuring pattern's root to `target`. */
function patternPath(pattern: TSESTree.Node, target: TSESTree.Node): string[] {
  const path: string[] = [];
  let node: TSESTree.Node = pattern;
  for (let i = 0; i < 32; i++) {
    if (node === target) return path;
    if (node.type === T.ObjectPattern) {
      const prop = node.properties.find((p) => contains(p, target));
      if (!prop) return path;
      if (prop.type === T.RestElement) return path;
      if (!prop.computed && prop.key.type === T.Identifier) path.push(prop.key.name);
      else if (prop.key.type === T.Literal) path.push(String(prop.key.value));
      else path.push('[computed]');
      node = prop.value;
    } else if (node.type === T.ArrayPattern) {
      const idx = node.elements.findIndex((e) => e && contains(e, target));
      path.push(String(idx));
      const next = node.elements[idx];
      if (!next) return path;
      node = next;
    } else if (node.type === T.AssignmentPattern) {
      node = node.left;
    } else if (node.type === T.RestElement) {
      node = node.argument;
    } else {
      return path;
    }
  }
  return path;
}

/** `this.x`: the class field `x = …`, a constructor assignment `this.x = …`, or a parameter property `constructor(private x: T)`. */
function traceThisField(
  sourceCode: TSESLint.SourceCode,
  member: TSESTree.MemberExpression,
  name: string,
  depth: number,
): Trace {
  const cls = enclosingClass(member);
  if (!cls) return { kind: 'unknown', name, members: [] };
  for (const el of cls.body.body) {
    if (
      (el.type === T.PropertyDefinition || el.type === T.AccessorProperty) &&
      !el.computed &&
      ((el.key.type === T.Identifier && el.key.name === name) ||
        (el.key.type === T.PrivateIdentifier && `#${el.key.name}` === name))
    ) {
      if (el.value) return traceValue(sourceCode, el.value, depth + 1);
      return {
        kind: 'field',
        name,
        typeName: typeNameOf(el.typeAnnotation),
        entity: decoratorEntity(el.decorators) ?? typeArgumentOf(el.typeAnnotation),
        decorators: decoratorNames(el.decorators),
        members: [],
      };
    }
    if (el.type === T.MethodDefinition && el.kind === 'constructor') {
      for (const p of el.value.params) {
        if (p.type !== T.TSParameterProperty) continue;
        const inner = p.parameter.type === T.AssignmentPattern ? p.parameter.left : p.parameter;
        if (inner.type === T.Identifier && inner.name === name) {
          return {
            kind: 'field',
            name,
            typeName: typeNameOf(inner.typeAnnotation),
            entity: decoratorEntity(p.decorators) ?? typeArgumentOf(inner.typeAnnotation),
            decorators: decoratorNames(p.decorators),
            members: [],
          };
        }
      }
      const assigned = constructorAssignment(el.value.body, name);
      if (assigned) return traceValue(sourceCode, assigned, depth + 1);
    }
  }
  return { kind: 'field', name, typeName: undefined, entity: undefined, decorators: [], members: [] };
}

function constructorAssignment(body: TSESTree.BlockStatement | null | undefined, name: string): TSESTree.Expression | null {
  for (const stmt of body?.body ?? []) {
    if (
      stmt.type === T.ExpressionStatement &&
      stmt.expression.type === T.AssignmentExpression &&
      stmt.expression.operator === '=' &&
      stmt.expression.left.type === T.MemberExpression &&
      stmt.expression.left.object.type === T.ThisExpression &&
      propertyName(stmt.expression.left) === name
    ) {
      return stmt.expression.right;
    }
  }
  return null;
}

/** A function of any form: declaration, expression or arrow. */
export function isFunctionNode(node: TSESTree.Node | undefined): node is FunctionNode {
  if (!node) return false;
  const type = node.type;
  return type === T.ArrowFunctionExpression || type === T.FunctionExpression || type === T.FunctionDeclaration;
}

/** A module's or function's directive prologue holds `directive` (`'use client'`, `'use server'`). */
export function hasDirective(body: readonly TSESTree.Node[], directive: string): boolean {
  for (const stmt of body) {
    if (stmt.type !== T.ExpressionStatement || typeof stmt.directive !== 'string') return false;
    if (stmt.directive === directive) return true;
  }
  return false;
}

const exportsCache = fileCache<TSESTree.Program, ReadonlyMap<string, TSESTree.Node>>();

/**
 * What a module exports from its own top level, by exported name: a function declaration, a
 * variable's initial value, or the value of `export default`. `export { a as b }` and
 * `export default a` are followed to `a`'s top-level declaration; re-exports of other modules are
 * left out.
 */
export function moduleExports(program: TSESTree.Program): ReadonlyMap<string, TSESTree.Node> {
  return exportsCache(program, () => {
    const declared = new Map<string, TSESTree.Node>();
    const exported = new Map<string, TSESTree.Node>();
    /** `export { a as b }`, `export default a`: exported name and local name, resolved once all declarations are known. */
    const byLocalName: Array<[string, string]> = [];
    for (const stmt of program.body) {
      const inline = stmt.type === T.ExportNamedDeclaration;
      const decl = inline ? stmt.declaration : stmt;
      if (decl?.type === T.FunctionDeclaration && decl.id) {
        declared.set(decl.id.name, decl);
        if (inline) exported.set(decl.id.name, decl);
      } else if (decl?.type === T.VariableDeclaration) {
        for (const d of decl.declarations) {
          if (d.id.type !== T.Identifier || !d.init) continue;
          declared.set(d.id.name, d.init);
          if (inline) exported.set(d.id.name, d.init);
        }
      }
      if (stmt.type === T.ExportNamedDeclaration && !stmt.source) {
        for (const spec of stmt.specifiers) {
          const name = spec.exported.type === T.Identifier ? spec.exported.name : spec.exported.value;
          if (spec.local.type === T.Identifier) byLocalName.push([name, spec.local.name]);
        }
      } else if (stmt.type === T.ExportDefaultDeclaration) {
        if (stmt.declaration.type === T.Identifier) byLocalName.push(['default', stmt.declaration.name]);
        else exported.set('default', stmt.declaration);
      }
    }
    for (const [name, local] of byLocalName) {
      const value = declared.get(local);
      if (value) exported.set(name, value);
    }
    return exported;
  });
}

/** Whether `test` holds for `node` or a node within it, not looking into nested functions. */
export function someNodeWithin(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, test: (n: TSESTree.Node) => boolean): boolean {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as TSESTree.Node;
    if (test(n)) return true;
    if (n !== node && isFunctionNode(n)) continue;
    for (const key of sourceCode.visitorKeys[n.type] ?? []) {
      const child = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof (c as TSESTree.Node).type === 'string') stack.push(c as TSESTree.Node);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}

/**
 * The function a call invokes when this file declares it, and the name it is called by:
 * `function f() {}` or `const f = () => {}` for `f()`, a method or function-valued field of the
 * enclosing class for `this.f()`. These are the helpers whose effects the analysis summarises.
 */
export function sameFileCallee(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): { fn: FunctionNode; name: string } | null {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    const def = findVariable(sourceCode, callee)?.defs[0];
    if (def?.type === 'FunctionName' && isFunctionNode(def.node as TSESTree.Node)) return { fn: def.node as FunctionNode, name: callee.name };
    if (def?.type === 'Variable' && def.node.init && isFunctionNode(def.node.init) && def.parent.kind === 'const') {
      return { fn: def.node.init, name: callee.name };
    }
    return null;
  }
  if (callee.type === T.MemberExpression && callee.object.type === T.ThisExpression && !callee.computed && callee.property.type === T.Identifier) {
    const name = callee.property.name;
    for (const el of enclosingClass(callee)?.body.body ?? []) {
      if (el.type === T.MethodDefinition && !el.computed && el.key.type === T.Identifier && el.key.name === name && el.kind === 'method' && el.value.type === T.FunctionExpression) {
        return { fn: el.value, name: `this.${name}` };
      }
      if (el.type === T.PropertyDefinition && !el.computed && el.key.type === T.Identifier && el.key.name === name && el.value && isFunctionNode(el.value)) {
        return { fn: el.value, name: `this.${name}` };
      }
    }
  }
  return null;
}

/** The nearest function around `node`, or null at the top level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let n = node.parent; n; n = n.parent) if (isFunctionNode(n)) return n;
  return null;
}

export function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  let n: TSESTree.Node | undefined = node.parent;
  let crossedFunction = false;
  while (n) {
    if (n.type === T.ClassDeclaration || n.type === T.ClassExpression) return n;
    // `this` inside a non-arrow function that is not a method refers to something else.
    if ((n.type === T.FunctionExpression || n.type === T.FunctionDeclaration) && n.parent?.type !== T.MethodDefinition && n.parent?.type !== T.PropertyDefinition) {
      if (crossedFunction || n.type === T.FunctionDeclaration) return null;
      crossedFunction = true;
    }
    n = n.parent;
  }
  return null;
}

/** The module specifier, if the trace ends at an import. */
export function importSourceOf(trace: Trace): string | undefined {
  if (trace.kind === 'import') return trace.source;
  if (trace.kind === 'new' || trace.kind === 'call') return importSourceOf(trace.callee);
  return undefined;
}

/** True when `source` is `pkg` or a subpath of it (`drizzle-orm/node-postgres` of `drizzle-orm`), with or without `node:`. */
export function isFromPackage(source: string | undefined, pkg: string): boolean {
  if (source === undefined) return false;
  const offset = source.startsWith('node:') ? 5 : 0;
  const end = offset + pkg.length;
  if (!source.startsWith(pkg, offset)) return false;
  return source.length === end || source.charCodeAt(end) === 47; /* '/' */
}
