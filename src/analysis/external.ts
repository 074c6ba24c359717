/**
 * External calls: HTTP clients, SDKs, email, webhooks, and durable hand-offs to queues.
 * Classified by where the callee comes from (imports, constructors, factories), then settings,
 * then conservative names.
 */
import { neverAnEffect } from './gate.js';
import { fileCache, keyedMemo } from './caches.js';
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import {
  AWS_EXCLUDED_PACKAGES,
  AWS_PACKAGE_PREFIX,
  awsCommandEffect,
  awsFamily,
  awsMethodEffect,
  type CallEffect,
  ENQUEUE_METHODS,
  EXTERNAL_FUNCTION,
  EXTERNAL_RECEIVER,
  type ExternalFamily,
  FRESH_VALUE_CALLS,
  IDEMPOTENT_HOSTS,
  IDEMPOTENT_METHODS,
  LOCAL_METHODS,
  MUTATING_VERB,
  SDK_CLIENTS,
  SDK_FUNCTIONS,
  type SdkClient,
} from './catalog-external.js';
import { findProperty, isHttpPackage, matchHttpCall, objectLiteralOf, propertyKey, type HttpCall } from './http.js';
import { calleePath, findVariable, importSourceOf, isFromPackage, traceValue, unwrap, type Trace } from './resolve.js';
import type { ProdguardSettings } from './settings.js';
import type { Confidence, EnqueueCall, ExternalCall } from './types.js';

export interface ExternalContext {
  sourceCode: TSESLint.SourceCode;
  settings: ProdguardSettings;
}

/**
 * Where a callee comes from, flattened: the import (or global, or typed
 * parameter/field) it starts at, and the steps taken off it, where `new` is a
 * construction, `()` a call and anything else a property read.
 * `axios.create({…}).post` is `axios` default + `['create', '()', 'post']`.
 */
export interface Origin {
  base: 'import' | 'global' | 'typed' | 'other';
  /** Module specifier for `import` and `typed`. */
  source: string | undefined;
  /** Imported name; `default` also stands for a namespace or CommonJS import. */
  imported: string;
  /** The name for `global` and `other`. */
  name: string | undefined;
  steps: readonly string[];
  /** The `new`/call nodes of each `new`/`()` step, in order: `axios.create({…})` for an instance. */
  factories: ReadonlyArray<TSESTree.CallExpression | TSESTree.NewExpression>;
}

/** Everything known about one external call; `classifyExternalCall` hands out its public part. */
export interface ExternalCallInfo {
  kind: 'external' | 'enqueue';
  node: TSESTree.CallExpression;
  client: string;
  family: ExternalFamily;
  method: string | undefined;
  mutating: boolean;
  label: string;
  confidence: Confidence;
  viaHelper: string | undefined;
  /** Path called on the client (`['paymentIntents', 'create']`), for SDK calls. */
  path: readonly string[];
  /** For HTTP calls: the client and where its options go. */
  http: HttpCall | undefined;
  origin: Origin | undefined;
}

/** Descriptions per call, for the file being linted (see caches.ts). */
const infoCache = fileCache<TSESLint.SourceCode, Map<TSESTree.CallExpression, ExternalCallInfo | null>>();

/** Classifies one call as an external call or an enqueue, or null. Pure: the caller memoises it. */
export function classifyExternalCall(call: TSESTree.CallExpression, ctx: ExternalContext): EnqueueCall | ExternalCall | null {
  const info = describeExternalCall(call, ctx);
  if (!info) return null;
  if (info.kind === 'enqueue') return { kind: 'enqueue', node: call, label: info.label, viaHelper: info.viaHelper };
  return {
    kind: 'external',
    node: call,
    client: info.client,
    method: info.method,
    mutating: info.mutating,
    label: info.label,
    confidence: info.confidence,
    viaHelper: info.viaHelper,
  };
}

