import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { describeExternalCall, idempotencyOf, type ExternalContext } from '../analysis/external.js';
import { getFileAnalysis, type EffectSite, type FunctionModel } from '../analysis/index.js';
import { isOutsideRequestPath } from '../analysis/production.js';
import { promiseUse } from '../analysis/promises.js';
import { calleePath, contains, isFunctionNode } from '../analysis/resolve.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'writeThenCall' | 'callThenWrite';

export default createRule<Options, MessageId>({
  name: 'no-unguarded-dual-write',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a committed database write and an external mutating call with no plan for one of them failing',
      recommended: 'recommended',
      category: 'External service is down',
    },
    schema: [],
    messages: {
      writeThenCall:
        '`{{write}}` is committed before `{{call}}`, and nothing handles that call failing: when the service is down or times out, the database and the other system disagree for good. Write an outbox row in the same transaction, enqueue the call, or catch the failure and record it for retry.',
      callThenWrite:
        '`{{call}}` takes effect before `{{write}}` records it, and nothing covers that write failing: the charge or message has gone out but the database does not know, so a retry does it a second time. Pass an idempotency key derived from a stable id, or catch the write\'s failure and compensate.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    // Tests, fixtures, seeds, migrations and scripts do not serve traffic.
    if (isOutsideRequestPath(context)) return {};
    return {
      'Program:exit'() {
        const analysis = getFileAnalysis(context);
        const ctx: ExternalContext = { sourceCode, settings: analysis.settings };
        const models = analysis.models();
        // Both directions need a call that changes something on another system.
        const changesElsewhere = (site: EffectSite) => site.effect.kind === 'external' && site.effect.mutating;
        if (!models.some((m) => m.sites.some(changesElsewhere))) return;
        // Handlers (`.catch(async (err) => …)`) are models of their own: look for compensation across all of them.
        const allSites = models.flatMap((m) => m.sites);
        // `await Promise.all(items.map((i) => api.post(…)))`: the callback is inlined into its caller's model.
        for (const model of models) checkModel(model, allSites, ctx);
      },
    };

    function checkModel(model: FunctionModel, allSites: readonly EffectSite[], ctx: ExternalContext): void {
      const sites = model.sites;
      const callbacks = model.transactions.flatMap((t) => (t.callback ? [t.callback] : []));
      for (const call of sites) {
        const effect = call.effect;
        if (effect.kind !== 'external' || !effect.mutating || call.transaction || call.inHandler) continue;
        if (callbacks.some((cb) => contains(cb, effect.node)) || retriedByRunner(effect.node, model.root)) continue;
        // A message to a team chat is a notification, not state the database must agree with.
        if (describeExternalCall(effect.node, ctx)?.family === 'chat') continue;

        const before = sites.findLast((w) => w.effect.node.range[1] <= effect.node.range[0] && isCommittedWrite(w) && reaches(w.effect.node, effect.node, model.root));
        if (before && !callFailureHandled(effect.node, model.root, allSites)) {
          context.report({ node: effect.node, messageId: 'writeThenCall', data: { write: before.effect.label, call: effect.label } });
          continue;
        }

        if (!isChargeOrSend(effect.node, effect.label, ctx)) continue;
        const after = sites.find((w) => w.index > call.index && isCommittedWrite(w) && reaches(effect.node, w.effect.node, model.root));
        if (!after || writeFailureCompensated(after.effect.node, model.root, allSites) || hasStableKey(effect.node, ctx)) continue;
        context.report({ node: effect.node, messageId: 'callThenWrite', data: { write: after.effect.label, call: effect.label } });
      }
    }

    /** `.catch(h)` on the call, or a `try` around it, whose handler compensates, records for retry or marks the record. */
    function callFailureHandled(node: TSESTree.Node, root: TSESTree.Node, allSites: readonly EffectSite[]): boolean {
      const use = promiseUse(sourceCode, node);
      if (use.kind === 'handled' && handlerRecovers(use.handler, allSites, 'call')) return true;
      return enclosingHandlers(node, root).some((h) => handlerRecovers(h, allSites, 'call'));
    }

    function writeFailureCompensated(node: TSESTree.Node, root: TSESTree.Node, allSites: readonly EffectSite[]): boolean {
      const use = promiseUse(sourceCode, node);
      if (use.kind === 'handled' && handlerRecovers(use.handler, allSites, 'write')) return true;
      return enclosingHandlers(node, root).some((h) => handlerRecovers(h, allSites, 'write'));
    }

    /**
     * A handler recovers when it does something durable about the failure: after a failed call, a
     * database write (mark the record, record for retry) or an enqueue; after a failed write, an
     * external call (refund, cancel) or an enqueue; or a call to a helper named for it.
     */
    function handlerRecovers(handler: TSESTree.Node, allSites: readonly EffectSite[], failed: 'call' | 'write'): boolean {
      if (handler.type === T.Identifier) return RECOVERY_NAME.test(handler.name);
      for (const site of allSites) {
        if (!contains(handler, site.effect.node)) continue;
        const e = site.effect;
        if (e.kind === 'enqueue') return true;
        if (failed === 'call' && e.kind === 'db' && WRITE_OPS.has(e.op)) return true;
        if (failed === 'write' && e.kind === 'external' && e.mutating) return true;
      }
      return callsNamed(handler, RECOVERY_NAME);
    }

    /** Charges and sends: payment SDK calls that move money, email and SMS sends, and project functions named for them. */
    function isChargeOrSend(node: TSESTree.CallExpression, label: string, ctx: ExternalContext): boolean {
      const info = describeExternalCall(node, ctx);
      if (info && info.confidence === 'resolved' && info.path.length > 0) {
        if (info.family === 'email' || info.family === 'sms') return info.mutating;
        if (info.family === 'payment') {
          const method = info.path[info.path.length - 1];
          if (MONEY_METHOD.test(method)) return true;
          if (info.path.some((p) => MONEY_RESOURCE.test(p)) && /^(create|confirm|capture)/.test(method)) return true;
          // A subscription's first invoice is charged when it is created.
          return info.path[info.path.length - 2] === 'subscriptions' && method === 'create';
        }
        return false;
      }
      const last = label.split('.').pop() ?? '';
      return CHARGE_OR_SEND_NAME.test(last);
    }

    function hasStableKey(node: TSESTree.CallExpression, ctx: ExternalContext): boolean {
      const info = describeExternalCall(node, ctx);
      if (!info) return false;
      if (idempotencyOf(info, sourceCode).kind === 'stable') return true;
      // Email APIs that accept a key (Resend) or any call given one in its options.
      return node.arguments.some((a) => a.type === T.ObjectExpression && a.properties.some((p) => p.type === T.Property && /^idempotency_?key$/i.test(keyName(p) ?? '')));
    }
  },
});

