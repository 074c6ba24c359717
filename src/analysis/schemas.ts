/**
 * Object schemas of the validation libraries: zod (v3, v4, mini), valibot,
 * yup and joi, recognised by import rather than by the name `z`.
 *
 * `objectSchemaOf(call)` says whether a call builds an object schema and
 * returns its fields; `fieldPairs(fields)` finds fields that only make sense
 * together (`startDate`/`endDate`, `min`/`max`, `password`/`confirmPassword`);
 * `fieldsReferToEachOther(pair)` and `isSchemaRefined(schema)` say whether
 * anything in the file relates them: a field-level reference to the other
 * field, or a refinement on the schema, on a schema built from it or on an
 * enclosing schema.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { calleePath, findVariable, propertyName, traceValue } from './resolve.js';
import { keyName, wordsOf } from './secrets.js';

export type SchemaLibrary = 'zod' | 'valibot' | 'yup' | 'joi';

/** A Map, not an object: looking up a module name as a property key interns every name first. */
const LIBRARY_SOURCES = new Map<string, SchemaLibrary>([
  ['zod', 'zod'],
  ['zod/v3', 'zod'],
  ['zod/v4', 'zod'],
  ['zod/mini', 'zod'],
  ['zod/v4/mini', 'zod'],
  ['zod/v4-mini', 'zod'],
  ['valibot', 'valibot'],
  ['yup', 'yup'],
  ['joi', 'joi'],
  ['@hapi/joi', 'joi'],
]);

/** Whether the file imports or requires a schema library; checked once, before any listener is registered. */
export function importsSchemaLibrary(program: TSESTree.Program): boolean {
  for (const stmt of program.body) {
    if (stmt.type === T.ImportDeclaration && stmt.importKind !== 'type' && LIBRARY_SOURCES.has(stmt.source.value)) return true;
    if (stmt.type === T.VariableDeclaration) {
      for (const d of stmt.declarations) {
        const init = d.init;
        if (
          init?.type === T.CallExpression &&
          init.callee.type === T.Identifier &&
          init.callee.name === 'require' &&
          init.arguments[0]?.type === T.Literal &&
          LIBRARY_SOURCES.has(String(init.arguments[0].value))
        ) {
          return true;
        }
      }
    }
  }
  return false;
}

export interface SchemaFunction {
  library: SchemaLibrary;
  /** The library function: `object`, `ref`, `pipe`. */
  name: string;
}

/** `z.object`, `v.pipe`, `yup.ref`, `object` (a named import): the library function a callee resolves to. */
export function schemaFunctionOf(sourceCode: TSESLint.SourceCode, callee: TSESTree.Node): SchemaFunction | null {
  const trace = traceValue(sourceCode, callee);
  if (trace.kind !== 'import') return null;
  const library = LIBRARY_SOURCES.get(trace.source);
  if (!library) return null;
  const path = [trace.imported, ...trace.members].filter((p) => p !== '*' && p !== 'default');
  // `z.object`, `Joi.object`: drop the namespace binding itself.
  const name = path[path.length - 1];
  return name === undefined ? null : { library, name };
}

export interface SchemaField {
  name: string;
  key: TSESTree.Node;
  value: TSESTree.Node;
}

export interface ObjectSchema {
  library: SchemaLibrary;
  /** The call that builds the object schema (`z.object({…})`, `yup.object().shape({…})`). */
  call: TSESTree.CallExpression;
  fields: SchemaField[];
}

const OBJECT_FUNCTIONS = new Set(['object', 'strictObject', 'looseObject', 'objectWithRest', 'objectAsync', 'strictObjectAsync', 'looseObjectAsync']);
const SHAPE_METHODS = new Set(['shape', 'keys', 'append']);

/** The object schema `call` builds, with its statically named fields; null when it builds something else. */
export function objectSchemaOf(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): ObjectSchema | null {
  const callee = call.callee;
  const calleeName = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? propertyName(callee) : undefined;
  if (calleeName === undefined) return null;
  const shape = call.arguments[0];
  if (shape?.type !== T.ObjectExpression) return null;
  let library: SchemaLibrary | null = null;
  if (OBJECT_FUNCTIONS.has(calleeName)) {
    library = schemaFunctionOf(sourceCode, callee)?.library ?? null;
  } else if (SHAPE_METHODS.has(calleeName) && callee.type === T.MemberExpression && callee.object.type === T.CallExpression) {
    // `yup.object().shape({…})`, `Joi.object().keys({…})`
    const inner = schemaFunctionOf(sourceCode, callee.object.callee);
    if (inner && OBJECT_FUNCTIONS.has(inner.name) && (inner.library === 'yup' || inner.library === 'joi')) library = inner.library;
  }
  if (library === null) return null;
  const fields: SchemaField[] = [];
  for (const p of shape.properties) {
    if (p.type !== T.Property || p.kind !== 'init') continue;
    const name = keyName(p.key, p.computed);
    if (name !== null) fields.push({ name, key: p.key, value: p.value });
  }
  return { library, call, fields };
}

