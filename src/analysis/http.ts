/**
 * HTTP clients and what each does without a timeout.
 *
 * - Built-in `fetch` (undici) has no overall deadline, only 300 s header/body
 *   inactivity timers, and ignores a `timeout` option: only `signal` stops it.
 * - axios: `timeout` defaults to `0`, which means none. Per-request config is
 *   the second argument of `get/delete/head/options` and the third of
 *   `post/put/patch`; an instance from `axios.create({ timeout })` or with
 *   `x.defaults.timeout = …` covers its calls.
 * - got: no timeout unless `timeout: { request: … }` (or `signal`).
 * - ky: 10 s by default; only `timeout: false` turns it off.
 * - superagent: none until `.timeout(…)` is chained.
 * - `node:http`/`https` `request`/`get`: none until `timeout`/`signal` or `req.setTimeout(…)`.
 * - undici `request`: `signal`, `headersTimeout`/`bodyTimeout`.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import type { Origin } from './external.js';
import { fileCache } from './caches.js';
import { textMayMention } from './gate.js';
import { findVariable, hasDirective, isFromPackage, isFunctionNode, moduleExports, propertyName, rootOf, traceValue } from './resolve.js';

export type HttpClient = 'fetch' | 'node-fetch' | 'undici' | 'axios' | 'got' | 'ky' | 'superagent' | 'node:http' | '@nestjs/axios';

export interface HttpCall {
  client: HttpClient;
  /** Upper-case HTTP method when known. */
  method: string | undefined;
  /** Where the per-request options go. For superagent (chained options) -1. */
  optionsIndex: number;
  /** `axios.create`, `got.extend`, `ky.create`: the instance is created by a factory; undefined for the default export. */
  factory: TSESTree.CallExpression | TSESTree.NewExpression | undefined;
  /** The instance comes from somewhere we cannot see (a parameter, another module). */
  instanceUnknown: boolean;
}

