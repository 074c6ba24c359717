import {
  fieldPairs,
  fieldsReferToEachOther,
  importsSchemaLibrary,
  isSchemaRefined,
  objectSchemaOf,
  type FieldPair,
  type SchemaLibrary,
} from '../analysis/schemas.js';
import { propertyName } from '../analysis/resolve.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageId = 'unorderedPair' | 'unconfirmedPair';

/** Callee names that can build an object schema; anything else is skipped before any resolution. */
const SCHEMA_CALLEE_NAMES = new Set(['object', 'strictObject', 'looseObject', 'objectWithRest', 'objectAsync', 'strictObjectAsync', 'looseObjectAsync', 'shape', 'keys', 'append']);

export default createRule<Options, MessageId>({
  name: 'require-cross-field-validation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a refinement relating paired fields such as start and end in object schemas',
      recommended: 'strict',
      category: 'Valid but contradictory input',
    },
    schema: [],
    messages: {
      unorderedPair:
        '`{{first}}` and `{{second}}` are validated separately, so a request with `{{first}}` {{comparison}} `{{second}}` passes and is stored as an impossible range; check `{{first}} <= {{second}}` with {{fix}}.',
      unconfirmedPair:
        '`{{second}}` is never compared with `{{first}}`, so a request where the two differ passes validation; check that they match with {{fix}}.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!importsSchemaLibrary(sourceCode.ast)) return {};

    return {
      CallExpression(node) {
        if (node.arguments[0]?.type !== 'ObjectExpression') return;
        const callee = node.callee;
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
        if (name === undefined || !SCHEMA_CALLEE_NAMES.has(name)) return;
        const schema = objectSchemaOf(sourceCode, node);
        if (!schema || schema.fields.length < 2) return;
        const pairs = fieldPairs(schema.fields);
        if (pairs.length === 0) return;
        let refined: boolean | undefined;
        for (const pair of pairs) {
          if (fieldsReferToEachOther(pair)) continue;
          refined ??= isSchemaRefined(sourceCode, schema);
          if (refined) return;
          context.report({
            node: pair.first.key,
            messageId: pair.relation === 'order' ? 'unorderedPair' : 'unconfirmedPair',
            data: {
              first: pair.first.name,
              second: pair.second.name,
              comparison: pair.temporal ? 'after' : 'greater than',
              fix: fixFor(schema.library, pair),
            },
          });
        }
      },
    };
  },
});

/** The usual way to relate two fields in each library. */
function fixFor(library: SchemaLibrary, pair: FieldPair): string {
  const { first, second } = pair;
  const order = pair.relation === 'order';
  switch (library) {
    case 'zod':
      return '`.refine()` or `.superRefine()` on the object schema';
    case 'valibot':
      return '`v.forward(v.partialCheck(…))` or `v.check()` in a `v.pipe()` around the object';
    case 'yup':
      return order ? `\`.min(yup.ref('${first.name}'))\` on \`${second.name}\`` : `\`.oneOf([yup.ref('${first.name}')])\` on \`${second.name}\``;
    case 'joi':
      return order ? `\`.min(Joi.ref('${first.name}'))\` on \`${second.name}\`` : `\`.valid(Joi.ref('${first.name}'))\` on \`${second.name}\``;
  }
}
