/**
 * Request input: where it enters a handler, how it travels, and whether it
 * passed through a validator on the way.
 *
 * Sources, by framework:
 * - Express / Next.js pages API: `req.body|query|params` on a request parameter
 *   (named `req`/`request` or typed `Request`, `FastifyRequest`, `NextApiRequest`…).
 * - Fastify: the same on `request`; a route `schema` validates the handler's input.
 * - Koa: `ctx.request.body|query`, `ctx.query`, `ctx.params`.
 * - Hono: `c.req.json()|query()|queries()|param()|parseBody()|formData()`; a validator
 *   middleware (`zValidator(...)`) in the route validates it, and `c.req.valid(...)` is parsed.
 * - Next.js route handlers: `await request.json()|formData()|text()`,
 *   `request.nextUrl.searchParams`, `new URL(request.url).searchParams`, a `searchParams` prop.
 * - Server actions (exported functions of a `'use server'` module, or an inline directive): their
 *   parameters (`FormData`, plain objects), not primitives.
 * - NestJS: `@Body()`/`@Query()` parameters typed `any`, `Record<…>`, an inline type or
 *   an interface; a DTO class, a pipe argument or `@UsePipes(...)` counts as validated.
 * - tRPC: `input` of a procedure with no `.input(schema)` in its chain.
 * - Anywhere: a parameter typed `Partial<T>` (an unfiltered patch), for mass assignment only.
 *
 * Values are followed through `const`, destructuring, spreads, member access,
 * `await`, casts and a few pass-through calls (`JSON.parse`, `Object.fromEntries`,
 * `String`, `Number`, `new Date`, `.trim()`…). The result of any other call is
 * treated as new data: a schema parse, a sanitiser or a helper of the project.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

import { fileCache } from './caches.js';
import { textMayMention } from './gate.js';
import { calleePath, contains, enclosingFunction, findVariable, hasDirective, moduleExports, propertyName, typeNameOf, unwrap } from './resolve.js';
import type { FileAnalysis } from './index.js';
import type { FunctionNode } from './types.js';

export type InputKind =
  /** A request body, query string, form or RPC input. */
  | 'body'
  /** Route path parameters: identifiers that select a record. */
  | 'path'
  /** A parameter typed `Partial<T>`: an unfiltered patch from the caller. */
  | 'partial';

export interface InputSource {
  /** The expression where the input enters: `req.body`, `request.json()`, the `input` parameter. */
  node: TSESTree.Node;
  /** Printable: `req.body`, `await request.json()`, `formData`, `input`. */
  label: string;
  kind: InputKind;
}

export interface InputHit {
  source: InputSource;
  /** For `wholeSourcesIn`: the node in the write where the input is placed whole (`req.body`, `...body`). */
  placed?: TSESTree.Node;
  /** Passed to a validator call in the same function (`Schema.parse(body)`, `validate(req.body)`), result unused or not. */
  readonly checked: boolean;
}

export interface InputTracer {
  /** Every request input `expr` carries, in any position (field values, spreads, arguments of pass-through calls). */
  sourcesIn(expr: TSESTree.Node): InputHit[];
  /** Inputs placed whole into write data at `expr`: the data itself, a spread, a nested write, `$set`. Field values are not. */
  wholeSourcesIn(expr: TSESTree.Node): InputHit[];
  /**
   * For a same-file helper `fn`: whether its parameter `index` reaches `expr` unvalidated
   * (anywhere in it, or placed whole when `whole`). Lets a handler's `createUser(req.body)` be
   * judged by what `createUser` does with it.
   */
  parameterReaches(fn: FunctionNode, index: number, expr: TSESTree.Node, whole: boolean): boolean;
}

/** The tracer of the file being linted (see caches.ts on why not a weak map). */
const perProgram = fileCache<TSESTree.Program, InputTracer>();

/**
 * A hit whose `checked` is worked out when first read: it walks the enclosing functions for
 * validator calls, and no-mass-assignment never asks.
 */
class Hit implements InputHit {
  placed: TSESTree.Node | undefined = undefined;
  private verdict: boolean | undefined = undefined;

  constructor(
    readonly source: InputSource,
    private readonly at: TSESTree.Node,
    private readonly trail: KeyTrail,
    private readonly judge: (at: TSESTree.Node, trail: KeyTrail) => boolean,
  ) {}

  get checked(): boolean {
    this.verdict ??= this.judge(this.at, this.trail);
    return this.verdict;
  }
}

/**
 * The expressions and variables a value passed through on its way to a write, innermost first.
 * Kept as nodes and printed only when a hit is judged: most values carry no input.
 */
interface KeyTrail {
  /** An expression whose text is a key, or, when `variable`, the declaring name of a variable. */
  node: TSESTree.Node;
  variable: boolean;
  next: KeyTrail | null;
}

/**
 * A cheap text check: could this file contain request input at all? Every source hangs off a
 * parameter this finds a trace of: a request or context named or typed as one (Hono's `c.req`
 * included), a tRPC procedure, `searchParams`, a NestJS `@Body()`/`@Query()`, a `Partial<T>`, or a
 * `'use server'` module or function (see `textMayMention`). Cached per file: two rules ask.
 */
export function mayHaveInput(sourceCode: TSESLint.SourceCode): boolean {
  return inputGate(sourceCode.ast, () => textMayMention(sourceCode.text, INPUT_HINT, PROCEDURE_HINT));
}

const inputGate = fileCache<TSESTree.Program, boolean>();
const INPUT_HINT = /\b(?:req|request|ctx|context|Body|Query)\b|Request\b|Context\b|IncomingMessage|searchParams|Partial|use server/;
const PROCEDURE_HINT = /procedure/i;

export function getInputTracer(analysis: FileAnalysis): InputTracer {
  return perProgram(analysis.sourceCode.ast, () => createInputTracer(analysis));
}

