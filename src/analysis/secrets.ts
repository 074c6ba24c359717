/**
 * Hardcoded values: secrets, placeholders and environment-specific hosts.
 *
 * Shared by `no-hardcoded-secrets` and `no-hardcoded-config`, which split the
 * ground between them:
 *
 * - a value that works as a credential (a provider key, a real-looking password,
 *   a connection string with a password for a remote host) belongs to
 *   `no-hardcoded-secrets`;
 * - a value that only works on a developer's machine or was never filled in
 *   (localhost and staging URLs, `YOUR_API_KEY`, `changeme`, `<token>`, `xxx`)
 *   belongs to `no-hardcoded-config`;
 * - a signing-key position (`jwt.sign(payload, '…')`) and the fallback of a
 *   secret-named environment variable (`process.env.JWT_SECRET || '…'`) belong
 *   to `no-hardcoded-secrets` whatever the literal is: production signs with
 *   a key everyone can read, placeholder or not.
 *
 * Every regular expression here runs in time linear in the input: each one is
 * anchored at a literal prefix or at `^`, uses bounded or class-disjoint
 * quantifiers and no nested quantifiers. They are all listed in
 * `VALUE_PATTERNS`, which the tests feed adversarial input.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { calleePath, propertyName, traceValue, unwrap } from './resolve.js';

export interface ValuePattern {
  id: string;
  /** What a match is, for messages: "a Stripe secret key". */
  label: string;
  pattern: RegExp;
  /** A string the pattern matches; also seeds the adversarial-input tests. */
  example: string;
}

/**
 * Provider tokens recognised by prefix, anywhere inside a string. The examples
 * are made-up tokens, written in two pieces so that no secret scanner mistakes
 * this module for a leak.
 */
export const TOKEN_PATTERNS: readonly ValuePattern[] = Object.freeze([
  {
    id: 'stripe-secret-key',
    label: 'a Stripe secret key',
    pattern: /\b[sr]k_(?:live|test)_[0-9A-Za-z]{20}/,
    example: 'sk_live_' + '51Hb3kLmN0pQrStUvWxYz12',
  },
  {
    id: 'stripe-webhook-secret',
    label: 'a Stripe webhook signing secret',
    pattern: /\bwhsec_[0-9A-Za-z]{24}/,
    example: 'whsec_8f' + 'J2kL9mNq4RtV7wXy1Zb3Cd',
  },
  {
    id: 'aws-access-key-id',
    label: 'an AWS access key ID',
    pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
    example: 'AKIA4QH7' + 'RZ2LMXK9TB3W',
  },
  {
    id: 'github-token',
    label: 'a GitHub token',
    pattern: /\bgh[pousr]_[0-9A-Za-z]{36}/,
    example: 'ghp_4kT9' + 'bQ2mXz7LrV1cN8sW3pY6hJ0dF5gA2eKu',
  },
  {
    id: 'github-fine-grained-token',
    label: 'a GitHub fine-grained token',
    pattern: /\bgithub_pat_[0-9A-Za-z_]{60}/,
    example: 'github_p' + 'at_11ABCDE2Y0kT9bQ2mXz7Lr_V1cN8sW3pY6hJ0dF5gA2eKuT9bQ2mXz7LrV1cN8sW3pY6hJ0d',
  },
  {
    id: 'gitlab-token',
    label: 'a GitLab personal access token',
    pattern: /\bglpat-[0-9A-Za-z_-]{20}/,
    example: 'glpat-x7' + 'Rk2NqL9vT4mB8wZc3D',
  },
  {
    id: 'slack-token',
    label: 'a Slack token',
    pattern: /\bxox[abposr]-[0-9]{9}/,
    example: 'xoxb-176' + '53672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy',
  },
  {
    id: 'slack-webhook',
    label: 'a Slack incoming-webhook URL',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/T[0-9A-Z]{8,12}\/[AB][0-9A-Z]{8,12}\/[0-9A-Za-z]{8}/,
    example: 'https://hooks.slack.com/services/' + 'T04BQ7X2M/B05KZ3R8P/q8Wm2Lx9Tr4Vb7Nc1Zs6Kd3F',
  },
  {
    id: 'google-api-key',
    label: 'a Google API key',
    pattern: /\bAIza[0-9A-Za-z_-]{35}/,
    example: 'AIzaSyD8' + 'k2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8Mn',
  },
  {
    id: 'anthropic-api-key',
    label: 'an Anthropic API key',
    pattern: /\bsk-ant-[0-9A-Za-z_-]{32}/,
    example: 'sk-ant-a' + 'pi03-Xk2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8MnPq',
  },
  {
    id: 'openai-project-key',
    label: 'an OpenAI API key',
    pattern: /\bsk-(?:proj|svcacct|admin)-[0-9A-Za-z_-]{20}/,
    example: 'sk-proj-' + 'Xk2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8Mn',
  },
  {
    id: 'openai-api-key',
    label: 'an OpenAI API key',
    pattern: /\bsk-[0-9A-Za-z]{40}/,
    example: 'sk-Xk2Lm' + '9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8MnPqRsTuVwXy',
  },
  {
    id: 'sendgrid-api-key',
    label: 'a SendGrid API key',
    pattern: /\bSG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}/,
    example: 'SG.Xk2Lm' + '9Qx4Rt7Vw1Zb3Cd6e.Fg0Hj5Kl8MnPqRsTuVwXy2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5K',
  },
  {
    id: 'twilio-api-key',
    label: 'a Twilio API key SID',
    pattern: /\bSK[0-9a-f]{32}\b/,
    example: 'SK3f9a2c' + '7e1b8d4f6a0c5e9b2d7f1a3c8e',
  },
  {
    id: 'private-key',
    label: 'a private key',
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/,
    example: '-----BEG' + 'IN RSA PRIVATE KEY-----',
  },
]);

