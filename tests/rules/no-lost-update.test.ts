import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/no-lost-update.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

/** The fix each message names for its data layer. */
const FIX = {
  prisma:
    'update atomically (`{ increment: n }`), use `updateMany` with a `version` in `where` and check `count`, or lock the row with `SELECT … FOR UPDATE` inside a transaction',
  drizzle: "update with a `sql` expression, add a version condition to `where`, or read with `.for('update')` inside `db.transaction`",
  typeorm: "use `increment()` or an `update()` whose criteria include the version, or load with `lock: { mode: 'pessimistic_write' }` inside a transaction",
  sequelize: "use `increment()`, enable the model's `version: true`, or load with `lock: t.LOCK.UPDATE` inside a transaction",
  mongoose: "use `updateOne` with `$inc`/`$set` and the expected value in the filter, or enable the schema's `optimisticConcurrency`",
  knex: "use `.increment()` or `knex.raw('col + ?')`, add the version to `.where()`, or read with `.forUpdate()` inside `knex.transaction`",
  mikroOrm: 'add a `@Property({ version: true })`, or load with `lockMode: LockMode.PESSIMISTIC_WRITE` inside `em.transactional`',
  sql: 'compute the value in SQL (`SET col = col + $1`), add `AND version = $n` to the `WHERE`, or `SELECT … FOR UPDATE` inside a transaction',
  redis: 'use `INCR`/`HINCRBY`, a Lua script, or `WATCH` with `MULTI`/`EXEC`',
};

