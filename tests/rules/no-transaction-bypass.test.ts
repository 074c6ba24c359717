import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/no-transaction-bypass.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('no-transaction-bypass', rule as never, {
  valid: [
    {
      name: "prisma: every query through tx",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string, sku: string) {
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.findUniqueOrThrow({ where: { sku } });
    const order = await tx.order.create({ data: { userId, total: product.price } });
    await tx.auditLog.create({ data: { action: 'order.created', orderId: order.id } });
    return order;
  });
}`,
    },
    {
      name: "prisma: the batch form takes queries built on the outer client",
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
      name: "prisma: a query after the transaction has committed",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string) {
  const order = await prisma.$transaction(async (tx) => {
    return tx.order.create({ data: { userId } });
  });
  await prisma.auditLog.create({ data: { action: 'order.created', orderId: order.id } });
  return order;
}`,
    },
    {
      name: "prisma: a read before the transaction starts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function rename(id: string, name: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id } });
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { name } });
    await tx.auditLog.create({ data: { action: 'user.renamed', userId: user.id } });
  });
}`,
    },
    {
      name: "prisma: a different data layer (Redis cache) inside the transaction",
      code: `import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';
const prisma = new PrismaClient();
const redis = new Redis();
export async function archive(projectId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.project.update({ where: { id: projectId }, data: { archived: true } });
    await tx.task.updateMany({ where: { projectId }, data: { archived: true } });
  });
  await redis.del(\`project:\${projectId}\`);
}`,
    },
    {
      name: "drizzle: every query through tx",
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { accounts, ledger } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function withdraw(accountId: string, amount: number) {
  await db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for('update');
    await tx.update(accounts).set({ balance: account.balance - amount }).where(eq(accounts.id, accountId));
    await tx.insert(ledger).values({ accountId, amount: -amount });
  });
}`,
    },
    {
      name: "knex: every query through trx",
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
      name: "kysely: every query through trx",
      code: `import { Kysely, PostgresDialect } from 'kysely';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