/** `scheme://user:password@host`: a URL that carries a password. */
export const CREDENTIAL_URL_PATTERN: ValuePattern = {
  id: 'credential-url',
  label: 'a connection string with a password',
  pattern: /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s:/@]{0,64}:[^\s/@]{1,128}@[^\s/?#@]{1,253}/,
  example: 'postgres' + '://app:Zq8x2Lk9@db.prod.acme.com:5432/app',
};

/** Cheap first pass: a string without any of these cannot hold a provider token or a credential URL. */
export const TOKEN_PREFILTER: ValuePattern = {
  id: 'token-prefilter',
  label: 'token prefix',
  pattern:
    /[sr]k_|whsec_|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|hooks\.slack\.com|AIza|sk-|SG\.|SK[0-9a-f]|-----BEGIN|:\/\//,
  example: 'Bearer sk_live_',
};

/** The shape of an AWS secret access key; only meaningful in an AWS-secret-named place. */
export const AWS_SECRET_SHAPE: ValuePattern = {
  id: 'aws-secret-access-key',
  label: 'an AWS secret access key',
  pattern: /^[A-Za-z0-9/+]{40}$/,
  example: 'q8Wm2Lx9Tr4Vb7Nc1Zs6Kd3F/h5Jp0Gy2Ua8Ei4O',
};

/** The shape of a Twilio auth token; only meaningful in a Twilio-named place. */
export const TWILIO_TOKEN_SHAPE: ValuePattern = {
  id: 'twilio-auth-token',
  label: 'a Twilio auth token',
  pattern: /^[0-9a-f]{32}$/,
  example: '3f9a2c7e1b8d4f6a0c5e9b2d7f1a3c8e',
};

const SCHEME_PATTERN: ValuePattern = {
  id: 'url-scheme',
  label: 'URL scheme',
  pattern: /^[a-z][a-z0-9+.-]{1,20}:\/\//i,
  example: 'https://api.example.com',
};

const HOST_PORT_PATTERN: ValuePattern = {
  id: 'host-port',
  label: 'host and port',
  pattern: /^[A-Za-z0-9.-]{1,253}:[0-9]{2,5}$/,
  example: 'localhost:5432',
};

const BARE_HOST_PATTERN: ValuePattern = {
  id: 'bare-host',
  label: 'host name',
  pattern: /^[A-Za-z0-9-]{1,63}\.[A-Za-z0-9.-]{1,250}$/,
  example: 'api.staging.acme.com',
};

const YOUR_PLACEHOLDER: ValuePattern = {
  id: 'placeholder-your',
  label: 'placeholder',
  pattern: /^<?(?:your|YOUR|Your)[-_A-Z][A-Za-z0-9_-]{1,60}>?$/,
  example: 'YOUR_API_KEY',
};

const HERE_PLACEHOLDER: ValuePattern = {
  id: 'placeholder-here-suffix',
  label: 'placeholder',
  pattern: /^[A-Za-z0-9_-]{1,60}[-_]here$/i,
  example: 'api-key-here',
};

const ANGLE_PLACEHOLDER: ValuePattern = {
  id: 'placeholder-angle',
  label: 'placeholder',
  pattern: /^<[A-Za-z][A-Za-z0-9 _-]{0,60}>$/,
  example: '<token>',
};

const CHANGE_ME_PLACEHOLDER: ValuePattern = {
  id: 'placeholder-change-me',
  label: 'placeholder',
  pattern: /^(?:change|replace)[-_ ]?(?:me|this)$|^replace[-_ ]with[-_ ][A-Za-z0-9 _-]{1,60}$/i,
  example: 'changeme',
};

const TEST_ID_PLACEHOLDER: ValuePattern = {
  id: 'placeholder-fake-ids',
  label: 'placeholder',
  pattern: /^(?:test|dummy|fake|sample|mock|placeholder|example)[-_](?:[a-z]{1,20}[-_])?id$/i,
  example: 'test-id',
};

const TODO_PLACEHOLDER: ValuePattern = {
  id: 'placeholder-todo',
  label: 'placeholder',
  pattern: /^(?:TODO|FIXME|TBD)(?:[-_: ][A-Za-z0-9 _-]{0,60})?$/,
  example: 'TODO',
};

const X_PLACEHOLDER: ValuePattern = {
  id: 'placeholder-x',
  label: 'placeholder',
  pattern: /^[xX*]{3,}$/,
  example: 'xxxxxx',
};

const CAPITALISED_WORD: ValuePattern = {
  id: 'capitalised-word',
  label: 'label',
  pattern: /^\p{Lu}\p{Ll}{1,40}$/u,
  example: 'Passwort',
};

const CSS_SELECTOR: ValuePattern = {
  id: 'css-selector',
  label: 'selector',
  pattern: /^[a-z-]*\[[^\]]*\]/,
  example: 'input[type=password]',
};

const ENV_NAME: ValuePattern = {
  id: 'env-name',
  label: 'environment variable name',
  pattern: /^[A-Z][A-Z0-9]{0,40}_[A-Z0-9_]{1,80}$/,
  example: 'STRIPE_SECRET_KEY',
};

