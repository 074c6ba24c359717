/**
 * The shared analysis, one data layer at a time: what each call is, in which
 * order, inside which transaction, with which guards. Expected timelines are
 * written from each library's documented behaviour.
 */
import type { FileAnalysis } from '../../src/analysis/index.js';

import { analyse, timeline } from './helpers.js';

describe('database call classification and effect timelines', () => {
  it('Prisma: reads, writes, atomic operators, upsert, skipDuplicates, conditional filters', () => {
    const code = `
      import { PrismaClient } from '@prisma/client';
      const prisma = new PrismaClient();
      async function f(id: string) {
        const u = await prisma.user.findUnique({ where: { id } });
        await prisma.user.update({ where: { id }, data: { n: { increment: 1 } } });
        await prisma.user.upsert({ where: { id }, create: { id }, update: {} });
        await prisma.tag.createMany({ data: [], skipDuplicates: true });
        await prisma.user.updateMany({ where: { id, version: u.version }, data: { name: 'x' } });
        await prisma.user.delete({ where: { id } });
      }`;
    expect(analyse(code, timeline)).toEqual([
      'f: 0 db prisma read user',
      'f: 1 db prisma update user [atomic]',
      'f: 2 db prisma upsert user [conflict-safe]',
      'f: 3 db prisma create tag [conflict-safe]',
      'f: 4 db prisma update user [conditional]',
      'f: 5 db prisma delete user',
    ]);
  });

  it('Prisma: interactive transactions are inlined with their isolation level; batch elements are in the batch', () => {
    const code = `
      import { PrismaClient, Prisma } from '@prisma/client';
      const prisma = new PrismaClient();
      async function f(id: string) {
        await prisma.$transaction(async (tx) => {
          await tx.account.findUnique({ where: { id } });
          await tx.account.update({ where: { id }, data: { n: 1 } });
        }, { isolationLevel: Prisma.TransactionIsolationLevel.Serializable });
        await prisma.$transaction([prisma.a.create({ data: {} }), prisma.b.create({ data: {} })]);
      }`;
    expect(analyse(code, timeline)).toEqual([
      'f: 0 db prisma read account [tx-client, in callback tx (serializable)]',
      'f: 1 db prisma update account [tx-client, in callback tx (serializable)]',
      'f: 2 db prisma transaction ?',
      'f: 3 db prisma create a [in batch tx (default)]',
      'f: 4 db prisma create b [in batch tx (default)]',
      'f: 5 db prisma transaction ?',
    ]);
  });

  it('recognises the article\'s name-only client by the Prisma call shape', () => {
    const code = `
      async function syncCandidate(candidateId: string, updates: any) {
        const existing = await db.candidates.findUnique({ where: { id: candidateId } });
        await db.candidates.update({ where: { id: candidateId }, data: { ...existing, ...updates } });
      }`;
    expect(analyse(code, timeline)).toEqual(['syncCandidate: 0 db prisma read candidate', 'syncCandidate: 1 db prisma update candidate']);
  });

  it('does not take a Map, a Set or an in-house service for a database', () => {
    const code = `
      const cache = new Map<string, number>();
      async function f(id: string, userService: UserService) {
        cache.get(id);
        cache.set(id, 1);
        cache.delete(id);
        await userService.update(id, {});
        await service.findOne(id);
        await this.http.delete('/x');
      }`;
    expect(analyse(code, timeline)).toEqual([]);
  });

  it('does not take a built-in collection for a client, whatever its name', () => {
    const code = `
      const db = new Map<string, number>();
      class Sessions {
        redis = new Set<string>();
        kv = new Map<string, string>();
        async f(id: string) {
          db.get(id);
          db.set(id, 1);
          this.redis.add(id);
          this.redis.delete(id);
          this.kv.set(id, 'x');
          this.kv.get(id);
        }
      }`;
    expect(analyse(code, timeline)).toEqual([]);
  });

  it('Drizzle: builder chains are one effect each; for update locks; sql expressions are atomic; onConflict is safe', () => {
    const code = `
      import { drizzle } from 'drizzle-orm/node-postgres';
      import { eq, sql } from 'drizzle-orm';
      import { accounts } from './schema';
      const db = drizzle(process.env.DATABASE_URL!);
      async function f(id: string) {
        await db.transaction(async (tx) => {
          await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
          await tx.update(accounts).set({ n: sql\`\${accounts.n} + 1\` }).where(eq(accounts.id, id));
        }, { isolationLevel: 'serializable' });
        await db.insert(accounts).values({ id }).onConflictDoNothing();
        await db.query.accounts.findFirst({ where: eq(accounts.id, id) });
      }`;
    expect(analyse(code, timeline)).toEqual([
      'f: 0 db drizzle read account [lock, tx-client, in callback tx (serializable)]',
      'f: 1 db drizzle update account [atomic, tx-client, in callback tx (serializable)]',
      'f: 2 db drizzle transaction ?',
      'f: 3 db drizzle upsert account [conflict-safe]',
      'f: 4 db drizzle read account',
    ]);
  });

  it('Knex and Kysely: table, lock, increment, onConflict, isolation via setIsolationLevel', () => {
    const code = `
      import knex from 'knex';
      import { Kysely } from 'kysely';
      const k = knex({ client: 'pg' });
      const db = new Kysely<DB>({ dialect });
      async function f(id: string) {
        await k('users').where({ id }).forUpdate().first();
        await k('users').where({ id }).increment('n', 1);
        await k('users').insert({ id }).onConflict('id').ignore();
        await db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
          await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        });
      }`;
    expect(analyse(code, timeline)).toEqual([
      'f: 0 db knex read user [lock]',
      'f: 1 db knex update user [atomic]',
      'f: 2 db knex upsert user [conflict-safe]',
      'f: 3 db kysely read user [lock, tx-client, in callback tx (serializable)]',
      'f: 4 db kysely transaction ?',
    ]);
  });

  it('raw SQL: statement kinds, FOR UPDATE, SET x = x + 1, ON CONFLICT, and a manual BEGIN … COMMIT scope', () => {
    const code = `
      import { Pool } from 'pg';
      const pool = new Pool();
      async function f(id: string) {
        const client = await pool.connect();
        await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        await client.query('SELECT * FROM accounts WHERE id = $1 FOR UPDATE', [id]);
        await client.query('UPDATE accounts SET n = n + 1 WHERE id = $1', [id]);
        await client.query('COMMIT');
        await pool.query('INSERT INTO tags (name) VALUES ($1) ON CONFLICT DO NOTHING', [id]);
      }`;
    expect(analyse(code, timeline)).toEqual([
      'f: 0 db sql transaction ?',
      'f: 1 db sql read account [lock, in manual tx (serializable)]',
      'f: 2 db sql update account [atomic, in manual tx (serializable)]',
      'f: 3 db sql commit ?',
      'f: 4 db sql upsert tag [atomic, conflict-safe]',
    ]);
  });

  it('Mongoose and Sequelize: model statics, $inc, upsert, sessions and transactions, instance save', () => {
    const code = `
      import mongoose from 'mongoose';
      import { Model, Sequelize } from 'sequelize';
      const Account = mongoose.model('Account', schema);
      class Order extends Model {}
      const sequelize = new Sequelize('');
      async function f(id: string, session: any) {
        const a = await Account.findById(id);
        await Account.updateOne({ _id: id }, { $inc: { n: 1 } });
        await Account.findOneAndUpdate({ _id: id }, { $set: { x: 1 } }, { upsert: true, session });
        a.n = 2;
        await a.save();
        await sequelize.transaction(async (t) => {
          await Order.findByPk(id, { lock: t.LOCK.UPDATE, transaction: t });
          await Order.update({ n: 1 }, { where: { id }, transaction: t });
        });
      }`;
    expect(analyse(code, timeline)).toEqual([
      'f: 0 db mongoose read account',
      'f: 1 db mongoose update account [atomic]',
      'f: 2 db mongoose upsert account [conflict-safe, passes-tx, in manual tx (default)]',
      'f: 3 db mongoose update account',
      'f: 4 db sequelize read order [lock, passes-tx, in callback tx (default)]',
      'f: 5 db sequelize update order [passes-tx, in callback tx (default)]',
      'f: 6 db sequelize transaction ?',
    ]);
  });

  it('Redis: GET/SET, NX, INCR, WATCH as a lock', () => {
    const code = `
      import Redis from 'ioredis';
      const redis = new Redis();
      async function f(key: string) {
        await redis.get(key);
        await redis.set(key, '1', 'NX');
        await redis.incr(key);
        await redis.watch(key);
        await redis.set(key, '2');
      }`;
    expect(analyse(code, timeline)).toEqual([
      'f: 0 db redis read ?',
      'f: 1 db redis upsert ? [atomic, conflict-safe]',
      'f: 2 db redis update ? [atomic]',
      'f: 3 db redis lock ?',
      'f: 4 db redis update ? [locked]',
    ]);
  });

  it('TypeORM through NestJS injection, with a pessimistic lock in a transaction', () => {
    const code = `
      import { InjectRepository } from '@nestjs/typeorm';
      import { Repository, DataSource } from 'typeorm';
      class S {
        constructor(@InjectRepository(Wallet) private readonly wallets: Repository<Wallet>, private readonly dataSource: DataSource) {}
        async credit(id: string) {
          await this.dataSource.transaction(async (manager) => {
            await manager.findOne(Wallet, { where: { id }, lock: { mode: 'pessimistic_write' } });
            await manager.increment(Wallet, { id }, 'balance', 1);
          });
          await this.wallets.findOneBy({ id });
        }
      }`;
    expect(analyse(code, timeline)).toEqual([
      'credit: 0 db typeorm read wallet [lock, tx-client, in callback tx (default)]',
      'credit: 1 db typeorm update wallet [atomic, tx-client, in callback tx (default)]',
      'credit: 2 db typeorm transaction ?',
      'credit: 3 db typeorm read wallet',
    ]);
  });

  it('summarises same-file helpers: a getter that wraps findUnique is a read, a saver is a write', () => {
    const code = `
      import { PrismaClient } from '@prisma/client';
      const prisma = new PrismaClient();
      function getCandidate(id: string) {
        return prisma.candidate.findUnique({ where: { id } });
      }
      async function saveCandidate(id: string, data: any) {
        await prisma.candidate.update({ where: { id }, data });
      }
      async function sync(id: string) {
        const c = await getCandidate(id);
        await saveCandidate(id, { ...c });
      }`;
    const lines = analyse(code, timeline);
    expect(lines).toContain('sync: 0 db prisma read candidate [via getCandidate]');
    expect(lines).toContain('sync: 1 db prisma update candidate [via saveCandidate]');
  });

  it('takes the project\'s own clients, wrappers, locks and transaction helpers from settings', () => {
    const code = `
      async function f(id: string) {
        await withSerializable(async () => {
          const row = await store.items.findFirst({ where: { id } });
          await saveItem(id, row);
        });
      }`;
    const settings = { prodguard: { clients: { store: 'prisma' }, wrappers: { saveItem: 'write' }, transactions: { withSerializable: 'serializable' } } };
    expect(analyse(code, timeline, settings)).toEqual([
      'f: 0 db prisma read item [in callback tx (serializable)]',
      'f: 1 db sql update ? [via saveItem, in callback tx (serializable)]',
    ]);
  });

  it('keeps the effects of a transaction helper\'s other callback: it runs on its own, not in the transaction', () => {
    const code = `
      async function f(id: string) {
        await withSerializable(
          async () => { await store.items.update({ where: { id }, data: {} }); },
          async () => { await store.audits.create({ data: { id } }); },
        );
      }`;
    const settings = { prodguard: { clients: { store: 'prisma' }, transactions: { withSerializable: 'serializable' } } };
    expect(analyse(code, timeline, settings)).toEqual(['f: 0 db prisma update item [in callback tx (serializable)]', '<anonymous>: 0 db prisma create audit']);
  });

  it('marks sites inside a lock helper\'s callback as locked', () => {
    const code = `
      import { PrismaClient } from '@prisma/client';
      const prisma = new PrismaClient();
      async function f(id: string) {
        await mutex.runExclusive(async () => {
          await prisma.user.findUnique({ where: { id } });
        });
      }`;
    expect(analyse(code, timeline)).toEqual(['f: 0 db prisma read user [locked]']);
  });
});

