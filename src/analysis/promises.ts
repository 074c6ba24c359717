/**
 * What happens to the promise a call returns: awaited, returned, handed to
 * someone who keeps it, given a rejection handler — or dropped.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { findVariable, isFunctionNode, propertyName } from './resolve.js';

export type PromiseUse =
  /** `await p`, `return p`, `=> p`, passed to a function (`waitUntil(p)`, `after(p)`), assigned and read later. */
  | { kind: 'kept' }
  /** `.catch(handler)` or `.then(onFulfilled, onRejected)`: a failure is handled where it happens. */
  | { kind: 'handled'; handler: TSESTree.Node }
  | {
      kind: 'dropped';
      /** `statement`: a bare expression statement; `void`: `void p`; `unused`: assigned and never read; `forEach`: awaited or returned inside a callback `forEach` throws away. */
      how: 'statement' | 'void' | 'unused' | 'forEach';
      /** The statement, `void` expression, declarator or `forEach` call that drops it. */
      at: TSESTree.Node;
    };

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/** Follows `call`'s promise up through chains (`.then`, `.finally`, `.json()`), combinators and conditionals to where it ends up. */
export function promiseUse(sourceCode: TSESLint.SourceCode, call: TSESTree.Node): PromiseUse {
  const inner = handlerInChain(call);
  if (inner) return { kind: 'handled', handler: inner };
  let current: TSESTree.Node = call;
  for (let i = 0; i < 64; i++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return { kind: 'kept' };
    switch (parent.type) {
      case T.AwaitExpression:
      case T.ReturnStatement:
      case T.YieldExpression:
        return atFunctionBoundary(sourceCode, parent);
      case T.ArrowFunctionExpression:
        return parent.body === current ? atFunctionBoundary(sourceCode, current) : { kind: 'kept' };
      case T.ChainExpression:
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.ArrayExpression:
        current = parent;
        break;
      case T.MemberExpression: {
        const outer: TSESTree.Node | undefined = parent.parent;
        if (parent.object !== current || outer?.type !== T.CallExpression || outer.callee !== parent) return { kind: 'kept' };
        const method = propertyName(parent);
        if (method === 'catch' && outer.arguments[0]) return { kind: 'handled', handler: outer.arguments[0] };
        if (method === 'then' && outer.arguments[1]) return { kind: 'handled', handler: outer.arguments[1] };
        // `.then(f)`, `.finally(f)`, `.json()`, `.exec()`: the chain's end carries the outcome.
        current = outer;
        break;
      }
      case T.CallExpression: {
        if (parent.callee === current) return { kind: 'kept' };
        // `Promise.all([a, b])` is only as kept as the combined promise.
        const callee = parent.callee;
        if (
          callee.type === T.MemberExpression &&
          callee.object.type === T.Identifier &&
          callee.object.name === 'Promise' &&
          PROMISE_COMBINATORS.has(propertyName(callee) ?? '')
        ) {
          current = parent;
          break;
        }
        return { kind: 'kept' };
      }
      case T.ConditionalExpression:
        if (parent.test === current) return { kind: 'kept' };
        current = parent;
        break;
      case T.LogicalExpression:
        current = parent;
        break;
      case T.SequenceExpression:
        if (parent.expressions[parent.expressions.length - 1] !== current) return { kind: 'dropped', how: 'statement', at: current };
        current = parent;
        break;
      case T.UnaryExpression:
        return parent.operator === 'void' ? { kind: 'dropped', how: 'void', at: parent } : { kind: 'kept' };
      case T.ExpressionStatement:
        return { kind: 'dropped', how: 'statement', at: parent };
      case T.VariableDeclarator:
        if (parent.init !== current || parent.id.type !== T.Identifier) return { kind: 'kept' };
        return bindingRead(sourceCode, parent.id) ? { kind: 'kept' } : { kind: 'dropped', how: 'unused', at: parent };
      default:
        return { kind: 'kept' };
    }
  }
  return { kind: 'kept' };
}

/**
 * Awaited or returned inside a function: kept, unless that function is a callback whose promise is
 * thrown away (`forEach`), or a `map`/`then` callback whose resulting promise is itself dropped.
 */
function atFunctionBoundary(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): PromiseUse {
  let n: TSESTree.Node | undefined = node;
  while (n && n.type !== T.ArrowFunctionExpression && n.type !== T.FunctionExpression && n.type !== T.FunctionDeclaration) n = n.parent;
  if (!n) return { kind: 'kept' };
  const call = n.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== n || call.callee.type !== T.MemberExpression) return { kind: 'kept' };
  const method = propertyName(call.callee);
  if (method === 'forEach') return { kind: 'dropped', how: 'forEach', at: call };
  // The callback's promise flows into what these calls return: follow that instead.
  if (method === 'map' || method === 'then' || method === 'catch' || method === 'finally') return promiseUse(sourceCode, call);
  return { kind: 'kept' };
}

function bindingRead(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, id);
  if (!variable) return true;
  return variable.references.some((r) => r.isRead());
}

/** `a().then(f).catch(h)` given as one node: the rejection handler inside the chain, if any. */
function handlerInChain(node: TSESTree.Node): TSESTree.Node | undefined {
  let n: TSESTree.Node = node;
  for (let i = 0; i < 32 && n.type === T.CallExpression && n.callee.type === T.MemberExpression; i++) {
    const method = propertyName(n.callee);
    if (method === 'catch' && n.arguments[0]) return n.arguments[0];
    if (method === 'then' && n.arguments[1]) return n.arguments[1];
    n = n.callee.object;
  }
  return undefined;
}

/** True when `call` is `chainEnd` or sits at the bottom of its method chain (`a().then(f)` ends at `.then`). */
export function isChainOf(chainEnd: TSESTree.Node, call: TSESTree.Node): boolean {
  let n: TSESTree.Node = chainEnd;
  for (let i = 0; i < 32; i++) {
    if (n === call) return true;
    if (n.type === T.ChainExpression) n = n.expression;
    else if (n.type === T.CallExpression && n.callee.type === T.MemberExpression) n = n.callee.object;
    else if (n.type === T.AwaitExpression) n = n.argument;
    else return false;
  }
  return false;
}

/** True when `node` sits inside an `async` function (so `await` can be added in place). */
export function inAsyncFunction(node: TSESTree.Node): boolean {
  let n: TSESTree.Node | undefined = node.parent;
  while (n) {
    if (isFunctionNode(n)) return n.async;
    n = n.parent;
  }
  return false;
}