/** The source text of a condition that tells environments apart: `process.env.NODE_ENV !== 'production'`, `isDev`. */
export const ENVIRONMENT_CONDITION: ValuePattern = {
  id: 'environment-condition',
  label: 'environment check',
  pattern:
    /NODE_ENV|APP_ENV|VERCEL_ENV|RAILWAY_ENVIRONMENT|\bis_?(?:dev|development|local|test|prod|production)\b|\b(?:dev|development|prod|production|local)\b|import\.meta\.env\.(?:DEV|PROD|MODE)|__DEV__/i,
  example: "process.env.NODE_ENV === 'production'",
};

/** Every regular expression the hardcoded-value rules run on string contents. */
export const VALUE_PATTERNS: readonly ValuePattern[] = Object.freeze([
  ...TOKEN_PATTERNS,
  CREDENTIAL_URL_PATTERN,
  TOKEN_PREFILTER,
  AWS_SECRET_SHAPE,
  TWILIO_TOKEN_SHAPE,
  SCHEME_PATTERN,
  HOST_PORT_PATTERN,
  BARE_HOST_PATTERN,
  YOUR_PLACEHOLDER,
  HERE_PLACEHOLDER,
  ANGLE_PLACEHOLDER,
  CHANGE_ME_PLACEHOLDER,
  TEST_ID_PLACEHOLDER,
  TODO_PLACEHOLDER,
  X_PLACEHOLDER,
  CAPITALISED_WORD,
  CSS_SELECTOR,
  ENV_NAME,
  ENVIRONMENT_CONDITION,
]);

// ---------------------------------------------------------------------------
// String values

/** The text of a string literal, or of a template literal without interpolations. */
export function staticString(node: TSESTree.Node): string | null {
  if (node.type === T.Literal) return typeof node.value === 'string' ? node.value : null;
  if (node.type === T.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** A value shortened for a message. */
export function shorten(value: string, max = 60): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

// ---------------------------------------------------------------------------
// Provider tokens

export interface TokenMatch {
  pattern: ValuePattern;
  /** The token as written, extended to the end of its run of token characters. */
  token: string;
}

const TOKEN_CHAR = /[0-9A-Za-z_\-+/=.]/;

/** The first provider token or credential URL in `text` that is not a placeholder. */
export function findToken(text: string): TokenMatch | null {
  if (text.length < 16 || !TOKEN_PREFILTER.pattern.test(text)) return null;
  for (const p of TOKEN_PATTERNS) {
    const m = p.pattern.exec(text);
    if (!m) continue;
    if (p.id === 'private-key') {
      if (hasKeyBody(text, m.index + m[0].length)) return { pattern: p, token: m[0] };
      continue;
    }
    let end = m.index + m[0].length;
    while (end < text.length && end - m.index < 400 && TOKEN_CHAR.test(text[end])) end++;
    const token = text.slice(m.index, end);
    if (!looksLikePlaceholderToken(token)) return { pattern: p, token };
  }
  return null;
}

/** A PEM block with a real body: at least 64 base64 characters after the header. */
function hasKeyBody(text: string, from: number): boolean {
  let count = 0;
  for (let i = from; i < text.length && i < from + 400; i++) {
    const c = text.charCodeAt(i);
    const base64 = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47;
    if (base64 && ++count >= 64) return true;
    if (c === 46 /* . */) return false;
  }
  return false;
}

const PLACEHOLDER_FRAGMENTS = ['example', 'xxxx', 'your', 'placeholder', 'dummy', 'redacted', 'sample', 'here', 'fake', 'changeme', 'replace', '0123456789', 'abcdefgh', '1234567890'];

/** `sk_test_xxxxxxxx`, `AKIAIOSFODNN7EXAMPLE`, `T00000000/B00000000/XXXX…`: documentation values. */
export function looksLikePlaceholderToken(token: string): boolean {
  const lower = token.toLowerCase();
  if (PLACEHOLDER_FRAGMENTS.some((f) => lower.includes(f))) return true;
  let run = 1;
  for (let i = 1; i < token.length; i++) {
    run = token[i] === token[i - 1] ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

export interface CredentialUrl {
  scheme: string;
  host: string;
  user: string;
  password: string;
}

/** `postgres://app:pw@db.example.com/app` → its scheme, host and password. */
export function findCredentialUrl(text: string): CredentialUrl | null {
  if (!text.includes('://') || !text.includes('@')) return null;
  const m = CREDENTIAL_URL_PATTERN.pattern.exec(text);
  if (!m) return null;
  const full = m[0];
  const schemeEnd = full.indexOf('://');
  const at = full.lastIndexOf('@');
  const userinfo = full.slice(schemeEnd + 3, at);
  const colon = userinfo.indexOf(':');
  const hostPort = full.slice(at + 1);
  return {
    scheme: full.slice(0, schemeEnd).toLowerCase(),
    host: stripPort(hostPort).toLowerCase(),
    user: userinfo.slice(0, colon),
    password: userinfo.slice(colon + 1),
  };
}

const PLACEHOLDER_PASSWORDS = new Set([
  'password',
  'pass',
  'passwd',
  'pwd',
  'secret',
  'changeme',
  'change_me',
  'change-me',
  'yourpassword',
  'your_password',
  'your-password',
  'mypassword',
  'dbpassword',
  'db_password',
  'guest',
  'postgres',
  'root',
  'admin',
  'mysql',
  'test',
  'example',
  '****',
  '***',
]);

/**
 * A URL whose password is a real credential for a host that is not a
 * developer's machine or a documentation domain. Those belong to
 * `no-hardcoded-secrets`; local and placeholder ones to `no-hardcoded-config`.
 */
export function findSecretCredentialUrl(text: string): CredentialUrl | null {
  const url = findCredentialUrl(text);
  if (!url || isPlaceholderPassword(url.password) || url.password === url.user) return null;
  const kind = classifyHost(url.host, { singleLabelIsLocal: false })?.kind;
  return kind === 'local' || kind === 'placeholder' ? null : url;
}

/**
 * Whether a connection string's password is a stand-in (`password`, `<password>`, `xxx`) or a database
 * image's well-known default (`postgres`, `root`, `guest`).
 */
export function isPlaceholderPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return (
    PLACEHOLDER_PASSWORDS.has(lower) ||
    password.startsWith('<') ||
    password.startsWith('{') ||
    password.startsWith('$') ||
    password.startsWith('%') ||
    isPlaceholder(password) !== null
  );
}

// ---------------------------------------------------------------------------
// Names

/** `STRIPE_SECRET_KEY` → ['stripe','secret','key']; `apiKeyHeader` → ['api','key','header']; `APIKey` → ['api','key']. */
export function wordsOf(name: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const kind = charKind(name.charCodeAt(i));
    if (kind === 0) {
      if (start >= 0) words.push(name.slice(start, i).toLowerCase());
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      continue;
    }
    // `apiKey` splits before K; `APIKey` splits before K because `e` follows.
    if (kind === UPPER && (charKind(name.charCodeAt(i - 1)) !== UPPER || charKind(name.charCodeAt(i + 1)) === LOWER)) {
      words.push(name.slice(start, i).toLowerCase());
      start = i;
    }
  }
  return words;
}

const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;

function charKind(c: number): number {
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 48 && c <= 57) return DIGIT;
  return 0;
}

const SECRET_LAST_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'credential',
  'credentials',
  'authorization',
]);
const KEY_QUALIFIERS = new Set(['api', 'secret', 'private', 'signing', 'encryption', 'master', 'client', 'auth', 'hmac', 'jwt', 'session', 'webhook', 'service', 'role', 'license', 'admin']);
const PASS_QUALIFIERS = new Set(['db', 'smtp', 'mail', 'email', 'user', 'redis', 'admin', 'root', 'ftp', 'sftp', 'basic', 'auth', 'proxy', 'sql', 'mysql', 'pg', 'postgres', 'mongo', 'amqp', 'rabbit', 'rabbitmq', 'ldap', 'imap', 'pop']);
/**
 * Words that make a token or key public, a mere handle, or the name of one:
 * `publishableKey`, `nextPageToken`, `deviceToken`, `HEADER_CLIENT_SECRET`, `passwordFieldLabel`.
 */