describe('clients carried on other objects', () => {
  it('finds a client on a request or tRPC context by its conventional name', () => {
    const code = `
      export const handler = async ({ ctx, input }: any) => {
        await ctx.prisma.project.findUnique({ where: { id: input.id } });
        await req.db.user.update({ where: { id: 1 }, data: {} });
        await ctx.user.update({ name: 'x' });
      };`;
    expect(analyse(code, timeline)).toEqual(['handler: 0 db prisma read project', 'handler: 1 db prisma update user']);
  });

  it('names such a call by the whole path to the client, as messages print it', () => {
    const code = `
      export const handler = async ({ ctx, input }: any) => {
        await ctx.prisma.project.findUnique({ where: { id: input.id } });
        await req.db.$queryRaw\`SELECT * FROM users WHERE id = \${input.id}\`;
      };`;
    const labels = (a: FileAnalysis) => a.models().flatMap((m) => m.sites.map((s) => (s.effect.kind === 'db' ? s.effect.label : '')));
    expect(analyse(code, labels)).toEqual(['ctx.prisma.project.findUnique', 'req.db.$queryRaw`SELECT * FROM users WHERE id = $1`']);
    const inClass = `
      class Jobs {
        async run(id: string) {
          await this.deps.redis.get(id);
        }
      }`;
    expect(analyse(inClass, labels)).toEqual(['this.deps.redis.get']);
  });
});

describe('project modules and documents built in memory', () => {
  it('reads a client imported from the project\'s own prisma module by its name and call shape', () => {
    const code = `
      import { prisma } from '@/lib/prisma';
      export async function f(id: string) {
        await prisma.user.findUnique({ where: { id } });
      }`;
    expect(analyse(code, timeline)).toEqual(['f: 0 db prisma read user']);
  });

  it('takes getRepository on a project data source for a repository', () => {
    const code = `
      import { AppDataSource } from './data-source';
      const accounts = AppDataSource.getRepository(Account);
      export async function f(id: string) {
        await accounts.findOneBy({ id });
      }`;
    expect(analyse(code, timeline)).toEqual(['f: 0 db typeorm read account']);
  });

  it('takes save() of a Mongoose document built with new for an insert', () => {
    const code = `
      import mongoose from 'mongoose';
      const User = mongoose.model('User', schema);
      export async function f(body: unknown) {
        await new User(body).save();
        const other = new User({ name: 'x' });
        await other.save();
      }`;
    expect(analyse(code, timeline)).toEqual(['f: 0 db mongoose create user', 'f: 1 db mongoose create user']);
  });
});