const REQUEST_NAMES = new Set(['req', 'request']);
const REQUEST_TYPES = /(?:^|\.)(?:Request|FastifyRequest|NextApiRequest|NextRequest|IncomingMessage|ExpressRequest|HonoRequest)$/;
const CONTEXT_NAMES = new Set(['ctx', 'context']);
const CONTEXT_TYPES = /(?:^|\.)(?:Context|ParameterizedContext|RouterContext|KoaContext)$/;
const HONO_READERS = new Map<string, InputKind>([
  ['json', 'body'],
  ['parseBody', 'body'],
  ['formData', 'body'],
  ['text', 'body'],
  ['query', 'body'],
  ['queries', 'body'],
  ['param', 'path'],
]);
const BODY_READERS = new Set(['json', 'formData', 'text']);
/** Global functions whose result still carries their argument. */
const PASS_FUNCTIONS = new Set(['String', 'Number', 'parseInt', 'parseFloat', 'BigInt', 'encodeURIComponent', 'encodeURI', 'structuredClone']);
const PASS_STATIC = new Set(['JSON.parse', 'JSON.stringify', 'Object.fromEntries', 'Object.assign', 'Object.entries', 'Object.values']);
/** Methods whose result still carries their receiver. */
const PASS_METHODS = new Set(['map', 'filter', 'get', 'getAll', 'trim', 'toLowerCase', 'toUpperCase', 'toString', 'slice', 'substring', 'split', 'replace', 'at', 'entries', 'values']);
const PASS_CONSTRUCTORS = new Set(['Date', 'URLSearchParams', 'Decimal', 'Number', 'String']);
/** Keys under which a whole request is kept as a record of what arrived, not as fields. */
const RAW_CAPTURE_KEYS = /^(?:payload|raw\w*|body|requestBody|request|event|metadata|meta|headers|snapshot|original\w*)$/i;
/** Keys whose value is written whole: Prisma nested writes, Mongo update operators. */
const NESTED_WRITE_KEYS = new Set(['data', 'create', 'update', 'upsert', 'createMany', 'connectOrCreate', '$set', '$setOnInsert']);

