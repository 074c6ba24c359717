/**
 * no-swallowed-errors: a `catch` (or `.catch(...)`) around a database write or
 * an external call that neither rethrows, returns, passes the error on,
 * records it, nor compensates. The request then "succeeds" while the write or
 * the call did not happen, and nobody finds out.
 */
import { isBrowserCodeAt, isBrowserOnlyCode } from '../analysis/http.js';
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { getFileAnalysis, type Effect, type FileAnalysis } from '../analysis/index.js';
import { isFileMatched, TEST_OR_SEED_GLOBS } from '../analysis/files.js';
import { calleePath, isFunctionNode, propertyName, unwrap } from '../analysis/resolve.js';
import type { FunctionNode } from '../analysis/types.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ allowConsoleError?: boolean }];
export type MessageId = 'swallowed';

export default createRule<Options, MessageId>({
  name: 'no-swallowed-errors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow catch blocks around writes and external calls that neither rethrow, report nor compensate',
      recommended: 'recommended',
      category: 'Error paths',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowConsoleError: {
            type: 'boolean',
            description:
              'Count `console.error(...)` and `console.warn(...)` as recording the error (they reach stderr, which hosting platforms collect). `console.log` never counts.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowConsoleError: true }],
    messages: {
      swallowed:
        'This catch swallows a failure of `{{effect}}`: the caller carries on as if it succeeded and nothing records it. Rethrow, return an error, log it with `logger.error`/Sentry, or record the failure for a retry.',
    },
  },
  defaultOptions: [{ allowConsoleError: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!sourceCode.text.includes('catch') && !sourceCode.text.includes('.then(')) return {};
    // Test set-up and teardown swallow cleanup failures on purpose; they never serve traffic.
    if (isFileMatched(context, TEST_OR_SEED_GLOBS)) return {};
    // Browser code (tracker beacons, client stores) ignores its own failures by design; no server record depends on it.
    if (isBrowserOnlyCode(sourceCode)) return {};
    const allowConsoleError = options.allowConsoleError !== false;
    return {
      'Program:exit'() {
        const analysis = getFileAnalysis(context);
        const judge = new Judge(sourceCode, analysis, allowConsoleError);
        const seen = new Set<TSESTree.Node>();
        /** Per try statement: whether it sits in an error path (several writes share one try). */
        const errorPaths = new Map<TSESTree.TryStatement, boolean>();
        for (const model of analysis.models()) {
          for (const site of model.sites) {
            if (!isGuardedEffect(site.effect) || isBrowserCodeAt(sourceCode, site.effect.node)) continue;
            const catcher = catcherOf(site.effect.node, model.inlined, errorPaths);
            if (!catcher || seen.has(catcher.handler) || inTestHook(catcher.handler)) continue;
            seen.add(catcher.handler);
            if (judge.handles(catcher.handler, catcher.param)) continue;
            context.report({ loc: catcher.loc, messageId: 'swallowed', data: { effect: site.effect.label } });
          }
        }
      },
    };
  },
});

// ---------------------------------------------------------------------------

const WRITE_OPS = new Set(['create', 'update', 'delete', 'upsert', 'flush', 'transaction', 'commit']);

function isGuardedEffect(effect: Effect): boolean {
  if (effect.kind === 'db') return WRITE_OPS.has(effect.op);
  // A failed GET with a fallback is a design choice; a failed POST that nobody hears about is lost work.
  // Only clients followed to their import or constructor: a guess from a name (`api.close()`) is too weak to report on.
  if (effect.kind === 'external') return effect.mutating && effect.confidence === 'resolved';
  return effect.kind === 'enqueue';
}

interface Catcher {
  /** The catch body, or the `.catch(...)` handler. */
  handler: TSESTree.Node;
  /** The caught error's binding name, if any. */
  param: string | undefined;
  loc: TSESTree.SourceLocation;
}

