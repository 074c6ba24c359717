import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

import { NON_PRODUCTION_FILE_GLOBS, isFileMatched } from '../analysis/files.js';
import { propertyName } from '../analysis/resolve.js';
import {
  ENVIRONMENT_CONDITION,
  classifyHost,
  envFallbackOf,
  findCredentialUrl,
  findSecretCredentialUrl,
  isDescriptiveName,
  isHostAllowed,
  isInertPosition,
  isPlaceholder,
  isPlaceholderPassword,
  isSecretName,
  isWellKnownServiceHost,
  keyName,
  parseBareHost,
  parseUrlish,
  shorten,
  staticString,
  signingKeyCall,
  sinkName,
  storedName,
  valueParent,
  wordsOf,
  type HostClass,
  type UrlParts,
} from '../analysis/secrets.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ ignoreFiles?: string[]; allowHosts?: string[] }];
export type MessageId = 'environmentUrl' | 'corsOrigin' | 'nonProductionHost' | 'envFallback' | 'hardcodedBaseUrl' | 'placeholder';

const WHERE: Record<HostClass['kind'], string> = {
  local: 'a developer machine',
  'private-network': 'a private network',
  tunnel: 'a tunnel to a developer machine',
  'non-production': 'a non-production environment',
  placeholder: 'a documentation domain',
};
/** Schemes whose single-label hosts (`redis://cache:6379`) are container or LAN names. */
const SERVICE_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps', 'nats', 'mqtt', 'kafka', 'grpc', 'smtp', 'ftp', 'sftp', 'clickhouse']);
const HTTP_SCHEMES = new Set(['http', 'https', 'ws', 'wss']);
/** Names of places that hold a host: `host`, `DB_HOST`, `redisHostname`. */
const HOST_WORDS = new Set(['host', 'hostname', 'domain', 'server']);
/** Words of names that configure something, where `TODO` and `xxx` can only be unfinished values. */
const CONFIG_WORDS = new Set(['key', 'token', 'secret', 'password', 'id', 'url', 'uri', 'endpoint', 'host', 'hostname', 'domain', 'email', 'dsn', 'webhook', 'bucket', 'region', 'account', 'project', 'tenant', 'client', 'sid', 'org', 'workspace', 'channel', 'sender', 'apikey']);
/** Words that, before `url`/`uri`, name where this app's own backend lives: `baseURL`, `apiUrl`, `BACKEND_URI`. */
const BASE_URL_WORDS = new Set(['base', 'api', 'backend', 'server']);
/** Names that say a nil UUID is meant as a sentinel: `EMPTY_ID`, `nilUuid`, `SYSTEM_USER_ID`. */
const SENTINEL_WORDS = new Set(['empty', 'nil', 'null', 'zero', 'none', 'sentinel', 'unset', 'blank', 'anonymous', 'system', 'root', 'nobody']);
const LABEL_KEYS = new Set(['description', 'name', 'label', 'env', 'environment', 'stage', 'title']);
const ENVIRONMENT_KEYS = new Set(['development', 'dev', 'local', 'test', 'testing', 'staging', 'sandbox', 'preview', 'qa', 'e2e']);