const WRITE_OPS = new Set(['create', 'update', 'delete', 'upsert', 'flush']);
const MONEY_RESOURCE = /^(paymentIntents|charges|refunds|transfers|payouts|topups|payments|captures|PaymentsApi|ModificationsApi)$/;
const MONEY_METHOD = /^(confirm|capture|pay|refund\w*|captureOrder|authorizeOrder|createPayment|payments)$/;
const CHARGE_OR_SEND_NAME = /^(send\w*|charge\w*|refund\w*|capture\w*|pay[A-Z]\w*|payout\w*|transfer[A-Z]\w*)$/;
/** Helpers whose name says they handle a failure durably. */
const RECOVERY_NAME = /retry|requeue|enqueue|schedule|compensat|rollback|revert|refund|cancel|void[A-Z]|mark\w{0,40}?(fail|pending|error|unsynced|dirty|stale)|record\w{0,40}?(fail|error)|outbox|reconcil|deadLetter|dlq/i;

/** A database write that is final once it returns. Redis keys (locks, caches, counters) are not the record of truth. */
function isCommittedWrite(site: EffectSite): boolean {
  const e = site.effect;
  return e.kind === 'db' && e.layer !== 'redis' && WRITE_OPS.has(e.op) && !site.inHandler;
}

function keyName(p: TSESTree.Property): string | undefined {
  if (!p.computed && p.key.type === T.Identifier) return p.key.name;
  if (p.key.type === T.Literal) return String(p.key.value);
  return undefined;
}

/** The `catch` clauses of the `try` statements whose block holds `node`, innermost first, up to `root`. */
function enclosingHandlers(node: TSESTree.Node, root: TSESTree.Node): TSESTree.Node[] {
  const handlers: TSESTree.Node[] = [];
  let child: TSESTree.Node = node;
  let n: TSESTree.Node | undefined = node.parent;
  while (n && child !== root) {
    if (n.type === T.TryStatement && child === n.block && n.handler) handlers.push(n.handler.body);
    child = n;
    n = n.parent;
  }
  return handlers;
}