const AXIOS_NO_BODY = new Set(['get', 'delete', 'head', 'options', 'getUri']);
const AXIOS_BODY = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const SHORT_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
const SUPERAGENT_VERBS = new Map([
  ['get', 'GET'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['del', 'DELETE'],
  ['delete', 'DELETE'],
  ['head', 'HEAD'],
  ['options', 'OPTIONS'],
]);
const FETCH_PACKAGES = ['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici'];

/** Every package an HTTP client can be imported from; a value from any other package is no HTTP client. */
const HTTP_PACKAGES: readonly string[] = [...FETCH_PACKAGES, 'axios', 'got', 'ky', 'superagent', 'http', 'https', '@nestjs/axios'];

/** Whether `source` is one of the HTTP client packages `matchHttpCall` knows. */
export function isHttpPackage(source: string | undefined): boolean {
  return HTTP_PACKAGES.some((p) => isFromPackage(source, p));
}

/** Recognises an HTTP call from where its callee comes from. */
export function matchHttpCall(call: TSESTree.CallExpression, origin: Origin): HttpCall | null {
  const { steps } = origin;
  if ((origin.base === 'import' || origin.base === 'typed') && !isHttpPackage(origin.source)) return null;
  const base = { factory: undefined, instanceUnknown: false };

  // fetch: the global (not shadowed), `globalThis.fetch`, or a fetch package.
  const isGlobalFetch =
    origin.base === 'global' &&
    ((origin.name === 'fetch' && steps.length === 0) || ((origin.name === 'globalThis' || origin.name === 'window') && steps.length === 1 && steps[0] === 'fetch'));
  const isPackageFetch =
    origin.base === 'import' &&
    FETCH_PACKAGES.some((p) => isFromPackage(origin.source, p)) &&
    ((origin.imported === 'fetch' && steps.length === 0) ||
      (origin.imported === 'default' && ((steps.length === 0 && !isFromPackage(origin.source, 'undici')) || (steps.length === 1 && steps[0] === 'fetch'))));
  if (isGlobalFetch || isPackageFetch) {
    const client: HttpClient = isFromPackage(origin.source, 'node-fetch') ? 'node-fetch' : isPackageFetch && isFromPackage(origin.source, 'undici') ? 'undici' : 'fetch';
    return { ...base, client, method: methodFromOptions(call.arguments[1], 'GET'), optionsIndex: 1 };
  }

  if (origin.base === 'import' && isFromPackage(origin.source, 'undici')) {
    const direct = origin.imported === 'request' && steps.length === 0;
    const member = origin.imported === 'default' && steps.length === 1 && steps[0] === 'request';
    if (direct || member) return { ...base, client: 'undici', method: methodFromOptions(call.arguments[1], 'GET'), optionsIndex: 1 };
    return null;
  }

  if ((origin.base === 'import' || origin.base === 'typed') && isFromPackage(origin.source, 'axios')) return matchAxios(call, origin);
  if ((origin.base === 'import' || origin.base === 'typed') && isFromPackage(origin.source, 'got')) return matchGotLike(call, origin, 'got', ['extend']);
  if ((origin.base === 'import' || origin.base === 'typed') && isFromPackage(origin.source, 'ky')) return matchGotLike(call, origin, 'ky', ['create', 'extend']);

  if (origin.base === 'import' && isFromPackage(origin.source, 'superagent') && origin.imported === 'default') {
    if (steps.length === 1 && SUPERAGENT_VERBS.has(steps[0])) return { ...base, client: 'superagent', method: SUPERAGENT_VERBS.get(steps[0]), optionsIndex: -1 };
    if (steps.length === 0 && call.arguments.length >= 2) return { ...base, client: 'superagent', method: stringValue(call.arguments[0])?.toUpperCase(), optionsIndex: -1 };
    return null;
  }

  if (origin.base === 'import' && (isFromPackage(origin.source, 'http') || isFromPackage(origin.source, 'https'))) {
    const fn = origin.imported === 'default' && steps.length === 1 ? steps[0] : steps.length === 0 ? origin.imported : undefined;
    if (fn !== 'request' && fn !== 'get') return null;
    const optionsIndex = call.arguments[0]?.type === T.ObjectExpression ? 0 : 1;
    const method = fn === 'get' ? 'GET' : methodFromOptions(call.arguments[optionsIndex], 'GET');
    return { ...base, client: 'node:http', method, optionsIndex };
  }

  if (origin.base === 'typed' && isFromPackage(origin.source, '@nestjs/axios') && steps.length === 1) {
    const method = steps[0];
    if (!AXIOS_NO_BODY.has(method) && !AXIOS_BODY.has(method) && method !== 'request') return null;
    return { ...base, client: '@nestjs/axios', method: method === 'request' ? undefined : method.replace(/Form$/, '').toUpperCase(), optionsIndex: AXIOS_BODY.has(method) ? 2 : 1, instanceUnknown: true };
  }
  return null;
}

function matchAxios(call: TSESTree.CallExpression, origin: Origin): HttpCall | null {
  let steps = origin.steps;
  let factory: HttpCall['factory'];
  let instanceUnknown = false;
  if (origin.base === 'typed') {
    if (origin.imported !== 'AxiosInstance' && origin.imported !== 'AxiosStatic' && origin.imported !== 'default') return null;
    instanceUnknown = origin.imported === 'AxiosInstance';
  } else {
    if (origin.imported !== 'default') return null;
    if (steps[0] === 'create' && steps[1] === '()') {
      factory = origin.factories[0];
      steps = steps.slice(2);
    }
  }
  if (steps.length === 0) {
    const first = call.arguments[0];
    const configIndex = first?.type === T.ObjectExpression ? 0 : 1;
    return { client: 'axios', method: methodFromOptions(call.arguments[configIndex], 'GET'), optionsIndex: configIndex, factory, instanceUnknown };
  }
  if (steps.length !== 1) return null;
  const method = steps[0];
  if (method === 'request') return { client: 'axios', method: methodFromOptions(call.arguments[0], 'GET'), optionsIndex: 0, factory, instanceUnknown };
  if (AXIOS_NO_BODY.has(method) && method !== 'getUri') return { client: 'axios', method: method.toUpperCase(), optionsIndex: 1, factory, instanceUnknown };
  if (AXIOS_BODY.has(method)) return { client: 'axios', method: method.replace(/Form$/, '').toUpperCase(), optionsIndex: 2, factory, instanceUnknown };
  return null;
}

function matchGotLike(call: TSESTree.CallExpression, origin: Origin, client: 'got' | 'ky', factories: readonly string[]): HttpCall | null {
  if (origin.base === 'typed') return null;
  if (origin.imported !== 'default') return null;
  let steps = origin.steps;
  let factory: HttpCall['factory'];
  // `got.extend(a).extend(b)`: the last factory decides; earlier ones are looked at through it.
  while (factories.includes(steps[0]) && steps[1] === '()') {
    factory = origin.factories[origin.factories.length - 1];
    steps = steps.slice(2);
  }
  const optionsIndex = call.arguments[0]?.type === T.ObjectExpression ? 0 : 1;
  if (steps.length === 0) return { client, method: methodFromOptions(call.arguments[optionsIndex], 'GET'), optionsIndex, factory, instanceUnknown: false };
  if (steps.length === 1 && SHORT_VERBS.has(steps[0])) return { client, method: steps[0].toUpperCase(), optionsIndex, factory, instanceUnknown: false };
  return null;
}

function methodFromOptions(options: TSESTree.Node | undefined, fallback: string): string | undefined {
  if (!options) return fallback;
  if (options.type !== T.ObjectExpression) return undefined;
  const prop = findProperty(options, 'method');
  if (prop === 'spread') return undefined;
  if (!prop) return fallback;
  return stringValue(prop.value)?.toUpperCase();
}

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === T.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === T.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

// ---------------------------------------------------------------------------
// Objects

/** A property of an object literal; `'spread'` when it may come from a spread we cannot see. */
export function findProperty(obj: TSESTree.ObjectExpression, name: string): TSESTree.Property | 'spread' | undefined {
  let spread = false;
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (p.type === T.SpreadElement) {
      spread = true;
      continue;
    }
    if (propertyKey(p) === name) return spread ? 'spread' : p;
  }
  return spread ? 'spread' : undefined;
}