export default createRule<Options, MessageId>({
  name: 'no-hardcoded-config',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow environment-specific URLs, hosts and leftover placeholder values in application code',
      recommended: 'strict',
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
              'Glob patterns, relative to the working directory, of files the rule skips. Replaces the default list of tests, fixtures, stories, seeds, tool configs and scripts.',
          },
          allowHosts: {
            type: 'array',
            items: { type: 'string' },
            description: 'Host names that are fine to write in code, exactly (`api.partner.com`) or by suffix (`*.partner.com`).',
          },
        },
      },
    ],
    defaultOptions: [{ ignoreFiles: [...NON_PRODUCTION_FILE_GLOBS], allowHosts: [] }],
    messages: {
      environmentUrl:
        '`{{value}}` points at {{where}}. Deployed, this code reaches nothing or the wrong machine, and only real traffic finds out; read the address from configuration.',
      corsOrigin:
        '`{{value}}` is a development origin in a CORS allow-list. In production it trusts pages served from a visitor\'s own machine, and a list of only such origins blocks the real site; build the list from configuration.',
      nonProductionHost:
        '`{{host}}` is a non-production host (`{{word}}`). Shipped as is, production talks to that environment and its data; read the address from configuration.',
      envFallback:
        'When `{{env}}` is unset this falls back to `{{value}}`, so a deploy that forgets the variable silently talks to {{where}}; fail at startup when it is missing.',
      hardcodedBaseUrl:
        '`{{name}}` is fixed to `{{value}}`, so local runs, staging and production all talk to the same backend; read the base URL from configuration, or add the host to `allowHosts` if it is a third-party production endpoint.',
      placeholder:
        '`{{value}}` is a placeholder left in the code. It passes local checks and fails only in production, as an invalid key, a bounced email or a missing record; use the real value or read it from configuration.',
    },
  },
  create(context, [{ ignoreFiles, allowHosts }]) {
    if (isFileMatched(context, ignoreFiles ?? NON_PRODUCTION_FILE_GLOBS)) return {};
    const allowed = allowHosts ?? [];
    const sourceCode = context.sourceCode;

    return {
      Literal(node) {
        const value = node.value;
        if (typeof value !== 'string' || value.length < 3 || value.length > 2048) return;
        check(node, value, true);
      },
      TemplateLiteral(node) {
        const first = node.quasis[0]?.value.cooked;
        if (!first || first.length < 3) return;
        check(node, first, node.expressions.length === 0);
      },
    };

    /** The value as the message shows it: a template as written, `${…}` included. */
    function shown(node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string): string {
      return shorten(node.type === T.TemplateLiteral ? sourceCode.getText(node).slice(1, -1) : value);
    }

    /** `complete` is false for a template's first piece: only a URL whose host is written out in it counts. */
    function check(node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string, complete: boolean): void {
      // Module specifiers, keys, types and comparisons are never reported, URL or not; they are a large share of all strings.
      if (isInertPosition(node)) return;
      const url = parseUrlish(value);
      if (url) {
        if (!complete && !hostIsComplete(value)) return;
        checkUrl(node, value, url);
        return;
      }
      if (!complete) return;
      // Only a host or a placeholder can be reported from here, and most values are neither: look at names only then.
      const bare = parseBareHost(value) ?? (value === 'localhost' ? { scheme: '', host: value, port: '' } : null);
      const placeholder = isPlaceholder(value);
      if (bare === null && placeholder === null) return;
      const name = storedName(node) ?? listName(node);
      const fallback = envFallbackOf(node);
      if (bare && (isHostName(name) || isHostName(fallback?.envName ?? null)) && !isListenArgument(node)) {
        checkHost(node, value, bare, false);
        return;
      }
      if (placeholder === null) return;
      if (name !== null && isDescriptiveName(name)) return;
      if (placeholder === 'weak' && !isConfigName(name) && !isConfigName(fallback?.envName ?? null)) return;
      if (placeholder === 'nil-uuid' && (name === null || wordsOf(name).some((w) => SENTINEL_WORDS.has(w)))) return;
      if (isOwnedBySecretsRule(node, fallback?.envName ?? null, name)) return;
      if (isEnvironmentGuarded(node)) return;
      context.report({ node, messageId: 'placeholder', data: { value: shown(node, value) } });
    }

    function checkUrl(node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string, url: UrlParts): void {
      if (findSecretCredentialUrl(value)) return;
      const name = storedName(node);
      if (name !== null && isDescriptiveName(name)) return;
      if (url.scheme === '' || SERVICE_SCHEMES.has(url.scheme)) {
        if (checkHost(node, value, url, true)) return;
      }
      const credentials = findCredentialUrl(value);
      const defaultCredentials = credentials && (isPlaceholderPassword(credentials.password) || credentials.password === credentials.user);
      if (defaultCredentials && !isEnvironmentGuarded(node)) {
        context.report({ node, messageId: 'placeholder', data: { value: shown(node, value) } });
        return;
      }
      if (!HTTP_SCHEMES.has(url.scheme) || isHostAllowed(url.host, allowed) || isWellKnownServiceHost(url.host)) return;
      // `process.env.API_URL ?? 'https://api.acme.com'` is configurable; only a fixed value is reported.
      if (name !== null && isBaseUrlName(name) && !envFallbackOf(node) && !isEnvironmentGuarded(node)) {
        context.report({ node, messageId: 'hardcodedBaseUrl', data: { name, value: shown(node, value) } });
      }
    }

    /** Reports an environment-specific host; true when the host was one, reported or deliberately silent. */
    function checkHost(node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string, url: UrlParts, withScheme: boolean): boolean {
      if (!withScheme && (url.host === '0.0.0.0' || url.host === '::')) return true;
      // A container or cluster service name (`redis://cache:6379`) also works in production;
      // as the fallback of an environment variable it is a development default.
      const fallback = envFallbackOf(node);
      const singleLabelIsLocal = withScheme && fallback !== null && (url.scheme !== '' || url.port !== '');
      const host = classifyHost(url.host, { singleLabelIsLocal });
      if (host === null) return false;
      if (isHostAllowed(url.host, allowed) || isEnvironmentGuarded(node)) return true;
      if (host.kind === 'placeholder') {
        context.report({ node, messageId: 'placeholder', data: { value: shown(node, value) } });
      } else if (fallback) {
        context.report({
          node,
          messageId: 'envFallback',
          data: { env: fallback.envName || 'the variable', value: shown(node, value), where: WHERE[host.kind] },
        });
      } else if (isCorsOrigin(node)) {
        context.report({ node, messageId: 'corsOrigin', data: { value: shown(node, value) } });
      } else if (host.kind === 'non-production') {
        context.report({ node, messageId: 'nonProductionHost', data: { host: url.host, word: host.word } });
      } else {
        context.report({ node, messageId: 'environmentUrl', data: { value: shown(node, value), where: WHERE[host.kind] } });
      }
      return true;
    }

    /**
     * A fallback for a secret-named variable and a signing-key argument belong to
     * `no-hardcoded-secrets`, whatever the literal is.
     */
    function isOwnedBySecretsRule(node: TSESTree.Node, envName: string | null, name: string | null): boolean {
      if (envName !== null && (isSecretName(envName) || (name !== null && isSecretName(name)))) return true;
      return signingKeyCall(sourceCode, node) !== null;
    }

    /**
     * Inside a branch that tells environments apart (`NODE_ENV === 'production' ? … : 'http://localhost:3000'`,
     * `if (isDev) {…}`) or under a per-environment key (`{ development: { url: … } }`).
     */
    function isEnvironmentGuarded(node: TSESTree.Node): boolean {
      let child: TSESTree.Node = node;
      for (let n = node.parent; n; child = n, n = n.parent) {
        let test: TSESTree.Node | null = null;
        if ((n.type === T.ConditionalExpression || n.type === T.IfStatement) && n.test !== child) test = n.test;
        else if (n.type === T.LogicalExpression && n.operator === '&&' && n.right === child) test = n.left;
        else if (n.type === T.SwitchCase && n.test && n.test !== child) test = n.test;
        else if (n.type === T.Property && n.value === child) {
          const key = keyName(n.key, n.computed);
          if (key !== null && ENVIRONMENT_KEYS.has(key.toLowerCase())) return true;
          if (n.parent.type === T.ObjectExpression && hasEnvironmentLabel(n.parent)) return true;
        }
        if (test && ENVIRONMENT_CONDITION.pattern.test(sourceCode.getText(test))) return true;
      }
      return false;
    }
  },
});