/** Does `node` contain a call whose callee path matches `re`? A small walk over one handler. */
function callsNamed(node: TSESTree.Node, re: RegExp): boolean {
  const stack: TSESTree.Node[] = [node];
  let seen = 0;
  while (stack.length > 0 && seen++ < 2000) {
    const n = stack.pop() as TSESTree.Node;
    if (n.type === T.CallExpression) {
      const path = calleePath(n.callee);
      if (path && re.test(path.join('.'))) return true;
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const v of value) if (v && typeof (v as TSESTree.Node).type === 'string') stack.push(v as TSESTree.Node);
      } else if (value && typeof value === 'object' && typeof (value as TSESTree.Node).type === 'string') {
        stack.push(value as TSESTree.Node);
      }
    }
  }
  return false;
}

/** Code that a durable runner retries step by step: Inngest functions and steps, Trigger.dev tasks. */
function retriedByRunner(node: TSESTree.Node, root: TSESTree.Node): boolean {
  let n: TSESTree.Node | undefined = node.parent;
  while (n) {
    if (n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression) {
      const parent = n.parent;
      if (parent?.type === T.CallExpression && parent.arguments.includes(n as TSESTree.CallExpressionArgument)) {
        const path = calleePath(parent.callee)?.join('.') ?? '';
        if (/(^|\.)step\.run$|(^|\.)createFunction$/.test(path)) return true;
      }
      if (parent?.type === T.Property && keyName(parent) === 'run') {
        const call = parent.parent?.parent;
        if (call?.type === T.CallExpression && /^(task|schemaTask|schedules\.task)$/.test(calleePath(call.callee)?.join('.') ?? '')) return true;
      }
    }
    if (n === root && n.type === T.Program) break;
    n = n.parent;
  }
  return false;
}

/**
 * Can `b` run after `a` on one path? Not when they sit in different arms of an `if`, `?:`, `switch`
 * or `try`/`catch`, nor when the block holding `a` returns or throws before reaching `b`.
 */
function reaches(a: TSESTree.Node, b: TSESTree.Node, root: TSESTree.Node): boolean {
  const ancestorsOfA: TSESTree.Node[] = [];
  for (let n: TSESTree.Node | undefined = a; n; n = n.parent) {
    ancestorsOfA.push(n);
    if (n === root) break;
  }
  const setA = new Set(ancestorsOfA);
  let childB: TSESTree.Node = b;
  let lca: TSESTree.Node | undefined = b.parent;
  while (lca && !setA.has(lca)) {
    childB = lca;
    lca = lca.parent;
  }
  if (!lca) return true;
  const childA = ancestorsOfA[ancestorsOfA.indexOf(lca) - 1];
  if (!childA) return true;
  if (lca.type === T.IfStatement || lca.type === T.ConditionalExpression) {
    if (childA !== lca.test && childB !== lca.test && childA !== childB) return false;
  }
  if (lca.type === T.SwitchStatement && childA !== childB && childA.type === T.SwitchCase && childB.type === T.SwitchCase) return false;
  if (lca.type === T.TryStatement && childA === lca.block && childB === lca.handler) return false;
  // A `return`/`throw` after `a` in any block between `a` and the common ancestor ends that path;
  // inside a callback (a transaction's), it only ends the callback.
  const top = ancestorsOfA.indexOf(lca);
  let from = 1;
  for (let i = 1; i < top; i++) {
    const n = ancestorsOfA[i];
    if (isFunctionNode(n)) from = i + 1;
  }
  for (let i = from; i < top; i++) {
    const block = ancestorsOfA[i];
    const stmt = ancestorsOfA[i - 1];
    if (block.type !== T.BlockStatement && block.type !== T.SwitchCase) continue;
    const body: TSESTree.Statement[] = block.type === T.BlockStatement ? block.body : block.consequent;
    const at = body.indexOf(stmt as TSESTree.Statement);
    if (at >= 0 && body.slice(at + 1).some((s) => s.type === T.ReturnStatement || s.type === T.ThrowStatement)) return false;
  }
  return true;
}