// ---------------------------------------------------------------------------
// Pairs

export type Relation = 'order' | 'equal';

export interface FieldPair {
  relation: Relation;
  /** The field that must come first (`start`, `min`) or be matched (`password`). */
  first: SchemaField;
  second: SchemaField;
  /** For `order`: whether the two are points in time (dates, timestamps, ISO strings). */
  temporal: boolean;
}

/** Word pairs that bound a range, lower end first. */
const ORDER_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['start', 'end'],
  ['starts', 'ends'],
  ['start', 'finish'],
  ['begin', 'end'],
  ['from', 'to'],
  ['from', 'until'],
  ['since', 'until'],
  ['min', 'max'],
  ['minimum', 'maximum'],
  ['lower', 'upper'],
  ['low', 'high'],
  ['earliest', 'latest'],
  ['opens', 'closes'],
  ['open', 'close'],
  ['after', 'before'],
];
const CONFIRM_PREFIXES = new Set(['confirm', 'repeat', 'retype', 'verify', 're']);
const CONFIRM_SUFFIXES = new Set(['confirm', 'confirmation', 'repeat', 'again', 'verify', 'check']);
const DATE_WORDS = new Set(['date', 'at', 'time', 'day', 'datetime', 'timestamp', 'on', 'in', 'out', 'hour', 'year', 'month', 'week']);
const NUMBER_WORDS = new Set(['price', 'amount', 'age', 'count', 'quantity', 'qty', 'size', 'value', 'score', 'rating', 'salary', 'budget', 'cost', 'weight', 'height', 'width', 'length', 'duration', 'distance', 'temperature', 'temp', 'limit', 'capacity', 'guests', 'years', 'rate', 'percent', 'total', 'fee', 'x', 'y', 'lat', 'lng', 'latitude', 'longitude', 'version', 'page', 'level']);

/** The pairs of fields in one object schema that a refinement should relate. */
export function fieldPairs(fields: readonly SchemaField[]): FieldPair[] {
  const pairs: FieldPair[] = [];
  // The second field of any pair has a pair word (`end`, `max`, `confirm`…): most schemas have none.
  // A name without one even as a substring is not split into words for it.
  const marked = fields.map((f) => SECOND_HINT.test(f.name) && wordsOf(f.name).some((w) => SECOND_WORDS.has(w)));
  if (!marked.includes(true)) return pairs;
  const words = fields.map((f) => wordsOf(f.name));
  for (let i = 0; i < fields.length; i++) {
    for (let j = 0; j < fields.length; j++) {
      if (i === j || !marked[j]) continue;
      const a = words[i];
      const b = words[j];
      if (isOrderPair(a, b) && comparable(fields[i], fields[j], a, b)) {
        const temporal = fieldKind(fields[i].value) === 'date' || isDateNamed([...a, ...b]);
        pairs.push({ relation: 'order', first: fields[i], second: fields[j], temporal });
      } else if (isConfirmPair(a, b)) {
        pairs.push({ relation: 'equal', first: fields[i], second: fields[j], temporal: false });
      }
    }
  }
  return pairs;
}

/** Words the second field of a pair has: the upper end of a range, or how a confirmation field is named. */
const SECOND_WORDS = new Set([...ORDER_WORDS.map(([, hi]) => hi), 'out', ...CONFIRM_PREFIXES, ...CONFIRM_SUFFIXES, 'confirmation']);
/** Any of those words, anywhere in a name, in any case. */
const SECOND_HINT = new RegExp([...SECOND_WORDS].join('|'), 'i');