export function propertyKey(p: TSESTree.Property): string | undefined {
  if (!p.computed && p.key.type === T.Identifier) return p.key.name;
  if (p.key.type === T.Literal) return String(p.key.value);
  return undefined;
}

/** The object literal an argument is, or a `const` holding one; undefined when it cannot be seen. */
export function objectLiteralOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  let n = node;
  while (n && (n.type === T.TSAsExpression || n.type === T.TSSatisfiesExpression || n.type === T.TSNonNullExpression)) n = n.expression;
  if (!n) return undefined;
  if (n.type === T.ObjectExpression) return n;
  if (n.type !== T.Identifier) return undefined;
  const variable = findVariable(sourceCode, n);
  const def = variable?.defs[0];
  if (!def || def.type !== 'Variable' || def.node.id.type !== T.Identifier) return undefined;
  if (def.parent.kind !== 'const') return undefined;
  const init = def.node.init;
  return init?.type === T.ObjectExpression ? init : undefined;
}

// ---------------------------------------------------------------------------
// Browser code

/** A `'use client'` module runs in the browser: no server request waits on it, no database behind it. */
export function isClientModule(program: TSESTree.Program): boolean {
  return hasDirective(program.body, 'use client');
}

/**
 * Globals only a browser has: the window and its storage, and the DOM's element, event and observer
 * classes, which Node does not define (a module that types a handler's argument as `ClipboardEvent`
 * handles a browser event).
 */
