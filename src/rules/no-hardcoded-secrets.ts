import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { SEED_GLOBS, TEST_FILE_GLOBS, isFileMatched } from '../analysis/files.js';
import { calleePath } from '../analysis/resolve.js';
import {
  AWS_SECRET_SHAPE,
  TWILIO_TOKEN_SHAPE,
  envFallbackOf,
  findSecretCredentialUrl,
  findToken,
  isAwsSecretName,
  isCapitalisedWord,
  isCssSelector,
  isEnvVarName,
  isPlaceholder,
  isSecretName,
  keyName,
  looksLikePlaceholderToken,
  mayBeSecretName,
  outerValue,
  signingKeyCall,
  sinkName,
  valueParent,
  wordsOf,
} from '../analysis/secrets.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ ignoreFiles?: string[] }];
export type MessageId = 'providerToken' | 'secretName' | 'credentialUrl' | 'signingKey' | 'envFallback';

/** Values that name a scheme or a setting rather than hold a secret. */
const NOT_CREDENTIALS = new Set(['bearer', 'basic', 'jwt', 'none', 'null', 'undefined', 'true', 'false', 'required', 'optional', 'hidden', 'text', 'string', 'number', 'boolean', 'header', 'query', 'cookie', 'body', 'env', 'auto', 'demo', 'test', 'dummy', 'sample', 'example']);
/** Words that make up header, cookie and parameter names: `x-api-key`, `access_token`. */
const HANDLE_WORDS = new Set(['x', 'api', 'key', 'access', 'refresh', 'id', 'token', 'auth', 'authorization', 'session', 'secret', 'client', 'bearer', 'jwt', 'csrf', 'xsrf', 'header', 'password', 'user', 'app', 'sid']);
/** Well-known example secrets that contain spaces. */
const KNOWN_WEAK_SECRETS = new Set(['keyboard cat']);
/**
 * Parents under which a value can be a signing key (a call argument, a property), an environment
 * fallback (`||`/`??`, a `config.get` default, a destructuring default), stored under a name, or a
 * Twilio client argument.
 */
const PLACES_CHECKED = new Set<string>([
  T.CallExpression,
  T.NewExpression,
  T.Property,
  T.LogicalExpression,
  T.AssignmentPattern,
  T.VariableDeclarator,
  T.PropertyDefinition,
  T.AccessorProperty,
  T.AssignmentExpression,
]);
/** Publishable keys and public ids: Stripe's, and PostHog's project key, which every page that sends events embeds. */
const PUBLIC_PREFIXES = ['pk_live_', 'pk_test_', 'price_', 'prod_', 'cus_', 'acct_', 'pi_', 'sub_', 'plan_', 'phc_'];

