import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { describeExternalCall, originOf, type ExternalContext } from '../analysis/external.js';
import { clientTimeout, factoryBinding, isCallbackLike, isBrowserCodeAt, isBrowserOnlyCode, isSameOriginPath, objectLiteralOf, timeoutVerdict, type HttpCall, type HttpClient } from '../analysis/http.js';
import { calleePath, contains, propertyName, traceValue } from '../analysis/resolve.js';
import { getFileAnalysis } from '../analysis/index.js';
import { textMayMention } from '../analysis/gate.js';
import { isOutsideRequestPath } from '../analysis/production.js';
import { parseSettings } from '../analysis/settings.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ axiosDefaultsSet?: boolean }];
export type MessageId =
  | 'noTimeout'
  | 'fetchTimeoutIgnored'
  | 'timeoutDisabled'
  | 'instanceWithoutTimeout'
  | 'clientWithoutTimeout'
  | 'addSignal'
  | 'useSignal'
  | 'addTimeout'
  | 'setTimeout';

/** The deadline the suggestions propose; the docs tell users to pick their own. */
const SUGGESTED_MS = '10_000';

export default createRule<Options, MessageId>({
  name: 'require-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a timeout or abort signal on HTTP calls and clients',
      recommended: 'recommended',
      category: 'External service is down',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          axiosDefaultsSet: {
            type: 'boolean',
            description: 'The project sets `axios.defaults.timeout` at startup, so calls on the default `axios` instance have a timeout.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ axiosDefaultsSet: false }],
    messages: {
      noTimeout:
        '`{{label}}` has no timeout: when the service stops answering, this request hangs and holds its caller, its socket and its memory while traffic piles up behind it. {{fix}}',
      fetchTimeoutIgnored:
        '`{{label}}` ignores the `timeout` option, so this request still hangs for as long as the service does. Pass `signal: AbortSignal.timeout(…)` instead.',
      timeoutDisabled:
        '`{{setting}}` turns off the timeout of `{{label}}`, so a stalled service holds this request open for good. Set a limit in milliseconds.',
      instanceWithoutTimeout:
        '`{{label}}` goes through `{{instance}}`, created without a timeout on line {{line}}, so it hangs for as long as the service does. Add `timeout` to `{{factory}}(…)` or to this call.',
      clientWithoutTimeout:
        '`{{factory}}(…)` creates an HTTP client without a timeout, so every request made through it hangs for as long as the service does. Add `{{code}}` to its config.',
      addSignal: 'Add `signal: AbortSignal.timeout(10_000)`.',
      useSignal: 'Replace `timeout` with `signal: AbortSignal.timeout(…)`.',
      addTimeout: 'Add `{{code}}`.',
      setTimeout: 'Set `{{code}}`.',
    },
  },
  defaultOptions: [{ axiosDefaultsSet: false }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const axiosDefaultsSet = options.axiosDefaultsSet === true;
    // Tests, fixtures, seeds, migrations and scripts: a person is watching when a request hangs.
    if (isOutsideRequestPath(context) || isBrowserOnlyCode(sourceCode)) return {};
    const settings = parseSettings(context.settings);
    if (!textMayMention(sourceCode.text, MAY_CALL_HTTP) && ![...settings.clients.values()].includes('http')) return {};
    const ctx: ExternalContext = { sourceCode, settings };

    return {
      'Program:exit'() {
        // The shared analysis has found and classified every call already.
        const analysis = getFileAnalysis(context);
        for (const node of analysis.calls()) {
          // A database call is not a request.
          if (node.type === T.CallExpression && analysis.classify(node)?.kind !== 'db') check(node);
        }
      },
    };

    function check(call: TSESTree.CallExpression): void {
      // Browser code, outside a route's `loader` or a page's `getServerSideProps`.
      if (isBrowserCodeAt(sourceCode, call) || checkExportedFactory(call)) return;
      const info = describeExternalCall(call, ctx);
      if (info && !info.http && info.family === 'http' && info.origin === undefined) {
        checkRegisteredClient(call, info.label);
        return;
      }
      const http = info?.http;
      if (!info || !http) return;
      // `fetch('/api/likes')` runs in a browser, where the user is the timeout.
      if (!http.factory && !http.instanceUnknown && isSameOriginPath(call.arguments[0])) return;
      // An exported client is reported where it is created.
      if (http.factory && isExported(http.factory) && factoryClient(http.factory)) return;
      if (raceAgainstTimer(call)) return;
      const receiver = receiverName(call);
      const verdict = timeoutVerdict(sourceCode, call, http, receiver);
      const label = info.label;
      switch (verdict.kind) {
        case 'ok':
        case 'unknown':
          return;
        case 'missing':
          if (axiosDefaultsSet && http.client === 'axios' && !http.factory && !http.instanceUnknown) return;
          context.report({
            node: call.callee,
            messageId: 'noTimeout',
            data: { label, fix: FIX_TEXT[http.client] },
            suggest: missingSuggestion(call, http),
          });
          return;
        case 'ignored':
          context.report({
            node: verdict.node,
            messageId: 'fetchTimeoutIgnored',
            data: { label },
            suggest: [{ messageId: 'useSignal', fix: (fixer) => fixer.replaceText(verdict.node, `signal: AbortSignal.timeout(${sourceCode.getText(verdict.node.value)})`) }],
          });
          return;
        case 'disabled':
          context.report({
            // On the instance's config, the call is where the request hangs.
            node: contains(call, verdict.node) ? verdict.node : call.callee,
            messageId: 'timeoutDisabled',
            data: { setting: sourceCode.getText(verdict.node), label },
            suggest: [{ messageId: 'setTimeout', data: { code: `timeout: ${timeoutValue(http.client)}` }, fix: (fixer) => fixer.replaceText(verdict.node.value, timeoutValue(http.client)) }],
          });
          return;
        case 'instance': {
          const factory = verdict.factory;
          context.report({
            node: call.callee,
            messageId: 'instanceWithoutTimeout',
            data: { label, instance: factoryBinding(factory) ?? receiver ?? 'the client', line: String(factory.loc.start.line), factory: sourceCode.getText(factory.callee) },
            suggest: addToArgument(factory, 0, `timeout: ${timeoutValue(http.client)}`, 'addTimeout'),
          });
          return;
        }
      }
    }

    /**
     * A client the project registered as an HTTP client (`settings.prodguard.clients: { partner: 'http' }`):
     * reported only when its creation is in this file and no config of it or of the call mentions a timeout.
     */
    function checkRegisteredClient(call: TSESTree.CallExpression, label: string): void {
      if (call.arguments.some((a) => mentionsTimeout(a) === true)) return;
      const origin = originOf(sourceCode, traceValue(sourceCode, call.callee));
      const factory = origin.factories[0];
      if (!factory || factory.arguments.some((a) => mentionsTimeout(a) !== false)) return;
      context.report({
        node: call.callee,
        messageId: 'instanceWithoutTimeout',
        data: { label, instance: factoryBinding(factory) ?? receiverName(call) ?? 'the client', line: String(factory.loc.start.line), factory: sourceCode.getText(factory.callee) },
      });
    }

    /** Whether an argument configures a deadline: `true`, `false`, or `undefined` when it cannot be seen. */
    function mentionsTimeout(node: TSESTree.Node, depth = 0): boolean | undefined {
      if (depth > 3) return undefined;
      if (node.type === T.SpreadElement) return undefined;
      const obj = objectLiteralOf(sourceCode, node);
      if (!obj) {
        const envRead = node.type === T.MemberExpression && sourceCode.getText(node.object).endsWith('process.env');
        return !envRead && (node.type === T.Identifier || node.type === T.MemberExpression || node.type === T.CallExpression || node.type === T.NewExpression) ? undefined : false;
      }
      for (const p of obj.properties) {
        if (p.type === T.SpreadElement) return undefined;
        const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
        if (/timeout|signal/i.test(key) && !(p.value.type === T.Literal && (p.value.value === 0 || p.value.value === false))) return true;
        if (p.value.type === T.ObjectExpression || p.value.type === T.NewExpression) {
          const inner = p.value.type === T.NewExpression ? p.value.arguments.map((a) => mentionsTimeout(a, depth + 1)).find((v) => v !== false) : mentionsTimeout(p.value, depth + 1);
          if (inner !== false) return inner;
        }
      }
      return false;
    }

    /** `export const api = axios.create()` with no timeout: calls elsewhere cannot be seen, so the client itself is reported. */
    function checkExportedFactory(call: TSESTree.CallExpression): boolean {
      const client = factoryClient(call);
      if (!client || !isExported(call)) return false;
      const verdict = clientTimeout(sourceCode, call.arguments[0], client);
      if (verdict.kind !== 'missing') return true;
      const holder = factoryBinding(call);
      if (holder && new RegExp(`\\b${holder.replace(/[.$]/g, '\\$&')}\\.defaults\\.timeout\\s*=\\s*[1-9]`).test(sourceCode.text)) return true;
      const code = `timeout: ${timeoutValue(client)}`;
      context.report({
        node: call.callee,
        messageId: 'clientWithoutTimeout',
        data: { factory: sourceCode.getText(call.callee), code },
        suggest: addToArgument(call, 0, code, 'addTimeout'),
      });
      return true;
    }

    /** `axios.create`, `got.extend`: the client they make, if this call is one. ky has a default timeout. */
    function factoryClient(call: TSESTree.CallExpression | TSESTree.NewExpression): HttpClient | undefined {
      if (call.type !== T.CallExpression || call.callee.type !== T.MemberExpression) return undefined;
      const method = propertyName(call.callee);
      if (method !== 'create' && method !== 'extend') return undefined;
      const path = calleePath(call.callee);
      if (!path || path.length !== 2 || (path[1] !== 'create' && path[1] !== 'extend')) return undefined;
      const origin = originOf(sourceCode, traceValue(sourceCode, call.callee));
      if (origin.base !== 'import' || origin.imported !== 'default') return undefined;
      if (origin.source === 'axios' && origin.steps.join('.') === 'create') return 'axios';
      if (origin.source === 'got' && origin.steps.join('.') === 'extend') return 'got';
      return undefined;
    }

    function missingSuggestion(call: TSESTree.CallExpression, http: HttpCall): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      switch (http.client) {
        case 'fetch':
        case 'node-fetch':
        case 'undici':
        case 'node:http':
          return addToArgument(call, http.optionsIndex, `signal: AbortSignal.timeout(${SUGGESTED_MS})`, 'addSignal');
        case 'superagent':
          return [{ messageId: 'addTimeout', data: { code: `.timeout(${SUGGESTED_MS})` }, fix: (fixer) => fixer.insertTextAfter(call, `.timeout(${SUGGESTED_MS})`) }];
        default:
          return addToArgument(call, http.optionsIndex, `timeout: ${timeoutValue(http.client)}`, 'addTimeout');
      }
    }

    /** Adds `code` as the first property of argument `index`, creating the object (and `undefined` fillers) when absent. */
    function addToArgument(
      call: TSESTree.CallExpression | TSESTree.NewExpression,
      index: number,
      code: string,
      messageId: 'addSignal' | 'addTimeout',
    ): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      const arg = call.arguments[index];
      const data = messageId === 'addTimeout' ? { code } : undefined;
      if (arg && isCallbackLike(sourceCode, arg)) return [{ messageId, data, fix: (fixer) => fixer.insertTextBefore(arg, `{ ${code} }, `) }];
      if (arg) {
        const obj = objectLiteralOf(sourceCode, arg);
        if (!obj) return [];
        const first = obj.properties[0];
        if (!first) return [{ messageId, data, fix: (fixer) => fixer.replaceText(obj, `{ ${code} }`) }];
        return [{ messageId, data, fix: (fixer) => fixer.insertTextBefore(first, `${code}, `) }];
      }
      const last = call.arguments[call.arguments.length - 1];
      if (!last || last.type === T.SpreadElement) return [];
      const fillers = ', undefined'.repeat(index - call.arguments.length);
      return [{ messageId, data, fix: (fixer) => fixer.insertTextAfter(last, `${fillers}, { ${code} }`) }];
    }
  },
});