/** Validator methods of zod (v3/v4), valibot, yup, joi, ajv, arktype (`allows`, `assert`), typebox, class-validator, superstruct, webhook SDKs. */
const VALIDATOR_METHODS = new Set([
  'parse',
  'parseAsync',
  'safeParse',
  'safeParseAsync',
  'spa',
  'decode',
  'decodeAsync',
  'safeDecode',
  'safeDecodeAsync',
  'allows',
  'validate',
  'validateSync',
  'validateAsync',
  'validateOrReject',
  'isValid',
  'isValidSync',
  'attempt',
  'assert',
  'Check',
  'Parse',
  'Decode',
  'Assert',
  'Clean',
  'constructEvent',
  'constructEventAsync',
  'verifyWebhook',
  'verifySignature',
]);
/** `.parse` on these is not a schema parse. */
const NOT_VALIDATOR_RECEIVERS = new Set(['JSON', 'Date', 'qs', 'querystring', 'path', 'url', 'URL', 'cookie', 'yaml', 'YAML', 'Papa', 'csv', 'toml', 'TOML', 'JSON5']);
/** Project helpers by name: `validateBody(x)`, `parseCandidate(x)`, `assertOrder(x)`. */
const VALIDATOR_NAME = /^(?:validate|parse|assert|sanitize|sanitise|verify|check)(?:[A-Z_]|$)|(?:Schema|Validator)$/;
/** Text that may hold a call of arktype's `type(…)` (`type({…})`, `ark.type<…>(…)`). */
const CALLS_TYPE = /\btype\s*[(<]/;
/** Route-level validation middleware: `zValidator`, `validate(schema)`, `celebrate({...})`, `validateBody(...)`. */
const VALIDATOR_MIDDLEWARE = /valid|schema|celebrate|zod|yup|joi|ajv|typebox|arktype|valibot|sValidator/i;

function createInputTracer(analysis: FileAnalysis): InputTracer {
  const { sourceCode, settings } = analysis;
  const paramSources = new Map<TSESTree.Node, InputSource | null>();
  const handlerValidated = new Map<TSESTree.Node, boolean>();
  const checkedKeys = new Map<TSESTree.Node, Set<string>>();
  const useServerFile = hasDirective(sourceCode.ast.body, 'use server');

  function sourcesIn(expr: TSESTree.Node): InputHit[] {
    const hits: InputHit[] = [];
    collect(expr, hits, new Set(), 0, null);
    return dedupe(hits);
  }

  function wholeSourcesIn(expr: TSESTree.Node): InputHit[] {
    const hits: InputHit[] = [];
    whole(expr, hits, new Set(), 0);
    return dedupe(hits);
  }

  /** Inputs placed whole at `expr`. */
  function whole(expr: TSESTree.Node, hits: InputHit[], seen: Set<TSESTree.Node>, depth: number, anchor?: TSESTree.Node): void {
    if (depth > 12 || seen.has(expr)) return;
    seen.add(expr);
    const node = unwrap(expr);
    // Reported where the write names it: `data: body` rather than where `body` was read.
    const placeHere = (value: TSESTree.Node, at: TSESTree.Node) => placeWhole(value, anchor ?? at, hits, depth);
    switch (node.type) {
      case T.ObjectExpression:
        for (const p of node.properties) {
          if (p.type === T.SpreadElement) placeHere(p.argument, p);
          else if (NESTED_WRITE_KEYS.has(keyName(p) ?? '') || unwrap(p.value).type === T.ObjectExpression) whole(p.value, hits, seen, depth + 1);
        }
        return;
      case T.ArrayExpression:
        for (const e of node.elements) if (e) whole(e.type === T.SpreadElement ? e.argument : e, hits, seen, depth + 1);
        return;
      case T.Identifier: {
        const init = constInit(node);
        if (init && init.declarator.id.type === T.Identifier) {
          whole(init.declarator.init as TSESTree.Expression, hits, seen, depth + 1, anchor ?? node);
          for (const merged of mergedInto(node)) placeHere(merged, node);
          return;
        }
        // `const { name } = req.body` picked a field; `const { id, ...rest } = req.body` kept the rest whole.
        if (init && !isRestBinding(init.declarator.id, node.name)) return;
        placeHere(node, node);
        return;
      }
      case T.ConditionalExpression:
        whole(node.consequent, hits, seen, depth + 1);
        whole(node.alternate, hits, seen, depth + 1);
        return;
      case T.CallExpression: {
        // `Object.assign({}, a, b)`, `structuredClone(x)`: the arguments are written whole.
        const path = calleePath(node.callee)?.join('.');
        if (path === 'Object.assign' || path === 'structuredClone') {
          for (const a of node.arguments) whole(a.type === T.SpreadElement ? a.argument : a, hits, seen, depth + 1);
          return;
        }
        // `items.map((item) => ({ ...item, projectId }))`: each element is written whole; any other map builds new rows.
        const spreadSource = mappedWhole(node);
        if (spreadSource) {
          placeHere(spreadSource, node);
          return;
        }
        const callee = unwrap(node.callee);
        if (callee.type === T.MemberExpression && propertyName(callee) === 'map') return;
        placeHere(node, node);
        return;
      }
      default:
        placeHere(node, node);
    }
  }

  /** Every input `value` carries, placed whole at `at`. */
  function placeWhole(value: TSESTree.Node, at: TSESTree.Node, hits: InputHit[], depth: number): void {
    const found: InputHit[] = [];
    collect(value, found, new Set(), depth + 1, null);
    for (const h of found) {
      h.placed = at;
      hits.push(h);
    }
  }

  /** The receiver of `x.map((el) => ({ ...el, … }))`, whose elements are spread whole into the result. */
  function mappedWhole(call: TSESTree.CallExpression): TSESTree.Node | null {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || propertyName(callee) !== 'map') return null;
    const cb = call.arguments[0];
    if (cb?.type !== T.ArrowFunctionExpression || cb.params[0]?.type !== T.Identifier) return null;
    const param = cb.params[0].name;
    const body = cb.body.type === T.BlockStatement ? returnedExpression(cb.body) : cb.body;
    const obj = body ? unwrap(body) : null;
    if (obj?.type !== T.ObjectExpression) return null;
    const spreadsParam = obj.properties.some(
      (p) => p.type === T.SpreadElement && unwrap(p.argument).type === T.Identifier && (unwrap(p.argument) as TSESTree.Identifier).name === param,
    );
    return spreadsParam ? callee.object : null;
  }

  /** Values merged into a binding before it is written: `Object.assign(user, x)`, `repo.merge(user, x)`, `em.assign(user, x)`, `doc.set(x)`. */
  function mergedInto(id: TSESTree.Identifier): TSESTree.Node[] {
    const variable = findVariable(sourceCode, id);
    const out: TSESTree.Node[] = [];
    for (const ref of variable?.references ?? []) {
      const ident = ref.identifier as TSESTree.Node;
      const parent = ident.parent;
      if (parent?.type === T.CallExpression && parent.arguments[0] === ident) {
        const path = calleePath(parent.callee);
        const last = path?.[path.length - 1];
        if (path?.join('.') === 'Object.assign' || last === 'merge' || (last === 'assign' && path && path.length > 1)) {
          for (const a of parent.arguments.slice(1)) out.push(a.type === T.SpreadElement ? a.argument : a);
        }
      } else if (parent?.type === T.MemberExpression && parent.object === ident && propertyName(parent) === 'set') {
        const call = parent.parent;
        if (call?.type === T.CallExpression && call.callee === parent && call.arguments.length === 1) {
          const a = call.arguments[0];
          out.push(a.type === T.SpreadElement ? a.argument : a);
        }
      }
    }
    return out;
  }

  /**
   * Collects the inputs `expr` carries. `keys` are the variables and expressions the
   * value passed through on the way; a validator call on any of them marks the hit checked.
   */
  function collect(expr: TSESTree.Node, hits: InputHit[], seen: Set<TSESTree.Node>, depth: number, keys: KeyTrail | null): void {
    if (depth > 16 || seen.has(expr)) return;
    seen.add(expr);
    const node = unwrap(expr);
    const here: KeyTrail = { node, variable: false, next: keys };
    const direct = sourceAt(node);
    if (direct !== undefined) {
      if (direct) hits.push(new Hit(direct, node, here, isChecked));
      return;
    }
    switch (node.type) {
      case T.Identifier:
        collectIdentifier(node, hits, seen, depth, keys);
        return;
      case T.MemberExpression:
        collect(node.object, hits, seen, depth + 1, here);
        return;
      case T.ObjectExpression:
        for (const p of node.properties) {
          if (p.type === T.SpreadElement) collect(p.argument, hits, seen, depth + 1, null);
          else if (!isRawCapture(p)) collect(p.value, hits, seen, depth + 1, null);
        }
        return;
      case T.ArrayExpression:
        for (const e of node.elements) if (e) collect(e.type === T.SpreadElement ? e.argument : e, hits, seen, depth + 1, null);
        return;
      case T.TemplateLiteral:
        for (const e of node.expressions) collect(e, hits, seen, depth + 1, null);
        return;
      case T.BinaryExpression:
      case T.LogicalExpression:
        collect(node.left, hits, seen, depth + 1, null);
        collect(node.right, hits, seen, depth + 1, null);
        return;
      case T.ConditionalExpression:
        collect(node.consequent, hits, seen, depth + 1, null);
        collect(node.alternate, hits, seen, depth + 1, null);
        return;
      case T.UnaryExpression:
        if (node.operator === '-' || node.operator === '+') collect(node.argument, hits, seen, depth + 1, null);
        return;
      case T.AssignmentExpression:
        collect(node.right, hits, seen, depth + 1, keys);
        return;
      case T.SpreadElement:
        collect(node.argument, hits, seen, depth + 1, keys);
        return;
      case T.CallExpression:
        collectCall(node, hits, seen, depth, here);
        return;
      case T.NewExpression:
        if (node.callee.type === T.Identifier && PASS_CONSTRUCTORS.has(node.callee.name)) {
          for (const a of node.arguments) collect(a, hits, seen, depth + 1, null);
        }
        return;
      default:
        return;
    }
  }

  /**
   * `{ payload: req.body }`, `{ rawBody: JSON.stringify(body) }`: the whole request kept as a record of
   * what arrived (an audit row, a webhook log), not fields written as if they were valid.
   */
  function isRawCapture(p: TSESTree.Property): boolean {
    if (!RAW_CAPTURE_KEYS.test(keyName(p) ?? '')) return false;
    return isWholeInput(p.value, 0);
  }

  function isWholeInput(expr: TSESTree.Node, depth: number): boolean {
    if (depth > 3) return false;
    const node = unwrap(expr);
    if (node.type === T.CallExpression && calleePath(node.callee)?.join('.') === 'JSON.stringify' && node.arguments[0]) {
      return isWholeInput(node.arguments[0], depth + 1);
    }
    if (node.type === T.Identifier) {
      const init = constInit(node);
      if (init) return init.declarator.id.type === T.Identifier && isWholeInput(init.declarator.init as TSESTree.Expression, depth + 1);
      const def = findVariable(sourceCode, node)?.defs[0];
      return def?.type === 'Parameter' && parameterSource(def, node)?.label === node.name;
    }
    const source = sourceAt(node);
    return source !== undefined && source !== null && source.label === textKey(node);
  }

  function collectCall(call: TSESTree.CallExpression, hits: InputHit[], seen: Set<TSESTree.Node>, depth: number, keys: KeyTrail): void {
    const callee = unwrap(call.callee);
    if (callee.type === T.Identifier && PASS_FUNCTIONS.has(callee.name) && !findVariable(sourceCode, callee)?.defs.length) {
      for (const a of call.arguments) collect(a, hits, seen, depth + 1, null);
      return;
    }
    if (callee.type !== T.MemberExpression) return;
    const path = calleePath(callee)?.join('.');
    if (path && PASS_STATIC.has(path)) {
      for (const a of call.arguments) collect(a, hits, seen, depth + 1, null);
      return;
    }
    const method = propertyName(callee);
    if (method && PASS_METHODS.has(method)) collect(callee.object, hits, seen, depth + 1, keys);
  }

  function collectIdentifier(id: TSESTree.Identifier, hits: InputHit[], seen: Set<TSESTree.Node>, depth: number, keys: KeyTrail | null): void {
    const variable = findVariable(sourceCode, id);
    const def = variable?.defs[0];
    if (!variable || !def) return;
    const here: KeyTrail = { node: def.name, variable: true, next: keys };
    if (def.type === 'Parameter') {
      if (seededParameter !== null && def.name === seededParameter) {
        hits.push(new Hit({ node: id, label: id.name, kind: 'body' }, id, here, isChecked));
        return;
      }
      const source = parameterSource(def, id);
      if (source) hits.push(new Hit(source, id, here, isChecked));
      return;
    }
    if (def.type !== 'Variable' || !def.node.init) return;
    if (def.parent.kind !== 'const' && variable.references.some((r) => r.isWrite() && !r.init)) return;
    const declarator = def.node;
    if (declarator.id.type === T.Identifier) {
      collect(declarator.init as TSESTree.Expression, hits, seen, depth + 1, here);
      // `Object.assign(org, req.body)` before `save(org)`: the merged values are written too.
      for (const merged of mergedInto(id)) collect(merged, hits, seen, depth + 1, null);
      return;
    }
    // Destructuring: `const { name } = req.body`, `const { body } = req`.
    const path = patternPath(declarator.id, def.name);
    if (path === null) return;
    const init = declarator.init as TSESTree.Expression;
    const viaPath = sourceOfPath(init, path);
    if (viaPath !== undefined) {
      if (viaPath) hits.push(new Hit(viaPath, id, here, isChecked));
      return;
    }
    collect(init, hits, seen, depth + 1, here);
  }

  /** A source reached by destructuring `path` out of `init` (`const { body } = req`). Undefined when the path is not a source shape. */
  function sourceOfPath(init: TSESTree.Node, path: string[]): InputSource | null | undefined {
    const base = unwrap(init);
    const chain = memberChain(base);
    if (!chain) return undefined;
    return sourceForChain(chain.root, [...chain.path, ...path], base);
  }

  /**
   * The input source `node` is, null when it has the shape of one but is validated
   * upstream, undefined when it is not a source shape at all.
   */
  function sourceAt(node: TSESTree.Node): InputSource | null | undefined {
    if (node.type === T.MemberExpression) {
      const chain = memberChain(node);
      if (!chain) return undefined;
      return sourceForChain(chain.root, chain.path, node);
    }
    if (node.type === T.CallExpression) return callSource(node);
    return undefined;
  }

  function sourceForChain(start: TSESTree.Node, startPath: string[], startAt: TSESTree.Node): InputSource | null | undefined {
    // Follow `const` aliases of the root: `const url = new URL(request.url); url.searchParams`.
    // The source is then reported where it was read (`req.body as Candidate`), not at the alias.
    let root = start;
    let path = startPath;
    let at = startAt;
    for (let i = 0; i < 4 && root.type === T.Identifier; i++) {
      const init = constInit(root);
      if (!init || init.declarator.id.type !== T.Identifier) break;
      const value = unwrap(init.declarator.init as TSESTree.Expression);
      const chain = memberChain(value);
      if (!chain) break;
      root = chain.root;
      path = [...chain.path, ...path];
      at = value;
    }
    if (path.length === 0) return undefined;
    if (root.type === T.Identifier) {
      const variable = findVariable(sourceCode, root);
      const def = variable?.defs[0];
      if (def?.type !== 'Parameter') return undefined;
      const param = paramNode(def);
      const fn = def.node as FunctionNode;
      if (!param) return undefined;
      const [first, second] = path;
      if (isRequestParam(param, root.name) && (first === 'body' || first === 'query' || first === 'params')) {
        if (isHandlerValidated(fn)) return null;
        return { node: at, label: `${root.name}.${first}`, kind: first === 'params' ? 'path' : 'body' };
      }
      if (isRequestParam(param, root.name) && first === 'nextUrl' && second === 'searchParams') {
        return { node: at, label: `${root.name}.nextUrl.searchParams`, kind: 'body' };
      }
      if (isContextParam(param, root.name)) {
        if (first === 'request' && (second === 'body' || second === 'query')) {
          if (isHandlerValidated(fn)) return null;
          return { node: at, label: `${root.name}.request.${second}`, kind: 'body' };
        }
        if ((first === 'query' || first === 'params') && !isTrpcResolver(fn)) {
          if (isHandlerValidated(fn)) return null;
          return { node: at, label: `${root.name}.${first}`, kind: first === 'params' ? 'path' : 'body' };
        }
      }
      if ((first === 'input' || first === 'rawInput') && isTrpcResolver(fn)) {
        if (first === 'input' && trpcHasInputParser(fn)) return null;
        return { node: at, label: first, kind: 'body' };
      }
      return undefined;
    }
    if (root.type === T.NewExpression && root.callee.type === T.Identifier && root.callee.name === 'URL' && path[0] === 'searchParams') {
      const arg = root.arguments[0];
      const chain = arg ? memberChain(unwrap(arg)) : null;
      if (chain?.root.type === T.Identifier && chain.path[0] === 'url') {
        const def = findVariable(sourceCode, chain.root)?.defs[0];
        const param = def?.type === 'Parameter' ? paramNode(def) : null;
        if (param && isRequestParam(param, chain.root.name)) return { node: at, label: 'searchParams', kind: 'body' };
      }
    }
    return undefined;
  }

  /** `request.json()`, `c.req.json()`, `c.req.query('q')`, `opts.getRawInput()`. */
  function callSource(call: TSESTree.CallExpression): InputSource | null | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) return undefined;
    const method = propertyName(callee);
    if (!method) return undefined;
    const object = unwrap(callee.object);
    // Hono: `c.req.json()`.
    if (object.type === T.MemberExpression && propertyName(object) === 'req' && HONO_READERS.has(method)) {
      const root = unwrap(object.object);
      if (root.type !== T.Identifier) return undefined;
      const def = findVariable(sourceCode, root)?.defs[0];
      if (def?.type !== 'Parameter') return undefined;
      if (isHandlerValidated(def.node as FunctionNode)) return null;
      return { node: call, label: `${root.name}.req.${method}()`, kind: HONO_READERS.get(method) as InputKind };
    }
    if (object.type !== T.Identifier) return undefined;
    const def = findVariable(sourceCode, object)?.defs[0];
    if (def?.type !== 'Parameter') return undefined;
    const param = paramNode(def);
    if (!param) return undefined;
    if (BODY_READERS.has(method) && isRequestParam(param, object.name)) {
      return { node: call, label: `${object.name}.${method}()`, kind: 'body' };
    }
    if (method === 'getRawInput' && isTrpcResolver(def.node as FunctionNode)) {
      return { node: call, label: `${object.name}.getRawInput()`, kind: 'body' };
    }
    return undefined;
  }

  /** What a bare parameter carries: a server action's argument, a NestJS `@Body()`, a tRPC `input`, a `Partial<T>`. */
  function parameterSource(def: Scope.Definition, id: TSESTree.Identifier): InputSource | null {
    const key = def.name;
    if (paramSources.has(key)) return paramSources.get(key) ?? null;
    const result = computeParameterSource(def, id);
    paramSources.set(key, result);
    return result;
  }

  function computeParameterSource(def: Scope.Definition, id: TSESTree.Identifier): InputSource | null {
    const fn = def.node as FunctionNode;
    const param = paramNode(def);
    if (!param) return null;
    const label = id.name;
    // `({ input }) => …` of a tRPC procedure, `({ searchParams })` of a page.
    if (param.type === T.ObjectPattern) {
      const path = patternPath(param, def.name);
      if (path?.[0] === 'input' && isTrpcResolver(fn)) return trpcHasInputParser(fn) ? null : { node: def.name, label: 'input', kind: 'body' };
      if (path?.[0] === 'searchParams') return { node: def.name, label: 'searchParams', kind: 'body' };
      return null;
    }
    const inner = param.type === T.AssignmentPattern ? param.left : param;
    if (inner.type !== T.Identifier) return null;
    const annotation = inner.typeAnnotation?.typeAnnotation;
    if (inner.name === 'searchParams') return { node: def.name, label: 'searchParams', kind: 'body' };
    const decorators = (param.type === T.Identifier ? param.decorators : undefined) ?? [];
    const nest = decorators.map(decoratorCall).find((d) => d && (d.name === 'Body' || d.name === 'Query' || d.name === 'Param'));
    if (nest) {
      if (nest.name === 'Param') return null;
      if (nest.args.some((a) => a.type !== T.Literal)) return null; // a pipe: `@Body(new ValidationPipe())`
      if (isPrimitiveType(annotation) || isValidatedDtoType(annotation) || hasUsePipes(fn)) return null;
      return { node: def.name, label: `@${nest.name}() ${label}`, kind: 'body' };
    }
    // `overrides: Partial<T> = {}` is an options bag or a test factory's overrides (test files and factories are not read at all).
    if (annotation && isPartialType(annotation) && param.type !== T.AssignmentPattern) {
      return { node: def.name, label, kind: 'partial' };
    }
    if (isServerAction(fn)) {
      if (isPrimitiveType(annotation)) return null;
      return { node: def.name, label, kind: 'body' };
    }
    return null;
  }

  // -------------------------------------------------------------------------
  // Handlers

  /** The route that registers `fn` validates its input: validator middleware, a Fastify `schema`. */
  function isHandlerValidated(fn: FunctionNode): boolean {
    const cached = handlerValidated.get(fn);
    if (cached !== undefined) return cached;
    let result = false;
    for (const registration of registrationsOf(fn)) {
      if (registrationValidates(registration.call, registration.arg)) {
        result = true;
        break;
      }
    }
    if (!result) result = hasUsePipes(fn);
    handlerValidated.set(fn, result);
    return result;
  }

  function registrationsOf(fn: FunctionNode): { call: TSESTree.CallExpression; arg: TSESTree.Node }[] {
    const out: { call: TSESTree.CallExpression; arg: TSESTree.Node }[] = [];
    const asArgument = (node: TSESTree.Node) => {
      const parent = node.parent;
      if (parent?.type === T.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
        out.push({ call: parent, arg: node });
      } else if (parent?.type === T.Property && parent.value === node && parent.parent?.type === T.ObjectExpression) {
        // `fastify.route({ method, url, schema, handler })`
        const obj = parent.parent;
        if (obj.parent?.type === T.CallExpression) out.push({ call: obj.parent, arg: obj });
      }
    };
    asArgument(fn);
    // A named handler registered elsewhere in the file: `router.post('/x', validate(s), createUser)`.
    let nameId: TSESTree.Identifier | null = null;
    if (fn.type === T.FunctionDeclaration && fn.id) nameId = fn.id;
    else if (fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier) nameId = fn.parent.id;
    if (nameId) {
      const variable = findVariable(sourceCode, nameId);
      for (const ref of variable?.references ?? []) if (ref.identifier !== nameId) asArgument(ref.identifier as TSESTree.Node);
    }
    return out;
  }

  function registrationValidates(call: TSESTree.CallExpression, handler: TSESTree.Node): boolean {
    for (const arg of call.arguments) {
      if (arg === handler) {
        // `fastify.route({ schema, handler })`, koa-joi-router `router.route({ validate, handler })`.
        if (arg.type === T.ObjectExpression && (hasKey(arg, 'schema') || hasKey(arg, 'validate'))) return true;
        continue;
      }
      const a = unwrap(arg);
      if (a.type === T.ObjectExpression && (hasKey(a, 'schema') || hasKey(a, 'validate'))) return true; // route options
      if (a.type === T.CallExpression && isValidatorMiddleware(a)) return true;
      if (a.type === T.Identifier && VALIDATOR_MIDDLEWARE.test(a.name)) return true;
      if (a.type === T.ArrayExpression && a.elements.some((e) => e?.type === T.CallExpression && isValidatorMiddleware(e))) return true;
    }
    return false;
  }

  function isValidatorMiddleware(call: TSESTree.CallExpression): boolean {
    const path = calleePath(call.callee);
    if (path?.some((segment) => VALIDATOR_MIDDLEWARE.test(segment) || settings.validators.has(segment))) return true;
    // express-validator chains: `body('email').isEmail()`.
    let n: TSESTree.Node = call;
    for (let i = 0; i < 16 && n.type === T.CallExpression; i++) {
      const c = unwrap(n.callee);
      if (c.type === T.Identifier) return ['body', 'query', 'param', 'check', 'checkSchema', 'oneOf'].includes(c.name);
      if (c.type !== T.MemberExpression) return false;
      n = unwrap(c.object);
    }
    return false;
  }

  /** `.mutation(({ input }) => …)` / `.query(...)` on a procedure builder. */
  function isTrpcResolver(fn: FunctionNode): boolean {
    const call = fn.parent;
    if (call?.type !== T.CallExpression || call.arguments[0] !== fn) return false;
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) return false;
    const method = propertyName(callee);
    if (method !== 'mutation' && method !== 'query' && method !== 'subscription') return false;
    return procedureChain(callee.object).isProcedure;
  }

  function trpcHasInputParser(fn: FunctionNode): boolean {
    const call = fn.parent as TSESTree.CallExpression;
    const callee = unwrap(call.callee) as TSESTree.MemberExpression;
    return procedureChain(callee.object).validated;
  }

  function procedureChain(start: TSESTree.Node): { isProcedure: boolean; validated: boolean } {
    let node = unwrap(start);
    let isProcedure = false;
    let validated = false;
    const seen = new Set<TSESTree.Node>();
    for (let i = 0; i < 32 && !seen.has(node); i++) {
      seen.add(node);
      if (node.type === T.CallExpression) {
        const c = unwrap(node.callee);
        if (c.type !== T.MemberExpression) break;
        if (propertyName(c) === 'input' && node.arguments[0] && isRealParser(node.arguments[0])) validated = true;
        node = unwrap(c.object);
        continue;
      }
      if (node.type === T.MemberExpression) {
        if (/procedure/i.test(propertyName(node) ?? '')) isProcedure = true;
        node = unwrap(node.object);
        continue;
      }
      if (node.type === T.Identifier) {
        if (/procedure/i.test(node.name)) isProcedure = true;
        const init = constInit(node);
        if (!init || init.declarator.id.type !== T.Identifier) break;
        node = unwrap(init.declarator.init as TSESTree.Expression);
        continue;
      }
      break;
    }
    return { isProcedure, validated };
  }

  // -------------------------------------------------------------------------
  // Validator calls in the same function

  /** A validator call in the function around `at`, or in a function around that (a handler around its callbacks). */
  function isChecked(at: TSESTree.Node, trail: KeyTrail): boolean {
    const chain: FunctionNode[] = [];
    for (let fn = enclosingFunction(at); fn && chain.length < 4; fn = enclosingFunction(fn)) chain.push(fn);
    // Outermost first: one walk of a handler also settles the callbacks inside it.
    for (let i = chain.length - 1; i >= 0; i--) if (!checkedKeys.has(chain[i])) collectCheckedKeys(chain[i]);
    let keys: string[] | null = null;
    for (const fn of chain) {
      const found = checkedKeys.get(fn) as Set<string>;
      if (found.size === 0) continue;
      keys ??= trailKeys(trail);
      for (const k of keys) if (found.has(k)) return true;
    }
    return false;
  }

  /** The keys a validator call may name for a trail: each expression's text (and its member chain's objects), each variable. */
  function trailKeys(trail: KeyTrail): string[] {
    const keys: string[] = [];
    for (let t: KeyTrail | null = trail; t; t = t.next) {
      if (t.variable) {
        keys.push(`var@${t.node.range[0]}`);
        continue;
      }
      keys.push(textKey(t.node));
      // `Value.Check(T, request.body)` covers `request.body.customerId`.
      for (let m: TSESTree.Node = t.node; m.type === T.MemberExpression; m = unwrap(m.object)) keys.push(textKey(unwrap(m.object)));
    }
    return keys;
  }

  /**
   * Records, for `root` and every function inside it, the keys of every argument passed to a
   * validator call anywhere in its body (nested callbacks included), from the shared analysis's calls.
   */
  function collectCheckedKeys(root: FunctionNode): void {
    checkedKeys.set(root, new Set());
    const nested = analysis.functionsWithin(root);
    // Their whole bodies are inside `root`, so their keys are complete once `root`'s calls are read.
    for (const fn of nested) if (!checkedKeys.has(fn)) checkedKeys.set(fn, new Set());
    addCheckedKeys(root, root);
    for (const fn of nested) addCheckedKeys(fn, root);
  }

  /** The validator calls of `fn` itself: their keys count for `fn` and each function around it, up to `root`. */
  function addCheckedKeys(fn: FunctionNode, root: FunctionNode): void {
    for (const n of analysis.callsOf(fn)) {
      if (n.type !== T.CallExpression || !isValidatorCall(n)) continue;
      const keys = validatedKeys(n);
      for (let f = enclosingFunction(n); f; f = enclosingFunction(f)) {
        if (f.body && contains(f.body, n)) for (const k of keys) (checkedKeys.get(f) as Set<string>).add(k);
        if (f === root) break;
      }
    }
  }

  /** The text of each argument of a validator call, and the variable of each identifier argument. */
  function validatedKeys(call: TSESTree.CallExpression): string[] {
    const keys: string[] = [];
    for (const arg of call.arguments) {
      const a = unwrap(arg.type === T.SpreadElement ? arg.argument : arg);
      keys.push(textKey(a));
      if (a.type === T.Identifier) {
        const def = findVariable(sourceCode, a)?.defs[0];
        if (def) keys.push(`var@${def.name.range[0]}`);
      }
    }
    return keys;
  }

  function isValidatorCall(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type === T.MemberExpression && settings.validators.size === 0) {
      // A method call is one only as `x.is(a, b)` or a validator method: most are neither, so no path is built.
      const method = propertyName(callee);
      if (method === undefined || (method !== 'is' && !VALIDATOR_METHODS.has(method))) return false;
    }
    const path = calleePath(callee);
    if (!path) return false;
    const last = path[path.length - 1];
    if (settings.validators.size > 0 && (settings.validators.has(path.join('.')) || settings.validators.has(last))) return true;
    // valibot `v.is(Schema, x)`, superstruct `is(x, Struct)`: a type guard over two arguments.
    if (last === 'is' && call.arguments.length === 2) return true;
    if (path.length > 1) {
      if (NOT_VALIDATOR_RECEIVERS.has(path[path.length - 2])) return false;
      return VALIDATOR_METHODS.has(last);
    }
    if (VALIDATOR_NAME.test(last)) return true;
    // arktype: `const User = type({...}); User(body)`.
    if (callee.type === T.Identifier && typeBuiltNames().has(callee.name)) {
      const init = constInit(callee);
      const value = init?.declarator.init ? unwrap(init.declarator.init) : null;
      if (value?.type === T.CallExpression) {
        const p = calleePath(value.callee);
        if (p && p[p.length - 1] === 'type') return true;
      }
    }
    return false;
  }

  // -------------------------------------------------------------------------
  // Small helpers that need the file

  let typeBuilt: Set<string> | null = null;
  /**
   * Names of the variables anywhere in the file initialised by a call to `type(…)` (arktype): the only
   * names a call can be an arktype check through. Read off the scopes once instead of resolving every callee.
   */
  function typeBuiltNames(): Set<string> {
    if (typeBuilt) return typeBuilt;
    typeBuilt = new Set();
    // Most files never call anything named `type`: their text settles it without a look at every variable.
    if (!CALLS_TYPE.test(sourceCode.text)) return typeBuilt;
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      for (const variable of scope.variables) {
        const def = variable.defs[0];
        if (def?.type !== 'Variable' || !def.node.init) continue;
        const value = unwrap(def.node.init);
        if (value.type !== T.CallExpression) continue;
        // The callee's last name first: most initialisers are other calls, and their path is not worth building.
        const callee = unwrap(value.callee);
        const last = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? propertyName(callee) : undefined;
        if (last !== 'type') continue;
        const p = calleePath(value.callee);
        if (p && p[p.length - 1] === 'type') typeBuilt.add(variable.name);
      }
    }
    return typeBuilt;
  }

  function isServerAction(fn: FunctionNode): boolean {
    if (fn.body?.type === T.BlockStatement && hasDirective(fn.body.body, 'use server')) return true;
    if (!useServerFile) return false;
    // Exported top-level functions of a 'use server' module: the ones a client can call.
    for (const value of moduleExports(sourceCode.ast).values()) if (value === fn) return true;
    return false;
  }

  function constInit(id: TSESTree.Identifier): { declarator: TSESTree.VariableDeclarator } | null {
    const variable = findVariable(sourceCode, id);
    const def = variable?.defs[0];
    if (!variable || def?.type !== 'Variable' || !def.node.init) return null;
    if (def.parent.kind !== 'const' && variable.references.some((r) => r.isWrite() && !r.init)) return null;
    return { declarator: def.node };
  }

  /** Local interfaces and type aliases cannot carry class-validator decorators; a class (or an imported name) can. */
  function isValidatedDtoType(annotation: TSESTree.TypeNode | undefined): boolean {
    if (annotation?.type !== T.TSTypeReference) return false;
    const name = annotation.typeName.type === T.Identifier ? annotation.typeName.name : undefined;
    if (name === undefined) return true;
    if (['Record', 'Partial', 'object', 'Object', 'any', 'unknown', 'Array'].includes(name)) return false;
    const local = sourceCode.ast.body.some((stmt) => {
      const decl = stmt.type === T.ExportNamedDeclaration && stmt.declaration ? stmt.declaration : stmt;
      return (decl.type === T.TSInterfaceDeclaration || decl.type === T.TSTypeAliasDeclaration) && decl.id.name === name;
    });
    return !local;
  }

  function textKey(node: TSESTree.Node): string {
    return sourceCode.getText(node).replace(/\s+/g, '');
  }

  /** The parameter treated as input while `parameterReaches` runs (synchronously, then reset). */
  let seededParameter: TSESTree.Node | null = null;

  function parameterReaches(fn: FunctionNode, index: number, expr: TSESTree.Node, asWhole: boolean): boolean {
    const param = fn.params[index];
    if (param?.type !== T.Identifier) return false;
    seededParameter = param;
    try {
      const hits = asWhole ? wholeSourcesIn(expr) : sourcesIn(expr);
      return hits.some((h) => h.source.node.type === T.Identifier && (h.source.node as TSESTree.Identifier).name === param.name && isParamRef(h.source.node, param) && !h.checked);
    } finally {
      seededParameter = null;
    }
  }

  function isParamRef(id: TSESTree.Node, param: TSESTree.Identifier): boolean {
    return id.type === T.Identifier && findVariable(sourceCode, id)?.defs[0]?.name === param;
  }

  return { sourcesIn, wholeSourcesIn, parameterReaches };
}