/** The `catch` that receives the effect's failure: an enclosing try/catch in the same flow, or a `.catch(handler)` chained on it. */
function catcherOf(node: TSESTree.Node, inlined: ReadonlySet<FunctionNode>, errorPaths: Map<TSESTree.TryStatement, boolean>): Catcher | null {
  const chained = chainedCatch(node);
  if (chained) return chained;
  let child: TSESTree.Node = node;
  let n: TSESTree.Node | undefined = node.parent;
  while (n) {
    if (n.type === T.TryStatement && n.block === child && n.handler) {
      let errorPath = errorPaths.get(n);
      if (errorPath === undefined) {
        errorPath = inErrorPath(n);
        errorPaths.set(n, errorPath);
      }
      if (errorPath) return null;
      const clause = n.handler;
      const param = clause.param?.type === T.Identifier ? clause.param.name : undefined;
      const start = clause.loc.start;
      return { handler: clause.body, param, loc: { start, end: { line: start.line, column: start.column + 5 } } };
    }
    if (isFunctionNode(n)) {
      if (!inlined.has(n)) return null;
    }
    // `Promise.allSettled([...])` never rejects: the failure is in its results, not in a catch.
    if (n.type === T.CallExpression && child !== n.callee && isPromiseAllSettled(n.callee)) return null;
    // `sequelize.transaction(async (t) => { … }).catch(() => {})`: the failure surfaces on the opener.
    if (n.type === T.CallExpression && child !== n.callee) {
      const outer = chainedCatch(n);
      if (outer) return outer;
    }
    child = n;
    n = n.parent;
  }
  return null;
}

/** `Promise.allSettled`, tested without building the callee path: most calls around an effect are something else. */
function isPromiseAllSettled(callee: TSESTree.Node): boolean {
  const c = unwrap(callee);
  if (c.type !== T.MemberExpression || propertyName(c) !== 'allSettled') return false;
  const object = unwrap(c.object);
  return object.type === T.Identifier && object.name === 'Promise';
}

const TEST_HOOKS = new Set(['afterAll', 'afterEach', 'beforeAll', 'beforeEach', 'after', 'before', 'it', 'test', 'describe']);

/** Inside a test or a test hook (`afterAll(async () => { … })`): cleanup there is best effort by design. */
function inTestHook(node: TSESTree.Node): boolean {
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) {
    if (n.type !== T.CallExpression) continue;
    const path = calleePath(n.callee);
    if (path && TEST_HOOKS.has(path[0])) return true;
  }
  return false;
}

/**
 * Best-effort cleanup while another error is already being handled: inside a `catch`, or in an error
 * handler (`(err, req, res, next) => …`, `const fail = (error) => …`). The original error is the one that matters.
 */
function inErrorPath(tryStatement: TSESTree.TryStatement): boolean {
  for (let n: TSESTree.Node | undefined = tryStatement.parent; n; n = n.parent) {
    if (n.type === T.CatchClause) return true;
    if (isFunctionNode(n)) {
      const first = n.params[0];
      if (first?.type === T.Identifier && /^(?:e|err|error|reason|cause|failure)$/i.test(first.name)) return true;
    }
  }
  return false;
}

/** `call.catch(handler)` or `call.then(ok, handler)`, possibly after further `.then(...)`. */
function chainedCatch(node: TSESTree.Node): Catcher | null {
  let n: TSESTree.Node = node;
  for (let i = 0; i < 8; i++) {
    const member = n.parent;
    if (member?.type !== T.MemberExpression || member.object !== n) return null;
    const call = member.parent;
    if (call?.type !== T.CallExpression || call.callee !== member) return null;
    const name = propertyName(member);
    const handler = name === 'catch' ? call.arguments[0] : name === 'then' ? call.arguments[1] : undefined;
    if (handler && handler.type !== T.SpreadElement) {
      let param: string | undefined;
      if ((handler.type === T.ArrowFunctionExpression || handler.type === T.FunctionExpression) && handler.params[0]?.type === T.Identifier) {
        param = handler.params[0].name;
      }
      return { handler, param, loc: member.property.loc };
    }
    if (name !== 'then' && name !== 'finally') return null;
    n = call;
  }
  return null;
}

const LOGGER_METHODS = new Set(['error', 'warn', 'warning', 'fatal', 'exception', 'critical', 'alert', 'emerg', 'crit']);
const REPORTER_METHODS = new Set([
  'captureException',
  'captureMessage',
  'captureError',
  'notify',
  'noticeError',
  'recordException',
  'reportError',
  'trackException',
  'increment',
  'incr',
  'inc',
]);
const PASS_ON_CALLEES = new Set(['next', 'reject', 'done', 'cb', 'callback', 'fail']);
const QUIET_CONSOLE = new Set(['log', 'info', 'debug', 'trace', 'dir', 'table']);
/** A function whose name says it deals with the failure (`markFailed`, `rollback`, `scheduleRetry`, `refund`) or tells the user (`toast`, `redirect`). */
const HANDLING_NAME = /fail|error|reject|abort|rollback|compensat|retry|refund|cancel|revert|undo|alert|report|notify|dead|toast|snackbar|flash|redirect|notFound/i;
const ERROR_KEYS = new Set(['error', 'errors', 'err']);