/** The full description behind `classifyExternalCall`, cached per call node. */
export function describeExternalCall(call: TSESTree.CallExpression, ctx: ExternalContext): ExternalCallInfo | null {
  if (neverAnEffect(call)) return null;
  const cache = infoCache(ctx.sourceCode, () => new Map());
  const known = cache.get(call);
  if (known !== undefined) return known;
  let info: ExternalCallInfo | null = null;
  try {
    info = describe(call, ctx);
  } catch {
    // Never fail the lint run over a shape the resolver did not expect.
    info = null;
  }
  cache.set(call, info);
  return info;
}

function describe(call: TSESTree.CallExpression, ctx: ExternalContext): ExternalCallInfo | null {
  const path = calleePath(call.callee);
  // Most calls are not external; the label is only printed for those that are.
  const label = (): string => labelFor(call, path, ctx.sourceCode);

  if (path && (ctx.settings.clients.size > 0 || ctx.settings.wrappers.size > 0)) {
    const configured = fromSettings(call, path, label(), ctx);
    if (configured !== undefined) return configured;
  }

  // Most calls are settled by where their chain starts, read from the root name's trace (kept per
  // binding), before the whole chain is traced:
  // - a value that starts at no import, global or typed parameter or field can only be judged by its
  //   name (`res.status(404).json(…)`, `items.at(-1)`), and only a name like a client's can speak for it;
  // - a value from a package that is no HTTP client, SDK or queue (`z.string().min(1)`, `res.json()` on
  //   an Express response) matches nothing below: only the project's own modules are judged by name.
  const root = chainRootTrace(call.callee, ctx.sourceCode);
  if (root && startsUntyped(root)) {
    if (!path || externalReceiverOf(path) === undefined) return null;
  } else if (root && !mayGiveClient(root, ctx.sourceCode)) {
    return null;
  }
  const trace = traceValue(ctx.sourceCode, call.callee);
  if (!path && startsUntyped(trace)) return null;
  // The same package question for chains that start elsewhere (`this.http.post(…)`, `require('got')(…)`).
  if (!root && !mayGiveClient(trace, ctx.sourceCode)) return null;
  const origin = originOf(ctx.sourceCode, trace);

  const http = matchHttpCall(call, origin);
  if (http) {
    return {
      node: call,
      label: label(),
      viaHelper: undefined,
      origin,
      kind: 'external',
      client: http.client,
      family: 'http',
      method: http.method,
      mutating: http.method !== undefined && MUTATING_HTTP.has(http.method) && !readLikeEndpoint(call, http),
      confidence: 'resolved',
      path: [],
      http,
    };
  }

  const sdk = matchSdk(call, origin, ctx.sourceCode);
  if (sdk) {
    return { node: call, label: label(), viaHelper: undefined, origin, ...effectFields(sdk.effect), client: sdk.client, family: sdk.family, method: undefined, confidence: 'resolved', path: sdk.path, http: undefined };
  }

  return byName(call, path, origin, label);
}

function labelFor(call: TSESTree.CallExpression, path: readonly string[] | null, sourceCode: TSESLint.SourceCode): string {
  return path ? path.join('.') : labelOf(sourceCode, call.callee);
}

/**
 * For a chain of members and calls on a plain name (`res.status(404).json`), the name's own trace,
 * which is kept per binding: where the chain starts, without a trace of the whole chain built.
 * `startsUntyped` and `packageOf` give the same answers for it as for the whole chain's trace.
 * Null when the chain starts at anything else (`this`, `require(…)`, a literal).
 */
function chainRootTrace(callee: TSESTree.Node, sourceCode: TSESLint.SourceCode): Trace | null {
  let node = unwrap(callee);
  for (let i = 0; i < 32; i++) {
    switch (node.type) {
      case T.MemberExpression: {
        const object = node.object;
        if (object.type === T.ThisExpression) return null;
        node = unwrap(object);
        break;
      }
      case T.CallExpression: {
        const callee = node.callee;
        if (callee.type === T.Identifier && callee.name === 'require') return null;
        node = unwrap(callee);
        break;
      }
      case T.Identifier:
        return traceValue(sourceCode, node);
      default:
        return null;
    }
  }
  return null;
}