ruleTester.run<MessageId, Options>('no-lost-update', rule as never, {
  valid: [
    {
      name: 'prisma: the write targets a different record than the one read',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function copyPlanFromInviter(inviterId: string, inviteeId: string) {
  const inviter = await prisma.user.findUniqueOrThrow({ where: { id: inviterId } });
  await prisma.user.update({ where: { id: inviteeId }, data: { plan: inviter.plan, seats: inviter.seats + 1 } });
}`,
    },
    {
      name: 'prisma: the last sibling is read to place a different record after it (keys spelled teamID, userUid)',
      code: `import { Prisma } from '@prisma/client';
export async function moveUnder(tx: Prisma.TransactionClient, collection: { id: string; teamID: string; userUid: string }, parentID: string) {
  const last = await tx.teamCollection.findFirst({ where: { teamID: collection.teamID, parentID }, orderBy: { orderIndex: 'desc' } });
  await tx.teamCollection.update({ where: { id: collection.id }, data: { parentID, orderIndex: last ? last.orderIndex + 1 : 1 } });
  const lastOwn = await tx.userCollection.findFirst({ where: { userUid: collection.userUid, parentID }, orderBy: { orderIndex: 'desc' } });
  await tx.userCollection.update({ where: { id: collection.id }, data: { parentID, orderIndex: lastOwn ? lastOwn.orderIndex + 1 : 1 } });
}`,
    },
    {
      name: 'prisma: a loaded field replaced by a fresh value, then written (a session sliding its expiry)',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function refresh(sessionId: string) {
  const session = await prisma.session.findUnique({ where: { id: sessionId } });
  if (!session) return null;
  if (Date.now() >= session.expiresAt.getTime() - 15 * 86_400_000) {
    session.expiresAt = new Date(Date.now() + 30 * 86_400_000);
    await prisma.session.update({ where: { id: session.id }, data: { expiresAt: session.expiresAt } });
  }
  return session;
}`,
    },
    {
      name: 'prisma: a read used only for authorization, then an atomic increment',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function recordView(documentId: string, userId: string) {
  const doc = await prisma.document.findUnique({ where: { id: documentId } });
  if (!doc || doc.ownerId !== userId) throw new Error('forbidden');
  await prisma.document.update({ where: { id: documentId }, data: { views: { increment: 1 } } });
}`,
    },
    {
      name: 'prisma: compare-and-set with the version in the filter and the count checked',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function debit(accountId: string, amount: number) {
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const result = await prisma.account.updateMany({
    where: { id: accountId, version: account.version },
    data: { balance: account.balance - amount, version: { increment: 1 } },
  });
  if (result.count === 0) throw new Error('concurrent update, retry');
}`,
    },
    {
      name: 'prisma: SELECT … FOR UPDATE inside an interactive transaction',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function withdraw(accountId: string, amount: number) {
  await prisma.$transaction(async (tx) => {
    const [account] = await tx.$queryRaw<{ balance: number }[]>\`SELECT balance FROM "Account" WHERE id = \${accountId} FOR UPDATE\`;
    await tx.account.update({ where: { id: accountId }, data: { balance: account.balance - amount } });
  });
}`,
    },
    {
      name: 'prisma: a SERIALIZABLE interactive transaction',
      code: `import { Prisma, PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addPoints(userId: string, points: number) {
  await prisma.$transaction(
    async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
      await tx.user.update({ where: { id: userId }, data: { points: user.points + points, tier: user.points + points > 1000 ? 'gold' : user.tier } });
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
  );
}`,
    },
    {
      name: 'prisma: a validation read, then atomic updates in a batch $transaction([...])',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function transfer(fromId: string, toId: string, amount: number) {
  const from = await prisma.account.findUniqueOrThrow({ where: { id: fromId } });
  if (from.currency !== 'EUR') throw new Error('currency mismatch');
  await prisma.$transaction([
    prisma.account.update({ where: { id: fromId }, data: { balance: { decrement: amount } } }),
    prisma.account.update({ where: { id: toId }, data: { balance: { increment: amount } } }),
  ]);
}`,
    },
    {
      name: 'prisma: upsert with an atomic increment',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function bumpDailyCounter(key: string, day: string) {
  const existing = await prisma.counter.findUnique({ where: { key_day: { key, day } } });
  await prisma.counter.upsert({
    where: { key_day: { key, day } },
    create: { key, day, value: 1 },
    update: { value: { increment: 1 } },
  });
  return existing?.value ?? 0;
}`,
    },
    {
      name: 'prisma: the written values do not come from the read',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function touchLogin(userId: string, ip: string) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) return null;
  await prisma.user.update({ where: { id: userId }, data: { lastLoginAt: new Date(), lastLoginIp: ip } });
  return user;
}`,
    },
    {
      name: 'a mutex around both the read and the write',
      code: `import { Mutex } from 'async-mutex';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const mutex = new Mutex();
export async function appendTag(postId: string, tag: string) {
  await mutex.runExclusive(async () => {
    const post = await prisma.post.findUniqueOrThrow({ where: { id: postId } });
    await prisma.post.update({ where: { id: postId }, data: { tags: [...post.tags, tag] } });
  });
}`,
    },
    {
      name: 'drizzle: .for("update") inside db.transaction',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { products } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function reserve(productId: number, qty: number) {
  await db.transaction(async (tx) => {
    const [product] = await tx.select().from(products).where(eq(products.id, productId)).for('update');
    await tx.update(products).set({ stock: product.stock - qty }).where(eq(products.id, productId));
  });
}`,
    },
    {
      name: 'drizzle: the new value is a sql expression computed by the database',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';
import { products } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function reserve(productId: number, qty: number) {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  if (!product || product.archived) throw new Error('not for sale');
  await db.update(products).set({ stock: sql\`\${products.stock} - \${qty}\` }).where(eq(products.id, productId));
}`,
    },
    {
      name: 'typeorm: pessimistic_write lock inside dataSource.transaction',
      code: `import { DataSource } from 'typeorm';
import { Account } from './account.entity';
export const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
export async function credit(accountId: string, amount: number) {
  await dataSource.transaction(async (manager) => {
    const account = await manager.findOne(Account, { where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
    if (!account) throw new Error('not found');
    account.balance += amount;
    await manager.save(account);
  });
}`,
    },
    {
      name: 'typeorm: query-builder update whose criteria include the version, affected rows checked',
      code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Account } from './account.entity';
@Injectable()
export class AccountService {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}
  async credit(id: string, amount: number) {
    const account = await this.accounts.findOneByOrFail({ id });
    const result = await this.accounts
      .createQueryBuilder()
      .update(Account)
      .set({ balance: account.balance + amount, version: account.version + 1 })
      .where('id = :id AND version = :version', { id, version: account.version })
      .execute();
    if (result.affected === 0) throw new Error('concurrent update, retry');
  }
}`,
    },
    {
      name: 'sequelize: lock: t.LOCK.UPDATE inside sequelize.transaction',
      code: `import { Model, Sequelize } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
class Wallet extends Model {
  declare id: string;
  declare balance: number;
}
export async function topUp(walletId: string, amount: number) {
  await sequelize.transaction(async (t) => {
    const wallet = await Wallet.findByPk(walletId, { lock: t.LOCK.UPDATE, transaction: t });
    if (!wallet) throw new Error('not found');
    wallet.balance = wallet.balance + amount;
    await wallet.save({ transaction: t });
  });
}`,
    },
    {
      name: 'sequelize: increment() after a read for a limit check',
      code: `import { Model } from 'sequelize';
class Coupon extends Model {
  declare id: string;
  declare uses: number;
  declare maxUses: number;
}
export async function redeem(couponId: string) {
  const coupon = await Coupon.findByPk(couponId);
  if (!coupon || coupon.uses >= coupon.maxUses) throw new Error('coupon exhausted');
  await Coupon.increment('uses', { by: 1, where: { id: couponId } });
}`,
    },
    {
      name: 'mongoose: a conditional findOneAndUpdate with $inc after an authorization read',
      code: `import mongoose from 'mongoose';
const Product = mongoose.model('Product', new mongoose.Schema({ stock: Number, sellerId: String }));
export async function sell(productId: string, sellerId: string, qty: number) {
  const product = await Product.findById(productId);
  if (!product || product.sellerId !== sellerId) throw new Error('forbidden');
  const updated = await Product.findOneAndUpdate({ _id: productId, stock: { $gte: qty } }, { $inc: { stock: -qty } }, { new: true });
  if (!updated) throw new Error('out of stock');
}`,
    },
    {
      name: 'knex: .forUpdate() inside knex.transaction',
      code: `import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export async function consume(meterId: string, units: number) {
  await db.transaction(async (trx) => {
    const meter = await trx('meters').where({ id: meterId }).forUpdate().first();
    await trx('meters').where({ id: meterId }).update({ used: meter.used + units });
  });
}`,
    },
    {
      name: 'knex: .increment() after a read',
      code: `import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export async function like(postId: string) {
  const post = await db('posts').where({ id: postId }).first();
  if (!post || post.locked) return;
  await db('posts').where({ id: postId }).increment('likes', 1);
}`,
    },
    {
      name: 'kysely: a SERIALIZABLE transaction',
      code: `import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });
export async function deposit(id: string, amount: number) {
  await db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    const acc = await trx.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await trx.updateTable('accounts').set({ balance: acc.balance + amount }).where('id', '=', id).execute();
  });
}`,
    },
    {
      name: 'kysely: .forUpdate() inside a transaction',
      code: `import { Kysely } from 'kysely';
declare const db: Kysely<any>;
export async function deposit(id: string, amount: number) {
  await db.transaction().execute(async (trx) => {
    const acc = await trx.selectFrom('accounts').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable('accounts').set({ balance: acc.balance + amount }).where('id', '=', id).execute();
  });
}`,
    },
    {
      name: 'mikro-orm: PESSIMISTIC_WRITE inside em.transactional',
      code: `import { EntityManager, LockMode } from '@mikro-orm/core';
import { Item } from './item.entity';
export class InventoryService {
  constructor(private readonly em: EntityManager) {}
  async take(itemId: string, qty: number) {
    await this.em.transactional(async (em) => {
      const item = await em.findOneOrFail(Item, { id: itemId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      item.quantity -= qty;
      await em.flush();
    });
  }
}`,
    },
    {
      name: 'pg: SELECT … FOR UPDATE between BEGIN and COMMIT',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function credit(accountId: string, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT balance FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
    await client.query('UPDATE accounts SET balance = $1 WHERE id = $2', [rows[0].balance + amount, accountId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}`,
    },
    {
      name: 'pg: a single-statement UPDATE … SET balance = balance + $1 after an authorization read',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function credit(accountId: string, userId: string, amount: number) {
  const { rows } = await pool.query('SELECT owner_id FROM accounts WHERE id = $1', [accountId]);
  if (rows[0]?.owner_id !== userId) throw new Error('forbidden');
  await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, accountId]);
}`,
    },
    {
      name: 'postgres.js: compare-and-set with AND version = … and the count checked',
      code: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function rename(docId: string, title: string) {
  const [doc] = await sql\`SELECT title, version FROM documents WHERE id = \${docId}\`;
  const result = await sql\`UPDATE documents SET title = \${title + ' (' + doc.title + ')'}, version = version + 1 WHERE id = \${docId} AND version = \${doc.version}\`;
  if (result.count === 0) throw new Error('concurrent edit');
}`,
    },
    {
      name: 'redis: SET only when GET found nothing, with a value made fresh in between',
      code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL!);
export async function conversationFor(ticketId: string, open: () => Promise<string>) {
  let conversationId = await redis.get(\`ticket:\${ticketId}:conversation\`);
  if (!conversationId) {
    conversationId = await open();
    await redis.set(\`ticket:\${ticketId}:conversation\`, conversationId);
  }
  return conversationId;
}`,
    },
    {
      name: 'redis: GET for a limit check, then INCR',
      code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL!);
export async function hit(userId: string) {
  const current = await redis.get(\`rate:\${userId}\`);
  if (Number(current) >= 100) throw new Error('rate limited');
  await redis.incr(\`rate:\${userId}\`);
}`,
    },
    {
      name: 'redis: GET one key, SET another',
      code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL!);
export async function archiveSession(sessionId: string) {
  const session = await redis.get(\`session:\${sessionId}\`);
  await redis.set(\`archive:\${sessionId}\`, session ?? '', 'EX', 86400);
}`,
    },
    {
      name: 'a Map is not a database',
      code: `const counts = new Map<string, number>();
export function count(key: string) {
  const current = counts.get(key) ?? 0;
  counts.set(key, current + 1);
}`,
    },
    {
      name: 'an object built in the function and saved is not a lost update',
      code: `import { Model } from 'sequelize';
class AuditLog extends Model {}
export async function audit(userId: string, action: string) {
  const entry = AuditLog.build({ userId, action });
  entry.set('at', new Date());
  await entry.save();
}`,
    },
    {
      name: 'mongoose: the schema enables optimisticConcurrency, so a stale save() throws VersionError',
      code: `import mongoose from 'mongoose';
const productSchema = new mongoose.Schema({ stock: Number }, { optimisticConcurrency: true });
const Product = mongoose.model('Product', productSchema);
export async function sell(productId: string, qty: number) {
  const product = await Product.findById(productId);
  if (!product) throw new Error('not found');
  product.stock -= qty;
  await product.save();
}`,
    },
    {
      name: 'sequelize: the model is initialised with version: true, so a stale save() throws OptimisticLockError',
      code: `import { DataTypes, Model, Sequelize } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
class Wallet extends Model {
  declare id: string;
  declare balance: number;
}
Wallet.init({ id: { type: DataTypes.UUID, primaryKey: true }, balance: DataTypes.INTEGER }, { sequelize, version: true });
export async function topUp(walletId: string, amount: number) {
  const wallet = await Wallet.findByPk(walletId);
  if (!wallet) throw new Error('not found');
  wallet.balance = wallet.balance + amount;
  await wallet.save();
}`,
    },
    {
      name: 'pg: a transaction-scoped advisory lock before the read',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function credit(accountId: string, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [accountId]);
    const { rows } = await client.query('SELECT balance FROM accounts WHERE id = $1', [accountId]);
    await client.query('UPDATE accounts SET balance = $1 WHERE id = $2', [rows[0].balance + amount, accountId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}`,
    },
    {
      name: 'pg: BEGIN ISOLATION LEVEL SERIALIZABLE',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function credit(accountId: string, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    const { rows } = await client.query('SELECT balance FROM accounts WHERE id = $1', [accountId]);
    await client.query('UPDATE accounts SET balance = $1 WHERE id = $2', [rows[0].balance + amount, accountId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}`,
    },
    {
      name: 'redlock.using around the read and the write',
      code: `import Redis from 'ioredis';
import Redlock from 'redlock';
const redis = new Redis(process.env.REDIS_URL!);
const redlock = new Redlock([redis]);
export async function addToCart(cartId: string, sku: string) {
  await redlock.using([\`lock:cart:\${cartId}\`], 5000, async () => {
    const raw = await redis.get(\`cart:\${cartId}\`);
    const cart = raw ? JSON.parse(raw) : { items: [] };
    await redis.set(\`cart:\${cartId}\`, JSON.stringify({ items: [...cart.items, sku] }));
  });
}`,
    },
    {
      name: 'prisma: update filtered on updatedAt from the read (compare-and-set on a non-unique field)',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function rename(projectId: string, suffix: string) {
  const project = await prisma.project.findUniqueOrThrow({ where: { id: projectId } });
  const { count } = await prisma.project.updateMany({
    where: { id: projectId, updatedAt: project.updatedAt },
    data: { name: project.name + suffix },
  });
  if (count === 0) throw new Error('edited by someone else, reload');
}`,
    },
    {
      name: 'kysely: the new value is an expression computed by the database',
      code: `import { Kysely } from 'kysely';
declare const db: Kysely<any>;
export async function deposit(id: string, amount: number) {
  const acc = await db.selectFrom('accounts').select(['id', 'frozen']).where('id', '=', id).executeTakeFirstOrThrow();
  if (acc.frozen) throw new Error('frozen');
  await db.updateTable('accounts').set((eb) => ({ balance: eb('balance', '+', amount) })).where('id', '=', id).execute();
}`,
    },
    {
      name: 'settings: a project lock helper registered in settings.prodguard.locks',
      settings: { prodguard: { locks: ['withTenantLock'] } },
      code: `import { PrismaClient } from '@prisma/client';
import { withTenantLock } from './locks';
const prisma = new PrismaClient();
export async function addSeat(tenantId: string) {
  await withTenantLock(tenantId, async () => {
    const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    await prisma.tenant.update({ where: { id: tenantId }, data: { seats: tenant.seats + 1 } });
  });
}`,
    },
    {
      name: 'settings: a project transaction helper registered as serializable',
      settings: { prodguard: { transactions: { inSerializableTx: 'serializable' } } },
      code: `import { inSerializableTx } from './db';
export async function addSeat(tenantId: string) {
  await inSerializableTx(async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    await tx.tenant.update({ where: { id: tenantId }, data: { seats: tenant.seats + 1 } });
  });
}`,
    },
    {
      name: 'drizzle on libSQL: every SQLite transaction is serializable',
      code: `import { drizzle } from 'drizzle-orm/libsql';
import { eq } from 'drizzle-orm';
import { workspaces } from './schema';
const db = drizzle({ connection: { url: process.env.DATABASE_URL! } });
export async function addSeat(workspaceId: number) {
  await db.transaction(async (tx) => {
    const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    await tx.update(workspaces).set({ seats: ws.seats + 1 }).where(eq(workspaces.id, workspaceId));
  });
}`,
    },
    {
      name: 'settings: the client\'s own transaction registered as serializable (the database defaults to it)',
      settings: { prodguard: { transactions: { 'db.transaction': 'serializable' } } },
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { workspaces } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function addSeat(workspaceId: number) {
  await db.transaction(async (tx) => {
    const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    await tx.update(workspaces).set({ seats: ws.seats + 1 }).where(eq(workspaces.id, workspaceId));
  });
}`,
    },
    {
      name: 'sequelize: increment() keyed by the id of the loaded row',
      code: `import { Model } from 'sequelize';
class Member extends Model {
  declare id: string;
  declare points: number;
}
export async function award(memberId: string, points: number) {
  const member = await Member.findByPk(memberId);
  if (!member) throw new Error('not found');
  await Member.increment('points', { by: points, where: { id: member.id } });
}`,
    },
    {
      name: 'prisma: compare-and-set on the value that was read, count checked',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function debit(walletId: string, amount: number) {
  const wallet = await prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
  const res = await prisma.wallet.updateMany({ where: { id: walletId, balance: wallet.balance }, data: { balance: wallet.balance - amount } });
  if (res.count === 0) throw new Error('balance changed, retry');
}`,
    },
    {
      name: 'prisma: a copy of the read record is created, not written back',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function duplicateTemplate(templateId: string) {
  const template = await prisma.template.findUniqueOrThrow({ where: { id: templateId } });
  const { id: _id, ...rest } = template;
  await prisma.template.create({ data: { ...rest, name: rest.name + ' (copy)' } });
}`,
    },
    {
      name: 'a client component runs in the browser, where no database is reached',
      filename: 'app/todos/todo-list.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      code: `'use client';
import { db } from '@/lib/db';
export function TodoList() {
  async function addTag(id: string, tag: string) {
    const todo = await db.todo.findUniqueOrThrow({ where: { id } });
    await db.todo.update({ where: { id }, data: { tags: [...todo.tags, tag] } });
  }
  return <button onClick={() => addTag('1', 'urgent')}>Tag</button>;
}`,
    },
    {
      name: 'a module of React hooks runs in the browser too',
      filename: 'src/hooks/use-todo.ts',
      code: `import { useCallback } from 'react';
import { db } from '../db';
export function useAddTag(id: string) {
  return useCallback(async (tag: string) => {
    const todo = await db.todo.findUniqueOrThrow({ where: { id } });
    await db.todo.update({ where: { id }, data: { tags: [...todo.tags, tag] } });
  }, [id]);
}`,
    },
    {
      name: 'tsx: a server action with an atomic increment beside a component',
      filename: 'app/posts/like-button.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      code: `'use server';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function like(formData: FormData) {
  const id = String(formData.get('id'));
  const post = await prisma.post.findUniqueOrThrow({ where: { id } });
  if (post.locked) return;
  await prisma.post.update({ where: { id }, data: { likes: { increment: 1 } } });
}
export function LikeButton({ id }: { id: string }) {
  return (
    <form action={like}>
      <input type="hidden" name="id" value={id} />
      <button>Like</button>
    </form>
  );
}`,
    },
    {
      name: 'unusual syntax that type-checks or not still lints without a finding',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export default async function* (this: unknown, { ids = [] as string[] } = {}) {
  for await (const id of ids) {
    const row = await prisma?.user?.findUnique?.({ where: { id } });
    yield row?.name ?? (await prisma.user.update({ where: { id: \`archived-\${id}\` }, data: { archived: true } }));
  }
  label: {
    break label;
  }
  return <const>[];
}`,
    },
    {
      name: 'redis: WATCH, GET, then MULTI/EXEC with a retry loop',
      code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL!);
export async function addToCart(cartId: string, sku: string) {
  const key = \`cart:\${cartId}\`;
  for (let attempt = 0; attempt < 5; attempt++) {
    await redis.watch(key);
    const raw = await redis.get(key);
    const cart = raw ? JSON.parse(raw) : { items: [] };
    const result = await redis.multi().set(key, JSON.stringify({ items: [...cart.items, sku] })).exec();
    if (result !== null) return;
  }
  throw new Error('cart busy, retry');
}`,
    },
  ],
  invalid: [
    {
      name: "the article's syncCandidate: a spread of the read written back (name-only client)",
      code: `async function syncCandidate(candidateId: string, updates: Partial<Candidate>) {
  const existing = await db.candidates.findUnique({ where: { id: candidateId } });
  const merged = { ...existing, ...updates, updatedAt: new Date() };
  await db.candidates.update({ where: { id: candidateId }, data: merged });
  await externalApi.updateCandidate(candidateId, merged);
  return merged;
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 4,
          column: 9,
          data: { write: 'db.candidates.update', read: 'db.candidates.findUnique', what: '`candidate`', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: a loaded field reassigned from its own old value, then written',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function pay(walletId: string, amount: number) {
  const wallet = await prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
  wallet.balance = wallet.balance - amount;
  await prisma.wallet.update({ where: { id: walletId }, data: { balance: wallet.balance } });
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 9,
          data: { write: 'prisma.wallet.update', read: 'prisma.wallet.findUniqueOrThrow', what: '`wallet`', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: balance - amount, with a decrement suggestion',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function pay(walletId: string, amount: number) {
  const wallet = await prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
  if (wallet.balance < amount) throw new Error('insufficient funds');
  await prisma.wallet.update({ where: { id: walletId }, data: { balance: wallet.balance - amount } });
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 9,
          data: { write: 'prisma.wallet.update', read: 'prisma.wallet.findUniqueOrThrow', what: '`wallet`', fix: FIX.prisma },
          suggestions: [
            {
              messageId: 'useAtomicIncrement',
              data: { field: 'balance', op: 'decrement', amount: 'amount' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function pay(walletId: string, amount: number) {
  const wallet = await prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
  if (wallet.balance < amount) throw new Error('insufficient funds');
  await prisma.wallet.update({ where: { id: walletId }, data: { balance: { decrement: amount } } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma: views + 1, with an increment suggestion (name-only client, no import)',
      code: `export async function recordView(postId: string) {
  const post = await prisma.post.findUnique({ where: { id: postId } });
  if (!post) return;
  await prisma.post.update({ where: { id: postId }, data: { views: post.views + 1 } });
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 4,
          column: 9,
          data: { write: 'prisma.post.update', read: 'prisma.post.findUnique', what: '`post`', fix: FIX.prisma },
          suggestions: [
            {
              messageId: 'useAtomicIncrement',
              data: { field: 'views', op: 'increment', amount: '1' },
              output: `export async function recordView(postId: string) {
  const post = await prisma.post.findUnique({ where: { id: postId } });
  if (!post) return;
  await prisma.post.update({ where: { id: postId }, data: { views: { increment: 1 } } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma: a default-isolation interactive transaction is not a guard',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addCredits(orgId: string, credits: number) {
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId } });
    return tx.organization.update({ where: { id: orgId }, data: { credits: org.credits + credits } });
  });
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 12,
          data: { write: 'tx.organization.update', read: 'tx.organization.findUniqueOrThrow', what: '`organization`', fix: FIX.prisma },
          suggestions: [
            {
              messageId: 'useAtomicIncrement',
              data: { field: 'credits', op: 'increment', amount: 'credits' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addCredits(orgId: string, credits: number) {
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId } });
    return tx.organization.update({ where: { id: orgId }, data: { credits: { increment: credits } } });
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma: an array rebuilt from the read has no atomic suggestion',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addTag(postId: string, tag: string) {
  const post = await prisma.post.findUniqueOrThrow({ where: { id: postId } });
  await prisma.post.update({ where: { id: postId }, data: { tags: [...post.tags, tag] } });
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 5,
          column: 9,
          data: { write: 'prisma.post.update', read: 'prisma.post.findUniqueOrThrow', what: '`post`', fix: FIX.prisma },
          suggestions: [],
        },
      ],
    },
    {
      name: 'drizzle: a file that also drives PostgreSQL is not SQLite-only, and its default transaction loses updates',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { drizzle as drizzleLite } from 'drizzle-orm/libsql';
import { eq } from 'drizzle-orm';
import { workspaces } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export const cache = drizzleLite({ connection: { url: 'file:cache.db' } });
export async function addSeat(workspaceId: number) {
  await db.transaction(async (tx) => {
    const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    await tx.update(workspaces).set({ seats: ws.seats + 1 }).where(eq(workspaces.id, workspaceId));
  });
}`,
      errors: [{ messageId: 'lostUpdate', line: 10, column: 11 }],
    },
    {
      name: 'prisma: the else arm of \`record && other\` is not where the read found nothing',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function setMode(id: string, accountId: string | null, mode: string) {
  const integration = await prisma.installedIntegration.findUnique({ where: { id } });
  if (integration && accountId === null) {
    await prisma.installedIntegration.delete({ where: { id } });
  } else {
    await prisma.installedIntegration.update({ where: { id }, data: { settings: { ...(integration?.settings as object), mode } } });
  }
}`,
      errors: [{ messageId: 'lostUpdate', line: 8, column: 11 }],
    },
    {
      name: 'prisma: a field copied out of the found row is not whether a row was found',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function grantBonus(id: string) {
  const account = await prisma.account.findUnique({ where: { id } });
  if (!account) throw new Error('not found');
  const grantedAt = account.bonusGrantedAt;
  if (!grantedAt) {
    await prisma.account.update({ where: { id }, data: { balance: account.balance + 100, bonusGrantedAt: new Date() } });
  }
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 8,
          column: 11,
          suggestions: [
            {
              messageId: 'useAtomicIncrement',
              data: { field: 'balance', op: 'increment', amount: '100' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function grantBonus(id: string) {
  const account = await prisma.account.findUnique({ where: { id } });
  if (!account) throw new Error('not found');
  const grantedAt = account.bonusGrantedAt;
  if (!grantedAt) {
    await prisma.account.update({ where: { id }, data: { balance: { increment: 100 }, bonusGrantedAt: new Date() } });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'drizzle: stock - qty computed in JavaScript',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { products } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function reserve(productId: number, qty: number) {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  await db.update(products).set({ stock: product.stock - qty }).where(eq(products.id, productId));
}`,
      errors: [{ messageId: 'lostUpdate', line: 7, column: 9 }],
    },
    {
      name: 'typeorm (NestJS repository): entity changed and saved back',
      code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';
@Injectable()
export class CreditsService {
  constructor(@InjectRepository(User) private repo: Repository<User>) {}
  async grant(userId: string, credits: number) {
    const user = await this.repo.findOneBy({ id: userId });
    if (!user) throw new Error('not found');
    user.credits += credits;
    await this.repo.save(user);
  }
}`,
      errors: [
        {
          messageId: 'lostUpdateInstance',
          line: 12,
          column: 11,
          data: { write: 'this.repo.save', read: 'this.repo.findOneBy', what: '`user`', fix: FIX.typeorm, object: 'user' },
        },
      ],
    },
    {
      name: 'typeorm: a default-isolation transaction without a lock still loses updates',
      code: `import { DataSource } from 'typeorm';
import { Account } from './account.entity';
export const dataSource = new DataSource({ type: 'mysql', url: process.env.DATABASE_URL });
export async function credit(accountId: string, amount: number) {
  await dataSource.transaction(async (manager) => {
    const account = await manager.findOneBy(Account, { id: accountId });
    if (!account) throw new Error('not found');
    account.balance = account.balance + amount;
    await manager.save(account);
  });
}`,
      errors: [{ messageId: 'lostUpdateInstance', line: 9, column: 11 }],
    },
    {
      name: 'sequelize: instance changed from its own value and saved',
      code: `import { Model } from 'sequelize';
class Wallet extends Model {
  declare id: string;
  declare balance: number;
}
export async function topUp(walletId: string, amount: number) {
  const wallet = await Wallet.findByPk(walletId);
  if (!wallet) throw new Error('not found');
  wallet.balance = wallet.balance + amount;
  await wallet.save();
}`,
      errors: [
        {
          messageId: 'lostUpdateInstance',
          line: 10,
          column: 9,
          data: { write: 'wallet.save', read: 'Wallet.findByPk', what: '`wallet`', fix: FIX.sequelize, object: 'wallet' },
        },
      ],
    },
    {
      name: 'mongoose: document changed and saved',
      code: `import mongoose from 'mongoose';
const Product = mongoose.model('Product', new mongoose.Schema({ stock: Number }));
export async function sell(productId: string, qty: number) {
  const product = await Product.findById(productId);
  if (!product) throw new Error('not found');
  product.stock -= qty;
  await product.save();
}`,
      errors: [
        {
          messageId: 'lostUpdateInstance',
          line: 7,
          column: 9,
          data: { write: 'product.save', read: 'Product.findById', what: '`product`', fix: FIX.mongoose, object: 'product' },
        },
      ],
    },
    {
      name: 'mongoose: an array rebuilt from the document and $set back',
      code: `import mongoose from 'mongoose';
const Post = mongoose.model('Post', new mongoose.Schema({ tags: [String] }));
export async function addTag(postId: string, tag: string) {
  const post = await Post.findById(postId).lean();
  if (!post) throw new Error('not found');
  await Post.updateOne({ _id: postId }, { $set: { tags: [...post.tags, tag] } });
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 9,
        },
      ],
    },
    {
      name: 'knex: value + 1 computed in JavaScript',
      code: `import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export async function nextInvoiceNumber(tenantId: string) {
  const counter = await db('invoice_counters').where({ tenant_id: tenantId }).first();
  await db('invoice_counters').where({ tenant_id: tenantId }).update({ value: counter.value + 1 });
  return counter.value + 1;
}`,
      errors: [{ messageId: 'lostUpdate', line: 5, column: 9 }],
    },
    {
      name: 'knex: a default-isolation knex.transaction is not a guard',
      code: `import knex from 'knex';
const db = knex({ client: 'mysql2', connection: process.env.DATABASE_URL });
export async function consume(meterId: string, units: number) {
  await db.transaction(async (trx) => {
    const meter = await trx('meters').where({ id: meterId }).first();
    await trx('meters').where({ id: meterId }).update({ used: meter.used + units });
  });
}`,
      errors: [{ messageId: 'lostUpdate', line: 6, column: 11 }],
    },
    {
      name: 'kysely: balance + amount computed in JavaScript',
      code: `import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });
export async function deposit(id: string, amount: number) {
  const acc = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await db.updateTable('accounts').set({ balance: acc.balance + amount }).where('id', '=', id).execute();
}`,
      errors: [{ messageId: 'lostUpdate', line: 6, column: 9 }],
    },
    {
      name: 'mikro-orm: entity changed from its own value and flushed',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
import { Item } from './item.entity';
export class InventoryService {
  constructor(private readonly em: EntityManager) {}
  async take(itemId: string, qty: number) {
    const item = await this.em.findOneOrFail(Item, { id: itemId });
    item.quantity -= qty;
    await this.em.flush();
  }
}`,
      errors: [{ messageId: 'lostUpdateInstance', line: 8, column: 11, data: { write: 'this.em.flush', read: 'this.em.findOneOrFail', what: '`item`', fix: FIX.mikroOrm, object: 'item' } }],
    },
    {
      name: 'pg: SELECT then UPDATE with a value computed in JavaScript',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function credit(accountId: string, amount: number) {
  const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1', [accountId]);
  await pool.query('UPDATE accounts SET balance = $1 WHERE id = $2', [rows[0].balance + amount, accountId]);
}`,
      errors: [{ messageId: 'lostUpdate', line: 5, column: 9 }],
    },
    {
      name: 'pg: BEGIN … COMMIT at the default isolation level is not a guard',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function credit(accountId: string, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT balance FROM accounts WHERE id = $1', [accountId]);
    await client.query('UPDATE accounts SET balance = $1 WHERE id = $2', [rows[0].balance + amount, accountId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}`,
      errors: [{ messageId: 'lostUpdate', line: 8, column: 11 }],
    },
    {
      name: 'mysql2: SELECT then UPDATE with a value computed in JavaScript',
      code: `import mysql from 'mysql2/promise';
const pool = mysql.createPool(process.env.DATABASE_URL!);
export async function sell(productId: number, qty: number) {
  const [rows] = await pool.execute<any[]>('SELECT stock FROM products WHERE id = ?', [productId]);
  await pool.execute('UPDATE products SET stock = ? WHERE id = ?', [rows[0].stock - qty, productId]);
}`,
      errors: [{ messageId: 'lostUpdate', line: 5, column: 9 }],
    },
    {
      name: 'postgres.js: tagged-template SELECT then UPDATE',
      code: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function credit(accountId: string, amount: number) {
  const [account] = await sql\`SELECT balance FROM accounts WHERE id = \${accountId}\`;
  await sql\`UPDATE accounts SET balance = \${account.balance + amount} WHERE id = \${accountId}\`;
}`,
      errors: [{ messageId: 'lostUpdate', line: 5, column: 9 }],
    },
    {
      name: 'redis: GET then SET of a value computed from it',
      code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL!);
export async function addToCart(cartId: string, sku: string) {
  const raw = await redis.get(\`cart:\${cartId}\`);
  const cart = raw ? JSON.parse(raw) : { items: [] };
  cart.items.push(sku);
  await redis.set(\`cart:\${cartId}\`, JSON.stringify(cart));
}`,
      errors: [{ messageId: 'lostUpdate', line: 7, column: 9 }],
    },
    {
      name: 'typeorm: a @VersionColumn alone does not make save() check it',
      code: `import { Column, Entity, PrimaryGeneratedColumn, VersionColumn, Repository } from 'typeorm';
@Entity()
export class Seat {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() taken!: number;
  @VersionColumn() version!: number;
}
export async function takeSeat(seats: Repository<Seat>, id: string) {
  const seat = await seats.findOneByOrFail({ id });
  seat.taken += 1;
  await seats.save(seat);
}`,
      errors: [{ messageId: 'lostUpdateInstance', line: 11, column: 9 }],
    },
    {
      name: 'sequelize: a managed transaction without a lock is not a guard',
      code: `import { Model, Sequelize } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
class Wallet extends Model {
  declare id: string;
  declare balance: number;
}
export async function topUp(walletId: string, amount: number) {
  await sequelize.transaction(async (t) => {
    const wallet = await Wallet.findByPk(walletId, { transaction: t });
    if (!wallet) throw new Error('not found');
    wallet.balance = wallet.balance + amount;
    await wallet.save({ transaction: t });
  });
}`,
      errors: [{ messageId: 'lostUpdateInstance', line: 12, column: 11 }],
    },
    {
      name: 'mongoose: a session transaction at the default level is not a guard',
      code: `import mongoose from 'mongoose';
const Account = mongoose.model('Account', new mongoose.Schema({ balance: Number }));
export async function credit(accountId: string, amount: number) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    const account = await Account.findById(accountId).session(session);
    if (!account) throw new Error('not found');
    await Account.updateOne({ _id: accountId }, { $set: { balance: account.balance + amount } }, { session });
  });
  await session.endSession();
}`,
      errors: [{ messageId: 'lostUpdate', line: 8, column: 11 }],
    },
    {
      name: 'prisma (NestJS PrismaService): the read sits outside the transaction that writes',
      code: `import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
@Injectable()
export class ProfileService {
  constructor(private readonly prisma: PrismaService) {}
  async merge(userId: string, patch: { bio?: string }) {
    const profile = await this.prisma.profile.findUniqueOrThrow({ where: { userId } });
    await this.prisma.$transaction(async (tx) => {
      await tx.profile.update({ where: { userId }, data: { ...profile, ...patch } });
      await tx.auditLog.create({ data: { userId, action: 'profile.merge' } });
    });
  }
}`,
      errors: [{ messageId: 'lostUpdate', line: 9, column: 13 }],
    },
    {
      name: 'settings: a project client registered by binding name',
      settings: { prodguard: { clients: { store: 'prisma' } } },
      code: `import { store } from '@acme/data';
export async function bump(id: string) {
  const row = await store.counter.findUnique({ where: { id } });
  await store.counter.update({ where: { id }, data: { value: row!.value + 1 } });
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'useAtomicIncrement',
              data: { field: 'value', op: 'increment', amount: '1' },
              output: `import { store } from '@acme/data';
export async function bump(id: string) {
  const row = await store.counter.findUnique({ where: { id } });
  await store.counter.update({ where: { id }, data: { value: { increment: 1 } } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'settings: project read and write wrappers registered in settings.prodguard.wrappers',
      settings: { prodguard: { wrappers: { loadAccount: 'read', saveAccount: 'write' } } },
      code: `import { loadAccount, saveAccount } from './accounts';
export async function credit(id: string, amount: number) {
  const account = await loadAccount(id);
  await saveAccount(id, { balance: account.balance + amount });
}`,
      errors: [{ messageId: 'lostUpdate', line: 4, column: 9, data: { write: 'saveAccount', read: 'loadAccount', what: 'record', fix: FIX.sql } }],
    },
    {
      name: 'prisma: the read goes through a same-file helper',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function getUser(id: string) {
  return prisma.user.findUniqueOrThrow({ where: { id } });
}
export async function addCredit(id: string) {
  const user = await getUser(id);
  await prisma.user.update({ where: { id }, data: { credits: user.credits + 1 } });
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 8,
          column: 9,
          data: { write: 'prisma.user.update', read: 'getUser', what: '`user`', fix: FIX.prisma },
          suggestions: [
            {
              messageId: 'useAtomicIncrement',
              data: { field: 'credits', op: 'increment', amount: '1' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function getUser(id: string) {
  return prisma.user.findUniqueOrThrow({ where: { id } });
}
export async function addCredit(id: string) {
  const user = await getUser(id);
  await prisma.user.update({ where: { id }, data: { credits: { increment: 1 } } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma: a destructured field of the read',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function debit(id: string, amount: number) {
  const { balance } = await prisma.wallet.findUniqueOrThrow({ where: { id } });
  await prisma.wallet.update({ where: { id }, data: { balance: balance - amount } });
}`,
      errors: [{ messageId: 'lostUpdate', line: 5, column: 9 }],
    },
    {
      name: 'prisma: the loaded object changed and written back whole',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function rename(id: string, name: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id } });
  user.name = name;
  await prisma.user.update({ where: { id }, data: user });
}`,
      errors: [{ messageId: 'lostUpdate', line: 6, column: 9 }],
    },
    {
      name: 'prisma: looked up by email, written back by the id taken from the read',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function countLogin(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  await prisma.user.update({ where: { id: user.id }, data: { logins: user.logins + 1 } });
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 5,
          column: 9,
          suggestions: [
            {
              messageId: 'useAtomicIncrement',
              data: { field: 'logins', op: 'increment', amount: '1' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function countLogin(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  await prisma.user.update({ where: { id: user.id }, data: { logins: { increment: 1 } } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a TanStack Start server function beside a component that uses hooks is server code',
      filename: 'src/routes/todos.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      code: `import { useState } from 'react';
import { createServerFn } from '@tanstack/react-start';
import { db } from '../db';
export const addTag = createServerFn({ method: 'POST' }).handler(async ({ data }: { data: { id: string; tag: string } }) => {
  const todo = await db.todo.findUniqueOrThrow({ where: { id: data.id } });
  await db.todo.update({ where: { id: data.id }, data: { tags: [...todo.tags, data.tag] } });
});
export function Todos() {
  const [tag, setTag] = useState('');
  return <input value={tag} onChange={(e) => setTag(e.target.value)} />;
}`,
      errors: [{ messageId: 'lostUpdate', line: 6 }],
    },
    {
      name: 'tsx: a server action that reads and writes back a counter',
      filename: 'app/posts/like-button.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      code: `'use server';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function like(formData: FormData) {
  const id = String(formData.get('id'));
  const post = await prisma.post.findUniqueOrThrow({ where: { id } });
  await prisma.post.update({ where: { id }, data: { likes: post.likes + 1 } });
}
export function LikeButton({ id }: { id: string }) {
  return <form action={like}><input type="hidden" name="id" value={id} /><button>Like</button></form>;
}`,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 7,
          column: 9,
          suggestions: [
            {
              messageId: 'useAtomicIncrement',
              data: { field: 'likes', op: 'increment', amount: '1' },
              output: `'use server';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function like(formData: FormData) {
  const id = String(formData.get('id'));
  const post = await prisma.post.findUniqueOrThrow({ where: { id } });
  await prisma.post.update({ where: { id }, data: { likes: { increment: 1 } } });
}
export function LikeButton({ id }: { id: string }) {
  return <form action={like}><input type="hidden" name="id" value={id} /><button>Like</button></form>;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'pg: FOR UPDATE on the pool, outside any transaction, releases the lock at once',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function credit(accountId: string, amount: number) {
  const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
  await pool.query('UPDATE accounts SET balance = $1 WHERE id = $2', [rows[0].balance + amount, accountId]);
}`,
      errors: [{ messageId: 'lostUpdate', line: 5, column: 9 }],
    },
  ],
});