// ---------------------------------------------------------------------------
// Pure helpers

function dedupe(hits: InputHit[]): InputHit[] {
  const seen = new Set<TSESTree.Node>();
  return hits.filter((h) => (seen.has(h.source.node) ? false : (seen.add(h.source.node), true)));
}

/** `name` is bound by the `...rest` element of a destructuring pattern. */
function isRestBinding(pattern: TSESTree.Node, name: string): boolean {
  if (pattern.type === T.ObjectPattern) {
    return pattern.properties.some((p) =>
      p.type === T.RestElement ? p.argument.type === T.Identifier && p.argument.name === name : isRestBinding(p.value, name),
    );
  }
  if (pattern.type === T.ArrayPattern) return pattern.elements.some((e) => e !== null && isRestBinding(e, name));
  if (pattern.type === T.AssignmentPattern) return isRestBinding(pattern.left, name);
  return false;
}

/** `a.b.c` → root `a`, path ['b','c']. Calls and computed keys end the chain. */
function memberChain(node: TSESTree.Node): { root: TSESTree.Node; path: string[] } | null {
  const path: string[] = [];
  let n: TSESTree.Node = node;
  for (let i = 0; i < 32; i++) {
    if (n.type !== T.MemberExpression) return { root: n, path };
    const name = propertyName(n);
    if (name === undefined) return null;
    path.unshift(name);
    n = unwrap(n.object);
  }
  return null;
}