/** False when the value comes from a package that gives no HTTP client, SDK or queue. */
function mayGiveClient(trace: Trace, sourceCode: TSESLint.SourceCode): boolean {
  const source = packageOf(trace, sourceCode);
  return source === undefined || isProjectModule(source) || mayBeExternalPackage(source);
}

const MUTATING_HTTP = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `notifySlack`, `postToDiscord`: messages to a team chat. */
const CHAT_NAME = /Slack|Discord|Teams|PagerDuty|Pagerduty/;

/** POSTs that read: token exchanges, logins, GraphQL queries, searches, quotes. Judged from a literal URL only. */
/** A POST that reads: a token exchange, GraphQL, a search, query or quote (`/v1/search`, `/metric_query`, `/fx_quotes`). */
const READ_LIKE_PATH = /\/(oauth2?\/)?(token|authorize|auth|login|signin|session|introspect)\b|\/graphql\b|\/(?:[a-z0-9]+[_-])*(search|query|lookup|quote|quotes|estimate|rates?|preview|validate|verify)\b/i;

function readLikeEndpoint(call: TSESTree.CallExpression, http: HttpCall): boolean {
  if (http.method !== 'POST') return false;
  const url = http.optionsIndex === 0 ? undefined : call.arguments[0];
  let text: string | undefined;
  if (url?.type === T.Literal && typeof url.value === 'string') text = url.value;
  else if (url?.type === T.TemplateLiteral) text = url.quasis.map((q) => q.value.cooked ?? '').join('_');
  return text !== undefined && READ_LIKE_PATH.test(text);
}

function effectFields(effect: CallEffect): { kind: 'external' | 'enqueue'; mutating: boolean } {
  return effect.kind === 'enqueue' ? { kind: 'enqueue', mutating: false } : { kind: 'external', mutating: effect.mutating };
}

function labelOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, '');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// ---------------------------------------------------------------------------
// Origins

const importsCache = fileCache<TSESTree.Program, Map<string, { source: string; imported: string }>>();

/** The file's import bindings by local name, for resolving type annotations (`stripe: Stripe`). */
function importBindings(sourceCode: TSESLint.SourceCode): Map<string, { source: string; imported: string }> {
  const program = sourceCode.ast;
  return importsCache(program, () => {
    const map = new Map<string, { source: string; imported: string }>();
    for (const stmt of program.body) {
      if (stmt.type !== T.ImportDeclaration) continue;
      for (const spec of stmt.specifiers) {
        let imported = 'default';
        if (spec.type === T.ImportSpecifier) {
          imported = spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value);
        }
        map.set(spec.local.name, { source: String(stmt.source.value), imported });
      }
    }
    return map;
  });
}

export function originOf(sourceCode: TSESLint.SourceCode, trace: Trace): Origin {
  // `steps` may share the trace's own `members`: neither is ever changed in place.
  switch (trace.kind) {
    case 'import':
      return { base: 'import', source: trace.source, imported: trace.imported === '*' ? 'default' : trace.imported, name: undefined, steps: trace.members, factories: [] };
    case 'new':
    case 'call': {
      const inner = originOf(sourceCode, trace.callee);
      return {
        ...inner,
        steps: [...inner.steps, trace.kind === 'new' ? 'new' : '()', ...trace.members],
        factories: [...inner.factories, trace.node],
      };
    }
    case 'param':
    case 'field': {
      const typed = trace.typeName ? typeOrigin(sourceCode, trace.typeName) : undefined;
      if (typed) return { base: 'typed', ...typed, name: trace.name, steps: trace.members, factories: [] };
      return { base: 'other', source: undefined, imported: '', name: trace.name, steps: trace.members, factories: [] };
    }
    case 'global':
      return { base: 'global', source: undefined, imported: '', name: trace.name, steps: trace.members, factories: [] };
    default:
      return { base: 'other', source: undefined, imported: '', name: trace.name, steps: trace.members, factories: [] };
  }
}