/** `{ url: 'http://localhost:3000', description: 'Local development server' }` (OpenAPI servers and the like). */
function hasEnvironmentLabel(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((p) => {
    if (p.type !== T.Property) return false;
    const key = keyName(p.key, p.computed);
    if (key === null || !LABEL_KEYS.has(key)) return false;
    const label = staticString(p.value);
    return label !== null && ENVIRONMENT_CONDITION.pattern.test(label);
  });
}

/** In `http://localhost:${port}` the host is written out; in `http://local${suffix}` it is not. */
function hostIsComplete(firstQuasi: string): boolean {
  const rest = firstQuasi.slice(firstQuasi.indexOf('://') + 3);
  return rest.includes('/') || rest.includes(':') || rest.includes('?');
}

function isHostName(name: string | null): boolean {
  if (name === null) return false;
  const words = wordsOf(name);
  return HOST_WORDS.has(words[words.length - 1] ?? '');
}

function isConfigName(name: string | null): boolean {
  if (name === null) return false;
  const words = wordsOf(name);
  return CONFIG_WORDS.has(words[words.length - 1] ?? '') && !isDescriptiveName(name);
}

/**
 * `baseURL`, `apiUrl`, `API_BASE_URL`, `backendUri`, `serverUrl`. Names such as
 * `endpoint` or `webhookUrl` are left out: they hold third-party addresses as
 * often as this app's own.
 */
function isBaseUrlName(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  return (last === 'url' || last === 'uri') && words.slice(0, -1).some((w) => BASE_URL_WORDS.has(w));
}

/** `const PLACEHOLDER_WORDS = ['changeme', …]`: the name of the list an element belongs to. */
function listName(node: TSESTree.Node): string | null {
  const { parent } = valueParent(node);
  return parent?.type === T.ArrayExpression ? sinkName(parent) : null;
}

/** `cors({ origin: ['http://localhost:3000'] })`, `const allowedOrigins = [...]`: an origin to trust, not a service to call. */
function isCorsOrigin(node: TSESTree.Node): boolean {
  let { node: value, parent } = valueParent(node);
  if (parent?.type === T.ArrayExpression) ({ node: value, parent } = valueParent(parent));
  const name = sinkName(value);
  return name !== null && wordsOf(name).some((w) => w === 'origin' || w === 'origins');
}

/** `server.listen({ host: '127.0.0.1' })` and `app.listen(3000, 'localhost')` name an interface to bind, not a service to call. */
function isListenArgument(node: TSESTree.Node): boolean {
  let { parent } = valueParent(node);
  if (parent?.type === T.Property) parent = parent.parent.parent;
  if (parent?.type !== T.CallExpression || parent.callee.type !== T.MemberExpression) return false;
  return propertyName(parent.callee) === 'listen';
}