const BROWSER_GLOBALS = new Set([
  'window', 'navigator', 'localStorage', 'sessionStorage', 'document', 'location', 'XMLHttpRequest',
  'HTMLElement', 'HTMLInputElement', 'HTMLFormElement', 'HTMLCanvasElement', 'HTMLImageElement',
  'MouseEvent', 'KeyboardEvent', 'PointerEvent', 'TouchEvent', 'DragEvent', 'ClipboardEvent', 'FocusEvent', 'InputEvent',
  'DataTransfer', 'FileReader', 'IntersectionObserver', 'ResizeObserver', 'MutationObserver', 'requestAnimationFrame', 'matchMedia',
]);
const browserCache = fileCache<TSESTree.Program, boolean>();

/**
 * Packages only client code imports: React's DOM renderer (not `react-dom/server`, which renders on
 * a server) and client-side state and data-fetching stores.
 */
const CLIENT_ONLY_PACKAGES = new Set(['react-dom', 'react-dom/client', 'zustand', 'jotai', 'recoil', 'valtio', 'swr', 'swr/infinite', 'swr/mutation']);

/**
 * React's hooks, which a server component cannot call (`use` and `cache` can, and are not here): a
 * module that imports one is a component or hook that runs in the browser.
 */
const REACT_CLIENT_HOOKS = new Set([
  'useState', 'useEffect', 'useLayoutEffect', 'useInsertionEffect', 'useReducer', 'useRef', 'useContext', 'useCallback', 'useMemo',
  'useTransition', 'useDeferredValue', 'useSyncExternalStore', 'useImperativeHandle', 'useOptimistic', 'useActionState', 'useId',
]);

/**
 * The module imports a client-only package, or uses one of React's hooks: imported by name
 * (`import { useState } from 'react'`) or read off React itself (`React.useState`).
 */
function importsClientOnly(sourceCode: TSESLint.SourceCode): boolean {
  for (const stmt of sourceCode.ast.body) {
    if (stmt.type !== T.ImportDeclaration || stmt.importKind === 'type') continue;
    const source = stmt.source.value;
    if (CLIENT_ONLY_PACKAGES.has(source)) return true;
    if (source !== 'react') continue;
    for (const spec of stmt.specifiers) {
      if (spec.type === T.ImportSpecifier) {
        if (spec.importKind !== 'type' && spec.imported.type === T.Identifier && REACT_CLIENT_HOOKS.has(spec.imported.name)) return true;
      } else if (readsHookOff(sourceCode, spec)) {
        return true;
      }
    }
  }
  return false;
}

/** `import React from 'react'` or `import * as React from 'react'`, then `React.useEffect(…)`. */
function readsHookOff(sourceCode: TSESLint.SourceCode, spec: TSESTree.ImportDefaultSpecifier | TSESTree.ImportNamespaceSpecifier): boolean {
  const variable = sourceCode.scopeManager?.getDeclaredVariables(spec)[0];
  if (!variable) return false;
  return variable.references.some((ref) => {
    const member = ref.identifier.parent;
    return member?.type === T.MemberExpression && member.object === ref.identifier && !member.computed && member.property.type === T.Identifier && REACT_CLIENT_HOOKS.has(member.property.name);
  });
}

/**
 * Browser code: a `'use client'` module, one that imports a client-only package or uses a React hook
 * (`zustand`, `swr`, `useEffect`, `React.useState`), or one that names browser-only globals (`window`, `localStorage`,
 * an undeclared `document`, a `ClipboardEvent` type). Tracker scripts, hooks, stores and editor
 * plugins run where the user is the timeout and no server request waits on them.
 */
export function isBrowserCode(sourceCode: TSESLint.SourceCode): boolean {
  const program = sourceCode.ast;
  return browserCache(
    program,
    () =>
      isClientModule(program) ||
      importsClientOnly(sourceCode) ||
      (sourceCode.scopeManager?.globalScope?.through ?? []).some((ref) => BROWSER_GLOBALS.has(ref.identifier.name)),
  );
}