/** The module a trace starts at: its import, or the import of its parameter's or field's type. */
function packageOf(trace: Trace, sourceCode: TSESLint.SourceCode): string | undefined {
  let t = trace;
  while (t.kind === 'new' || t.kind === 'call') t = t.callee;
  if (t.kind === 'import') return t.source;
  if ((t.kind === 'param' || t.kind === 'field') && t.typeName) return typeOrigin(sourceCode, t.typeName)?.source;
  return undefined;
}

/** Packages that may give an HTTP client, an SDK or a queue, from the same lists the matchers use; one answer per specifier. */
const mayBeExternalPackage = keyedMemo(
  (source) =>
    isHttpPackage(source) ||
    sdksOf(source).length > 0 ||
    SDK_FUNCTIONS.some((f) => sourceMatches(source, f.packages)) ||
    (source.startsWith(AWS_PACKAGE_PREFIX) && !AWS_EXCLUDED_PACKAGES.has(source)),
);

/** The trace starts at something unknown, or a parameter or field with no type annotation. */
function startsUntyped(trace: Trace): boolean {
  let t = trace;
  while (t.kind === 'new' || t.kind === 'call') t = t.callee;
  return t.kind === 'unknown' || ((t.kind === 'param' || t.kind === 'field') && t.typeName === undefined);
}

/** `Stripe` → the `stripe` default import; `Stripe.Stripe` → the same; `AxiosInstance` → `axios`'s named export. */
function typeOrigin(sourceCode: TSESLint.SourceCode, typeName: string): { source: string; imported: string } | undefined {
  const [first, ...rest] = typeName.split('.');
  const binding = importBindings(sourceCode).get(first);
  if (!binding) return undefined;
  if (rest.length === 0) return binding;
  return { source: binding.source, imported: rest[rest.length - 1] };
}

function sourceMatches(source: string | undefined, packages: readonly string[]): boolean {
  return packages.some((pkg) => (pkg.endsWith('*') ? (source ?? '').startsWith(pkg.slice(0, -1)) : isFromPackage(source, pkg)));
}

/** The SDKs a module specifier can give, per specifier: the same few imports are asked about on every call. */
const sdksOf = keyedMemo((source): readonly SdkClient[] => SDK_CLIENTS.filter((sdk) => sourceMatches(source, sdk.packages)));

function sdksFrom(source: string | undefined): readonly SdkClient[] {
  return source === undefined ? [] : sdksOf(source);
}

function startsWith(steps: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= steps.length && prefix.every((s, i) => steps[i] === s);
}

// ---------------------------------------------------------------------------
// SDKs

interface SdkMatch {
  client: string;
  family: ExternalFamily;
  effect: CallEffect;
  path: readonly string[];
}

function matchSdk(call: TSESTree.CallExpression, origin: Origin, sourceCode: TSESLint.SourceCode): SdkMatch | null {
  if (origin.base !== 'import' && origin.base !== 'typed') return null;
  const aws = matchAws(call, origin, sourceCode);
  if (aws !== undefined) return aws;
  if (origin.base === 'import' && origin.steps.length === 0) {
    const fn = SDK_FUNCTIONS.find((f) => f.imported === origin.imported && sourceMatches(origin.source, f.packages));
    if (fn) return { client: fn.client, family: fn.family, effect: fn.effect, path: [fn.imported] };
  }
  for (const sdk of sdksFrom(origin.source)) {
    const rest = restAfterClient(sdk, origin);
    if (!rest || rest.length === 0 || !plainPath(rest, sdk.client)) continue;
    const effect = sdk.call(rest);
    if (effect) return { client: sdk.client, family: sdk.family, effect, path: rest };
  }
  return null;
}