/** The parameter of its function that declares `def` (a destructured name's whole pattern). */
function paramNode(def: Scope.Definition): TSESTree.Parameter | null {
  const fn = def.node as TSESTree.FunctionLike;
  for (const p of fn.params ?? []) {
    if (contains(p, def.name)) {
      return p.type === T.TSParameterProperty ? null : p;
    }
  }
  return null;
}

function annotationOf(param: TSESTree.Parameter): TSESTree.TypeNode | undefined {
  const inner = param.type === T.AssignmentPattern ? param.left : param;
  return 'typeAnnotation' in inner && inner.typeAnnotation?.type === T.TSTypeAnnotation ? inner.typeAnnotation.typeAnnotation : undefined;
}

function typeNameOfParam(param: TSESTree.Parameter): string | undefined {
  const inner = param.type === T.AssignmentPattern ? param.left : param;
  return 'typeAnnotation' in inner && inner.typeAnnotation?.type === T.TSTypeAnnotation ? typeNameOf(inner.typeAnnotation) : undefined;
}

function isRequestParam(param: TSESTree.Parameter, name: string): boolean {
  const typeName = typeNameOfParam(param);
  if (typeName !== undefined) return REQUEST_TYPES.test(typeName);
  return REQUEST_NAMES.has(name) && annotationOf(param) === undefined;
}

