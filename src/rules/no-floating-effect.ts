import { isOutsideRequestPath } from '../analysis/production.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { getFileAnalysis, type Effect } from '../analysis/index.js';
import { isBrowserCodeAt, isBrowserOnlyCode } from '../analysis/http.js';
import { inAsyncFunction, isChainOf, promiseUse } from '../analysis/promises.js';
import { sameFileCallee, someNodeWithin } from '../analysis/resolve.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'floating' | 'voided' | 'unused' | 'forEach' | 'addAwait';

export default createRule<Options, MessageId>({
  name: 'no-floating-effect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow database and external calls whose promise is dropped',
      recommended: 'recommended',
      category: 'External service is down',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      floating:
        '`{{label}}` is started and never awaited: when it fails, nobody hears of it (the rejection goes unhandled and can crash the process) and the caller has already answered as if it succeeded. Await it, return it, or add a `.catch(…)` that records the failure.',
      voided:
        '`void` drops the promise of `{{label}}` without handling it: when it fails, the rejection goes unhandled and the work is silently lost. Await it, hand it to `waitUntil(…)`/`after(…)`, or add a `.catch(…)` that records the failure.',
      unused:
        'The promise of `{{label}}` is stored in `{{name}}` and never used: when it fails, the rejection goes unhandled and the caller has already moved on. Await `{{name}}`.',
      forEach:
        '`forEach` throws away the promise of its callback, so `{{label}}` runs unawaited: failures go unhandled and the function returns before the work is done. Use `for…of` with `await`, or `await Promise.all(items.map(…))`.',
      addAwait: 'Await `{{label}}`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    // Tests, seeds, migrations and one-off scripts (`void main()` ends the script with its error), and browser code.
    if (isOutsideRequestPath(context) || isBrowserOnlyCode(sourceCode)) return {};
    return {
      'Program:exit'() {
        const analysis = getFileAnalysis(context);
        const syncSql = usesSynchronousSql(sourceCode.ast);
        const reported = new Set<TSESTree.Node>();
        for (const model of analysis.models()) {
          for (const site of model.sites) {
            const effect = site.effect;
            if (!isAsyncEffect(effect, syncSql) || isBrowserCodeAt(sourceCode, effect.node)) continue;
            const use = promiseUse(sourceCode, effect.node);
            if (use.kind !== 'dropped' || reported.has(use.at)) continue;
            reported.add(use.at);
            report(effect, use.how, use.at);
          }
        }
      },
    };

    function report(effect: Effect, how: 'statement' | 'void' | 'unused' | 'forEach', at: TSESTree.Node): void {
      const label = effect.label;
      const node = effect.node;
      switch (how) {
        case 'statement':
          context.report({ node, messageId: 'floating', data: { label }, suggest: awaitSuggestion(at, node, label) });
          return;
        case 'void':
          context.report({ node: at, messageId: 'voided', data: { label }, suggest: awaitSuggestion(at, node, label) });
          return;
        case 'unused': {
          const name = at.type === T.VariableDeclarator && at.id.type === T.Identifier ? at.id.name : 'it';
          context.report({ node: at, messageId: 'unused', data: { label, name } });
          return;
        }
        case 'forEach':
          context.report({ node, messageId: 'forEach', data: { label } });
          return;
      }
    }

    /** `await` in place of the statement's start or of `void`, when the function is async and the statement is the call chain itself. */
    function awaitSuggestion(at: TSESTree.Node, node: TSESTree.Node, label: string): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      if (!inAsyncFunction(at)) return [];
      if (at.type === T.UnaryExpression && at.operator === 'void') {
        const arg = at.argument;
        return [{ messageId: 'addAwait', data: { label }, fix: (fixer) => fixer.replaceTextRange([at.range[0], arg.range[0]], 'await ') }];
      }
      if (at.type === T.ExpressionStatement && (isChainOf(at.expression, node) || isPromiseCombinator(at.expression))) {
        const expr = at.expression;
        return [{ messageId: 'addAwait', data: { label }, fix: (fixer) => fixer.insertTextBefore(expr, 'await ') }];
      }
      return [];
    }

    /** Calls that return a promise: every external call and enqueue, database calls other than synchronous drivers and local setup, and project helpers that are async. */
    function isAsyncEffect(effect: Effect, syncSql: boolean): boolean {
      if (effect.kind === 'db') {
        if (effect.op === 'other') return false;
        if (syncSql && (effect.layer === 'sql' || effect.layer === 'drizzle')) return false;
      }
      if (effect.kind === 'external') {
        // `https.get(url, cb)` and `sendMail(opts, cb)`: callback APIs return no promise;
        // `@nestjs/axios` returns a cold Observable.
        if (effect.client === 'node:http' || effect.client === '@nestjs/axios') return false;
        const last = effect.node.type === T.CallExpression ? effect.node.arguments[effect.node.arguments.length - 1] : undefined;
        if (last && (last.type === T.ArrowFunctionExpression || last.type === T.FunctionExpression)) return false;
      }
      if (effect.viaHelper !== undefined && effect.node.type === T.CallExpression) return helperIsAsync(effect.node) && !helperHandlesItsFailure(effect.node);
      return effect.node.type === T.CallExpression || effect.node.type === T.TaggedTemplateExpression;
    }

    /** A same-file helper returns a promise when it is async or returns its call; configured wrappers are taken at their word. */
    function helperIsAsync(call: TSESTree.CallExpression): boolean {
      const fn = sameFileCallee(sourceCode, call)?.fn;
      if (!fn) return true;
      if (fn.async) return true;
      if (fn.type === T.ArrowFunctionExpression && fn.body.type !== T.BlockStatement) return true;
      return returnsSomething(fn.body);
    }

    /**
     * A same-file async helper whose promise cannot reject: everything it calls, awaits or throws sits in
     * the `try` of a `try`/`catch` whose `catch` neither throws again nor awaits
     * (`try { … } catch (err) { logger.error(err) }`), at its top level or in the body of a loop or `if`
     * around it. Dropping its promise loses no failure: the helper has handled it already.
     */
    function helperHandlesItsFailure(call: TSESTree.CallExpression): boolean {
      const fn = sameFileCallee(sourceCode, call)?.fn;
      return fn?.async === true && fn.body?.type === T.BlockStatement && cannotFail(fn.body);
    }

    function cannotFail(stmt: TSESTree.Statement): boolean {
      switch (stmt.type) {
        case T.TryStatement:
          // `return send(…)` in the `try` hands back a promise the `catch` never sees.
          return stmt.handler !== null && !mayFail(stmt.handler.body, false) && !(stmt.finalizer && mayFail(stmt.finalizer, false)) && !returnsUnawaited(stmt.block);
        case T.BlockStatement:
          return stmt.body.every(cannotFail);
        case T.IfStatement:
          return !mayFail(stmt.test, true) && cannotFail(stmt.consequent) && (stmt.alternate === null || cannotFail(stmt.alternate));
        case T.ForOfStatement:
          return !stmt.await && !mayFail(stmt.right, true) && cannotFail(stmt.body);
        case T.ForInStatement:
          return !mayFail(stmt.right, true) && cannotFail(stmt.body);
        default:
          return !mayFail(stmt, true);
      }
    }

    /** `node` can throw or reject outside a nested function: a `throw`, an `await`, or (when `calls`) any call. */
    function mayFail(node: TSESTree.Node, calls: boolean): boolean {
      return someNodeWithin(sourceCode, node, (n) => n.type === T.ThrowStatement || n.type === T.AwaitExpression || n.type === T.YieldExpression || (calls && (n.type === T.CallExpression || n.type === T.NewExpression || n.type === T.TaggedTemplateExpression)));
    }

    /** A `return` of anything but nothing, a literal or an awaited value. */
    function returnsUnawaited(block: TSESTree.BlockStatement): boolean {
      return someNodeWithin(sourceCode, block, (n) => n.type === T.ReturnStatement && n.argument !== null && n.argument.type !== T.AwaitExpression && n.argument.type !== T.Literal);
    }

  },
});