/**
 * A method path on the client: no call results in between, so `stripe.customers.list().then(…)` or
 * `(await stripe.customers.list()).data.map(…)` are not calls to Stripe. Twilio's `calls(sid).update()` is.
 */
function plainPath(rest: readonly string[], client: string): boolean {
  const calls = rest.filter((s) => s === '()' || s === 'new').length;
  if (calls === 0) return true;
  return client === 'twilio' && calls === 1 && rest.indexOf('()') === 1 && rest.length === 3;
}

/** The path called on the client, after the steps that reach it; null when the origin is not this client. */
function restAfterClient(sdk: SdkClient, origin: Origin): readonly string[] | null {
  if (origin.base === 'typed') return sdk.typeNames.includes(origin.imported) ? origin.steps : null;
  for (const entry of sdk.entries) {
    if (entry.imported === origin.imported && startsWith(origin.steps, entry.steps)) return origin.steps.slice(entry.steps.length);
  }
  return null;
}

/** AWS SDK v3: `client.send(new XCommand(…))` on a `new XClient(…)`, or `new SES(…).sendEmail(…)`. */
function matchAws(call: TSESTree.CallExpression, origin: Origin, sourceCode: TSESLint.SourceCode): SdkMatch | null | undefined {
  const source = origin.source ?? '';
  if (!source.startsWith(AWS_PACKAGE_PREFIX) || AWS_EXCLUDED_PACKAGES.has(source)) return undefined;
  const rest = origin.base === 'typed' ? origin.steps : origin.steps[0] === 'new' ? origin.steps.slice(1) : null;
  if (!rest || rest.length !== 1) return null;
  const family = awsFamily(source);
  const client = `aws:${source.slice(AWS_PACKAGE_PREFIX.length)}`;
  if (origin.imported.endsWith('Client')) {
    if (rest[0] !== 'send') return null;
    const arg = call.arguments[0];
    if (!arg) return null;
    const command = traceValue(sourceCode, arg);
    const commandName =
      command.kind === 'new' && command.callee.kind === 'import' ? command.callee.imported : undefined;
    // A command we cannot name is still a call to AWS; count it as changing something only when we know.
    const effect: CallEffect = commandName ? awsCommandEffect(commandName) : { kind: 'external', mutating: false };
    return { client, family, effect, path: commandName ? [commandName] : ['send'] };
  }
  return { client, family, effect: awsMethodEffect(rest[0]), path: rest };
}

// ---------------------------------------------------------------------------
// settings.prodguard

function fromSettings(
  call: TSESTree.CallExpression,
  path: string[] | null,
  label: string,
  ctx: ExternalContext,
): ExternalCallInfo | null | undefined {
  const { clients, wrappers } = ctx.settings;
  if (!path || (clients.size === 0 && wrappers.size === 0)) return undefined;
  const base = { node: call, label, viaHelper: undefined, origin: undefined, path, http: undefined, confidence: 'resolved' as const };
  const method = path[path.length - 1];

  const wrapper = wrappers.get(path.join('.')) ?? (path[0] === 'this' ? wrappers.get(path.slice(1).join('.')) : undefined);
  if (wrapper === 'external') return { ...base, kind: 'external', client: label, family: 'crm', method: undefined, mutating: true, viaHelper: label };
  if (wrapper === 'enqueue') return { ...base, kind: 'enqueue', client: label, family: 'queue', method: undefined, mutating: false, viaHelper: label };
  if (wrapper !== undefined) return null;

  if (path.length < 2) return undefined;
  let kind = undefined as string | undefined;
  let client = '';
  for (let i = path.length - 1; i >= 1 && kind === undefined; i--) {
    client = path.slice(0, i).join('.');
    kind = clients.get(client) ?? (path[0] === 'this' && i > 1 ? clients.get(path.slice(1, i).join('.')) : undefined);
  }
  if (kind === undefined) {
    const root = call.callee.type === T.MemberExpression ? rootImportSource(ctx.sourceCode, path[0], call) : undefined;
    if (root) {
      kind = clients.get(root);
      client = root;
    }
  }
  if (kind === undefined) return undefined;
  if (LOCAL_METHODS.has(method)) return null;
  if (kind === 'external') return { ...base, kind: 'external', client, family: 'crm', method: undefined, mutating: MUTATING_VERB.test(method) };
  if (kind === 'http') {
    const verb = HTTP_VERB_METHODS.get(method);
    return { ...base, kind: 'external', client, family: 'http', method: verb, mutating: verb ? MUTATING_HTTP.has(verb) : MUTATING_VERB.test(method) };
  }
  if (kind === 'queue') return ENQUEUE_METHODS.test(method) ? { ...base, kind: 'enqueue', client, family: 'queue', method: undefined, mutating: false } : null;
  // A data layer: not ours.
  return null;
}