const NOT_SECRET_WORDS = new Set(['public', 'publishable', 'anon', 'page', 'next', 'cursor', 'continuation', 'pagination', 'sync', 'device', 'push', 'fcm', 'apns', 'registration', 'cancel', 'csrf', 'xsrf', 'header', 'headers', 'field', 'param', 'column', 'label', 'placeholder', 'var', 'prop', 'attr']);

/** A name that holds a credential: `password`, `apiKey`, `STRIPE_SECRET_KEY`, `clientSecret`, but not `passwordField` or `tokenType`. */
export function isSecretName(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (words.some((w) => NOT_SECRET_WORDS.has(w))) return false;
  if (SECRET_LAST_WORDS.has(last)) return true;
  // `pass` is also the opposite of fail (`allPass`, `pass: 'passed'`): only `pass` alone or after a service.
  if (last === 'pass') return words.length === 1 || PASS_QUALIFIERS.has(words[words.length - 2]);
  if (last === 'key' && words.length >= 2) {
    const prev = words[words.length - 2];
    if (KEY_QUALIFIERS.has(prev)) return true;
    if (prev === 'access' && words.includes('secret')) return true;
  }
  return false;
}

/**
 * A cheap test that rules a name out before `isSecretName` and `isAwsSecretName` split it into
 * words: false when its last word is none they accept.
 */
export function mayBeSecretName(name: string): boolean {
  return SECRET_NAME_ENDING.test(name);
}

/** The name ends with a word `isSecretName` or `isAwsSecretName` can end with, then only separators. */
const SECRET_NAME_ENDING = new RegExp(`(?:${[...SECRET_LAST_WORDS, 'pass', 'key'].join('|')})[^A-Za-z0-9]*$`, 'i');

/** `secretAccessKey`, `AWS_SECRET_ACCESS_KEY`. */
export function isAwsSecretName(name: string): boolean {
  const words = wordsOf(name);
  return words.includes('secret') && words.includes('access') && words[words.length - 1] === 'key';
}

// ---------------------------------------------------------------------------
// Placeholders

export type PlaceholderKind = 'strong' | 'weak' | 'nil-uuid';

const PLACEHOLDER_DOMAINS = ['example.com', 'example.org', 'example.net', 'yourdomain.com', 'your-domain.com', 'mydomain.com', 'domain.com', 'test.com', 'email.com'];
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * A value that was never filled in. `strong` placeholders (`YOUR_API_KEY`,
 * `changeme`, `<token>`, `test-id`, `user@example.com`, the nil UUID) are
 * reported wherever they are used as a value; `weak` ones (`TODO`, `xxx`) also
 * name task states and masks, so only configuration-named places count. The
 * nil UUID is also the usual "empty id" sentinel (`Guid.Empty`), so it counts
 * only when stored under a name that does not say so.
 */