function isContextParam(param: TSESTree.Parameter, name: string): boolean {
  const typeName = typeNameOfParam(param);
  if (typeName !== undefined) return CONTEXT_TYPES.test(typeName);
  return CONTEXT_NAMES.has(name) && annotationOf(param) === undefined;
}

function isPrimitiveType(annotation: TSESTree.TypeNode | undefined): boolean {
  return (
    annotation !== undefined &&
    (annotation.type === T.TSStringKeyword ||
      annotation.type === T.TSNumberKeyword ||
      annotation.type === T.TSBooleanKeyword ||
      annotation.type === T.TSBigIntKeyword)
  );
}

/** `Partial<User>`, `DeepPartial<User>`; `Partial<Pick<User, 'name'>>` and `Partial<Omit<User, 'role'>>` already say which fields. */
function isPartialType(annotation: TSESTree.TypeNode): boolean {
  if (annotation.type !== T.TSTypeReference || annotation.typeName.type !== T.Identifier) return false;
  if (!/^(?:Partial|DeepPartial)$/.test(annotation.typeName.name)) return false;
  const inner = annotation.typeArguments?.params[0];
  const filtered = inner?.type === T.TSTypeReference && inner.typeName.type === T.Identifier && /^(?:Pick|Omit)$/.test(inner.typeName.name);
  return !filtered;
}