export default createRule<Options, MessageId>({
  name: 'no-hardcoded-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow secrets, tokens and credentials written into source',
      recommended: 'recommended',
      category: 'Hardcoded values',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreFiles: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Glob patterns, relative to the working directory, of files the rule skips. Replaces the default list of test, fixture, mock and story files.',
          },
        },
      },
    ],
    defaultOptions: [{ ignoreFiles: [...TEST_FILE_GLOBS] }],
    messages: {
      providerToken:
        'This string holds {{label}}. Anyone who can read the repository, its history or a built bundle can use it until it is revoked; rotate it and read it from the environment or a secret manager.',
      secretName:
        '`{{name}}` is set to a literal credential. It ships in every copy of the code and its history and cannot be rotated without a deploy; read it from the environment or a secret manager.',
      credentialUrl:
        'This connection string carries the password for `{{host}}`. Anyone who can read the code or its history can connect with it; move the URL to an environment variable and rotate the password.',
      signingKey:
        '`{{call}}` uses a literal signing key. Anyone who reads it can mint valid tokens for any user; load the key from the environment and refuse to start without it.',
      envFallback:
        'When `{{env}}` is unset this falls back to a literal secret, so a deploy that forgets the variable runs in production with a key anyone can read; fail at startup instead of falling back.',
    },
  },
  create(context, [{ ignoreFiles }]) {
    if (isFileMatched(context, ignoreFiles ?? TEST_FILE_GLOBS)) return {};
    const sourceCode = context.sourceCode;
    // Seeds and factories fill a database with made-up rows: a value there is a secret by its shape
    // (a provider's key, a credential URL), not by the name it is stored under.
    const madeUpData = isFileMatched(context, SEED_GLOBS);

    return {
      Literal(node) {
        if (typeof node.value !== 'string' || node.value.length === 0) return;
        const parentType = node.parent.type;
        if (parentType === T.ImportDeclaration || parentType === T.ExportNamedDeclaration || parentType === T.ExportAllDeclaration) return;
        checkValue(node, node.value);
      },
      TemplateLiteral(node) {
        if (node.expressions.length === 0) {
          const text = node.quasis[0]?.value.cooked;
          if (text) checkValue(node, text);
          return;
        }
        // Interpolated: a provider token cannot straddle `${…}`, so each piece is checked on its own.
        for (const quasi of node.quasis) {
          const match = quasi.value.cooked ? findToken(quasi.value.cooked) : null;
          if (match) {
            context.report({ node: quasi, messageId: 'providerToken', data: { label: match.pattern.label } });
            return;
          }
        }
      },
    };

    function checkValue(node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string): void {
      const token = findToken(value);
      if (token) {
        if (token.pattern.id === 'google-api-key' && isBrowserGoogleKey(node, value)) return;
        context.report({ node, messageId: 'providerToken', data: { label: token.pattern.label } });
        return;
      }
      const url = findSecretCredentialUrl(value);
      if (url) {
        context.report({ node, messageId: 'credentialUrl', data: { host: url.host } });
        return;
      }
      // The checks below look at where the value goes; most places (a comparison, an array, a type) are none of theirs.
      const parentType = outerValue(node).parent?.type;
      if (parentType === undefined || !PLACES_CHECKED.has(parentType)) return;
      const call = signingKeyCall(sourceCode, node);
      if (call !== null && value.trim() !== '') {
        context.report({ node, messageId: 'signingKey', data: { call } });
        return;
      }
      const fallback = envFallbackOf(node);
      if (fallback && value.trim() !== '') {
        const holder = sinkName(fallback.holder);
        if (isSecretName(fallback.envName) || (holder !== null && isSecretName(holder))) {
          context.report({ node, messageId: 'envFallback', data: { env: fallback.envName || holder || 'the variable' } });
        }
        return;
      }
      const name = sinkName(node);
      if (name === null) {
        if (TWILIO_TOKEN_SHAPE.pattern.test(value) && isTwilioClientArgument(node) && !looksLikePlaceholderToken(value)) {
          context.report({ node, messageId: 'providerToken', data: { label: TWILIO_TOKEN_SHAPE.label } });
        }
        return;
      }
      // Most values are stored under names no check below can accept (`status`, `message`, `url`).
      if (!mayBeSecretName(name) && !/twilio/i.test(name)) return;
      if (looksLikePlaceholderToken(value)) return;
      if (isAwsSecretName(name) && AWS_SECRET_SHAPE.pattern.test(value) && hasMixedCharacters(value)) {
        context.report({ node, messageId: 'providerToken', data: { label: AWS_SECRET_SHAPE.label } });
        return;
      }
      if (wordsOf(name).includes('twilio') && TWILIO_TOKEN_SHAPE.pattern.test(value)) {
        context.report({ node, messageId: 'providerToken', data: { label: TWILIO_TOKEN_SHAPE.label } });
        return;
      }
      if (!madeUpData && isSecretName(name) && isCredentialLike(value, name)) {
        context.report({ node, messageId: 'secretName', data: { name } });
      }
    }
  },
});