export function isPlaceholder(value: string): PlaceholderKind | null {
  if (value.length < 3 || value.length > 80) return null;
  if (!PLACEHOLDER_START.test(value)) {
    // Only `api-key-here` and `user@example.com` can start with anything else.
    return HERE_PLACEHOLDER.pattern.test(value) || isPlaceholderEmail(value) ? 'strong' : null;
  }
  if (value === NIL_UUID) return 'nil-uuid';
  if (YOUR_PLACEHOLDER.pattern.test(value)) return 'strong';
  if (CHANGE_ME_PLACEHOLDER.pattern.test(value)) return 'strong';
  if (HERE_PLACEHOLDER.pattern.test(value)) return 'strong';
  if (TEST_ID_PLACEHOLDER.pattern.test(value)) return 'strong';
  if (ANGLE_PLACEHOLDER.pattern.test(value) && isAnglePlaceholder(value)) return 'strong';
  if (isPlaceholderEmail(value)) return 'strong';
  if (TODO_PLACEHOLDER.pattern.test(value)) return 'weak';
  if (X_PLACEHOLDER.pattern.test(value)) return 'weak';
  return null;
}

/**
 * How every other placeholder shape starts (case aside): `<…>`, `your…`, `change…`/`replace…`,
 * `test-id` and its kin, `TODO`/`FIXME`/`TBD`, `xxx`/`***` and the nil UUID. One test rules out most values.
 */
const PLACEHOLDER_START = /^(?:<|your|change|replace|test|dummy|fake|sample|mock|placeholder|example|todo|fixme|tbd|[x*]{3}|00000000-)/i;

/** `<token>`, `<your-api-key>`, `<db-url>`; not `<name>` or `<value>`, which CLI help text is full of. */
const ANGLE_WORDS = ['key', 'token', 'secret', 'password', 'your', 'api', 'url', 'uri', 'dsn', 'apikey'];

function isAnglePlaceholder(value: string): boolean {
  const words = wordsOf(value.slice(1, -1));
  return words.some((w) => ANGLE_WORDS.includes(w));
}

function isPlaceholderEmail(value: string): boolean {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@') || value.includes(' ')) return false;
  const domain = value.slice(at + 1).toLowerCase();
  return PLACEHOLDER_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** Labels and names rather than values: `'Password'`, `'STRIPE_SECRET_KEY'`. */
export function isCapitalisedWord(value: string): boolean {
  return CAPITALISED_WORD.pattern.test(value);
}

/** `input[type=password]`: a selector that mentions a secret-looking word. */
export function isCssSelector(value: string): boolean {
  return CSS_SELECTOR.pattern.test(value);
}

export function isEnvVarName(value: string): boolean {
  return ENV_NAME.pattern.test(value);
}

// ---------------------------------------------------------------------------
// Hosts

export type HostKind = 'local' | 'private-network' | 'non-production' | 'tunnel' | 'placeholder';

export interface UrlParts {
  /** Lower-case scheme, or '' for `host:port` and bare hosts. */
  scheme: string;
  host: string;
  port: string;
}

/** Splits `scheme://[user@]host[:port][/…]` or `host:port`; null for anything else. */
export function parseUrlish(value: string): UrlParts | null {
  const s = SCHEME_PATTERN.pattern.exec(value);
  if (s) {
    const rest = value.slice(s[0].length);
    let end = rest.length;
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i];
      if (c === '/' || c === '?' || c === '#') {
        end = i;
        break;
      }
    }
    let authority = rest.slice(0, end);
    const at = authority.lastIndexOf('@');
    if (at >= 0) authority = authority.slice(at + 1);
    const { host, port } = splitHostPort(authority);
    if (host === '') return null;
    return { scheme: s[0].slice(0, -3).toLowerCase(), host: host.toLowerCase(), port };
  }
  if (HOST_PORT_PATTERN.pattern.test(value)) {
    const { host, port } = splitHostPort(value);
    return { scheme: '', host: host.toLowerCase(), port };
  }
  return null;
}

/** A bare host name with at least one dot: `api.staging.acme.com`. */
export function parseBareHost(value: string): UrlParts | null {
  if (!BARE_HOST_PATTERN.pattern.test(value)) return null;
  return { scheme: '', host: value.toLowerCase(), port: '' };
}

function splitHostPort(authority: string): { host: string; port: string } {
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return { host: '', port: '' };
    const after = authority.slice(close + 1);
    return { host: authority.slice(0, close + 1), port: after.startsWith(':') ? after.slice(1) : '' };
  }
  const colon = authority.lastIndexOf(':');
  if (colon < 0) return { host: authority, port: '' };
  return { host: authority.slice(0, colon), port: authority.slice(colon + 1) };
}