/** `Promise.all(…)` and friends: awaiting the combined promise awaits every effect in it. */
function isPromiseCombinator(node: TSESTree.Node): boolean {
  return (
    node.type === T.CallExpression &&
    node.callee.type === T.MemberExpression &&
    node.callee.object.type === T.Identifier &&
    node.callee.object.name === 'Promise' &&
    !node.callee.computed &&
    node.callee.property.type === T.Identifier &&
    ['all', 'allSettled', 'race', 'any'].includes(node.callee.property.name)
  );
}

/** better-sqlite3, `node:sqlite` and `bun:sqlite` run queries synchronously: nothing to await. */
function usesSynchronousSql(program: TSESTree.Program): boolean {
  return program.body.some(
    (s) => s.type === T.ImportDeclaration && /^(better-sqlite3|node:sqlite|bun:sqlite|drizzle-orm\/better-sqlite3|drizzle-orm\/bun-sqlite)$/.test(String(s.source.value)),
  );
}

function returnsSomething(body: TSESTree.Node | null | undefined): boolean {
  if (!body || body.type !== T.BlockStatement) return false;
  const stack: TSESTree.Node[] = [...body.body];
  while (stack.length > 0) {
    const n = stack.pop() as TSESTree.Node;
    if (n.type === T.ReturnStatement) {
      if (n.argument) return true;
    } else if (n.type === T.BlockStatement) stack.push(...n.body);
    else if (n.type === T.IfStatement) stack.push(n.consequent, ...(n.alternate ? [n.alternate] : []));
    else if (n.type === T.TryStatement) stack.push(n.block, ...(n.handler ? [n.handler.body] : []), ...(n.finalizer ? [n.finalizer] : []));
  }
  return false;
}
