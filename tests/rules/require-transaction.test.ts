import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/require-transaction.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

// The remedy each message names, per data layer of the second write.
const FIX = {
  prisma: 'wrap them in `prisma.$transaction(async (tx) => …)` or pass both to `prisma.$transaction([...])`',
  drizzle: 'wrap them in `db.transaction(async (tx) => …)` and use `tx` for both',
  typeorm: 'wrap them in `dataSource.transaction(async (manager) => …)` and use `manager` for both',
  sequelize: 'wrap them in `sequelize.transaction(async (t) => …)` and pass `{ transaction: t }` to both',
  mongoose: 'run them in `session.withTransaction(…)` and pass `{ session }` to both',
  knex: 'wrap them in `knex.transaction(async (trx) => …)` and use `trx` for both',
  kysely: 'wrap them in `db.transaction().execute(async (trx) => …)` and use `trx` for both',
  mikroOrm: 'persist both and `flush()` once, or wrap them in `em.transactional(…)`',
  sql: 'run them between `BEGIN` and `COMMIT` on one client (`const client = await pool.connect()`)',
};

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('require-transaction', rule as never, {
  valid: [
    {
      name: 'a client component: its writes go through an API, never straight to a database',
      filename: 'app/todos/todo-list.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      code: `'use client';
import { db } from '@/lib/db';
export function TodoList() {
  async function complete(id: string) {
    await db.todo.update({ where: { id }, data: { done: true } });
    await db.auditLog.create({ data: { todoId: id, action: 'complete' } });
  }
  return <button onClick={() => complete('1')}>Done</button>;
}`,
    },
    {
      name: 'prisma: interactive transaction, both writes through tx',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string, items: { sku: string; qty: number }[]) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId } });
    await tx.orderItem.createMany({ data: items.map((i) => ({ ...i, orderId: order.id })) });
    return order;
  });
}`,
    },
    {
      name: 'prisma: a helper that takes the caller\'s transaction client',
      code: `import { Prisma } from '@prisma/client';
export async function moveCollection(tx: Prisma.TransactionClient, collection: { id: string; teamId: string; orderIndex: number }, parentId: string) {
  await tx.teamCollection.updateMany({ where: { teamId: collection.teamId, orderIndex: { gt: collection.orderIndex } }, data: { orderIndex: { decrement: 1 } } });
  await tx.teamCollection.update({ where: { id: collection.id }, data: { parentId } });
}`,
    },
    {
      name: 'knex: a helper that takes a Knex.Transaction',
      code: `import type { Knex } from 'knex';
export async function placeOrder(db: Knex.Transaction, userId: string, sku: string) {
  const [order] = await db('orders').insert({ user_id: userId }).returning('*');
  await db('order_items').insert({ order_id: order.id, sku });
}`,
    },
    {
      name: 'drizzle: a helper that takes a PgTransaction',
      code: `import type { PgTransaction } from 'drizzle-orm/pg-core';
import { orders, orderItems } from './schema';
export async function placeOrder(db: PgTransaction<any, any, any>, userId: string, sku: string) {
  const [order] = await db.insert(orders).values({ userId }).returning();
  await db.insert(orderItems).values({ sku, orderId: order.id });
}`,
    },
    {
      name: 'prisma: a task marked pending, its work awaited, then marked completed (a checkpoint)',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function runTask<T>(jobId: string, key: string, callback: () => Promise<T>): Promise<T> {
  const task = await prisma.backgroundJobTask.create({ data: { id: key, jobId, status: 'PENDING' } });
  const result = await callback();
  await prisma.backgroundJobTask.update({ where: { id: task.id }, data: { status: 'COMPLETED', result } });
  return result;
}`,
    },
    {
      name: 'prisma: a partner made sure of (update: {}), then its enrollment upserted: a re-run finishes it',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function importPartner(programId: string, email: string, name: string) {
  const partner = await prisma.partner.upsert({ where: { email }, create: { email, name }, update: {} });
  await prisma.programEnrollment.upsert({
    where: { partnerId_programId: { partnerId: partner.id, programId } },
    create: { partnerId: partner.id, programId, status: 'approved' },
    update: { status: 'approved' },
  });
}`,
    },
    {
      name: 'prisma: a best-effort clean-up after the change, caught on its own and let go',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function setRole(folderId: string, userId: string, role: string) {
  await prisma.folderUser.upsert({ where: { folderId_userId: { folderId, userId } }, create: { folderId, userId, role }, update: { role } });
  try {
    await prisma.folderAccessRequest.delete({ where: { folderId_userId: { folderId, userId } } });
  } catch (error) {
    console.error('could not delete the access request', error);
  }
  await prisma.auditLog.create({ data: { folderId, userId, action: 'role' } }).catch(() => null);
}`,
    },
    {
      name: 'drizzle: a partner made sure of (onConflictDoNothing), then its enrollment upserted',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { partners, enrollments } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function importPartner(programId: string, email: string, partnerId: string) {
  await db.insert(partners).values({ id: partnerId, email }).onConflictDoNothing();
  await db
    .insert(enrollments)
    .values({ partnerId, programId, status: 'approved' })
    .onConflictDoUpdate({ target: [enrollments.partnerId, enrollments.programId], set: { status: 'approved' } });
}`,
    },
    {
      name: 'knex: a partner made sure of (onConflict().ignore()), then its enrollment merged',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
export async function importPartner(programId: string, email: string, partnerId: string) {
  await knex('partners').insert({ id: partnerId, email }).onConflict('email').ignore();
  await knex('enrollments').insert({ partner_id: partnerId, program_id: programId, status: 'approved' }).onConflict(['partner_id', 'program_id']).merge();
}`,
    },
    {
      name: 'kysely: a partner made sure of (insert ignore), then its enrollment upserted',
      code: `import { Kysely, MysqlDialect } from 'kysely';
import type { DB } from './db';
const db = new Kysely<DB>({ dialect: new MysqlDialect({ pool }) });
export async function importPartner(programId: string, email: string, partnerId: string) {
  await db.insertInto('partners').values({ id: partnerId, email }).ignore().execute();
  await db.insertInto('enrollments').values({ partner_id: partnerId, program_id: programId, status: 'approved' }).onDuplicateKeyUpdate({ status: 'approved' }).execute();
}`,
    },
    {
      name: 'typeorm: a partner made sure of (orIgnore), then its enrollment upserted',
      code: `import { DataSource } from 'typeorm';
import { Partner, Enrollment } from './entities';
const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
export async function importPartner(programId: string, email: string, partnerId: string) {
  await dataSource.createQueryBuilder().insert().into(Partner).values({ id: partnerId, email }).orIgnore().execute();
  await dataSource.createQueryBuilder().insert().into(Enrollment).values({ partnerId, programId, status: 'approved' }).orUpdate(['status'], ['partnerId', 'programId']).execute();
}`,
    },
    {
      name: 'pg: a partner made sure of (ON CONFLICT DO NOTHING), then its enrollment upserted',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function importPartner(programId: string, email: string, partnerId: string) {
  await pool.query('INSERT INTO partners (id, email) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING', [partnerId, email]);
  await pool.query('INSERT INTO enrollments (partner_id, program_id, status) VALUES ($1, $2, $3) ON CONFLICT (partner_id, program_id) DO UPDATE SET status = $3', [partnerId, programId, 'approved']);
}`,
    },
    {
      name: 'sequelize: a partner made sure of (bulkCreate ignoreDuplicates), then its enrollment upserted',
      code: `import { Partner, Enrollment } from '../models';
export async function importPartner(programId: number, email: string, partnerId: number) {
  await Partner.bulkCreate([{ id: partnerId, email }], { ignoreDuplicates: true });
  await Enrollment.upsert({ partnerId, programId, status: 'approved' });
}`,
    },
    {
      name: 'mongoose: a partner made sure of (an upsert that only sets on insert), then its enrollment upserted',
      code: `import mongoose from 'mongoose';
const Partner = mongoose.model('Partner', new mongoose.Schema({ email: String }));
const Enrollment = mongoose.model('Enrollment', new mongoose.Schema({ partnerId: String, programId: String, status: String }));
export async function importPartner(programId: string, email: string, partnerId: string) {
  await Partner.updateOne({ _id: partnerId }, { $setOnInsert: { email } }, { upsert: true });
  await Enrollment.updateOne({ partnerId, programId }, { status: 'approved' }, { upsert: true });
}`,
    },
    {
      name: 'prisma: batch $transaction([...]) of a debit and a credit',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function transfer(fromId: string, toId: string, amount: number) {
  await prisma.$transaction([
    prisma.account.update({ where: { id: fromId }, data: { balance: { decrement: amount } } }),
    prisma.account.update({ where: { id: toId }, data: { balance: { increment: amount } } }),
  ]);
}`,
    },
    {
      name: 'prisma: one nested create writes the order and its items in one statement',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string, items: { sku: string; qty: number }[]) {
  return prisma.order.create({ data: { userId, items: { create: items } } });
}`,
    },
    {
      name: 'prisma: a single createMany is one multi-row statement',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addItems(orderId: string, skus: string[]) {
  await prisma.orderItem.createMany({ data: skus.map((sku) => ({ orderId, sku })) });
}`,
    },
    {
      name: 'prisma: writes in different arms of an if/else, only one runs',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function setPlan(userId: string, plan: 'free' | 'pro') {
  if (plan === 'pro') {
    await prisma.subscription.create({ data: { userId, plan } });
  } else {
    await prisma.subscription.deleteMany({ where: { userId } });
  }
}`,
    },
    {
      name: 'prisma: the second write records a failure in the catch clause',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function capture(paymentId: string) {
  try {
    await prisma.payment.update({ where: { id: paymentId }, data: { status: 'captured' } });
  } catch (error) {
    await prisma.paymentFailure.create({ data: { paymentId, reason: String(error) } });
    throw error;
  }
}`,
    },
    {
      name: 'prisma: two writes that share no value (a page view and an unrelated counter)',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function trackVisit(path: string, referrer: string) {
  await prisma.pageView.create({ data: { path } });
  await prisma.referrerStat.upsert({ where: { host: referrer }, create: { host: referrer, hits: 1 }, update: { hits: { increment: 1 } } });
}`,
    },
    {
      name: 'prisma: the project helper from settings.prodguard.transactions runs its callback in a transaction',
      code: `import { PrismaClient } from '@prisma/client';
import { withTransaction } from './tx';
const prisma = new PrismaClient();
export async function placeOrder(userId: string, sku: string) {
  await withTransaction(async () => {
    const order = await prisma.order.create({ data: { userId } });
    await prisma.orderItem.create({ data: { orderId: order.id, sku } });
  });
}`,
      settings: { prodguard: { transactions: ['withTransaction'] } },
    },
    {
      name: 'settings: a client configured by package name, both writes through trx',
      code: `import { db } from '@acme/database';
export async function placeOrder(userId: string, sku: string) {
  await db.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ user_id: userId }).returning('*');
    await trx('order_items').insert({ order_id: order.id, sku });
  });
}`,
      settings: { prodguard: { clients: { '@acme/database': 'knex' } } },
    },
    {
      name: 'drizzle: db.transaction with tx for both inserts',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { orders, orderItems } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function placeOrder(userId: string, skus: string[]) {
  return db.transaction(async (tx) => {
    const [order] = await tx.insert(orders).values({ userId }).returning();
    await tx.insert(orderItems).values(skus.map((sku) => ({ sku, orderId: order.id })));
    return order;
  });
}`,
    },
    {
      name: 'typeorm: dataSource.transaction with the manager for both saves',
      code: `import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export async function placeOrder(userId: string, sku: string) {
  await dataSource.transaction(async (manager) => {
    const order = await manager.save(Order, { userId });
    await manager.save(OrderItem, { orderId: order.id, sku });
  });
}`,
    },
    {
      name: 'sequelize: managed transaction with { transaction: t } on both',
      code: `import { Sequelize } from 'sequelize';
import { Order, OrderItem } from '../models';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export async function placeOrder(userId: number, sku: string) {
  await sequelize.transaction(async (t) => {
    const order = await Order.create({ userId }, { transaction: t });
    await OrderItem.create({ orderId: order.id, sku }, { transaction: t });
  });
}`,
    },
    {
      name: 'sequelize: unmanaged transaction committed after both writes',
      code: `import { Sequelize } from 'sequelize';
import { Account } from '../models';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export async function transfer(fromId: number, toId: number, amount: number) {
  const t = await sequelize.transaction();
  try {
    await Account.decrement('balance', { by: amount, where: { id: fromId }, transaction: t });
    await Account.increment('balance', { by: amount, where: { id: toId }, transaction: t });
    await t.commit();
  } catch (error) {
    await t.rollback();
    throw error;
  }
}`,
    },
    {
      name: 'mongoose: { session } on both inside session.withTransaction',
      code: `import mongoose from 'mongoose';
const Wallet = mongoose.model('Wallet', new mongoose.Schema({ balance: Number }));
export async function transfer(from: string, to: string, amount: number) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Wallet.updateOne({ _id: from }, { $inc: { balance: -amount } }, { session });
      await Wallet.updateOne({ _id: to }, { $inc: { balance: amount } }, { session });
    });
  } finally {
    await session.endSession();
  }
}`,
    },
    {
      name: 'knex: knex.transaction with trx for both inserts',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
export async function placeOrder(userId: string, sku: string) {
  await knex.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ user_id: userId }).returning('*');
    await trx('order_items').insert({ order_id: order.id, sku });
  });
}`,
    },
    {
      name: 'kysely: db.transaction().execute with trx for both updates',
      code: `import { Kysely, PostgresDialect } from 'kysely';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
export async function transfer(fromId: string, toId: string, amount: number) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set((eb) => ({ balance: eb('balance', '-', amount) })).where('id', '=', fromId).execute();
    await trx.updateTable('accounts').set((eb) => ({ balance: eb('balance', '+', amount) })).where('id', '=', toId).execute();
  });
}`,
    },
    {
      name: 'mikro-orm: persist both entities and flush once',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
export async function placeOrder(em: EntityManager, customerId: string, sku: string) {
  const order = em.create(Order, { customerId });
  em.persist(order);
  em.persist(em.create(OrderItem, { order, sku }));
  await em.flush();
}`,
    },
    {
      name: 'pg: both writes on one client between BEGIN and COMMIT',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function transfer(fromId: string, toId: string, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, fromId]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, toId]);
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
      name: 'postgres.js: both inserts inside sql.begin',
      code: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function placeOrder(userId: string, sku: string) {
  await sql.begin(async (sql) => {
    const [order] = await sql\`insert into orders (user_id) values (\${userId}) returning id\`;
    await sql\`insert into order_items (order_id, sku) values (\${order.id}, \${sku})\`;
  });
}`,
    },
    {
      name: 'redis: two related writes are not database rows (MULTI is their own concern)',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export async function startSession(userId: string, token: string) {
  await redis.set(\`session:\${token}\`, userId, 'EX', 3600);
  await redis.sadd(\`user-sessions:\${userId}\`, token);
}`,
    },
    {
      name: 'look-alike: a Map and a cache named like a client are not the database',
      code: `const seen = new Map<string, number>();
export async function remember(cache: { set(k: string, v: string): Promise<void> }, id: string) {
  seen.delete(id);
  await cache.set(id, 'x');
  seen.set(id, Date.now());
}`,
    },
    {
      name: 'prisma: a read and one write are not two writes',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function rename(userId: string, name: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  await prisma.user.update({ where: { id: user.id }, data: { name } });
}`,
    },
    {
      name: 'prisma: an early return makes the two writes exclusive',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function touchSession(userId: string, now: Date) {
  const existing = await prisma.session.findFirst({ where: { userId } });
  if (existing) {
    await prisma.session.update({ where: { id: existing.id }, data: { lastSeenAt: now } });
    return existing;
  }
  return prisma.session.create({ data: { userId, lastSeenAt: now } });
}`,
    },
    {
      name: 'knex: the second write is a cleanup in finally',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
export async function runImport(jobId: string, rows: { sku: string }[]) {
  await knex('import_jobs').where({ id: jobId }).update({ status: 'running' });
  try {
    await processRows(rows);
  } finally {
    await knex('import_locks').where({ job_id: jobId }).del();
  }
}`,
    },
    {
      name: 'prisma: writes in different switch cases',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function applyEvent(orderId: string, kind: 'paid' | 'refunded') {
  switch (kind) {
    case 'paid':
      await prisma.order.update({ where: { id: orderId }, data: { status: 'paid' } });
      break;
    case 'refunded':
      await prisma.refund.create({ data: { orderId } });
      break;
  }
}`,
    },
    {
      name: 'prisma: a failure record written in a .catch handler',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function capture(paymentId: string) {
  await prisma.payment
    .update({ where: { id: paymentId }, data: { status: 'captured' } })
    .catch((error: unknown) => prisma.paymentFailure.create({ data: { paymentId, reason: String(error) } }));
}`,
    },
    {
      name: 'knex: two inserts into one table sharing a value are a batch in steps, not two halves of a change',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
export async function logLogin(userId: string, ip: string, userAgent: string) {
  await knex('events').insert({ user_id: userId, kind: 'login', detail: ip });
  await knex('events').insert({ user_id: userId, kind: 'user-agent', detail: userAgent });
}`,
    },
  ],
  invalid: [
    {
      name: 'prisma: order then its items using order.id',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string, items: { sku: string; qty: number }[]) {
  const order = await prisma.order.create({ data: { userId } });
  await prisma.orderItem.createMany({ data: items.map((i) => ({ ...i, orderId: order.id })) });
  return order;
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: 'prisma.order.create', second: 'prisma.orderItem.createMany', line: '4', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: a helper that takes the plain client commits each write on its own',
      code: `import { PrismaClient } from '@prisma/client';
export async function moveCollection(db: PrismaClient, collection: { id: string; teamId: string; orderIndex: number }, parentId: string) {
  await db.teamCollection.updateMany({ where: { teamId: collection.teamId, orderIndex: { gt: collection.orderIndex } }, data: { orderIndex: { decrement: 1 } } });
  await db.teamCollection.update({ where: { id: collection.id }, data: { parentId } });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 4,
          column: 9,
          data: { first: 'db.teamCollection.updateMany', second: 'db.teamCollection.update', line: '3', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: a status created then updated with nothing awaited between is one change',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function openTicket(userId: string, subject: string) {
  const ticket = await prisma.ticket.create({ data: { userId, subject, status: 'NEW' } });
  await prisma.ticket.update({ where: { id: ticket.id }, data: { status: 'OPEN', number: ticket.seq } });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: 'prisma.ticket.create', second: 'prisma.ticket.update', line: '4', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: work awaited between two writes that set no status is no checkpoint',
      code: `import { PrismaClient } from '@prisma/client';
import bcrypt from 'bcrypt';
const prisma = new PrismaClient();
export async function signUp(email: string, password: string) {
  const user = await prisma.user.create({ data: { email } });
  const hash = await bcrypt.hash(password, 12);
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: hash } });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 7,
          column: 9,
          data: { first: 'prisma.user.create', second: 'prisma.user.update', line: '5', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: an upsert that overwrites the row is no mere make-sure',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function importPartner(programId: string, email: string, name: string) {
  const partner = await prisma.partner.upsert({ where: { email }, create: { email, name }, update: { name } });
  await prisma.programEnrollment.upsert({
    where: { partnerId_programId: { partnerId: partner.id, programId } },
    create: { partnerId: partner.id, programId },
    update: {},
  });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: 'prisma.partner.upsert', second: 'prisma.programEnrollment.upsert', line: '4', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'sequelize: a bulkCreate that updates on duplicate is no mere make-sure',
      code: `import { Partner, Enrollment } from '../models';
export async function importPartner(programId: number, email: string, partnerId: number) {
  await Partner.bulkCreate([{ id: partnerId, email }], { updateOnDuplicate: ['email'] });
  await Enrollment.upsert({ partnerId, programId, status: 'approved' });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 4,
          column: 9,
          data: { first: 'Partner.bulkCreate', second: 'Enrollment.upsert', line: '3', fix: FIX.sequelize },
        },
      ],
    },
    {
      name: 'mongoose: an upsert that sets fields on an existing row too is no mere make-sure',
      code: `import mongoose from 'mongoose';
const Partner = mongoose.model('Partner', new mongoose.Schema({ email: String }));
const Enrollment = mongoose.model('Enrollment', new mongoose.Schema({ partnerId: String, programId: String, status: String }));
export async function importPartner(programId: string, email: string, partnerId: string) {
  await Partner.updateOne({ _id: partnerId }, { $set: { email } }, { upsert: true });
  await Enrollment.updateOne({ partnerId, programId }, { status: 'approved' }, { upsert: true });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 6,
          column: 9,
          data: { first: 'Partner.updateOne', second: 'Enrollment.updateOne', line: '5', fix: FIX.mongoose },
        },
      ],
    },
    {
      name: 'mongoose: an upsert that spreads other operators beside $setOnInsert is no mere make-sure',
      code: `import mongoose from 'mongoose';
const Partner = mongoose.model('Partner', new mongoose.Schema({ email: String }));
const Enrollment = mongoose.model('Enrollment', new mongoose.Schema({ partnerId: String, programId: String, status: String }));
export async function importPartner(programId: string, email: string, partnerId: string, changes: object) {
  await Partner.updateOne({ _id: partnerId }, { ...changes, $setOnInsert: { email } }, { upsert: true });
  await Enrollment.updateOne({ partnerId, programId }, { status: 'approved' }, { upsert: true });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 6,
          column: 9,
          data: { first: 'Partner.updateOne', second: 'Enrollment.updateOne', line: '5', fix: FIX.mongoose },
        },
      ],
    },
    {
      name: 'pg: an insert that updates on conflict is no mere make-sure',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function importPartner(programId: string, email: string, partnerId: string) {
  await pool.query('INSERT INTO partners (id, email) VALUES ($1, $2) ON CONFLICT (email) DO UPDATE SET email = $2', [partnerId, email]);
  await pool.query('INSERT INTO enrollments (partner_id, program_id, status) VALUES ($1, $2, $3) ON CONFLICT (partner_id, program_id) DO UPDATE SET status = $3', [partnerId, programId, 'approved']);
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: {
            first: 'pool.query("INSERT INTO partners (id, email) VALU...")',
            second: 'pool.query("INSERT INTO enrollments (partner_id, ...")',
            line: '4',
            fix: FIX.sql,
          },
        },
      ],
    },
    {
      name: 'prisma: a make-sure upsert, then a plain create, which a re-run would repeat',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function importSale(email: string, amount: number) {
  const customer = await prisma.customer.upsert({ where: { email }, create: { email }, update: {} });
  await prisma.sale.create({ data: { customerId: customer.id, amount } });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: 'prisma.customer.upsert', second: 'prisma.sale.create', line: '4', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: the second write caught, but the catch ends the request with an error',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string, skus: string[]) {
  const order = await prisma.order.create({ data: { userId } });
  try {
    await prisma.orderItem.createMany({ data: skus.map((sku) => ({ sku, orderId: order.id })) });
  } catch (error) {
    return { ok: false, error: 'could not add the items' };
  }
  return { ok: true };
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 6,
          column: 11,
          data: { first: 'prisma.order.create', second: 'prisma.orderItem.createMany', line: '4', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: both writes in one try whose catch only logs: the first still stands alone',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string, skus: string[]) {
  try {
    const order = await prisma.order.create({ data: { userId } });
    await prisma.orderItem.createMany({ data: skus.map((sku) => ({ sku, orderId: order.id })) });
  } catch (error) {
    console.error(error);
  }
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 6,
          column: 11,
          data: { first: 'prisma.order.create', second: 'prisma.orderItem.createMany', line: '5', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: debit then credit with the same amount',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function transfer(fromId: string, toId: string, amount: number) {
  await prisma.account.update({ where: { id: fromId }, data: { balance: { decrement: amount } } });
  await prisma.account.update({ where: { id: toId }, data: { balance: { increment: amount } } });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: 'prisma.account.update', second: 'prisma.account.update', line: '4', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: Promise.all of a debit and its ledger entry',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function withdraw(accountId: string, amount: number) {
  await Promise.all([
    prisma.account.update({ where: { id: accountId }, data: { balance: { decrement: amount } } }),
    prisma.ledgerEntry.create({ data: { accountId, amount: -amount } }),
  ]);
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 6,
          column: 5,
          data: { first: 'prisma.account.update', second: 'prisma.ledgerEntry.create', line: '5', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: related through a shared parameter (deactivate a user and revoke their sessions)',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function deactivate(userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { active: false } });
  await prisma.session.deleteMany({ where: { userId } });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: 'prisma.user.update', second: 'prisma.session.deleteMany', line: '4', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'drizzle: order returning, then items with order.id',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { orders, orderItems } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function placeOrder(userId: string, skus: string[]) {
  const [order] = await db.insert(orders).values({ userId }).returning();
  await db.insert(orderItems).values(skus.map((sku) => ({ sku, orderId: order.id })));
  return order;
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 6,
          column: 9,
          data: { first: 'db.insert(orders).values(…).returning()', second: 'db.insert(orderItems).values(…)', line: '5', fix: FIX.drizzle },
        },
      ],
    },
    {
      name: 'drizzle: atomic debit and credit with sql templates sharing the amount',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';
import { wallets } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function transfer(fromId: string, toId: string, cents: number) {
  await db.update(wallets).set({ balance: sql\`\${wallets.balance} - \${cents}\` }).where(eq(wallets.id, fromId));
  await db.update(wallets).set({ balance: sql\`\${wallets.balance} + \${cents}\` }).where(eq(wallets.id, toId));
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 7,
          column: 9,
          data: { first: 'db.update(wallets).set(…).where(…)', second: 'db.update(wallets).set(…).where(…)', line: '6', fix: FIX.drizzle },
        },
      ],
    },
    {
      name: 'typeorm: injected repositories save an order, then its items',
      code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orderRepository: Repository<Order>,
    @InjectRepository(OrderItem) private readonly orderItemRepository: Repository<OrderItem>,
  ) {}
  async place(userId: string, lines: { sku: string }[]) {
    const order = await this.orderRepository.save({ userId });
    await this.orderItemRepository.insert(lines.map((l) => ({ ...l, orderId: order.id })));
    return order;
  }
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 12,
          column: 11,
          data: { first: 'this.orderRepository.save', second: 'this.orderItemRepository.insert', line: '11', fix: FIX.typeorm },
        },
      ],
    },
    {
      name: 'sequelize: Order.create then OrderItem.bulkCreate without a transaction',
      code: `import { Order, OrderItem } from '../models';
export async function placeOrder(userId: number, lines: { sku: string }[]) {
  const order = await Order.create({ userId });
  await OrderItem.bulkCreate(lines.map((l) => ({ ...l, orderId: order.id })));
  return order;
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 4,
          column: 9,
          data: { first: 'Order.create', second: 'OrderItem.bulkCreate', line: '3', fix: FIX.sequelize },
        },
      ],
    },
    {
      name: 'sequelize: Promise.all of a decrement and an increment of the same amount',
      code: `import { Sequelize } from 'sequelize';
import { Account } from '../models';
export async function transfer(fromId: number, toId: number, amount: number) {
  await Promise.all([
    Account.decrement('balance', { by: amount, where: { id: fromId } }),
    Account.increment('balance', { by: amount, where: { id: toId } }),
  ]);
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 6,
          column: 5,
          data: { first: 'Account.decrement', second: 'Account.increment', line: '5', fix: FIX.sequelize },
        },
      ],
    },
    {
      name: 'mongoose: debit then credit with $inc and no session',
      code: `import mongoose from 'mongoose';
const Wallet = mongoose.model('Wallet', new mongoose.Schema({ balance: Number }));
export async function transfer(from: string, to: string, amount: number) {
  await Wallet.updateOne({ _id: from }, { $inc: { balance: -amount } });
  await Wallet.updateOne({ _id: to }, { $inc: { balance: amount } });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: 'Wallet.updateOne', second: 'Wallet.updateOne', line: '4', fix: FIX.mongoose },
        },
      ],
    },
    {
      name: 'mongoose: create an order, then push its id onto the user',
      code: `import mongoose from 'mongoose';
const Order = mongoose.model('Order', new mongoose.Schema({ userId: String, total: Number }));
const User = mongoose.model('User', new mongoose.Schema({ orders: [String] }));
export async function placeOrder(userId: string, total: number) {
  const order = await Order.create({ userId, total });
  await User.updateOne({ _id: userId }, { $push: { orders: order._id } });
  return order;
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 6,
          column: 9,
          data: { first: 'Order.create', second: 'User.updateOne', line: '5', fix: FIX.mongoose },
        },
      ],
    },
    {
      name: 'knex: order returning, then items with order.id',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
export async function placeOrder(userId: string, lines: { sku: string }[]) {
  const [order] = await knex('orders').insert({ user_id: userId }).returning('*');
  await knex('order_items').insert(lines.map((l) => ({ ...l, order_id: order.id })));
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: "knex('orders').insert(…).returning('*')", second: "knex('order_items').insert(…)", line: '4', fix: FIX.knex },
        },
      ],
    },
    {
      name: 'kysely: debit then credit of the same amount',
      code: `import { Kysely, PostgresDialect } from 'kysely';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
export async function transfer(fromId: string, toId: string, amount: number) {
  await db.updateTable('accounts').set((eb) => ({ balance: eb('balance', '-', amount) })).where('id', '=', fromId).execute();
  await db.updateTable('accounts').set((eb) => ({ balance: eb('balance', '+', amount) })).where('id', '=', toId).execute();
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: {
            first: "db.updateTable('accounts').set(…).where('id').execute()",
            second: "db.updateTable('accounts').set(…).where('id').execute()",
            line: '4',
            fix: FIX.kysely,
          },
        },
      ],
    },
    {
      name: 'mikro-orm: two flushes, the second entity references the first',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
export async function placeOrder(em: EntityManager, customerId: string, sku: string) {
  const order = em.create(Order, { customerId });
  await em.persistAndFlush(order);
  await em.nativeInsert(OrderItem, { order: order.id, sku });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: 'em.persistAndFlush', second: 'em.nativeInsert', line: '4', fix: FIX.mikroOrm },
        },
      ],
    },
    {
      name: 'pg: debit and credit through pool.query, each on its own connection',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function transfer(fromId: string, toId: string, amount: number) {
  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, fromId]);
  await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, toId]);
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: {
            first: 'pool.query("UPDATE accounts SET balance = balance...")',
            second: 'pool.query("UPDATE accounts SET balance = balance...")',
            line: '4',
            fix: FIX.sql,
          },
        },
      ],
    },
    {
      name: 'mysql2: the item insert uses the order insert id',
      code: `import mysql, { type ResultSetHeader } from 'mysql2/promise';
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
export async function placeOrder(userId: number, sku: string) {
  const [result] = await pool.execute('INSERT INTO orders (user_id) VALUES (?)', [userId]);
  await pool.execute('INSERT INTO order_items (order_id, sku) VALUES (?, ?)', [(result as ResultSetHeader).insertId, sku]);
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: {
            first: 'pool.execute("INSERT INTO orders (user_id) VALUES (?)")',
            second: 'pool.execute("INSERT INTO order_items (order_id, sk...")',
            line: '4',
            fix: FIX.sql,
          },
        },
      ],
    },
    {
      name: 'postgres.js: two tagged inserts outside sql.begin',
      code: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function placeOrder(userId: string, sku: string) {
  const [order] = await sql\`insert into orders (user_id) values (\${userId}) returning id\`;
  await sql\`insert into order_items (order_id, sku) values (\${order.id}, \${sku})\`;
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: {
            first: 'sql`insert into orders (user_id) values (...`',
            second: 'sql`insert into order_items (order_id, sk...`',
            line: '4',
            fix: FIX.sql,
          },
        },
      ],
    },
    {
      name: 'settings: a client configured by package name writes an order, then its items',
      code: `import { db } from '@acme/database';
export async function placeOrder(userId: string, sku: string) {
  const [order] = await db('orders').insert({ user_id: userId }).returning('*');
  await db('order_items').insert({ order_id: order.id, sku });
}`,
      settings: { prodguard: { clients: { '@acme/database': 'knex' } } },
      errors: [
        {
          messageId: 'requireTransaction',
          line: 4,
          column: 9,
          data: { first: "db('orders').insert(…).returning('*')", second: "db('order_items').insert(…)", line: '3', fix: FIX.knex },
        },
      ],
    },
    {
      name: 'prisma: three related writes report the second and the third once each',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function checkout(cartId: string, userId: string) {
  const order = await prisma.order.create({ data: { userId, cartId } });
  await prisma.cartItem.deleteMany({ where: { cartId } });
  await prisma.cart.update({ where: { id: cartId }, data: { orderId: order.id } });
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 5,
          column: 9,
          data: { first: 'prisma.order.create', second: 'prisma.cartItem.deleteMany', line: '4', fix: FIX.prisma },
        },
        {
          messageId: 'requireTransaction',
          line: 6,
          column: 9,
          data: { first: 'prisma.order.create', second: 'prisma.cart.update', line: '4', fix: FIX.prisma },
        },
      ],
    },
    {
      name: 'prisma: a same-file helper writes the order, then the items use its id',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function insertOrder(userId: string) {
  return prisma.order.create({ data: { userId, status: 'pending' } });
}
export async function placeOrder(userId: string, sku: string) {
  const order = await insertOrder(userId);
  await prisma.orderItem.create({ data: { orderId: order.id, sku } });
  return order;
}`,
      errors: [
        {
          messageId: 'requireTransaction',
          line: 8,
          column: 9,
          data: { first: 'insertOrder', second: 'prisma.orderItem.create', line: '7', fix: FIX.prisma },
        },
      ],
    },
  ],
});