/** Decides whether a catch body or `.catch` handler deals with the error. */
class Judge {
  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly analysis: FileAnalysis,
    private readonly allowConsoleError: boolean,
  ) {}

  handles(handler: TSESTree.Node, param: string | undefined): boolean {
    if (handler.type === T.BlockStatement) return this.blockHandles(handler, param);
    if (handler.type === T.ArrowFunctionExpression || handler.type === T.FunctionExpression) {
      if (handler.body.type === T.BlockStatement) return this.blockHandles(handler.body, param);
      // `.catch(() => null)`: a value flows on for the caller to inspect; `() => undefined`/`() => {}` does not.
      const body = unwrap(handler.body);
      if (body.type === T.CallExpression) return this.callHandles(body, param, false);
      return !isNothing(body);
    }
    // `.catch(console.error)`, `.catch(handleError)`, `.catch(noop)`.
    const path = calleePath(handler);
    if (!path) return true;
    if (path[0] === 'console') return this.consoleCounts(path[1]);
    return !/^(?:noop|ignore|_\.noop|lodash\.noop)$/.test(path.join('.'));
  }

  private blockHandles(block: TSESTree.BlockStatement, param: string | undefined): boolean {
    const stack: TSESTree.Node[] = [block];
    const keys = this.sourceCode.visitorKeys;
    while (stack.length > 0) {
      const n = stack.pop() as TSESTree.Node;
      if (this.nodeHandles(n, param)) return true;
      if (this.isQuietLog(n)) continue; // `console.log({ error: e })` still swallows
      for (const key of keys[n.type] ?? []) {
        const value = (n as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
          for (const v of value) if (v && isBranch(v)) stack.push(v as TSESTree.Node);
        } else if (value && isBranch(value)) stack.push(value as TSESTree.Node);
      }
    }
    return false;
  }

  private nodeHandles(n: TSESTree.Node, param: string | undefined): boolean {
    switch (n.type) {
      case T.ThrowStatement:
        return true;
      case T.ReturnStatement:
        return n.argument !== null && !isNothing(n.argument) && !claimsSuccess(n.argument);
      case T.CallExpression:
        return this.callHandles(n, param, isAwaited(n));
      case T.NewExpression:
        return isErrorResponse(n);
      case T.AssignmentExpression:
        return recordsFailure(n.left) || mentions(n.right, param);
      case T.UpdateExpression:
        return recordsFailure(n.argument);
      case T.ObjectExpression:
        return hasErrorKey(n);
      default:
        return false;
    }
  }

  private callHandles(call: TSESTree.CallExpression, param: string | undefined, awaited: boolean): boolean {
    const path = calleePath(call.callee);
    const last = path?.[path.length - 1];
    if (path?.[0] === 'console' && path.length === 2) return this.consoleCounts(path[1]);
    if (path?.length === 2 && path[0] === 'process' && path[1] === 'exit') return true;
    if (last && (LOGGER_METHODS.has(last) || REPORTER_METHODS.has(last))) return true;
    if (path?.length === 1 && PASS_ON_CALLEES.has(path[0]) && call.arguments.length > 0) return true;
    // `markFailed(id)`, `scheduleRetry(job)`, `failed.push(id)`, `this.errors.add(e)`.
    if (path?.some((segment) => HANDLING_NAME.test(segment))) return true;
    if (isErrorResponse(call, path)) return true;
    if (param && call.arguments.some((a) => mentions(a, param))) return true;
    // A write, an external call or a hand-off in the catch: a failure row, a status mark, a compensation.
    if (this.analysis.classify(call)) return true;
    // An awaited call we cannot see into may compensate; stay silent.
    return awaited;
  }

  private isQuietLog(n: TSESTree.Node): boolean {
    if (n.type !== T.CallExpression) return false;
    const path = calleePath(n.callee);
    return path?.length === 2 && path[0] === 'console' && !this.consoleCounts(path[1]);
  }

  private consoleCounts(method: string | undefined): boolean {
    if (method === undefined || QUIET_CONSOLE.has(method)) return false;
    return (method === 'error' || method === 'warn') && this.allowConsoleError;
  }
}

/** A node that can hold or be a way of handling the error: not a name, a literal or `this` (a parameter's name can carry decorators). */
function isBranch(value: object): boolean {
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || type === T.Literal || type === T.TemplateElement || type === T.ThisExpression) return false;
  return type !== T.Identifier || ((value as TSESTree.Identifier).decorators?.length ?? 0) > 0;
}

function isAwaited(call: TSESTree.CallExpression): boolean {
  let n: TSESTree.Node = call;
  while (n.parent && (n.parent.type === T.ChainExpression || n.parent.type === T.TSNonNullExpression || n.parent.type === T.TSAsExpression)) n = n.parent;
  return n.parent?.type === T.AwaitExpression;
}