/** `.input(z.object({...}))` is a parser; `.input(z.any())`, `.input((v) => v as T)` are not. */
function isRealParser(arg: TSESTree.CallExpressionArgument): boolean {
  const a = unwrap(arg);
  if (a.type === T.ArrowFunctionExpression || a.type === T.FunctionExpression) {
    const body = a.body.type === T.BlockStatement ? returnedExpression(a.body) : a.body;
    const param = a.params[0];
    const ret = body ? unwrap(body) : null;
    return !(ret?.type === T.Identifier && param?.type === T.Identifier && ret.name === param.name);
  }
  if (a.type === T.CallExpression) {
    const path = calleePath(a.callee);
    const last = path?.[path.length - 1];
    if ((last === 'any' || last === 'unknown') && a.arguments.length === 0) return false;
  }
  return true;
}

function returnedExpression(block: TSESTree.BlockStatement): TSESTree.Expression | null {
  const last = block.body[block.body.length - 1];
  return last?.type === T.ReturnStatement && last.argument ? last.argument : null;
}

function decoratorCall(d: TSESTree.Decorator): { name: string; args: TSESTree.CallExpressionArgument[] } | null {
  const e = d.expression;
  if (e.type === T.CallExpression && e.callee.type === T.Identifier) return { name: e.callee.name, args: e.arguments };
  if (e.type === T.Identifier) return { name: e.name, args: [] };
  return null;
}