const HTTP_VERB_METHODS = new Map([
  ['get', 'GET'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['delete', 'DELETE'],
  ['del', 'DELETE'],
  ['head', 'HEAD'],
]);

function rootImportSource(sourceCode: TSESLint.SourceCode, rootName: string, call: TSESTree.CallExpression): string | undefined {
  if (rootName === 'this') return undefined;
  let node: TSESTree.Node = call.callee;
  while (node.type === T.MemberExpression) node = node.object;
  if (node.type !== T.Identifier || node.name !== rootName) return undefined;
  // `sgMail.send` on the import itself, or `s3.send` on a `new S3Client(…)` made from it.
  return importSourceOf(traceValue(sourceCode, node));
}

// ---------------------------------------------------------------------------
// Names, as a last resort

function byName(call: TSESTree.CallExpression, path: string[] | null, origin: Origin, label: () => string): ExternalCallInfo | null {
  if (!path) return null;
  // Only for values the analysis cannot follow to a package: the project's own modules, parameters, undeclared names.
  const project = (origin.base === 'import' || origin.base === 'typed') && isProjectModule(origin.source);
  if (!project && origin.base !== 'other' && origin.base !== 'global') return null;
  // `import { api } from '~/trpc/server'`: a tRPC caller runs the procedure in this process.
  if (project && /trpc/i.test(origin.source ?? '')) return null;
  const named = (client: string, family: ExternalFamily, method: string | undefined, mutating: boolean): ExternalCallInfo => ({
    node: call,
    label: label(),
    viaHelper: undefined,
    origin,
    kind: 'external',
    client,
    family,
    method,
    mutating,
    confidence: 'named',
    http: undefined,
    path,
  });

  if (path.length === 1) {
    // A local function is summarised by the effect model from its body; names only speak for imported or undeclared ones.
    if (!project && origin.base !== 'global') return null;
    const name = path[0];
    if (!EXTERNAL_FUNCTION.some((re) => re.test(name))) return null;
    return named(name, CHAT_NAME.test(name) ? 'chat' : 'crm', undefined, true);
  }
  const method = path[path.length - 1];
  if (LOCAL_METHODS.has(method)) return null;
  // `api.post('/users', handler)`: a router registering a route, not a client making a request.
  if (call.arguments.some((a) => a.type === T.ArrowFunctionExpression || a.type === T.FunctionExpression)) return null;
  const receiver = externalReceiverOf(path);
  if (!receiver) return null;
  const verb = HTTP_VERB_METHODS.get(method);
  return named(receiver, 'crm', verb, verb ? MUTATING_HTTP.has(verb) : MUTATING_VERB.test(method));
}

/** The first receiver on the path (`crmClient` in `this.crmClient.post`) named like a client `byName` accepts. */
function externalReceiverOf(path: readonly string[]): string | undefined {
  for (let i = 0; i < path.length - 1; i++) if (path[i] !== 'this' && EXTERNAL_RECEIVER.test(path[i])) return path[i];
  return undefined;
}

/** The project's own modules: relative paths and the usual aliases (`@/lib/crm`, `~/services`, `#lib`). */
function isProjectModule(source: string | undefined): boolean {
  return source !== undefined && /^(\.|@\/|~\/|#)/.test(source);
}

// ---------------------------------------------------------------------------
// Idempotency keys

export type IdempotencyVerdict =
  /** The API takes no key for this call, or we cannot see the call's options. */
  | { kind: 'not-applicable' }
  | { kind: 'unknown' }
  | { kind: 'missing'; client: string; key: string; header: boolean }
  | { kind: 'fresh'; client: string; key: string; header: boolean; node: TSESTree.Node; fresh: TSESTree.Node }
  | { kind: 'stable'; client: string };

/** Whether a mutating call to an API that accepts idempotency keys carries one that survives a retry. */
export function idempotencyOf(info: ExternalCallInfo, sourceCode: TSESLint.SourceCode): IdempotencyVerdict {
  if (info.kind !== 'external' || !info.mutating) return { kind: 'not-applicable' };
  if (info.http) return httpIdempotency(info, sourceCode);
  const method = IDEMPOTENT_METHODS.find((m) => m.client === info.client && m.test(info.path));
  if (!method) return { kind: 'not-applicable' };
  const args = info.node.arguments;
  let keyNode: TSESTree.Node | undefined | 'unknown';
  if (method.where === 'argument') {
    keyNode = args[method.index ?? 1];
  } else if (method.where === 'body') {
    keyNode = keyInObject(sourceCode, args[0], method.key);
  } else {
    // Request options follow the params: `create(params, options)`, `update(id, params, options)`.
    // The first argument is the params object, or an id (a string) for calls on an existing object;
    // a name we cannot resolve could be either, so the options are the last argument after it.
    const first = args[0];
    const isId = first !== undefined && (first.type === T.Literal || first.type === T.TemplateLiteral);
    const isParams = first === undefined || objectLiteralOf(sourceCode, first) !== undefined;
    const optionsIndex = isParams ? 1 : isId ? 2 : Math.min(Math.max(args.length - 1, 1), 2);
    keyNode = keyInObject(sourceCode, args[optionsIndex], method.key);
    if (keyNode === undefined) {
      // A key placed among the params is still the author's intent to pass one.
      const params = keyInObject(sourceCode, args[optionsIndex - 1], method.key);
      if (params !== undefined && params !== 'unknown') keyNode = params;
    }
  }
  return judgeKey(sourceCode, keyNode, info.client, method.key, false);
}

function httpIdempotency(info: ExternalCallInfo, sourceCode: TSESLint.SourceCode): IdempotencyVerdict {
  const http = info.http;
  if (!http || info.method !== 'POST' || http.optionsIndex < 0) return { kind: 'not-applicable' };
  const args = info.node.arguments;
  const options = args[http.optionsIndex];
  const urlNode = http.optionsIndex === 0 ? keyInObject(sourceCode, options, 'url') : args[0];
  const url = urlNode && urlNode !== 'unknown' ? leadingText(urlNode) : undefined;
  if (url === undefined) return { kind: 'not-applicable' };
  const api = IDEMPOTENT_HOSTS.find((h) => h.host.test(url));
  if (!api) return { kind: 'not-applicable' };
  if (options === undefined) return { kind: 'missing', client: api.client, key: api.header, header: true };
  const headers = keyInObject(sourceCode, options, 'headers');
  if (headers === 'unknown') return { kind: 'unknown' };
  if (headers === undefined) return judgeKey(sourceCode, undefined, api.client, api.header, true);
  const headerObj = objectLiteralOf(sourceCode, headers);
  if (!headerObj) return { kind: 'unknown' };
  let value: TSESTree.Node | undefined | 'unknown';
  for (const p of headerObj.properties) {
    if (p.type === T.SpreadElement) value ??= 'unknown';
    else if (propertyKey(p)?.toLowerCase() === api.header.toLowerCase()) value = p.value;
  }
  return judgeKey(sourceCode, value, api.client, api.header, true);
}

/** `https://api.stripe.com/v1/…` from a string or the start of a template. */
function leadingText(node: TSESTree.Node): string | undefined {
  if (node.type === T.Literal && typeof node.value === 'string') return node.value;
  if (node.type === T.TemplateLiteral) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function keyInObject(sourceCode: TSESLint.SourceCode, node: TSESTree.Node | undefined, key: string): TSESTree.Node | undefined | 'unknown' {
  if (!node) return undefined;
  const obj = objectLiteralOf(sourceCode, node);
  if (!obj) return 'unknown';
  const prop = findProperty(obj, key);
  if (prop === 'spread') return 'unknown';
  return prop?.value;
}

function judgeKey(sourceCode: TSESLint.SourceCode, keyNode: TSESTree.Node | undefined | 'unknown', client: string, key: string, header: boolean): IdempotencyVerdict {
  if (keyNode === 'unknown') return { kind: 'unknown' };
  if (!keyNode || (keyNode.type === T.Identifier && keyNode.name === 'undefined') || (keyNode.type === T.Literal && keyNode.value === null)) {
    return { kind: 'missing', client, key, header };
  }
  const fresh = freshValueIn(sourceCode, keyNode, 0);
  if (fresh) return { kind: 'fresh', client, key, header, node: keyNode, fresh };
  return { kind: 'stable', client };
}

/** The call inside an expression that makes it new on every run: `randomUUID()`, `Date.now()`, `Math.random()`, `new Date()`. */
export function freshValueIn(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth: number): TSESTree.Node | undefined {
  if (depth > 4) return undefined;
  switch (node.type) {
    case T.CallExpression: {
      const path = calleePath(node.callee);
      const last = path?.[path.length - 1];
      if (last && FRESH_VALUE_CALLS.has(last)) return node;
      const callee = node.callee.type === T.MemberExpression ? freshValueIn(sourceCode, node.callee.object, depth + 1) : undefined;
      if (callee) return callee;
      for (const a of node.arguments) {
        const f = freshValueIn(sourceCode, a, depth + 1);
        if (f) return f;
      }
      return undefined;
    }
    case T.NewExpression: {
      const name = node.callee.type === T.Identifier ? node.callee.name : undefined;
      if ((name === 'Date' && node.arguments.length === 0) || name === 'ObjectId') return node;
      return undefined;
    }
    case T.TemplateLiteral:
      for (const e of node.expressions) {
        const f = freshValueIn(sourceCode, e, depth + 1);
        if (f) return f;
      }
      return undefined;
    case T.BinaryExpression:
      return freshValueIn(sourceCode, node.left, depth + 1) ?? freshValueIn(sourceCode, node.right, depth + 1);
    case T.LogicalExpression:
      // `job.data.key ?? randomUUID()`: the fallback only runs when no stable key came in.
      return undefined;
    case T.MemberExpression:
      return freshValueIn(sourceCode, node.object, depth + 1);
    case T.TSAsExpression:
    case T.TSNonNullExpression:
    case T.AwaitExpression:
      return freshValueIn(sourceCode, 'expression' in node ? node.expression : node.argument, depth + 1);
    case T.Identifier: {
      const def = findVariable(sourceCode, node)?.defs[0];
      if (def?.type !== 'Variable' || !def.node.init || def.node.id.type !== T.Identifier) return undefined;
      return freshValueIn(sourceCode, def.node.init, depth + 1);
    }
    default:
      return undefined;
  }
}