export async function placeOrder(userId: string, sku: string) {
  await db.transaction().execute(async (trx) => {
    const order = await trx.insertInto('orders').values({ user_id: userId }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('order_items').values({ order_id: order.id, sku }).execute();
  });
}`,
    },
    {
      name: "typeorm: repositories taken from the transaction manager",
      code: `import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export async function placeOrder(userId: string, sku: string) {
  await dataSource.transaction(async (manager) => {
    const orders = manager.getRepository(Order);
    const order = await orders.save({ userId });
    await manager.insert(OrderItem, { orderId: order.id, sku });
  });
}`,
    },
    {
      name: "sequelize: every call passes { transaction: t }",
      code: `import { Sequelize } from 'sequelize';
import { Order, AuditLog } from '../models';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export async function placeOrder(userId: number) {
  await sequelize.transaction(async (t) => {
    const order = await Order.create({ userId }, { transaction: t });
    await AuditLog.create({ action: 'order.created', orderId: order.id }, { transaction: t });
  });
}`,
    },
    {
      name: "sequelize: static increment and decrement pass { transaction: t } in their options",
      code: `import { Sequelize } from 'sequelize';
import { Account } from '../models';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export async function transfer(fromId: number, toId: number, amount: number) {
  await sequelize.transaction(async (t) => {
    await Account.decrement('balance', { by: amount, where: { id: fromId }, transaction: t });
    await Account.increment('balance', { by: amount, where: { id: toId }, transaction: t });
  });
}`,
    },
    {
      name: "sequelize: CLS attaches every query to the transaction",
      code: `import { Sequelize } from 'sequelize';
import { createNamespace } from 'cls-hooked';
import { Order, AuditLog } from '../models';
Sequelize.useCLS(createNamespace('db'));
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export async function placeOrder(userId: number) {
  await sequelize.transaction(async () => {
    const order = await Order.create({ userId });
    await AuditLog.create({ action: 'order.created', orderId: order.id });
  });
}`,
    },
    {
      name: "sequelize: an afterCommit hook is not run in the transaction",
      code: `import { Sequelize } from 'sequelize';
import { Order, Notification } from '../models';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export async function placeOrder(userId: number) {
  await sequelize.transaction(async (t) => {
    const order = await Order.create({ userId }, { transaction: t });
    t.afterCommit(async () => {
      await Notification.create({ userId, text: \`Order \${order.id} placed\` });
    });
  });
}`,
    },
    {
      name: "mongoose: every call passes the session",
      code: `import mongoose from 'mongoose';
const Wallet = mongoose.model('Wallet', new mongoose.Schema({ balance: Number }));
const Transfer = mongoose.model('Transfer', new mongoose.Schema({ from: String, to: String, amount: Number }));
export async function transfer(from: string, to: string, amount: number) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Wallet.updateOne({ _id: from }, { $inc: { balance: -amount } }, { session });
    await Wallet.updateOne({ _id: to }, { $inc: { balance: amount } }).session(session);
    await Transfer.create([{ from, to, amount }], { session });
  });
  await session.endSession();
}`,
    },
    {
      name: "mongoose: transactionAsyncLocalStorage attaches queries to the session",
      code: `import mongoose from 'mongoose';
mongoose.set('transactionAsyncLocalStorage', true);
const Wallet = mongoose.model('Wallet', new mongoose.Schema({ balance: Number }));
export async function transfer(from: string, to: string, amount: number) {
  await mongoose.connection.transaction(async () => {
    await Wallet.updateOne({ _id: from }, { $inc: { balance: -amount } });
    await Wallet.updateOne({ _id: to }, { $inc: { balance: amount } });
  });
}`,
    },
    {
      name: "pg: every statement on the client that began, pool used after COMMIT",
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
  await pool.query('INSERT INTO audit_log (action, account_id) VALUES ($1, $2)', ['transfer', fromId]);
}`,
    },
    {
      name: "mysql2: every statement on the connection that began",
      code: `import mysql from 'mysql2/promise';
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
export async function placeOrder(userId: number, sku: string) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    await conn.execute('INSERT INTO orders (user_id) VALUES (?)', [userId]);
    await conn.execute('INSERT INTO order_items (order_id, sku) VALUES (LAST_INSERT_ID(), ?)', [sku]);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}`,
    },
    {
      name: "postgres.js: the callback parameter shadows the outer sql",
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
      name: "kysely: a second database (analytics warehouse) is not the transaction's client",
      code: `import { Kysely, PostgresDialect } from 'kysely';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
const analytics = new Kysely<any>({ dialect: new PostgresDialect({ pool: warehousePool }) });
export async function placeOrder(userId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values({ user_id: userId }).execute();
    await analytics.insertInto('events').values({ name: 'order_placed', user_id: userId }).execute();
  });
}`,
    },
    {
      name: "prisma: a function defined in the callback and handed to a queue is not run in it",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string, jobs: { push(fn: () => Promise<unknown>): void }) {
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId } });
    jobs.push(() => prisma.notification.create({ data: { userId, orderId: order.id } }));
  });
}`,
    },
    {
      name: "settings: a CLS-style project helper without a client parameter is not checked for Prisma calls",
      code: `import { PrismaClient } from '@prisma/client';
import { runInTransaction } from './db';
const prisma = new PrismaClient();
export async function placeOrder(userId: string) {
  await runInTransaction(async () => {
    const order = await prisma.order.create({ data: { userId } });
    await prisma.auditLog.create({ data: { action: 'order.created', orderId: order.id } });
  });
}`,
      settings: {"prodguard": {"transactions": ["runInTransaction"]}},
    },
    {
      name: "settings: a client configured by package name, every query through trx",
      code: `import { db } from '@acme/database';
export async function placeOrder(userId: string, sku: string) {
  await db.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ user_id: userId }).returning('*');
    await trx('order_items').insert({ order_id: order.id, sku });
  });
}`,
      settings: {"prodguard": {"clients": {"@acme/database": "knex"}}},
    },
    {
      name: "drizzle: a savepoint inside the transaction may use either transaction client",
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { orders, orderEvents } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function placeOrder(userId: string) {
  await db.transaction(async (tx) => {
    const [order] = await tx.insert(orders).values({ userId }).returning();
    await tx.transaction(async (savepoint) => {
      await savepoint.insert(orderEvents).values({ orderId: order.id, kind: 'placed' });
      await tx.insert(orderEvents).values({ orderId: order.id, kind: 'audited' });
    });
  });
}`,
    },
    {
      name: 'sequelize: a repository method hands on the options it received, which may carry the transaction',
      code: `import { Sequelize, type Transaction } from 'sequelize';
import { Order, AuditLog } from '../models';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
async function audit(orderId: number, options: { transaction?: Transaction }) {
  await AuditLog.create({ action: 'order.created', orderId }, options);
}
export async function placeOrder(userId: number) {
  await sequelize.transaction(async (t) => {
    const order = await Order.create({ userId }, { transaction: t });
    await audit(order.id, { transaction: t });
  });
}`,
    },
  ],
  invalid: [
    {
      name: "prisma: outer client inside the interactive transaction",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId } });
    await prisma.auditLog.create({ data: { action: 'order.created', orderId: order.id } });
    return order;
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 6,
          column: 11,
          data: { call: "prisma.auditLog.create", outer: "prisma", tx: "tx", opener: "prisma.$transaction" },
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'tx' }, output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId } });
    await tx.auditLog.create({ data: { action: 'order.created', orderId: order.id } });
    return order;
  });
}` },
          ],
        },
      ],
    },
    {
      name: "prisma: outer read inside the transaction does not see its uncommitted rows",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addMember(teamId: string, userId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.membership.create({ data: { teamId, userId } });
    const count = await prisma.membership.count({ where: { teamId } });
    await tx.team.update({ where: { id: teamId }, data: { memberCount: count } });
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 6,
          column: 25,
          data: { call: "prisma.membership.count", outer: "prisma", tx: "tx", opener: "prisma.$transaction" },
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'tx' }, output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addMember(teamId: string, userId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.membership.create({ data: { teamId, userId } });
    const count = await tx.membership.count({ where: { teamId } });
    await tx.team.update({ where: { id: teamId }, data: { memberCount: count } });
  });
}` },
          ],
        },
      ],
    },
    {
      name: "prisma: this.prisma inside this.prisma.$transaction in a NestJS service",
      code: `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