/** `startDate`/`endDate`, `minPrice`/`maxPrice`, `priceMin`/`priceMax`, `checkIn`/`checkOut`, `validFrom`/`validUntil`. */
function isOrderPair(a: string[], b: string[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  let diff = -1;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (diff >= 0) return false;
    diff = k;
  }
  if (diff < 0) return false;
  const x = a[diff];
  const y = b[diff];
  if (x === 'in' && y === 'out') return a[diff - 1] === 'check';
  return ORDER_WORDS.some(([lo, hi]) => lo === x && hi === y);
}

/** `password`/`confirmPassword`, `password`/`passwordConfirmation`, `email`/`emailConfirm`, `password`/`confirm`. */
function isConfirmPair(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (b.length === 1 && (b[0] === 'confirm' || b[0] === 'confirmation')) return a[a.length - 1] === 'password';
  if (b.length !== a.length + 1) return false;
  if (CONFIRM_PREFIXES.has(b[0]) && a.every((w, k) => w === b[k + 1])) return true;
  return CONFIRM_SUFFIXES.has(b[b.length - 1]) && a.every((w, k) => w === b[k]);
}

type FieldKind = 'date' | 'number' | 'string' | 'other' | 'unknown';

const DATE_FUNCTIONS = new Set(['date', 'datetime', 'isoDate', 'isoDateTime', 'isoTimestamp', 'isoTime', 'isoWeek', 'time', 'timestamp', 'iso']);
const NUMBER_FUNCTIONS = new Set(['number', 'int', 'bigint', 'float', 'integer', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64', 'positive', 'nonnegative', 'negative', 'nonpositive', 'finite', 'safe', 'multipleOf', 'port', 'precision']);
const STRING_FUNCTIONS = new Set(['string']);
const OTHER_FUNCTIONS = new Set(['boolean', 'bool', 'enum', 'nativeEnum', 'picklist', 'literal', 'object', 'array', 'uuid', 'email', 'url', 'cuid', 'cuid2', 'ulid', 'nanoid', 'tuple', 'record', 'ip', 'ipv4', 'ipv6', 'emoji', 'regex', 'hexColor', 'alternatives', 'valid', 'oneOf', 'mixed', 'file']);

/** What a field's schema validates, from the names in its chain: `z.coerce.date().optional()` is a date. */
function fieldKind(value: TSESTree.Node): FieldKind {
  const names = new Set<string>();
  collectNames(value, names, 0);
  if ([...names].some((n) => DATE_FUNCTIONS.has(n))) return 'date';
  if ([...names].some((n) => NUMBER_FUNCTIONS.has(n))) return 'number';
  if ([...names].some((n) => OTHER_FUNCTIONS.has(n))) return 'other';
  if ([...names].some((n) => STRING_FUNCTIONS.has(n))) return 'string';
  return 'unknown';
}

function collectNames(node: TSESTree.Node, out: Set<string>, depth: number): void {
  if (depth > 24) return;
  switch (node.type) {
    case T.CallExpression:
      collectNames(node.callee, out, depth + 1);
      // `v.pipe(v.string(), v.isoDate())`: the pipe's items say what it is.
      for (const arg of node.arguments) if (arg.type === T.CallExpression || arg.type === T.MemberExpression) collectNames(arg, out, depth + 1);
      return;
    case T.MemberExpression: {
      const name = propertyName(node);
      if (name !== undefined) out.add(name);
      collectNames(node.object, out, depth + 1);
      return;
    }
    case T.Identifier:
      out.add(node.name);
      return;
    case T.TSAsExpression:
    case T.TSSatisfiesExpression:
    case T.TSNonNullExpression:
      collectNames(node.expression, out, depth + 1);
      return;
    default:
      return;
  }
}

function isDateNamed(words: string[]): boolean {
  return words.some((w) => DATE_WORDS.has(w)) || words.includes('check') || words.includes('valid');
}

function comparable(a: SchemaField, b: SchemaField, aWords: string[], bWords: string[]): boolean {
  const words = [...aWords, ...bWords];
  const dateNamed = isDateNamed(words);
  const numberNamed = words.some((w) => NUMBER_WORDS.has(w)) || words.some((w) => w === 'min' || w === 'max' || w === 'minimum' || w === 'maximum');
  const ok = (kind: FieldKind): boolean =>
    kind === 'date' || kind === 'number' || (kind === 'string' && dateNamed) || (kind === 'unknown' && (dateNamed || numberNamed));
  return ok(fieldKind(a.value)) && ok(fieldKind(b.value));
}

// ---------------------------------------------------------------------------
// Guards

/** Methods whose result is parsed data or a verdict, not a schema: following stops there. */
const PARSE_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa', 'decode', 'encode', 'validate', 'validateSync', 'validateAsync', 'isValid', 'isValidSync', 'cast', 'attempt']);
/** Methods that relate fields on an object schema. */
const REFINE_METHODS = new Set(['refine', 'superRefine', 'check', 'test', 'custom', 'assert', 'when', 'refinement']);
/** Valibot pipe actions that see the whole object. */
const PIPE_CHECKS = new Set(['check', 'forward', 'partialCheck', 'rawCheck', 'rawTransform', 'checkAsync', 'forwardAsync', 'partialCheckAsync', 'rawCheckAsync']);
/** Field-level ways to look at a sibling: `yup.ref('start')`, `Joi.ref('start')`, `.when('start', …)`, `.test(…)`, `.custom(…)`. */
const SIBLING_METHODS = new Set(['ref', 'when', 'test', 'custom', 'expression', 'x']);
const MAX_FOLLOW = 6;

/** A field-level relation: `yup.ref('start')`, `Joi.ref('password')`, `.when('start', …)`, `.test(…)`, `.custom(…)`. */
export function fieldsReferToEachOther(pair: FieldPair): boolean {
  return mentionsSibling(pair.first.value) || mentionsSibling(pair.second.value);
}

/** A refinement on the schema, on a schema derived from it in this file, or on an enclosing schema. */
export function isSchemaRefined(sourceCode: TSESLint.SourceCode, schema: ObjectSchema): boolean {
  return isRefinedFrom(sourceCode, schema.call, 0, new Set());
}

function mentionsSibling(value: TSESTree.Node): boolean {
  let found = false;
  let budget = 200;
  const visit = (node: TSESTree.Node): void => {
    if (found || --budget < 0) return;
    if (node.type === T.CallExpression) {
      const callee = node.callee;
      const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? propertyName(callee) : undefined;
      if (name !== undefined && SIBLING_METHODS.has(name)) {
        found = true;
        return;
      }
      visit(callee);
      for (const arg of node.arguments) visit(arg);
    } else if (node.type === T.MemberExpression) {
      visit(node.object);
    } else if (node.type === T.ArrayExpression) {
      for (const e of node.elements) if (e) visit(e);
    }
  };
  visit(value);
  return found;
}

/**
 * Walks from a schema expression to everything built from it: chained methods
 * (`.strict().refine(…)`), wrappers (`v.pipe(schema, v.check(…))`,
 * `z.array(schema)`), an enclosing object schema, and the uses of a `const`
 * or a function that holds or returns it.
 */
function isRefinedFrom(sourceCode: TSESLint.SourceCode, start: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): boolean {
  if (depth > MAX_FOLLOW || seen.has(start)) return false;
  seen.add(start);
  let cur: TSESTree.Node = start;
  for (let steps = 0; steps < 64; steps++) {
    const parent: TSESTree.Node | undefined = cur.parent;
    if (!parent) return false;
    switch (parent.type) {
      case T.MemberExpression: {
        const call = parent.parent;
        if (parent.object !== cur || call?.type !== T.CallExpression || call.callee !== parent) return false;
        const method = propertyName(parent) ?? '';
        if (REFINE_METHODS.has(method)) return true;
        if (PARSE_METHODS.has(method)) return false;
        // `.pipe(z.custom(…))`, `.check(z.refine(…))`
        if (call.arguments.some((a) => isPipeCheck(sourceCode, a))) return true;
        if (method === 'transform' && call.arguments.some((a) => /addIssue|throw\b/.test(sourceCode.getText(a)))) return true;
        // zod mini / v4: `.check(z.refine(…))`, `.pipe(z.custom(…))`; zod: `.and(…)`, `.extend(…)`, `.partial()`…
        cur = call;
        break;
      }
      case T.CallExpression: {
        if (parent.callee === cur) return false;
        if (parent.arguments.some((a) => a !== cur && isPipeCheck(sourceCode, a))) return true;
        if (isRefiningHelper(parent.callee)) return true;
        // Only follow through the schema library's own wrappers. A package's function (`zValidator('json',
        // schema)`) uses the schema as it is; the project's own helper (`withDateRange(schema)`) may refine it.
        if (!schemaFunctionOf(sourceCode, parent.callee) && !isSchemaMethodCall(parent)) {
          return isProjectFunction(sourceCode, parent.callee);
        }
        cur = parent;
        break;
      }
      case T.ArrayExpression:
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSNonNullExpression:
      case T.AwaitExpression:
        cur = parent;
        break;
      case T.Property: {
        // A field of an enclosing object schema.
        if (parent.value !== cur) return false;
        const outer = parent.parent.parent;
        if (outer?.type !== T.CallExpression) return false;
        cur = outer;
        break;
      }
      case T.VariableDeclarator:
        return parent.init === cur && parent.id.type === T.Identifier && usesAreRefined(sourceCode, parent.id, depth, seen);
      case T.ReturnStatement:
      case T.ArrowFunctionExpression:
        return returnedSchemaIsRefined(sourceCode, parent, depth, seen);
      default:
        return false;
    }
  }
  return false;
}

function isPipeCheck(sourceCode: TSESLint.SourceCode, arg: TSESTree.Node): boolean {
  if (arg.type !== T.CallExpression) return false;
  const fn = schemaFunctionOf(sourceCode, arg.callee);
  if (fn) return PIPE_CHECKS.has(fn.name) || fn.name === 'refine' || fn.name === 'superRefine' || fn.name === 'custom';
  const path = calleePath(arg.callee);
  return path !== null && PIPE_CHECKS.has(path[path.length - 1]);
}

const REFINING_HELPER = /refine|range|interval|period|confirm|compare|ordered|crossfield/i;

/** `withDateRange(schema)`, `refineRange(schema, 'start', 'end')`, `requireConfirmation(schema)`. */
function isRefiningHelper(callee: TSESTree.Node): boolean {
  const path = calleePath(callee);
  const name = path?.[path.length - 1];
  return name !== undefined && REFINING_HELPER.test(name);
}

/** Names of functions that use a schema to check a request: `validate(schema)`, `validateBody(…)`, `zodMiddleware(…)`. */
const VALIDATING_USE = /^(?:z(?:od)?validat|validat|parse|body|query|params)|middleware|handler/i;

/**
 * A function declared in this file or imported from the project itself
 * (`./schema-helpers`, `@/lib/zod`), other than request-validation middleware.
 */
function isProjectFunction(sourceCode: TSESLint.SourceCode, callee: TSESTree.Node): boolean {
  const path = calleePath(callee);
  const name = path?.[path.length - 1];
  if (name === undefined || VALIDATING_USE.test(name)) return false;
  const trace = traceValue(sourceCode, callee);
  if (trace.kind === 'import') return /^(?:\.|@\/|~\/|#)/.test(trace.source);
  return trace.kind === 'unknown' || trace.kind === 'param';
}

/** `base.extend({…})`: a method on something that is itself a schema expression. */
function isSchemaMethodCall(call: TSESTree.CallExpression): boolean {
  return call.callee.type === T.MemberExpression;
}

function usesAreRefined(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier, depth: number, seen: Set<TSESTree.Node>): boolean {
  const variable = findVariable(sourceCode, id);
  if (!variable) return false;
  for (const ref of variable.references) {
    if (ref.init || ref.identifier === id) continue;
    if (isRefinedFrom(sourceCode, ref.identifier, depth + 1, seen)) return true;
  }
  return false;
}

/** `function buildSchema() { return z.object(…) }` refined by its caller: `buildSchema().refine(…)`. */
function returnedSchemaIsRefined(
  sourceCode: TSESLint.SourceCode,
  from: TSESTree.ReturnStatement | TSESTree.ArrowFunctionExpression,
  depth: number,
  seen: Set<TSESTree.Node>,
): boolean {
  let fn: TSESTree.Node | undefined = from.type === T.ArrowFunctionExpression ? from : from.parent;
  while (fn && fn.type !== T.FunctionDeclaration && fn.type !== T.FunctionExpression && fn.type !== T.ArrowFunctionExpression) fn = fn.parent;
  if (!fn) return false;
  let nameId: TSESTree.Identifier | null = null;
  if (fn.type === T.FunctionDeclaration) nameId = fn.id;
  else if (fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier) nameId = fn.parent.id;
  if (!nameId) return false;
  const variable = findVariable(sourceCode, nameId);
  if (!variable) return false;
  for (const ref of variable.references) {
    const call = ref.identifier.parent;
    if (call?.type === T.CallExpression && call.callee === ref.identifier && isRefinedFrom(sourceCode, call, depth + 1, seen)) return true;
  }
  return false;
}