const FIX_TEXT: Record<HttpClient, string> = {
  fetch: 'Pass `signal: AbortSignal.timeout(ms)`.',
  'node-fetch': 'Pass `signal: AbortSignal.timeout(ms)`.',
  undici: 'Pass `signal: AbortSignal.timeout(ms)` or `headersTimeout`/`bodyTimeout`.',
  axios: 'Set `timeout` (milliseconds) in the request config or on the instance.',
  got: 'Set `timeout: { request: ms }`.',
  ky: 'Leave ky\'s default timeout on.',
  superagent: 'Chain `.timeout(ms)`.',
  'node:http': 'Pass `signal: AbortSignal.timeout(ms)` or call `req.setTimeout(ms, …)` and destroy the request.',
  '@nestjs/axios': 'Set `timeout` in the request config or in `HttpModule.register`.',
};

function timeoutValue(client: HttpClient): string {
  return client === 'got' ? `{ request: ${SUGGESTED_MS} }` : SUGGESTED_MS;
}

/**
 * `Promise.race([fetch(url), sleep(5000).then(fail)])` or `withTimeout(fetch(url), 5000)`: the caller stops
 * waiting after a deadline, even if the request itself goes on.
 */
function raceAgainstTimer(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  for (let i = 0; i < 16; i++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    if (parent.type === T.ArrayExpression || parent.type === T.AwaitExpression || parent.type === T.TSAsExpression) {
      node = parent;
    } else if (parent.type === T.MemberExpression && parent.object === node && parent.parent?.type === T.CallExpression) {
      node = parent.parent;
    } else if (parent.type === T.CallExpression && parent.callee !== node) {
      const path = calleePath(parent.callee)?.join('.') ?? '';
      return path === 'Promise.race' || /timeout|deadline/i.test(path);
    } else {
      return false;
    }
  }
  return false;
}

/** A cheap look at the text: only files that may call an HTTP client are analysed. */
const MAY_CALL_HTTP = /\bfetch\b|['"](?:node:)?(?:axios|got|ky|superagent|undici|https?|node-fetch|cross-fetch|isomorphic-fetch)['"]/;

/** `api.get(…)` → `api`; `this.http.post(…)` → `this.http`. */
function receiverName(call: TSESTree.CallExpression): string | undefined {
  const path = calleePath(call.callee);
  if (!path || path.length < 2) return path?.[0];
  return path.slice(0, -1).join('.');
}

function isExported(call: TSESTree.Node): boolean {
  const parent = call.parent;
  if (parent?.type === T.ExportDefaultDeclaration) return true;
  if (parent?.type === T.AssignmentExpression && parent.left.type === T.MemberExpression) {
    const text = calleePath(parent.left)?.join('.');
    return text === 'module.exports' || text?.startsWith('exports.') === true;
  }
  if (parent?.type !== T.VariableDeclarator) return false;
  return parent.parent?.parent?.type === T.ExportNamedDeclaration;
}