@Injectable()
export class OrdersService {
  constructor(private readonly prisma: PrismaService) {}
  async cancel(orderId: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
      await this.prisma.reservation.deleteMany({ where: { orderId } });
    });
  }
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 9,
          column: 13,
          data: { call: "this.prisma.reservation.deleteMany", outer: "this.prisma", tx: "tx", opener: "this.prisma.$transaction" },
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'tx' }, output: `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
@Injectable()
export class OrdersService {
  constructor(private readonly prisma: PrismaService) {}
  async cancel(orderId: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
      await tx.reservation.deleteMany({ where: { orderId } });
    });
  }
}` },
          ],
        },
      ],
    },
    {
      name: "prisma: outer client in a map callback run inside the transaction",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function reserve(orderId: string, lines: { sku: string; qty: number }[]) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'reserved' } });
    await Promise.all(lines.map((l) => prisma.stock.update({ where: { sku: l.sku }, data: { qty: { decrement: l.qty } } })));
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 6,
          column: 40,
          data: { call: "prisma.stock.update", outer: "prisma", tx: "tx", opener: "prisma.$transaction" },
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'tx' }, output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function reserve(orderId: string, lines: { sku: string; qty: number }[]) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'reserved' } });
    await Promise.all(lines.map((l) => tx.stock.update({ where: { sku: l.sku }, data: { qty: { decrement: l.qty } } })));
  });
}` },
          ],
        },
      ],
    },
    {
      name: "drizzle: db.insert inside db.transaction",
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { accounts, ledger } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function withdraw(accountId: string, amount: number) {
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ frozen: true }).where(eq(accounts.id, accountId));
    await db.insert(ledger).values({ accountId, amount: -amount });
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 8,
          column: 11,
          data: { call: "db.insert(ledger).values(\u2026)", outer: "db", tx: "tx", opener: "db.transaction" },
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'tx' }, output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { accounts, ledger } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function withdraw(accountId: string, amount: number) {
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ frozen: true }).where(eq(accounts.id, accountId));
    await tx.insert(ledger).values({ accountId, amount: -amount });
  });
}` },
          ],
        },
      ],
    },
    {
      name: "knex: knex(table) inside knex.transaction",
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
export async function placeOrder(userId: string, sku: string) {
  await knex.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ user_id: userId }).returning('*');
    await knex('order_items').insert({ order_id: order.id, sku });
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 6,
          column: 11,
          data: { call: "knex('order_items').insert(\u2026)", outer: "knex", tx: "trx", opener: "knex.transaction" },
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'trx' }, output: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
export async function placeOrder(userId: string, sku: string) {
  await knex.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ user_id: userId }).returning('*');
    await trx('order_items').insert({ order_id: order.id, sku });
  });
}` },
          ],
        },
      ],
    },
    {
      name: "kysely: db inside db.transaction().execute",
      code: `import { Kysely, PostgresDialect } from 'kysely';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