function stripPort(hostPort: string): string {
  return splitHostPort(hostPort).host;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1', 'host.docker.internal', '[::]']);
const PRIVATE_SUFFIXES = ['.internal', '.lan', '.home.arpa', '.cluster.local', '.intranet', '.corp'];
const LOCAL_SUFFIXES = ['.localhost', '.local', '.test'];
const TUNNEL_SUFFIXES = ['.ngrok.io', '.ngrok-free.app', '.ngrok.app', '.ngrok.dev', '.loca.lt', '.trycloudflare.com', '.localtunnel.me'];
const NON_PRODUCTION_WORDS = new Set(['staging', 'stage', 'stg', 'dev', 'develop', 'development', 'qa', 'uat', 'sandbox', 'preprod', 'test', 'testing', 'internal', 'local']);
/** Production services whose names happen to contain such a word. */
const PUBLIC_HOSTS = new Set(['dev.azure.com', 'dev.to', 'developer.apple.com']);

export interface HostClass {
  kind: HostKind;
  /** For `non-production`: the word that gave it away (`staging`, `sandbox`). */
  word: string;
}

/**
 * Whether a host only exists outside production: a developer's machine, a
 * private network, a staging or sandbox environment, a tunnel, or a
 * documentation domain. Returns null for everything else, including
 * production SaaS endpoints such as `api.stripe.com`. A single-label host
 * (`redis`, `db`) is a container or cluster service name, counted as a
 * private network only when `singleLabelIsLocal`.
 */
export function classifyHost(host: string, options: { singleLabelIsLocal: boolean }): HostClass | null {
  const h = host.toLowerCase();
  if (LOCAL_HOSTS.has(h) || h.startsWith('127.')) return { kind: 'local', word: '' };
  if (isPrivateIPv4(h) || PRIVATE_SUFFIXES.some((s) => h.endsWith(s))) return { kind: 'private-network', word: '' };
  if (LOCAL_SUFFIXES.some((s) => h.endsWith(s))) return { kind: 'local', word: '' };
  if (isIPv4(h)) return null;
  if (TUNNEL_SUFFIXES.some((s) => h.endsWith(s))) return { kind: 'tunnel', word: '' };
  if (PLACEHOLDER_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`))) return { kind: 'placeholder', word: '' };
  const labels = h.split('.');
  if (labels.length === 1) {
    const c = h.charCodeAt(0);
    return options.singleLabelIsLocal && c >= 97 && c <= 122 ? { kind: 'private-network', word: '' } : null;
  }
  if (PUBLIC_HOSTS.has(h)) return null;
  // The top-level domain is left out: `.dev` is a public TLD.
  for (const label of labels.slice(0, -1)) {
    for (const word of label.split('-')) {
      if (NON_PRODUCTION_WORDS.has(word)) return { kind: 'non-production', word };
    }
  }
  return null;
}

const WELL_KNOWN_SERVICE_DOMAINS = [
  'stripe.com', 'github.com', 'githubusercontent.com', 'gitlab.com', 'bitbucket.org', 'slack.com', 'discord.com',
  'telegram.org', 'openai.com', 'anthropic.com', 'googleapis.com', 'google.com', 'microsoft.com',
  'microsoftonline.com', 'azure.com', 'amazonaws.com', 'cloudflare.com', 'vercel.com', 'sendgrid.com', 'twilio.com',
  'mailgun.net', 'postmarkapp.com', 'resend.com', 'mailchimp.com', 'brevo.com', 'hubapi.com', 'hubspot.com',
  'salesforce.com', 'paypal.com', 'braintreegateway.com', 'adyen.com', 'squareup.com', 'plaid.com', 'shopify.com',
  'myshopify.com', 'notion.com', 'airtable.com', 'linear.app', 'atlassian.net', 'intercom.io', 'zendesk.com',
  'segment.io', 'mixpanel.com', 'klaviyo.com', 'sentry.io', 'pagerduty.com', 'zoom.us', 'dropboxapi.com',
  'auth0.com', 'okta.com', 'clerk.com', 'supabase.co', 'firebaseio.com', 'algolia.net', 'pusher.com', 'ably.io',
  'cloudinary.com', 'mapbox.com', 'huggingface.co', 'replicate.com', 'cohere.ai', 'mistral.ai', 'groq.com',
  'pinecone.io', 'upstash.io', 'facebook.com', 'x.com', 'twitter.com', 'linkedin.com', 'apple.com',
  'openrouter.ai', 'together.xyz', 'x.ai', 'deepseek.com', 'perplexity.ai', 'fireworks.ai', 'voyageai.com',
  'elevenlabs.io', 'assemblyai.com', 'deepgram.com', 'resend.dev', 'lemonsqueezy.com', 'paddle.com',
  'onesignal.com', 'expo.dev', 'npmjs.org', 'npmjs.com',
];

/** Production endpoints of well-known services (`api.stripe.com`): the same in every environment. */
export function isWellKnownServiceHost(host: string): boolean {
  const h = host.toLowerCase();
  return WELL_KNOWN_SERVICE_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}

function isIPv4(h: string): boolean {
  const parts = h.split('.');
  return parts.length === 4 && parts.every((p) => p !== '' && p.length <= 3 && [...p].every((c) => c >= '0' && c <= '9'));
}

function isPrivateIPv4(h: string): boolean {
  if (!isIPv4(h)) return false;
  const [a, b] = h.split('.').map(Number);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

/** Matches a host against `allowHosts` entries: `api.staging.acme.com` or `*.acme.dev`. */
export function isHostAllowed(host: string, allowHosts: readonly string[]): boolean {
  for (const entry of allowHosts) {
    const e = entry.toLowerCase();
    if (e.startsWith('*.') ? host.endsWith(e.slice(1)) : host === e) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Where a literal sits

/** Skips `as T`, `satisfies T`, `!` and `<T>` wrappers upward. */
export function valueParent(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  const value = outerValue(node);
  return { node: value, parent: value.parent };
}

/** `node` with the `as T`, `satisfies T`, `!` and `<T>` wrappers around it: the value its parent sees. */
export function outerValue(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  let p = node.parent;
  while (
    p &&
    (p.type === T.TSAsExpression ||
      p.type === T.TSSatisfiesExpression ||
      p.type === T.TSNonNullExpression ||
      p.type === T.TSTypeAssertion)
  ) {
    n = p;
    p = p.parent;
  }
  return n;
}

/** The name a value is stored under: a variable, property, class field, assignment target or default. */
export function sinkName(node: TSESTree.Node): string | null {
  const value = outerValue(node);
  const parent = value.parent;
  if (!parent) return null;
  switch (parent.type) {
    case T.VariableDeclarator:
      return parent.init === value && parent.id.type === T.Identifier ? parent.id.name : null;
    case T.Property:
      if (parent.value !== value || parent.parent.type === T.ObjectPattern) return null;
      return keyName(parent.key, parent.computed);
    case T.PropertyDefinition:
    case T.AccessorProperty:
      return parent.value === value ? keyName(parent.key, parent.computed) : null;
    case T.AssignmentExpression:
      if (parent.right !== value) return null;
      if (parent.left.type === T.Identifier) return parent.left.name;
      if (parent.left.type === T.MemberExpression) return propertyName(parent.left) ?? null;
      return null;
    case T.AssignmentPattern: {
      if (parent.right !== value) return null;
      if (parent.parent.type === T.Property && parent.parent.value === parent) {
        return keyName(parent.parent.key, parent.parent.computed);
      }
      return parent.left.type === T.Identifier ? parent.left.name : null;
    }
    default:
      return null;
  }
}

export function keyName(key: TSESTree.Node, computed: boolean): string | null {
  if (!computed && (key.type === T.Identifier || key.type === T.PrivateIdentifier)) return key.name;
  if (key.type === T.Literal && typeof key.value === 'string') return key.value;
  return null;
}

/**
 * Positions where a string is not a value the program runs with: module
 * specifiers, keys, types, comparisons (`host === 'localhost'`), `case`
 * labels, membership tests (`['localhost'].includes(host)`), log messages,
 * and the base argument of `new URL(path, base)`.
 */
export function isInertPosition(node: TSESTree.Literal | TSESTree.TemplateLiteral): boolean {
  const value = outerValue(node);
  const parent = value.parent;
  if (!parent) return true;
  switch (parent.type) {
    case T.ImportDeclaration:
    case T.ExportAllDeclaration:
    case T.ExportNamedDeclaration:
    case T.ImportExpression:
    case T.TSExternalModuleReference:
    case T.TSLiteralType:
    case T.TSModuleDeclaration:
    case T.TSEnumMember:
    case T.ImportAttribute:
    case T.SwitchCase:
    case T.TaggedTemplateExpression:
    case T.JSXAttribute:
      return parent.type !== T.JSXAttribute || isDescriptiveJsxAttribute(parent);
    case T.Property:
    case T.PropertyDefinition:
    case T.MethodDefinition:
      return parent.key === value;
    case T.BinaryExpression:
      return COMPARISONS.has(parent.operator);
    case T.CallExpression:
    case T.NewExpression:
      return isInertArgument(parent, value);
    case T.ArrayExpression:
      return isMembershipList(parent);
    default:
      return false;
  }
}

const COMPARISONS = new Set(['===', '!==', '==', '!=', 'in', 'instanceof']);
const MEMBERSHIP_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'has', 'test', 'match', 'matchAll', 'search', 'split', 'replace', 'replaceAll', 'localeCompare']);
const LOG_OBJECTS = new Set(['console', 'logger', 'log', 'logging', 'pino', 'winston']);
const LOG_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal']);

function isInertArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, value: TSESTree.Node): boolean {
  const callee = call.callee;
  if (call.type === T.NewExpression) {
    // `new URL(req.url, 'http://localhost')` only parses a relative path.
    return callee.type === T.Identifier && callee.name === 'URL' && call.arguments[1] === value;
  }
  if (callee.type === T.MemberExpression) {
    const name = propertyName(callee);
    if (name !== undefined && MEMBERSHIP_METHODS.has(name)) return true;
    if (name !== undefined && LOG_METHODS.has(name)) {
      const path = calleePath(callee);
      if (path && path.slice(0, -1).some((p) => LOG_OBJECTS.has(p) || p === 'log')) return true;
    }
  }
  return false;
}

/** `['localhost', '127.0.0.1'].includes(host)` and `new Set(['changeme', …])`: a list to test against. */
function isMembershipList(array: TSESTree.ArrayExpression): boolean {
  const p = array.parent;
  if (p?.type === T.NewExpression) return p.callee.type === T.Identifier && p.callee.name === 'Set';
  return p?.type === T.MemberExpression && p.object === array && MEMBERSHIP_METHODS.has(propertyName(p) ?? '');
}

const DESCRIPTIVE_NAMES = new Set(['placeholder', 'example', 'examples', 'hint', 'description', 'label', 'title', 'help', 'helper', 'tooltip', 'message', 'caption', 'alt', 'aria']);

function isDescriptiveJsxAttribute(attr: TSESTree.JSXAttribute): boolean {
  const name = attr.name.type === T.JSXIdentifier ? attr.name.name : attr.name.name.name;
  return wordsOf(name).some((w) => DESCRIPTIVE_NAMES.has(w));
}

/** Property names whose values describe a field rather than configure it: `placeholder`, `example`, `helperText`. */
export function isDescriptiveName(name: string): boolean {
  return wordsOf(name).some((w) => DESCRIPTIVE_NAMES.has(w));
}

// ---------------------------------------------------------------------------
// Environment lookups

/**
 * The variable name when `expr` reads the environment: `process.env.X`,
 * `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`,
 * `configService.get('X')`, `env('X')`. '' when the name is computed.
 */
export function envLookupName(expr: TSESTree.Node): string | null {
  let e: TSESTree.Node = expr;
  while (e.type === T.TSAsExpression || e.type === T.TSNonNullExpression || e.type === T.ChainExpression) e = e.expression;
  if (e.type === T.MemberExpression) return isEnvObject(e.object) ? (propertyName(e) ?? '') : null;
  if (e.type === T.CallExpression) {
    const first = e.arguments[0];
    const name = first && staticString(first);
    if (name === null || name === undefined) return null;
    const path = calleePath(e.callee);
    if (!path) return null;
    const last = path[path.length - 1];
    if (path.length === 1 && (last === 'env' || last === 'getEnv' || last === 'requireEnv')) return name;
    if ((last === 'get' || last === 'getOrThrow' || last === 'getString') && path.slice(0, -1).some((p) => /config|env/i.test(p))) return name;
    return null;
  }
  return null;
}

/** `process.env`, `import.meta.env`, `Bun.env`, or a module-level `env` object. */
function isEnvObject(expr: TSESTree.Node): boolean {
  if (expr.type === T.MemberExpression && expr.object.type === T.MetaProperty) return propertyName(expr) === 'env';
  const joined = calleePath(expr)?.join('.');
  return joined === 'process.env' || joined === 'Bun.env' || joined === 'env' || joined === 'ENV';
}

/** When `node` is the fallback of an environment lookup (`process.env.X || node`, `?? node`, `config.get('X', node)`), the lookup's name. */
export function envFallbackOf(node: TSESTree.Node): { envName: string; holder: TSESTree.Node } | null {
  const value = outerValue(node);
  const parent = value.parent;
  if (!parent) return null;
  if (parent.type === T.LogicalExpression && parent.right === value && (parent.operator === '||' || parent.operator === '??')) {
    const envName = envNameInChain(parent.left, 0);
    return envName === null ? null : { envName, holder: parent };
  }
  if (parent.type === T.CallExpression && parent.arguments[1] === value && parent.arguments.length === 2) {
    const envName = envLookupName(parent);
    return envName === null ? null : { envName, holder: parent };
  }
  // `const { JWT_SECRET = 'dev' } = process.env`
  if (parent.type === T.AssignmentPattern && parent.right === value && parent.parent.type === T.Property) {
    const pattern = parent.parent.parent;
    const declarator = pattern?.parent;
    if (pattern?.type === T.ObjectPattern && declarator?.type === T.VariableDeclarator && declarator.init && isEnvObject(declarator.init)) {
      return { envName: keyName(parent.parent.key, parent.parent.computed) ?? '', holder: parent };
    }
  }
  return null;
}

/** `process.env.A || global.A || …`: the first environment lookup in a chain of fallbacks. */
function envNameInChain(expr: TSESTree.Node, depth: number): string | null {
  if (expr.type === T.LogicalExpression && (expr.operator === '||' || expr.operator === '??') && depth < 8) {
    return envNameInChain(expr.left, depth + 1) ?? envNameInChain(expr.right, depth + 1);
  }
  return envLookupName(expr);
}

/** The name a value's whole expression is stored under, looking through an environment fallback. */
export function storedName(node: TSESTree.Node): string | null {
  const fallback = envFallbackOf(node);
  return sinkName(fallback ? fallback.holder : node);
}

// ---------------------------------------------------------------------------
// Signing keys

const JWT_KEY_PROPERTIES = new Set(['secretOrKey', 'secretOrPrivateKey', 'secretOrPublicKey', 'jwtSecret', 'JWT_SECRET']);

/**
 * Whether `node` is the key tokens are signed or verified with:
 * `jwt.sign(payload, node)`, `jwt.verify(token, node)` (jsonwebtoken),
 * `new TextEncoder().encode(node)` passed to jose's `.sign()` / `jwtVerify()`
 * or stored in a secret-named constant, `{ secretOrKey: node }` (passport-jwt),
 * and `{ secret: node }` passed to a JWT module or middleware.
 */
export function signingKeyCall(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string | null {
  const value = outerValue(node);
  const parent = value.parent;
  if (!parent) return null;
  if (parent.type === T.CallExpression && parent.arguments[1] === value) {
    // Cheap name test first: most second arguments are not keys.
    const callee = unwrap(parent.callee);
    const method = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? propertyName(callee) : undefined;
    if (method !== 'sign' && method !== 'verify') return null;
    const path = calleePath(parent.callee);
    const last = path?.[path.length - 1];
    if (last !== 'sign' && last !== 'verify') return null;
    const trace = traceValue(sourceCode, parent.callee);
    if (trace.kind === 'import' && trace.source === 'jsonwebtoken') {
      const fn = trace.members.length > 0 ? trace.members[trace.members.length - 1] : trace.imported;
      if (fn === 'sign' || fn === 'verify') return `jwt.${fn}()`;
    }
    return null;
  }
  if (parent.type === T.CallExpression && parent.arguments[0] === value && isTextEncoderEncode(parent)) {
    const outer = outerValue(parent).parent;
    if (outer?.type === T.CallExpression) {
      const path = calleePath(outer.callee);
      const last = path?.[path.length - 1];
      if (last === 'sign' || last === 'jwtVerify' || last === 'jwtDecrypt' || last === 'encrypt') return `${last}()`;
      if (outer.callee.type === T.MemberExpression && propertyName(outer.callee) === 'sign') return 'sign()';
    }
    const name = sinkName(parent);
    if (name !== null && (isSecretName(name) || /key$/i.test(name))) return 'new TextEncoder().encode()';
    return null;
  }
  if (parent.type === T.Property && parent.value === value) {
    const key = keyName(parent.key, parent.computed);
    if (key === null) return null;
    if (JWT_KEY_PROPERTIES.has(key)) return key;
    if (key === 'secret' || key === 'privateKey') {
      const call = parent.parent.parent;
      if (call?.type === T.CallExpression || call?.type === T.NewExpression) {
        const path = calleePath(call.callee);
        if (path?.some((p) => /jwt/i.test(p))) return `${path.join('.')}()`;
      }
    }
  }
  return null;
}

function isTextEncoderEncode(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === T.MemberExpression &&
    propertyName(callee) === 'encode' &&
    callee.object.type === T.NewExpression &&
    callee.object.callee.type === T.Identifier &&
    callee.object.callee.name === 'TextEncoder'
  );
}
