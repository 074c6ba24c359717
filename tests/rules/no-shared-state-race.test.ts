import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';

import rule, { type MessageId, type Options } from '../../src/rules/no-shared-state-race.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('no-shared-state-race', rule as never, {
  valid: [
    // Caching the promise itself: the second caller awaits the first caller's connection.
    `
let clientPromise: Promise<Client> | undefined;
export function getClient() {
  if (!clientPromise) clientPromise = createClient({ url: process.env.REDIS_URL });
  return clientPromise;
}
`,
    // Promise memoised with ??= and awaited afterwards.
    `
let ready: Promise<void> | undefined;
export async function init() {
  ready ??= migrate();
  await ready;
}
`,
    // Plain assignment after an await with no check: not this rule's shape.
    `
let lastSync = 0;
export async function sync() {
  await pushChanges();
  lastSync = Date.now();
}
`,
    // Koa response assignments after an await: ctx is the request, not shared state.
    `
router.get('/users/:id', async (ctx) => {
  if (!ctx.params.id) ctx.throw(400);
  const user = await User.findById(ctx.params.id);
  ctx.body = user;
  ctx.status = 200;
});
`,
    // Locals checked, awaited, assigned: nothing outlives the call.
    `
export async function load(id: string) {
  let user = cache.get(id);
  if (!user) {
    user = await db.user.findUnique({ where: { id } });
  }
  return user;
}
`,
    // Claimed synchronously before the await, released in finally.
    `
let running = false;
export async function tick() {
  if (running) return;
  running = true;
  try {
    await processBatch();
  } finally {
    running = false;
  }
}
`,
    // Serialised by a mutex helper.
    `
import { Mutex } from 'async-mutex';
const mutex = new Mutex();
let token: string | undefined;
export async function getToken() {
  return mutex.runExclusive(async () => {
    if (!token) token = await refreshToken();
    return token;
  });
}
`,
    // Lock acquired before the check.
    `
@Injectable()
export class TokenService {
  private token?: string;
  private readonly lock = new Mutex();
  async get() {
    const release = await this.lock.acquire();
    try {
      if (!this.token) this.token = await this.fetchToken();
      return this.token;
    } finally {
      release();
    }
  }
}
`,
    // A class that is not known to be long-lived: instances may be per request.
    `
export class CartBuilder {
  private items?: Item[];
  async items() {
    if (!this.items) this.items = await loadItems();
    return this.items;
  }
}
`,
    // NestJS request-scoped provider: one instance per request.
    `
@Injectable({ scope: Scope.REQUEST })
export class RequestContext {
  private user?: User;
  async currentUser() {
    if (!this.user) this.user = await this.users.find(this.req.userId);
    return this.user;
  }
}
`,
    // Map cache that stores the promise, not the value.
    `
const pending = new Map<string, Promise<Rate>>();
export async function rate(currency: string) {
  if (!pending.has(currency)) pending.set(currency, fetchRate(currency));
  return pending.get(currency);
}
`,
    // Re-checked after the await before assigning (double-checked).
    `
let pool: Pool | undefined;
export async function getPool() {
  if (!pool) {
    const created = await createPool();
    if (!pool) pool = created;
  }
  return pool;
}
`,
    // Wrapped in a once helper.
    `
let schema: Schema | undefined;
export const loadSchema = once(async () => {
  if (!schema) schema = await fetchSchema();
  return schema;
});
`,
    // Module top level: runs once, there is no concurrent caller.
    `
let config: Config | undefined;
if (!config) config = await loadConfig();
`,
    // Claimed with a sentinel before the await: later callers return the sentinel instead of repeating the work.
    `
let cachedFamily: string | null | undefined;
export const family = async () => {
  if (cachedFamily !== undefined) return cachedFamily;
  cachedFamily = null;
  const content = await readFile('/usr/bin/ldd', 'utf8');
  cachedFamily = parseFamily(content);
  return cachedFamily;
};
`,
    // In-flight de-duplication: the await before the set is in a branch that returns.
    `
const inFlight = new Map<string, Promise<Link | null>>();
export const getLink = async (key: string) => {
  const existing = inFlight.get(key);
  if (existing) {
    return await existing;
  }
  const lookup = fetchLink(key).finally(() => inFlight.delete(key));
  inFlight.set(key, lookup);
  return await lookup;
};
`,
    // The result of a memoised promise stored after awaiting it: every caller stores the same value.
    `
const cached = { schema: null as Schema | null, promise: null as Promise<Schema> | null };
export const getSchema = async () => {
  if (cached.schema) return cached.schema;
  if (!cached.promise) cached.promise = buildSchema();
  cached.schema = await cached.promise;
  return cached.schema;
};
`,
    // A Redis client is a data store, not in-process state (GET then SET is no-check-then-create's business).
    `
import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL!);
export async function claimWebhook(eventId: string) {
  if (await redis.get(\`webhook:\${eventId}\`)) return false;
  await processEvent(eventId);
  await redis.set(\`webhook:\${eventId}\`, '1', 'EX', 86400);
  return true;
}
`,
    // A dynamic import resolves to the same module for every caller.
    `
let typescript: typeof import('typescript') | undefined;
export async function loadTs() {
  if (typescript === undefined) typescript = (await import('typescript')).default;
  return typescript;
}
`,
    // Resetting the state after an await is not an initialisation.
    `
let timer: NodeJS.Timeout | null = null;
export async function flush() {
  if (timer) {
    await drain();
    timer = null;
  }
}
`,
  ],
  invalid: [
    {
      // Module-level singleton connection: two first requests open two clients.
      code: `
let client: MongoClient | undefined;
export async function getDb() {
  if (!client) {
    client = await MongoClient.connect(process.env.MONGO_URL!);
  }
  return client.db();
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 5, column: 5, data: { state: 'client', checkLine: '4' } }],
    },
    {
      // Token refresh stampede in a NestJS singleton service.
      code: `
@Injectable()
export class CrmClient {
  private accessToken?: string;
  private expiresAt = 0;
  async token() {
    if (!this.accessToken || Date.now() > this.expiresAt) {
      const res = await this.http.post('/oauth/token', this.credentials);
      this.accessToken = res.data.access_token;
      this.expiresAt = Date.now() + res.data.expires_in * 1000;
    }
    return this.accessToken;
  }
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 9, column: 7, data: { state: 'this.accessToken', checkLine: '7' } }],
    },
    {
      // Logical assignment with an awaited value.
      code: `
let stripeAccount: Account | undefined;
export async function account() {
  stripeAccount ??= await stripe.accounts.retrieve();
  return stripeAccount;
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 4, column: 3, data: { state: 'stripeAccount', checkLine: '4' } }],
    },
    {
      // Early-return check, then an awaited fill.
      code: `
let cachedPlans: Plan[] | null = null;
export async function plans() {
  if (cachedPlans) return cachedPlans;
  const rows = await db.select().from(plansTable);
  cachedPlans = rows;
  return rows;
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 6, column: 3, data: { state: 'cachedPlans', checkLine: '4' } }],
    },
    {
      // Map cache fill: every concurrent miss loads and stores.
      code: `
const rates = new Map<string, number>();
export async function rate(currency: string) {
  if (!rates.has(currency)) {
    rates.set(currency, await fetchRate(currency));
  }
  return rates.get(currency);
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 5, column: 5, data: { state: 'rates[currency]', checkLine: '4' } }],
    },
    {
      // A class instantiated once at module level.
      code: `
class TokenManager {
  private token: string | null = null;
  async get() {
    if (this.token === null) {
      this.token = await fetchToken();
    }
    return this.token;
  }
}
export const tokens = new TokenManager();
`,
      errors: [{ messageId: 'checkAwaitSet', line: 6, column: 7, data: { state: 'this.token', checkLine: '5' } }],
    },
    {
      // Initialised flag set after the awaited setup.
      code: `
let initialized = false;
export async function ensureIndexes() {
  if (!initialized) {
    await collection.createIndex({ email: 1 }, { unique: true });
    initialized = true;
  }
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 6, column: 5, data: { state: 'initialized', checkLine: '4' } }],
    },
    {
      // globalThis singleton in a Next.js module.
      code: `
export async function getBrowser() {
  if (!globalThis.browser) {
    globalThis.browser = await puppeteer.launch();
  }
  return globalThis.browser;
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 4, column: 5, data: { state: 'globalThis.browser', checkLine: '3' } }],
    },
    {
      // Module-level object holding state.
      code: `
const state = { token: '', expires: 0 };
export const getToken = async () => {
  if (Date.now() > state.expires) {
    const { token, expires } = await auth.refresh();
    state.token = token;
    state.expires = expires;
  }
  return state.token;
};
`,
      // Only `state.expires` is checked; its assignment is the race.
      errors: [{ messageId: 'checkAwaitSet', line: 7, column: 5, data: { state: 'state.expires', checkLine: '4' } }],
    },
    {
      // Static member of a class.
      code: `
export class Db {
  static pool?: Pool;
  static async get() {
    if (!this.pool) this.pool = await createPool(process.env.DATABASE_URL);
    return this.pool;
  }
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 5, column: 21, data: { state: 'this.pool', checkLine: '5' } }],
    },
    {
      // Conditional expression form.
      code: `
let jwks: JWKS | undefined;
export async function keys() {
  return jwks ? jwks : (jwks = await fetchJwks(issuer));
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 4, column: 25, data: { state: 'jwks', checkLine: '4' } }],
    },
    {
      // Module-level object literal used as a singleton.
      code: `
export const hubspot = {
  token: undefined as string | undefined,
  async auth() {
    if (!this.token) this.token = await exchange(process.env.HUBSPOT_CODE);
    return this.token;
  },
};
`,
      errors: [{ messageId: 'checkAwaitSet', line: 5, column: 22, data: { state: 'this.token', checkLine: '5' } }],
    },
    {
      // The memoised promise itself is created only after an await: two callers create two.
      code: `
const cached = { schema: null as Schema | null, promise: null as Promise<Schema> | null };
export const getSchema = async (config: Promise<Config>) => {
  if (!cached.promise) {
    const resolved = await config;
    cached.promise = buildSchema(resolved);
  }
  cached.schema = await cached.promise;
  return cached.schema;
};
`,
      errors: [{ messageId: 'checkAwaitSet', line: 6, column: 5, data: { state: 'cached.promise', checkLine: '4' } }],
    },
    {
      // `key in cache` checks the slot that `cache[key] = …` fills.
      code: `
const secretCache: Record<string, string> = {};
export async function secret(name: string) {
  if (!(name in secretCache)) {
    secretCache[name] = (await secrets.send(new GetSecretValueCommand({ SecretId: name }))).SecretString ?? '';
  }
  return secretCache[name];
}
`,
      errors: [{ messageId: 'checkAwaitSet', line: 5, column: 5, data: { state: 'secretCache[name]', checkLine: '4' } }],
    },
    {
      // With checkAllClasses, any class's `this` counts.
      code: `
export class Loader {
  private data?: Data;
  async load() {
    if (!this.data) this.data = await read();
    return this.data;
  }
}
`,
      options: [{ checkAllClasses: true }],
      errors: [{ messageId: 'checkAwaitSet', line: 5, column: 21, data: { state: 'this.data', checkLine: '5' } }],
    },
  ],
});