/** `undefined`, `void 0`. */
function isNothing(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return (n.type === T.Identifier && n.name === 'undefined') || (n.type === T.UnaryExpression && n.operator === 'void');
}

/** `return { success: true }`, `return res.json({ ok: true })`: reporting success for a failure. */
function claimsSuccess(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === T.ObjectExpression) return n.properties.some((p) => p.type === T.Property && isSuccessFlag(p));
  if (n.type === T.CallExpression && !isErrorResponse(n)) return n.arguments.some((a) => a.type !== T.SpreadElement && claimsSuccess(a));
  return false;
}

function isSuccessFlag(p: TSESTree.Property): boolean {
  const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
  return (key === 'success' || key === 'ok') && p.value.type === T.Literal && p.value.value === true;
}

/** `{ error: … }`, `{ ok: false }`, `{ success: false }`, `{ status: 'failed' }`. */
function hasErrorKey(obj: TSESTree.ObjectExpression): boolean {
  return obj.properties.some((p) => {
    if (p.type !== T.Property) return false;
    const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
    if (ERROR_KEYS.has(key)) return true;
    if ((key === 'ok' || key === 'success') && p.value.type === T.Literal && p.value.value === false) return true;
    return key === 'status' && p.value.type === T.Literal && typeof p.value.value === 'string' && /fail|error/i.test(p.value.value);
  });
}

/** `res.status(500)`, `reply.code(502)`, `res.sendStatus(500)`, `ctx.throw(500)`, `c.json(x, 500)`, `Response.json(x, { status: 500 })`, `new Response(x, { status: 500 })`. */
function isErrorResponse(call: TSESTree.CallExpression | TSESTree.NewExpression, calleePathOfCall?: string[] | null): boolean {
  if (call.type === T.NewExpression) {
    return call.callee.type === T.Identifier && /Response$/.test(call.callee.name) && hasErrorStatusOption(call.arguments[1]);
  }
  const path = calleePathOfCall === undefined ? calleePath(call.callee) : calleePathOfCall;
  const last = path?.[path.length - 1];
  if (!last) return false;
  if (last === 'throw' && path && path.length === 2) return true;
  if (last === 'status' || last === 'code' || last === 'sendStatus') return isErrorStatus(call.arguments[0]);
  if (last === 'json' || last === 'text' || last === 'redirect') {
    const second = call.arguments[1];
    if (second?.type === T.ObjectExpression) return hasErrorStatusOption(second);
    return second !== undefined && isErrorStatus(second);
  }
  return false;
}

function hasErrorStatusOption(arg: TSESTree.Node | undefined): boolean {
  if (arg?.type !== T.ObjectExpression) return false;
  return arg.properties.some(
    (p) => p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'status' && isErrorStatus(p.value),
  );
}

/** A literal status of 400 or more, or a status we cannot read (it came from the error). */
function isErrorStatus(node: TSESTree.Node | undefined): boolean {
  if (!node || node.type === T.SpreadElement) return false;
  const n = unwrap(node);
  if (n.type === T.Literal) return typeof n.value === 'number' && n.value >= 400;
  return true;
}

/** `failed = true`, `job.lastError = e`, `ctx.status = 500`, `errors++`. */
function recordsFailure(target: TSESTree.Node): boolean {
  const t = unwrap(target);
  const name = t.type === T.Identifier ? t.name : t.type === T.MemberExpression ? propertyName(t) : undefined;
  return name !== undefined && /error|fail|status|success|^ok$/i.test(name);
}

/** The expression uses the caught error (`err`, `err.message`, `{ cause: err }`). */
function mentions(node: TSESTree.Node, param: string | undefined): boolean {
  if (!param) return false;
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as TSESTree.Node;
    switch (n.type) {
      case T.Identifier:
        if (n.name === param) return true;
        break;
      case T.MemberExpression:
        stack.push(n.object);
        break;
      case T.ObjectExpression:
        for (const p of n.properties) stack.push(p.type === T.Property ? p.value : p.argument);
        break;
      case T.ArrayExpression:
        for (const e of n.elements) if (e) stack.push(e);
        break;
      case T.TemplateLiteral:
        stack.push(...n.expressions);
        break;
      case T.CallExpression:
      case T.NewExpression:
        stack.push(...(n.arguments as TSESTree.Node[]));
        break;
      case T.SpreadElement:
        stack.push(n.argument);
        break;
      case T.TSAsExpression:
      case T.TSNonNullExpression:
        stack.push(n.expression);
        break;
      case T.BinaryExpression:
      case T.LogicalExpression:
        stack.push(n.left, n.right);
        break;
      default:
        break;
    }
  }
  return false;
}
