/**
 * The cheapest question, asked before any resolution: can this call be an effect at all?
 * `items.map(…)`, `JSON.stringify(…)`, `logger.error(…)` never are.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

/** Methods of arrays, strings, promises, loggers and responses: no data layer, HTTP client or SDK in the catalog has them. */
const NEVER_EFFECT_METHODS: ReadonlySet<string> = new Set([
  'map', 'filter', 'forEach', 'reduce', 'push', 'pop', 'shift', 'unshift', 'slice', 'splice', 'join', 'split', 'trim',
  'toString', 'toFixed', 'includes', 'indexOf', 'keys', 'entries', 'some', 'every', 'findIndex', 'concat', 'sort', 'reverse',
  'toLowerCase', 'toUpperCase', 'replace', 'replaceAll', 'startsWith', 'endsWith', 'padStart', 'padEnd', 'match', 'matchAll',
  'test', 'parse', 'stringify', 'log', 'info', 'debug', 'warn', 'error', 'trace', 'assign', 'freeze', 'isArray', 'floor',
  'ceil', 'round', 'max', 'min', 'abs', 'random', 'now', 'toISOString', 'getTime', 'has', 'status', 'setHeader', 'header',
  'resolve', 'reject', 'allSettled', 'race', 'bind', 'call', 'apply', 'charAt', 'substring', 'at', 'flat', 'flatMap',
  'fill', 'localeCompare', 'toJSON', 'valueOf', 'then', 'catch', 'finally', 'isInteger', 'isFinite', 'toPrecision',
]);

/** Global objects whose methods never do database or network I/O. */
const PURE_GLOBALS: ReadonlySet<string> = new Set([
  'JSON', 'Math', 'console', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Date', 'Promise', 'Reflect', 'Symbol',
  'BigInt', 'Intl', 'Buffer', 'Error', 'RegExp', 'URL', 'URLSearchParams', 'parseInt', 'parseFloat', 'isNaN',
  'encodeURIComponent', 'decodeURIComponent', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval',
  'structuredClone', 'require', 'Set', 'Map', 'WeakMap',
]);

/**
 * The cheapest look at a file: does its text mention one of the names a rule needs (`fetch`,
 * `stripe`, `req`)? A unicode escape (`f\u0065tch`) spells a name the text does not show, so a file
 * with one always passes.
 */
export function textMayMention(text: string, ...names: readonly RegExp[]): boolean {
  return names.some((n) => n.test(text)) || text.includes('\\u');
}

/** Cheap gate before any resolution: `items.map(…)`, `JSON.stringify(…)`, `logger.error(…)` are never effects. */
export function neverAnEffect(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  switch (callee.type) {
    case T.Identifier:
      return PURE_GLOBALS.has(callee.name);
    // `(async () => { … })()`: the function's own calls are the effects, inlined into the caller's model.
    case T.ArrowFunctionExpression:
    case T.FunctionExpression:
      return true;
    case T.MemberExpression: {
      const property = callee.property;
      if (callee.computed || property.type !== T.Identifier) return false;
      if (NEVER_EFFECT_METHODS.has(property.name)) return true;
      const object = callee.object;
      return object.type === T.Identifier && PURE_GLOBALS.has(object.name);
    }
    default:
      return false;
  }
}

