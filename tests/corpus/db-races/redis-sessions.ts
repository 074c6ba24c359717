// @corpus-rules no-lost-update, no-check-then-create
// Sessions, carts, rate limits and job claims kept in Redis (ioredis and node-redis).
import Redis from 'ioredis';
import { createClient } from 'redis';
import Redlock from 'redlock';

const redis = new Redis(process.env.REDIS_URL!);
const cache = createClient({ url: process.env.CACHE_URL });
const redlock = new Redlock([redis], { retryCount: 5 });

// @expect no-lost-update
export async function addCartItem(cartId: string, sku: string, qty: number) {
  const raw = await redis.get(`cart:${cartId}`);
  const cart: { items: Record<string, number> } = raw ? JSON.parse(raw) : { items: {} };
  cart.items[sku] = (cart.items[sku] ?? 0) + qty;
  await redis.set(`cart:${cartId}`, JSON.stringify(cart), 'EX', 7 * 86400);
}

// @expect none
export async function addCartItemAtomically(cartId: string, sku: string, qty: number) {
  await redis.hincrby(`cart:${cartId}:items`, sku, qty);
  await redis.expire(`cart:${cartId}:items`, 7 * 86400);
}

// @expect none
export async function addCartItemLocked(cartId: string, sku: string, qty: number) {
  await redlock.using([`lock:cart:${cartId}`], 2000, async () => {
    const raw = await redis.get(`cart:${cartId}`);
    const cart: { items: Record<string, number> } = raw ? JSON.parse(raw) : { items: {} };
    await redis.set(`cart:${cartId}`, JSON.stringify({ items: { ...cart.items, [sku]: (cart.items[sku] ?? 0) + qty } }));
  });
}

// @expect no-lost-update
export async function touchSession(sessionId: string) {
  const raw = await cache.get(`session:${sessionId}`);
  if (!raw) return null;
  const session = JSON.parse(raw);
  const next = { ...session, hits: session.hits + 1, lastSeen: Date.now() };
  await cache.set(`session:${sessionId}`, JSON.stringify(next), { EX: 1800 });
  return next;
}

// @expect none
export async function checkRateLimit(clientId: string) {
  const current = await redis.get(`rl:${clientId}`);
  if (Number(current ?? 0) >= 100) return false;
  const hits = await redis.incr(`rl:${clientId}`);
  if (hits === 1) await redis.expire(`rl:${clientId}`, 60);
  return true;
}

// @expect no-check-then-create
export async function claimWebhook(eventId: string) {
  const seen = await redis.get(`webhook:${eventId}`);
  if (seen) return false;
  await redis.set(`webhook:${eventId}`, '1', 'EX', 86400);
  return true;
}

// @expect none
export async function claimWebhookNx(eventId: string) {
  const ok = await redis.set(`webhook:${eventId}`, '1', 'EX', 86400, 'NX');
  return ok === 'OK';
}

// @expect no-check-then-create
export async function startExport(userId: string, jobId: string) {
  const running = await cache.get(`export:${userId}`);
  if (running) throw new Error(`export ${running} already running`);
  await cache.set(`export:${userId}`, jobId, { EX: 3600 });
}

// @expect none
export async function startExportNx(userId: string, jobId: string) {
  const ok = await cache.set(`export:${userId}`, jobId, { EX: 3600, NX: true });
  if (ok === null) throw new Error('an export is already running');
}

// @expect none
export async function rememberLogin(userId: string, ip: string) {
  const banned = await redis.sismember('banned-ips', ip);
  if (banned) throw new Error('blocked');
  await redis.set(`last-login:${userId}`, ip);
}