/**
 * The functions a route module or a page exports to run on the server: a Remix or React Router
 * route's `loader` and `action`, a Next.js page's `getServerSideProps`, `getStaticProps` and
 * `getStaticPaths`. Their module also holds the page's component, which may import React's hooks
 * or name the DOM, so being browser code by those signs does not make these functions browser code.
 */
const SERVER_EXPORTS = new Set(['loader', 'action', 'getServerSideProps', 'getStaticProps', 'getStaticPaths']);
/** Signs of a server function declared inline, beside components: read before the module is searched for one. */
const INLINE_SERVER_FUNCTION = /['"]use server['"]|\bcreateServerFn\b|\bserver\$\(/;
const serverFunctionsCache = fileCache<TSESTree.Program, ReadonlySet<TSESTree.Node>>();

/**
 * The module's server functions: its server exports (see `SERVER_EXPORTS`), and those declared
 * inline: a function whose directives include `'use server'`, the handler of TanStack Start's
 * `createServerFn(…).handler(fn)`, Qwik's `server$(fn)`. Empty in a `'use client'` module.
 */
function serverFunctionsOf(sourceCode: TSESLint.SourceCode): ReadonlySet<TSESTree.Node> {
  const program = sourceCode.ast;
  return serverFunctionsCache(program, () => {
    const found = new Set<TSESTree.Node>();
    if (isClientModule(program)) return found;
    for (const [name, value] of moduleExports(program)) if (SERVER_EXPORTS.has(name)) found.add(value);
    if (textMayMention(sourceCode.text, INLINE_SERVER_FUNCTION)) addInlineServerFunctions(sourceCode, found);
    return found;
  });
}

/** Adds the inline server functions (see `serverFunctionsOf`) found in ESLint's list of the module's nodes. */
function addInlineServerFunctions(sourceCode: TSESLint.SourceCode, found: Set<TSESTree.Node>): void {
  const steps = (sourceCode as unknown as { traverse(): ReadonlyArray<{ target: unknown; phase?: number }> }).traverse();
  for (const step of steps) {
    if (step.phase !== 1) continue;
    const node = step.target as TSESTree.Node;
    if (isFunctionNode(node)) {
      if (node.body.type === T.BlockStatement && hasDirective(node.body.body, 'use server')) found.add(node);
    } else if (node.type === T.CallExpression && isServerFunctionFactory(node)) {
      for (const arg of node.arguments) {
        const fn = functionOf(sourceCode, arg);
        if (fn) found.add(fn);
      }
    }
  }
}

/** `createServerFn(…).handler(…)` (any steps between, such as `.validator(…)`), `server$(…)`. */
function isServerFunctionFactory(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === T.Identifier) return callee.name === 'server$';
  if (callee.type !== T.MemberExpression || propertyName(callee) !== 'handler') return false;
  const root = rootOf(callee.object);
  return root?.type === T.Identifier && root.name === 'createServerFn';
}

/** A function given inline, or by the name of a function declared in the module. */
function functionOf(sourceCode: TSESLint.SourceCode, arg: TSESTree.Node): TSESTree.Node | null {
  if (isFunctionNode(arg)) return arg;
  if (arg.type !== T.Identifier) return null;
  const def = findVariable(sourceCode, arg)?.defs[0];
  if (def?.type === 'FunctionName') return def.node as TSESTree.Node;
  if (def?.type === 'Variable' && def.node.init && isFunctionNode(def.node.init)) return def.node.init;
  return null;
}

/**
 * A module that runs only in the browser by its strongest signs: `'use client'`, or an import of a
 * React hook or a client-side store, and no server function beside its component (see
 * `serverFunctionsOf`). Naming a DOM global is not enough here: isomorphic modules guard with
 * `typeof window` and still run on the server.
 */