/**
 * Whether a literal stored under a secret-looking name is plausibly the secret
 * itself, rather than a label (`'Password'`), a placeholder `no-hardcoded-config`
 * reports (`'changeme'`), a header or variable name (`'x-api-key'`,
 * `'STRIPE_SECRET_KEY'`), a URL or path, or a public id (`'pk_live_…'`).
 */
function isCredentialLike(raw: string, name: string): boolean {
  let value = raw.trim();
  const scheme = /^(?:Bearer|Basic|Token) /.exec(value);
  if (scheme) value = value.slice(scheme[0].length);
  if (value === '' || isPlaceholder(value) !== null) return false;
  const lower = value.toLowerCase();
  if (/\s/.test(value)) return KNOWN_WEAK_SECRETS.has(lower);
  if (value.includes('://') || value.startsWith('/') || value.startsWith('./') || value.startsWith('../')) return false;
  if (isEnvVarName(value) || isCapitalisedWord(value) || isCssSelector(value)) return false;
  // Labels in other languages (`'パスワード'`, `'contraseña'`): generated secrets are ASCII.
  if (/[^\x00-\x7F]/.test(value) && !/[0-9]/.test(value)) return false;
  // `pass` also means the opposite of fail: a plain word there is a status, not a password.
  if (wordsOf(name).at(-1) === 'pass' && /^[a-z]+$/i.test(value)) return false;
  if (NOT_CREDENTIALS.has(lower)) return false;
  // fetch's `credentials: 'omit' | 'include' | 'same-origin'` is a mode, not a credential.
  if (/^(?:omit|include|same-origin)$/.test(lower)) return false;
  // A dotted or slashed message key, storage key or error code (`'label.change-password'`, `'umami.auth'`,
  // `'auth/invalid_access_token'`) names a string, it does not hold a secret.
  if (/^[a-z][a-z_-]*(?:[./][a-z][a-z_-]*)+$/.test(value)) return false;
  // The value names the setting rather than holding it: `HEADER_CLIENT_SECRET = 'ClientSecret'`, `password: 'password'`.
  if (!/[0-9]/.test(value) && isNameOf(value, name)) return false;
  if (lower.split(/[-_.]/).every((part) => HANDLE_WORDS.has(part))) return false;
  return !PUBLIC_PREFIXES.some((p) => value.startsWith(p));
}

/** Every word of the value is a word of the name: `'ClientSecret'` under `HEADER_CLIENT_SECRET`. */
function isNameOf(value: string, name: string): boolean {
  const valueWords = wordsOf(value);
  const nameWords = new Set(wordsOf(name));
  return valueWords.length > 0 && valueWords.every((w) => nameWords.has(w));
}

/** AWS secrets mix upper case, lower case and digits; a 40-letter word does not. */
function hasMixedCharacters(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value);
}

/**
 * Google keys made for the browser are public by design and restricted by referrer: Firebase web config
 * (`apiKey` beside `authDomain`), the Maps JavaScript loader URL, and keys written into JSX attributes.
 */
function isBrowserGoogleKey(node: TSESTree.Node, value: string): boolean {
  if (value.includes('maps/api/js')) return true;
  const { parent } = valueParent(node);
  if (parent?.type === T.JSXAttribute) return true;
  if (parent?.type !== T.Property || parent.parent.type !== T.ObjectExpression) return false;
  return parent.parent.properties.some(
    (p) => p.type === T.Property && ['authDomain', 'messagingSenderId', 'storageBucket'].includes(keyName(p.key, p.computed) ?? ''),
  );
}

/** `twilio(accountSid, '…')` and `new Twilio(accountSid, '…')`: the second argument is the auth token. */
function isTwilioClientArgument(node: TSESTree.Node): boolean {
  const { node: value, parent } = valueParent(node);
  if ((parent?.type !== T.CallExpression && parent?.type !== T.NewExpression) || parent.arguments[1] !== value) return false;
  const path = calleePath(parent.callee);
  return path !== null && path.some((p) => p.toLowerCase() === 'twilio');
}
