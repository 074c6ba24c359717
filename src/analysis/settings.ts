/**
 * `settings.prodguard`: how a project teaches the analysis about its own
 * clients, wrappers, lock helpers, transaction helpers and validators.
 * Parsed once per file; a malformed value throws an error that names the key.
 */

export const DB_LAYERS = [
  'prisma',
  'drizzle',
  'typeorm',
  'sequelize',
  'mongoose',
  'mongodb',
  'knex',
  'kysely',
  'mikro-orm',
  'sql',
  'redis',
] as const;
export type DbLayer = (typeof DB_LAYERS)[number];

/** What a configured client binding or package is: a data layer, an HTTP client, an external SDK, or a job queue. */
export const CLIENT_KINDS = [...DB_LAYERS, 'http', 'external', 'queue'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

/** What calling a project's own function does. */
export const WRAPPER_KINDS = ['read', 'write', 'upsert', 'external', 'enqueue'] as const;
export type WrapperKind = (typeof WRAPPER_KINDS)[number];

export const ISOLATION_LEVELS = ['default', 'read-committed', 'repeatable-read', 'serializable'] as const;
export type IsolationLevel = (typeof ISOLATION_LEVELS)[number];

export interface ProdguardSettings {
  /** Binding names (`db`, `this.prisma`), dotted paths, or package names (`@acme/db`) → what they are. */
  clients: ReadonlyMap<string, ClientKind>;
  /** The project's own functions (`getUser`, `users.save`) → what calling them does. */
  wrappers: ReadonlyMap<string, WrapperKind>;
  /** Functions that hold a lock around their callback, or until released (`withLock`, `redlock.using`). */
  locks: ReadonlySet<string>;
  /** Functions whose callback runs in a database transaction, with its isolation level. */
  transactions: ReadonlyMap<string, IsolationLevel>;
  /** Functions that validate request input and return the validated value. */
  validators: ReadonlySet<string>;
}

export const EMPTY_SETTINGS: ProdguardSettings = {
  clients: new Map(),
  wrappers: new Map(),
  locks: new Set(),
  transactions: new Map(),
  validators: new Set(),
};

const KNOWN_KEYS = ['clients', 'wrappers', 'locks', 'transactions', 'validators'];

export class SettingsError extends Error {
  constructor(key: string, problem: string) {
    super(`eslint-plugin-prodguard: invalid settings.prodguard.${key}: ${problem}`);
    this.name = 'SettingsError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new SettingsError(key, `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(value)}.`);
  }
  return value as T;
}

function stringList(key: string, value: unknown): Set<string> {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new SettingsError(key, `expected an array of non-empty strings, got ${JSON.stringify(value)}.`);
  }
  return new Set(value as string[]);
}

function kindMap<T extends string>(key: string, value: unknown, allowed: readonly T[]): Map<string, T> {
  if (!isPlainObject(value)) {
    throw new SettingsError(key, `expected an object mapping names to one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(value)}.`);
  }
  const map = new Map<string, T>();
  for (const [name, kind] of Object.entries(value)) map.set(name, oneOf(`${key}.${name}`, kind, allowed));
  return map;
}

/** Parses `settings.prodguard`. Throws `SettingsError` naming the offending key. */
/** Parsed settings per settings object: ESLint hands every file of a configuration the same one. */
const parsed = new WeakMap<object, ProdguardSettings>();

export function parseSettings(settings: Readonly<Record<string, unknown>> | undefined): ProdguardSettings {
  const raw = settings?.prodguard;
  if (raw === undefined) return EMPTY_SETTINGS;
  if (!isPlainObject(raw)) throw new SettingsError('', `expected an object, got ${JSON.stringify(raw)}.`);
  let result = parsed.get(raw);
  if (!result) {
    result = parseObject(raw);
    parsed.set(raw, result);
  }
  return result;
}

function parseObject(raw: Record<string, unknown>): ProdguardSettings {
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) {
      throw new SettingsError(key, `unknown key. Known keys: ${KNOWN_KEYS.join(', ')}.`);
    }
  }
  let transactions = new Map<string, IsolationLevel>();
  if (raw.transactions !== undefined) {
    transactions = Array.isArray(raw.transactions)
      ? new Map([...stringList('transactions', raw.transactions)].map((name) => [name, 'default' as const]))
      : kindMap('transactions', raw.transactions, ISOLATION_LEVELS);
  }
  return {
    clients: raw.clients === undefined ? new Map() : kindMap('clients', raw.clients, CLIENT_KINDS),
    wrappers: raw.wrappers === undefined ? new Map() : kindMap('wrappers', raw.wrappers, WRAPPER_KINDS),
    locks: raw.locks === undefined ? new Set() : stringList('locks', raw.locks),
    transactions,
    validators: raw.validators === undefined ? new Set() : stringList('validators', raw.validators),
  };
}