export function isClientOnlyModule(sourceCode: TSESLint.SourceCode): boolean {
  const program = sourceCode.ast;
  return clientOnlyCache(program, () => (isClientModule(program) || importsClientOnly(sourceCode)) && serverFunctionsOf(sourceCode).size === 0);
}
const clientOnlyCache = fileCache<TSESTree.Program, boolean>();

/** Browser code through and through: browser code (see `isBrowserCode`) that holds no server function. */
export function isBrowserOnlyCode(sourceCode: TSESLint.SourceCode): boolean {
  return isBrowserCode(sourceCode) && serverFunctionsOf(sourceCode).size === 0;
}

/**
 * Whether `node` runs in a browser: it is in browser code and not inside one of the module's server
 * functions (a route's `loader`, a page's `getServerSideProps`, a `createServerFn` handler).
 */
export function isBrowserCodeAt(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  if (!isBrowserCode(sourceCode)) return false;
  const server = serverFunctionsOf(sourceCode);
  if (server.size === 0) return true;
  for (let n: TSESTree.Node | undefined = node; n; n = n.parent) if (server.has(n)) return false;
  return true;
}

/** `fetch('/api/likes')`: a same-origin path only a browser can fetch (Node rejects a relative URL). */
export function isSameOriginPath(url: TSESTree.Node | undefined): boolean {
  let text: string | undefined;
  if (url?.type === T.Literal && typeof url.value === 'string') text = url.value;
  else if (url?.type === T.TemplateLiteral) text = url.quasis[0]?.value.cooked ?? undefined;
  return text !== undefined && text.startsWith('/') && !text.startsWith('//');
}

// ---------------------------------------------------------------------------
// Timeouts

export type TimeoutVerdict =
  | { kind: 'ok' }
  /** Cannot tell: options built elsewhere, an instance from another module. */
  | { kind: 'unknown' }
  | { kind: 'missing' }
  /** `timeout: 0` (axios, got), `timeout: false` (ky). `node` is the property. */
  | { kind: 'disabled'; node: TSESTree.Property }
  /** `fetch(url, { timeout })`: fetch ignores it. */
  | { kind: 'ignored'; node: TSESTree.Property }
  /** The call is fine on its own, but its instance was created without a timeout. */
  | { kind: 'instance'; factory: TSESTree.CallExpression | TSESTree.NewExpression };

/** Whether an HTTP call can wait for ever on a stalled server. */
export function timeoutVerdict(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, http: HttpCall, receiver: string | undefined): TimeoutVerdict {
  switch (http.client) {
    case 'fetch':
    case 'node-fetch':
      return fetchVerdict(sourceCode, call, http);
    case 'undici':
      return optionsVerdict(sourceCode, call.arguments[1], ['signal', 'headersTimeout', 'bodyTimeout', 'dispatcher'], []);
    case 'axios':
    case 'got':
    case 'ky':
      return configuredClientVerdict(sourceCode, call, http, receiver);
    case 'superagent':
      return chainHas(call, 'timeout') ? { kind: 'ok' } : { kind: 'missing' };
    case 'node:http': {
      const options = call.arguments[http.optionsIndex];
      const verdict = optionsVerdict(sourceCode, options && isCallbackLike(sourceCode, options) ? undefined : options, ['signal', 'timeout'], []);
      if (verdict.kind !== 'missing') return verdict;
      return resultSetsTimeout(sourceCode, call) ? { kind: 'ok' } : verdict;
    }
    default:
      return { kind: 'unknown' };
  }
}

function fetchVerdict(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, http: HttpCall): TimeoutVerdict {
  const init = call.arguments[1];
  if (!init) {
    const first = call.arguments[0];
    if (first && first.type === T.Identifier) {
      // `fetch(request)`: a `Request` carries its own signal.
      const trace = traceValue(sourceCode, first);
      if (trace.kind === 'new' || (trace.kind === 'param' && trace.typeName === 'Request')) return { kind: 'unknown' };
    }
    if (first?.type === T.NewExpression || first?.type === T.SpreadElement) return { kind: 'unknown' };
    return { kind: 'missing' };
  }
  const ignored = http.client === 'node-fetch' ? [] : ['timeout'];
  return optionsVerdict(sourceCode, init, http.client === 'node-fetch' ? ['signal', 'timeout', 'dispatcher'] : ['signal', 'dispatcher'], ignored);
}

