// @corpus-rules no-shared-state-race
// Lazily created clients and caches of a Node backend (module scope).
import { MongoClient, type Db } from 'mongodb';
import { createClient, type RedisClientType } from 'redis';
import puppeteer, { type Browser } from 'puppeteer';
import { Mutex } from 'async-mutex';
import { S3Client } from '@aws-sdk/client-s3';
import { prisma } from './db';

let mongo: MongoClient | null = null;
let redis: RedisClientType | undefined;
let browser: Browser | undefined;
let browserPromise: Promise<Browser> | undefined;
let featureFlags: Record<string, boolean> | null = null;
let flagsLoadedAt = 0;
let jwks: { keys: unknown[] } | undefined;
let indexesEnsured = false;
let s3: S3Client | undefined;
const exchangeRates = new Map<string, number>();
const ratePromises = new Map<string, Promise<number>>();
const settingsCache: { value?: Record<string, string>; loadedAt: number } = { loadedAt: 0 };
const tokenMutex = new Mutex();
let serviceToken: { value: string; expiresAt: number } | undefined;

// @expect no-shared-state-race
export async function getDb(): Promise<Db> {
  if (!mongo) {
    mongo = await MongoClient.connect(process.env.MONGODB_URI!);
  }
  return mongo.db('app');
}

// @expect no-shared-state-race
export async function getRedis() {
  if (!redis) {
    const client = createClient({ url: process.env.REDIS_URL });
    await client.connect();
    redis = client as RedisClientType;
  }
  return redis;
}

// @expect no-shared-state-race
export async function getBrowser() {
  browser ??= await puppeteer.launch({ headless: true });
  return browser;
}

// @expect none
export function getBrowserOnce() {
  browserPromise ??= puppeteer.launch({ headless: true });
  return browserPromise;
}

// @expect no-shared-state-race
export async function isEnabled(flag: string) {
  if (!featureFlags || Date.now() - flagsLoadedAt > 60_000) {
    const rows = await prisma.featureFlag.findMany();
    featureFlags = Object.fromEntries(rows.map((r) => [r.key, r.enabled]));
    flagsLoadedAt = Date.now();
  }
  return featureFlags[flag] ?? false;
}

// @expect no-shared-state-race
export async function getJwks() {
  if (jwks) return jwks;
  const res = await fetch(`${process.env.AUTH_ISSUER}/.well-known/jwks.json`, { signal: AbortSignal.timeout(5000) });
  jwks = (await res.json()) as { keys: unknown[] };
  return jwks;
}

// @expect no-shared-state-race
export async function ensureIndexes() {
  if (indexesEnsured) return;
  const db = await getDb();
  await db.collection('users').createIndex({ email: 1 }, { unique: true });
  indexesEnsured = true;
}

// @expect no-shared-state-race
export async function rateFor(currency: string) {
  if (!exchangeRates.has(currency)) {
    const res = await fetch(`https://api.exchangerate.host/latest?base=USD&symbols=${currency}`, { signal: AbortSignal.timeout(4000) });
    const body = (await res.json()) as { rates: Record<string, number> };
    exchangeRates.set(currency, body.rates[currency]);
  }
  return exchangeRates.get(currency)!;
}

// @expect none
export function rateForDeduplicated(currency: string) {
  let pending = ratePromises.get(currency);
  if (!pending) {
    pending = fetch(`https://api.exchangerate.host/latest?base=USD&symbols=${currency}`, { signal: AbortSignal.timeout(4000) })
      .then((r) => r.json() as Promise<{ rates: Record<string, number> }>)
      .then((b) => b.rates[currency]);
    ratePromises.set(currency, pending);
  }
  return pending;
}

// @expect no-shared-state-race
export async function appSettings() {
  if (Date.now() - settingsCache.loadedAt > 30_000) {
    const rows = await prisma.setting.findMany();
    settingsCache.value = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    settingsCache.loadedAt = Date.now();
  }
  return settingsCache.value!;
}

// @expect none
export async function getServiceToken() {
  return tokenMutex.runExclusive(async () => {
    if (!serviceToken || serviceToken.expiresAt < Date.now()) {
      const res = await fetch(`${process.env.AUTH_ISSUER}/oauth/token`, { method: 'POST', signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { access_token: string; expires_in: number };
      serviceToken = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    }
    return serviceToken.value;
  });
}

// @expect none
export function getS3() {
  if (!s3) s3 = new S3Client({ region: process.env.AWS_REGION });
  return s3;
}

// @expect none
export async function countUsers() {
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await prisma.user.findMany({ take: 500, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}) });
    total += page.length;
    cursor = page.at(-1)?.id;
  } while (cursor);
  return total;
}

// @expect none
export async function closeAll() {
  if (mongo) {
    await mongo.close();
    mongo = null;
  }
  if (browser) {
    await browser.close();
    browser = undefined;
  }
}