export async function placeOrder(userId: string, sku: string) {
  await db.transaction().execute(async (trx) => {
    const order = await trx.insertInto('orders').values({ user_id: userId }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('order_items').values({ order_id: order.id, sku }).execute();
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 6,
          column: 11,
          data: { call: "db.insertInto('order_items').values(\u2026).execute()", outer: "db", tx: "trx", opener: "db.transaction().execute(\u2026)" },
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'trx' }, output: `import { Kysely, PostgresDialect } from 'kysely';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
export async function placeOrder(userId: string, sku: string) {
  await db.transaction().execute(async (trx) => {
    const order = await trx.insertInto('orders').values({ user_id: userId }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('order_items').values({ order_id: order.id, sku }).execute();
  });
}` },
          ],
        },
      ],
    },
    {
      name: "typeorm: injected repository inside dataSource.transaction",
      code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(AuditLog) private readonly auditLogRepository: Repository<AuditLog>,
  ) {}
  async place(userId: string) {
    await this.dataSource.transaction(async (manager) => {
      const order = await manager.save(Order, { userId });
      await this.auditLogRepository.insert({ action: 'order.created', orderId: order.id });
    });
  }
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 13,
          column: 13,
          data: { call: "this.auditLogRepository.insert", outer: "this.auditLogRepository", tx: "manager", opener: "this.dataSource.transaction" },
          suggestions: [],
        },
      ],
    },
    {
      name: "sequelize: a call without { transaction: t } inside sequelize.transaction",
      code: `import { Sequelize } from 'sequelize';
import { Order, AuditLog } from '../models';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export async function placeOrder(userId: number) {
  await sequelize.transaction(async (t) => {
    const order = await Order.create({ userId }, { transaction: t });
    await AuditLog.create({ action: 'order.created', orderId: order.id });
  });
}`,
      errors: [
        {
          messageId: 'bypassOption',
          line: 7,
          column: 11,
          data: { call: "AuditLog.create", opener: "sequelize.transaction", option: "`{ transaction: t }`" },
          suggestions: [],
        },
      ],
    },
    {
      name: "sequelize: unmanaged transaction, the second write forgets it",
      code: `import { Sequelize } from 'sequelize';
import { Order, Stock } from '../models';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export async function placeOrder(userId: number, sku: string) {
  const t = await sequelize.transaction();
  try {
    await Order.create({ userId, sku }, { transaction: t });
    await Stock.update({ reserved: true }, { where: { sku } });
    await t.commit();
  } catch (error) {
    await t.rollback();
    throw error;
  }
}`,
      errors: [
        {
          messageId: 'bypassOption',
          line: 8,
          column: 11,
          data: { call: "Stock.update", opener: "sequelize.transaction", option: "`{ transaction: t }`" },
          suggestions: [],
        },
      ],
    },
    {
      name: "mongoose: a call without { session } inside session.withTransaction",
      code: `import mongoose from 'mongoose';
const Wallet = mongoose.model('Wallet', new mongoose.Schema({ balance: Number }));
const Transfer = mongoose.model('Transfer', new mongoose.Schema({ from: String, to: String, amount: Number }));
export async function transfer(from: string, to: string, amount: number) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Wallet.updateOne({ _id: from }, { $inc: { balance: -amount } }, { session });
    await Wallet.updateOne({ _id: to }, { $inc: { balance: amount } }, { session });
    await Transfer.create({ from, to, amount });
  });
  await session.endSession();
}`,
      errors: [
        {
          messageId: 'bypassOption',
          line: 9,
          column: 11,
          data: { call: "Transfer.create", opener: "session.withTransaction", option: "`{ session }`" },
          suggestions: [],
        },
      ],
    },
    {
      name: "pg: pool.query between client BEGIN and COMMIT",
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function transfer(fromId: string, toId: string, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, fromId]);
    await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, toId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 8,
          column: 11,
          data: { call: "pool.query(\"UPDATE accounts SET balance = balance...\")", outer: "pool", tx: "client", opener: "client.query(\"BEGIN\")" },
          suggestions: [],
        },
      ],
    },
    {
      name: "mysql2: pool.execute between conn.beginTransaction and commit",
      code: `import mysql from 'mysql2/promise';
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
export async function placeOrder(userId: number, sku: string) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    await conn.execute('INSERT INTO orders (user_id) VALUES (?)', [userId]);
    await pool.execute('UPDATE stock SET reserved = reserved + 1 WHERE sku = ?', [sku]);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 8,
          column: 11,
          data: { call: "pool.execute(\"UPDATE stock SET reserved = reserved ...\")", outer: "pool", tx: "conn", opener: "conn.beginTransaction" },
          suggestions: [],
        },
      ],
    },
    {
      name: "postgres.js: outer sql inside sql.begin with a tx parameter",
      code: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function placeOrder(userId: string, sku: string) {
  await sql.begin(async (tx) => {
    const [order] = await tx\`insert into orders (user_id) values (\${userId}) returning id\`;
    await sql\`insert into order_items (order_id, sku) values (\${order.id}, \${sku})\`;
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 6,
          column: 11,
          data: { call: "sql`insert into order_items (order_id, sk...`", outer: "sql", tx: "tx", opener: "sql.begin" },
          // The tag is the client: \`tx\` tagged onto the same template runs it in the transaction.
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'tx' }, output: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function placeOrder(userId: string, sku: string) {
  await sql.begin(async (tx) => {
    const [order] = await tx\`insert into orders (user_id) values (\${userId}) returning id\`;
    await tx\`insert into order_items (order_id, sku) values (\${order.id}, \${sku})\`;
  });
}` },
          ],
        },
      ],
    },
    {
      name: "settings: the project transaction helper hands its client to the callback, pool bypasses it",
      code: `import { Pool } from 'pg';
import { withTransaction } from './db';
const pool = new Pool();
export async function closeAccount(accountId: string) {
  await withTransaction(async (client) => {
    await client.query('UPDATE accounts SET closed = true WHERE id = $1', [accountId]);
    await pool.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 7,
          column: 11,
          data: { call: "pool.query(\"DELETE FROM sessions WHERE account_id...\")", outer: "pool", tx: "client", opener: "withTransaction" },
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'client' }, output: `import { Pool } from 'pg';
import { withTransaction } from './db';
const pool = new Pool();
export async function closeAccount(accountId: string) {
  await withTransaction(async (client) => {
    await client.query('UPDATE accounts SET closed = true WHERE id = $1', [accountId]);
    await client.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
  });
}` },
          ],
        },
      ],
      settings: {"prodguard": {"transactions": ["withTransaction"]}},
    },
    {
      name: "settings: a client configured by package name, knex used inside its own transaction",
      code: `import { db } from '@acme/database';
export async function placeOrder(userId: string, sku: string) {
  await db.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ user_id: userId }).returning('*');
    await db('order_items').insert({ order_id: order.id, sku });
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 5,
          column: 11,
          data: { call: "db('order_items').insert(\u2026)", outer: "db", tx: "trx", opener: "db.transaction" },
          suggestions: [
            { messageId: 'useTransactionClient', data: { tx: 'trx' }, output: `import { db } from '@acme/database';
export async function placeOrder(userId: string, sku: string) {
  await db.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ user_id: userId }).returning('*');
    await trx('order_items').insert({ order_id: order.id, sku });
  });
}` },
          ],
        },
      ],
      settings: {"prodguard": {"clients": {"@acme/database": "knex"}}},
    },
    {
      name: "mongoose: manual startTransaction, one write forgets the session",
      code: `import mongoose from 'mongoose';
const Wallet = mongoose.model('Wallet', new mongoose.Schema({ balance: Number }));
export async function transfer(from: string, to: string, amount: number) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Wallet.updateOne({ _id: from }, { $inc: { balance: -amount } }, { session });
    await Wallet.updateOne({ _id: to }, { $inc: { balance: amount } });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}`,
      errors: [
        {
          messageId: 'bypassOption',
          line: 8,
          column: 11,
          data: { call: "Wallet.updateOne", opener: "session.startTransaction", option: "`{ session }`" },
          suggestions: [],
        },
      ],
    },
    {
      name: "sequelize: the instance is imported from the models module",
      code: `import { Invoice, InvoiceLine, sequelize } from '../models';
export async function voidInvoice(invoiceId: number) {
  await sequelize.transaction(async (t) => {
    await Invoice.update({ status: 'void' }, { where: { id: invoiceId }, transaction: t });
    await InvoiceLine.destroy({ where: { invoiceId } });
  });
}`,
      errors: [
        {
          messageId: 'bypassOption',
          line: 5,
          column: 11,
          data: { call: "InvoiceLine.destroy", opener: "sequelize.transaction", option: "`{ transaction: t }`" },
          suggestions: [],
        },
      ],
    },
    {
      name: "prisma: a local helper closing over the outer client, called inside the transaction",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string) {
  await prisma.$transaction(async (tx) => {
    const audit = (action: string) => prisma.auditLog.create({ data: { action, userId } });
    await tx.order.create({ data: { userId } });
    await audit('order.created');
  });
}`,
      errors: [
        {
          messageId: 'bypass',
          line: 5,
          column: 39,
          data: { call: 'prisma.auditLog.create', outer: 'prisma', tx: 'tx', opener: 'prisma.$transaction' },
          suggestions: [
            {
              messageId: 'useTransactionClient',
              data: { tx: 'tx' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId: string) {
  await prisma.$transaction(async (tx) => {
    const audit = (action: string) => tx.auditLog.create({ data: { action, userId } });
    await tx.order.create({ data: { userId } });
    await audit('order.created');
  });
}`,
            },
          ],
        },
      ],
    },
  ],
});