/** Looks for a guarding property in an options object; spreads and unseen objects are `unknown`. */
function optionsVerdict(sourceCode: TSESLint.SourceCode, options: TSESTree.Node | undefined, guards: readonly string[], ignored: readonly string[]): TimeoutVerdict {
  if (!options) return { kind: 'missing' };
  const obj = objectLiteralOf(sourceCode, options);
  if (!obj) return { kind: 'unknown' };
  for (const name of guards) {
    const prop = findProperty(obj, name);
    if (prop === 'spread') return { kind: 'unknown' };
    if (prop && !isNothing(prop.value)) return { kind: 'ok' };
  }
  for (const name of ignored) {
    const prop = findProperty(obj, name);
    if (prop && prop !== 'spread') return { kind: 'ignored', node: prop };
  }
  if (obj.properties.some((p) => p.type === T.SpreadElement)) return { kind: 'unknown' };
  return { kind: 'missing' };
}

/** axios, got and ky: the request's own options first, then the instance, then `x.defaults.timeout = …`. */
function configuredClientVerdict(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, http: HttpCall, receiver: string | undefined): TimeoutVerdict {
  const own = clientTimeout(sourceCode, call.arguments[http.optionsIndex], http.client);
  if (own.kind !== 'missing') return own;
  if (http.client === 'ky') {
    // ky times out after 10 s unless an instance turned that off.
    const created = http.factory ? clientTimeout(sourceCode, http.factory.arguments[0], 'ky') : undefined;
    return created?.kind === 'disabled' ? created : { kind: 'ok' };
  }
  if (http.instanceUnknown) return { kind: 'unknown' };
  if (http.factory) {
    const created = clientTimeout(sourceCode, http.factory.arguments[0], http.client);
    if (created.kind === 'ok' || created.kind === 'unknown' || created.kind === 'disabled') return created;
    if (receiver && defaultsTimeoutSet(sourceCode, receiver)) return { kind: 'ok' };
    const holder = factoryBinding(http.factory);
    if (holder && defaultsTimeoutSet(sourceCode, holder)) return { kind: 'ok' };
    return { kind: 'instance', factory: http.factory };
  }
  if (receiver && defaultsTimeoutSet(sourceCode, receiver)) return { kind: 'ok' };
  return { kind: 'missing' };
}

/** What a config object says about the timeout: `missing` when it says nothing. */
export function clientTimeout(sourceCode: TSESLint.SourceCode, config: TSESTree.Node | undefined, client: HttpClient): TimeoutVerdict {
  if (!config) return { kind: 'missing' };
  const obj = objectLiteralOf(sourceCode, config);
  if (!obj) return config.type === T.Identifier || config.type === T.MemberExpression || config.type === T.CallExpression ? { kind: 'unknown' } : { kind: 'missing' };
  const signal = findProperty(obj, 'signal');
  if (signal === 'spread') return { kind: 'unknown' };
  if (signal && !isNothing(signal.value)) return { kind: 'ok' };
  const timeout = findProperty(obj, 'timeout');
  if (timeout === 'spread') return { kind: 'unknown' };
  if (!timeout) return { kind: 'missing' };
  const value = timeout.value;
  if (client === 'ky') return value.type === T.Literal && value.value === false ? { kind: 'disabled', node: timeout } : { kind: 'ok' };
  if (isNothing(value)) return { kind: 'missing' };
  if (value.type === T.Literal && (value.value === 0 || value.value === false)) return { kind: 'disabled', node: timeout };
  if (value.type === T.Identifier && value.name === 'Infinity') return { kind: 'disabled', node: timeout };
  // got: `timeout: {}` sets nothing.
  if (value.type === T.ObjectExpression && value.properties.length === 0) return { kind: 'missing' };
  return { kind: 'ok' };
}