/** `@UsePipes(...)` on the method or its class. */
function hasUsePipes(fn: FunctionNode): boolean {
  const method = fn.parent;
  if (method?.type !== T.MethodDefinition) return false;
  const cls = method.parent?.parent;
  const decorators = [...(method.decorators ?? []), ...(cls && 'decorators' in cls ? (cls.decorators ?? []) : [])];
  return decorators.some((d) => decoratorCall(d)?.name === 'UsePipes');
}

function hasKey(obj: TSESTree.ObjectExpression, key: string): boolean {
  return obj.properties.some((p) => p.type === T.Property && keyName(p) === key);
}

function keyName(p: TSESTree.Property): string | undefined {
  if (!p.computed && p.key.type === T.Identifier) return p.key.name;
  if (p.key.type === T.Literal && typeof p.key.value === 'string') return p.key.value;
  return undefined;
}

/** The property path from a destructuring pattern's root to `target`, or null through a rest element. */
function patternPath(pattern: TSESTree.Node, target: TSESTree.Node): string[] | null {
  const path: string[] = [];
  let node: TSESTree.Node = pattern;
  const within = (n: TSESTree.Node) => contains(n, target);
  for (let i = 0; i < 32; i++) {
    if (node === target) return path;
    if (node.type === T.ObjectPattern) {
      const prop = node.properties.find(within);
      if (!prop) return null;
      if (prop.type === T.RestElement) return path; // `...rest` carries the remaining keys of the same object
      const key = keyName(prop as TSESTree.Property);
      if (key === undefined) return null;
      path.push(key);
      node = prop.value;
    } else if (node.type === T.ArrayPattern) {
      const el = node.elements.find((e) => e && within(e));
      if (!el) return null;
      path.push('[index]');
      node = el;
    } else if (node.type === T.AssignmentPattern) {
      node = node.left;
    } else if (node.type === T.RestElement) {
      node = node.argument;
    } else {
      return null;
    }
  }
  return null;
}