/** `(res) => …`, a function, or a name that reads like a callback: the response handler of `http.get(url, cb)`. */
export function isCallbackLike(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  if (node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression) return true;
  if (node.type !== T.Identifier) return false;
  if (/^(cb|callback|done|next|handle[A-Z]?\w*|on[A-Z]\w*)$/.test(node.name)) return true;
  const def = findVariable(sourceCode, node)?.defs[0];
  return def?.type === 'FunctionName';
}

function isNothing(node: TSESTree.Node): boolean {
  return (node.type === T.Identifier && node.name === 'undefined') || (node.type === T.Literal && node.value === null);
}

/** `const api = axios.create(…)` → `api`. */
export function factoryBinding(factory: TSESTree.Node): string | undefined {
  let n: TSESTree.Node | undefined = factory.parent;
  while (n && (n.type === T.AwaitExpression || n.type === T.TSAsExpression || n.type === T.TSSatisfiesExpression)) n = n.parent;
  if (n?.type === T.VariableDeclarator && n.id.type === T.Identifier) return n.id.name;
  if (n?.type === T.PropertyDefinition && n.key.type === T.Identifier) return `this.${n.key.name}`;
  if (n?.type === T.AssignmentExpression && n.left.type === T.MemberExpression) {
    const name = propertyName(n.left);
    if (name && n.left.object.type === T.ThisExpression) return `this.${name}`;
  }
  return undefined;
}

const defaultsCache = fileCache<TSESTree.Program, Map<string, boolean>>();

/** `axios.defaults.timeout = 5000` or `api.defaults.timeout = …` somewhere in the file (0 does not count). */
function defaultsTimeoutSet(sourceCode: TSESLint.SourceCode, receiver: string): boolean {
  const map = defaultsCache(sourceCode.ast, () => {
    const found = new Map<string, boolean>();
    // Found by a plain substring search, then read outwards: linear in the file's length.
    const text = sourceCode.text;
    const needle = '.defaults.timeout';
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      let start = at;
      while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
      if (start === at) continue;
      let receiver = text.slice(start, at);
      if (text.slice(Math.max(0, start - 5), start) === 'this.') receiver = `this.${receiver}`;
      const rest = text.slice(at + needle.length, at + needle.length + 200);
      const assigned = /^\s*=(?!=)\s*([^;\n]*)/.exec(rest);
      if (!assigned) continue;
      const value = assigned[1].trim();
      const set = !/^(0|Infinity|undefined|null)\b/.test(value);
      found.set(receiver, (found.get(receiver) ?? false) || set);
    }
    return found;
  });
  return map.get(receiver) ?? false;
}

/** `superagent.get(url).set(…).timeout(5000)`: a method called further along the chain. */
export function chainHas(call: TSESTree.CallExpression, method: string): boolean {
  let node: TSESTree.Node = call;
  for (let i = 0; i < 32; i++) {
    const member: TSESTree.Node | undefined = node.parent;
    if (member?.type !== T.MemberExpression || member.object !== node) return false;
    const outer: TSESTree.Node | undefined = member.parent;
    if (outer?.type !== T.CallExpression || outer.callee !== member) return false;
    if (propertyName(member) === method) return true;
    node = outer;
  }
  return false;
}

/** `const req = https.request(…); req.setTimeout(…)`, or `.setTimeout(…)` chained on the call. */
function resultSetsTimeout(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  if (chainHas(call, 'setTimeout')) return true;
  const parent = call.parent;
  if (parent?.type !== T.VariableDeclarator || parent.id.type !== T.Identifier) return false;
  const variable = findVariable(sourceCode, parent.id);
  return !!variable?.references.some((ref) => {
    const member = ref.identifier.parent;
    return member?.type === T.MemberExpression && member.object === ref.identifier && propertyName(member) === 'setTimeout';
  });
}
