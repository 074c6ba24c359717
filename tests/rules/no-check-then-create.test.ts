import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/no-check-then-create.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

/** The fix each message names for its data layer. */
const FIX = {
  prisma: 'use `upsert` on a unique field, or catch `P2002` from the create',
  sequelize: 'use `findOrCreate`/`upsert` on a unique column, or catch `UniqueConstraintError`',
  mongoose: 'use `findOneAndUpdate(filter, { $setOnInsert: … }, { upsert: true })` on a unique index, or catch error `11000`',
  sql: 'use `INSERT … ON CONFLICT` on a unique column, or catch error `23505`',
  redis: 'use `SET key value NX` (or `SETNX`) so only one request creates it',
};

ruleTester.run<MessageId, Options>('no-check-then-create', rule as never, {
  valid: [
    {
      name: 'a client-side store runs in the browser',
      filename: 'src/stores/tags.ts',
      code: `import { create } from 'zustand';
import { db } from '../db';
export const useTags = create(() => ({
  async ensure(name: string) {
    const existing = await db.tag.findFirst({ where: { name } });
    if (!existing) await db.tag.create({ data: { name } });
  },
}));`,
    },
    {
      name: 'prisma: a list computed from the found record is tested, not whether the read found one',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function useTemplate(token: string) {
  const template = await prisma.template.findFirst({ where: { token }, include: { recipients: true } });
  if (!template) throw new Error('not found');
  const missing = recipientsWithoutSignature(template.recipients);
  if (missing.length > 0) throw new Error('a signer has no signature field');
  return prisma.template.create({ data: { title: template.title, token: crypto.randomUUID() } });
}`,
    },
    {
      name: 'prisma: a field of the found record compared with zero is a limit, not a test of whether it was found',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function renew(userId: string) {
  const current = await prisma.subscription.findFirst({ where: { userId }, orderBy: { endsAt: 'desc' } });
  if (!current) throw new Error('no subscription to renew');
  if (current.remainingRenewals > 0 && current.autoRenew === false) throw new Error('renewal is off');
  return prisma.subscription.create({ data: { userId, endsAt: nextPeriod(current.endsAt) } });
}`,
    },
    {
      name: 'prisma: upsert on a unique field',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function ensureUser(email: string, name: string) {
  return prisma.user.upsert({ where: { email }, create: { email, name }, update: {} });
}`,
    },
    {
      name: 'prisma: the create catches P2002 and returns the winner',
      code: `import { Prisma, PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function ensureUser(email: string, name: string) {
  const existing = await prisma.user.findUnique({ where: { email } });
  if (existing) return existing;
  try {
    return await prisma.user.create({ data: { email, name } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return prisma.user.findUniqueOrThrow({ where: { email } });
    }
    throw error;
  }
}`,
    },
    {
      name: 'prisma: a SERIALIZABLE transaction around the check and the create',
      code: `import { Prisma, PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function claimHandle(userId: string, handle: string) {
  return prisma.$transaction(
    async (tx) => {
      const taken = await tx.handle.findUnique({ where: { handle } });
      if (taken) throw new Error('handle taken');
      return tx.handle.create({ data: { handle, userId } });
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
  );
}`,
    },
    {
      name: 'prisma: a batch $transaction([...]) whose create does not depend on the read',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function recordLogin(userId: string, ip: string) {
  const [previous] = await prisma.$transaction([
    prisma.loginEvent.findFirst({ where: { userId }, orderBy: { at: 'desc' } }),
    prisma.loginEvent.create({ data: { userId, ip } }),
  ]);
  return previous;
}`,
    },
    {
      name: 'prisma: the read checks a different model (the parent exists), the create is of the child',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addComment(postId: string, authorId: string, body: string) {
  const post = await prisma.post.findUnique({ where: { id: postId } });
  if (!post || post.locked) throw new Error('cannot comment');
  return prisma.comment.create({ data: { postId, authorId, body } });
}`,
    },
    {
      name: 'prisma: createMany with skipDuplicates',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function follow(userId: string, targetIds: string[]) {
  const count = await prisma.follow.count({ where: { userId } });
  if (count + targetIds.length > 5000) throw new Error('too many follows');
  await prisma.follow.createMany({ data: targetIds.map((t) => ({ userId, targetId: t })), skipDuplicates: true });
}`,
    },
    {
      name: 'a mutex around the check and the create',
      code: `import { Mutex } from 'async-mutex';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const signupLock = new Mutex();
export async function signup(email: string) {
  return signupLock.runExclusive(async () => {
    const existing = await prisma.user.findUnique({ where: { email } });
    if (existing) throw new Error('email taken');
    return prisma.user.create({ data: { email } });
  });
}`,
    },
    {
      name: 'drizzle: insert … onConflictDoNothing',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function ensureUser(email: string) {
  const [existing] = await db.select().from(users).where(eq(users.email, email));
  if (existing) return existing;
  await db.insert(users).values({ email }).onConflictDoNothing({ target: users.email });
}`,
    },
    {
      name: 'typeorm: repository upsert',
      code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Subscriber } from './subscriber.entity';
@Injectable()
export class NewsletterService {
  constructor(@InjectRepository(Subscriber) private readonly subscribers: Repository<Subscriber>) {}
  async subscribe(email: string) {
    const existing = await this.subscribers.findOneBy({ email });
    if (existing?.confirmed) return existing;
    await this.subscribers.upsert({ email, confirmed: false }, ['email']);
  }
}`,
    },
    {
      name: 'sequelize: an @AfterCreate hook checks for a row keyed on the row its own transaction just created',
      code: `import { AfterCreate, Column, Model, Table } from 'sequelize-typescript';
import type { Transaction } from 'sequelize';
@Table
class Membership extends Model {}
@Table
export class Collection extends Model {
  @Column createdById!: string;
  @AfterCreate
  static async addCreator(model: Collection, options: { transaction: Transaction }) {
    const existing = await Membership.findOne({ where: { collectionId: model.id, userId: model.createdById }, transaction: options.transaction });
    if (!existing) {
      await Membership.create({ collectionId: model.id, userId: model.createdById }, { transaction: options.transaction });
    }
  }
}`,
    },
    {
      name: 'sequelize: an afterCreate hook registered on the model, keyed on the new row',
      code: `import { Model } from 'sequelize';
class Team extends Model {}
class TeamSettings extends Model {}
Team.afterCreate(async (team, options) => {
  const existing = await TeamSettings.findOne({ where: { teamId: team.id }, transaction: options.transaction });
  if (!existing) await TeamSettings.create({ teamId: team.id }, { transaction: options.transaction });
});`,
    },
    {
      name: 'sequelize: afterCreate hooks in the model options and through addHook, keyed on the new row',
      code: `import { DataTypes, Model } from 'sequelize';
class Team extends Model {}
class TeamSettings extends Model {}
class Channel extends Model {}
Team.init({ name: DataTypes.STRING }, {
  sequelize,
  hooks: {
    async afterCreate(team, options) {
      const existing = await TeamSettings.findOne({ where: { teamId: team.id }, transaction: options.transaction });
      if (!existing) await TeamSettings.create({ teamId: team.id }, { transaction: options.transaction });
    },
  },
});
Team.addHook('afterCreate', async (team, options) => {
  const general = await Channel.findOne({ where: { teamId: team.id, name: 'general' }, transaction: options.transaction });
  if (!general) await Channel.create({ teamId: team.id, name: 'general' }, { transaction: options.transaction });
});`,
    },
    {
      name: 'sequelize: findOrCreate',
      code: `import { Model } from 'sequelize';
class Tag extends Model {}
export async function ensureTag(name: string) {
  const [tag] = await Tag.findOrCreate({ where: { name }, defaults: { name } });
  return tag;
}`,
    },
    {
      name: 'sequelize: UniqueConstraintError caught',
      code: `import { Model, UniqueConstraintError } from 'sequelize';
class User extends Model {}
export async function register(email: string) {
  const existing = await User.findOne({ where: { email } });
  if (existing) throw new Error('email taken');
  try {
    return await User.create({ email });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw new Error('email taken');
    throw error;
  }
}`,
    },
    {
      name: 'mongoose: findOneAndUpdate with upsert: true',
      code: `import mongoose from 'mongoose';
const Device = mongoose.model('Device', new mongoose.Schema({ token: { type: String, unique: true }, userId: String }));
export async function registerDevice(token: string, userId: string) {
  return Device.findOneAndUpdate({ token }, { $setOnInsert: { token, userId } }, { upsert: true, new: true });
}`,
    },
    {
      name: 'mongoose: duplicate key 11000 caught',
      code: `import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ email: { type: String, unique: true } }));
export async function register(email: string) {
  const existing = await User.findOne({ email });
  if (existing) throw new Error('email taken');
  try {
    return await User.create({ email });
  } catch (error: any) {
    if (error?.code === 11000) throw new Error('email taken');
    throw error;
  }
}`,
    },
    {
      name: 'knex: insert … onConflict().merge()',
      code: `import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export async function saveSetting(userId: string, key: string, value: string) {
  const row = await db('settings').where({ user_id: userId, key }).first();
  if (row?.value === value) return;
  await db('settings').insert({ user_id: userId, key, value }).onConflict(['user_id', 'key']).merge();
}`,
    },
    {
      name: 'kysely: insert … onConflict doNothing',
      code: `import { Kysely } from 'kysely';
declare const db: Kysely<any>;
export async function ensureTag(name: string) {
  const tag = await db.selectFrom('tags').selectAll().where('name', '=', name).executeTakeFirst();
  if (tag) return tag;
  await db.insertInto('tags').values({ name }).onConflict((oc) => oc.column('name').doNothing()).execute();
}`,
    },
    {
      name: 'mikro-orm: em.upsert',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
import { Author } from './author.entity';
export async function ensureAuthor(em: EntityManager, email: string) {
  const existing = await em.findOne(Author, { email });
  if (existing) return existing;
  return em.upsert(Author, { email });
}`,
    },
    {
      name: 'pg: INSERT … ON CONFLICT DO NOTHING',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function ensureUser(email: string) {
  const { rows } = await pool.query('SELECT id FROM users WHERE email = $1', [email]);
  if (rows.length > 0) return rows[0].id;
  await pool.query('INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO NOTHING', [email]);
}`,
    },
    {
      name: 'pg: unique violation 23505 caught',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function ensureUser(email: string) {
  const { rowCount } = await pool.query('SELECT 1 FROM users WHERE email = $1', [email]);
  if (rowCount) throw new Error('email taken');
  try {
    await pool.query('INSERT INTO users (email) VALUES ($1)', [email]);
  } catch (error: any) {
    if (error.code === '23505') throw new Error('email taken');
    throw error;
  }
}`,
    },
    {
      name: 'redis: SET … NX after a GET',
      code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL!);
export async function claimJob(jobId: string, workerId: string) {
  const owner = await redis.get(\`job:\${jobId}:owner\`);
  if (owner) return owner === workerId;
  const ok = await redis.set(\`job:\${jobId}:owner\`, workerId, 'EX', 60, 'NX');
  return ok === 'OK';
}`,
    },
    {
      name: 'redis: the check and the set touch different keys',
      code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL!);
export async function remember(userId: string, token: string) {
  const banned = await redis.exists(\`banned:\${userId}\`);
  if (banned) throw new Error('banned');
  await redis.set(\`session:\${token}\`, userId, 'EX', 3600);
}`,
    },
    {
      name: 'a Map is not a database',
      code: `const cache = new Map<string, string>();
export function intern(key: string, value: string) {
  if (!cache.has(key)) cache.set(key, value);
  return cache.get(key);
}`,
    },
    {
      name: 'prisma: the create runs regardless of the read',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function logEvent(userId: string, type: string) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  await prisma.event.create({ data: { userId, type, plan: user?.plan ?? 'free' } });
}`,
    },
    {
      name: 'prisma: the read checks a different record of the same model (the inviter), then creates the invitee',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function acceptInvite(inviterId: string, email: string) {
  const inviter = await prisma.user.findUnique({ where: { id: inviterId } });
  if (!inviter) throw new Error('invalid invite');
  return prisma.user.create({ data: { email, invitedById: inviter.id } });
}`,
    },
    {
      name: 'settings: a project lock helper registered in settings.prodguard.locks',
      settings: { prodguard: { locks: ['withSignupLock'] } },
      code: `import { PrismaClient } from '@prisma/client';
import { withSignupLock } from './locks';
const prisma = new PrismaClient();
export async function signup(email: string) {
  return withSignupLock(email, async () => {
    const existing = await prisma.user.findUnique({ where: { email } });
    if (existing) throw new Error('email taken');
    return prisma.user.create({ data: { email } });
  });
}`,
    },
    {
      name: 'pg: the parent row is locked FOR UPDATE in the transaction before the check',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function join(teamId: string, userId: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
    const { rowCount } = await client.query('SELECT 1 FROM memberships WHERE team_id = $1 AND user_id = $2', [teamId, userId]);
    if (!rowCount) {
      await client.query('INSERT INTO memberships (team_id, user_id) VALUES ($1, $2)', [teamId, userId]);
    }
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
      name: 'prisma: the create has a .catch() that handles P2002',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function join(teamId: string, userId: string) {
  const existing = await prisma.membership.findFirst({ where: { teamId, userId } });
  if (existing) return existing;
  return prisma.membership.create({ data: { teamId, userId } }).catch((error) => {
    if (error.code === 'P2002') return prisma.membership.findFirstOrThrow({ where: { teamId, userId } });
    throw error;
  });
}`,
    },
    {
      name: 'prisma: the create runs only when the read found the record (duplicate a template)',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function duplicateTemplate(templateId: string, ownerId: string) {
  const template = await prisma.template.findUnique({ where: { id: templateId } });
  if (!template) throw new Error('not found');
  return prisma.template.create({ data: { name: \`\${template.name} (copy)\`, body: template.body, ownerId } });
}`,
    },
    {
      name: 'redis: the SET runs only when the GET found the key (a refresh, not a create)',
      code: `import { createClient } from 'redis';
const cache = createClient({ url: process.env.CACHE_URL });
export async function extendSession(sessionId: string) {
  const raw = await cache.get(\`session:\${sessionId}\`);
  if (!raw) return null;
  await cache.set(\`session:\${sessionId}\`, raw, { EX: 1800 });
  return JSON.parse(raw);
}`,
    },
    {
      name: 'unusual syntax that type-checks or not still lints without a finding',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export default async function* (this: unknown, { emails = [] as string[] } = {}) {
  for await (const email of emails) {
    const found = await prisma?.user?.findUnique?.({ where: { email } });
    yield found ?? (await prisma.user.upsert({ where: { email }, create: { email }, update: {} }));
  }
  label: {
    break label;
  }
  return <const>[];
}`,
    },
    {
      name: 'pg: an advisory lock keyed by the email, taken in the transaction before the check',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function register(email: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [email]);
    const { rows } = await client.query('SELECT id FROM users WHERE email = $1', [email]);
    if (rows.length === 0) {
      await client.query('INSERT INTO users (email) VALUES ($1)', [email]);
    }
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
      name: 'redis: a cache fill after a miss is not a check-then-create',
      code: `import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
const redis = new Redis(process.env.REDIS_URL!);
const prisma = new PrismaClient();
export async function popularPosts() {
  const cached = await redis.get('posts:popular');
  if (cached) return JSON.parse(cached);
  const posts = await prisma.post.findMany({ orderBy: { views: 'desc' }, take: 10 });
  await redis.set('posts:popular', JSON.stringify(posts), 'EX', 60);
  return posts;
}`,
    },
  ],
  invalid: [
    {
      name: 'sequelize: an @AfterCreate hook whose check is keyed on an existing user only, not on the new row',
      code: `import { AfterCreate, Column, Model, Table } from 'sequelize-typescript';
@Table
class Profile extends Model {}
@Table
export class Account extends Model {
  @Column ownerId!: string;
  @AfterCreate
  static async ensureProfile(model: Account) {
    const existing = await Profile.findOne({ where: { userId: model.ownerId } });
    if (!existing) await Profile.create({ userId: model.ownerId });
  }
}`,
      errors: [{ messageId: 'checkThenCreate', line: 10, data: { create: 'Profile.create', read: 'Profile.findOne', fix: FIX.sequelize } }],
    },
    {
      name: 'name-only client (no import): find by email, return it, else create — with an upsert suggestion',
      code: `async function ensureCandidate(email: string, name: string) {
  const existing = await db.candidates.findUnique({ where: { email } });
  if (existing) return existing;
  return db.candidates.create({ data: { email, name } });
}`,
      errors: [
        {
          messageId: 'checkThenCreate',
          line: 4,
          column: 10,
          data: { create: 'db.candidates.create', read: 'db.candidates.findUnique', fix: FIX.prisma },
          suggestions: [
            {
              messageId: 'useUpsert',
              data: { upsert: 'db.candidates.upsert' },
              output: `async function ensureCandidate(email: string, name: string) {
  const existing = await db.candidates.findUnique({ where: { email } });
  if (existing) return existing;
  return db.candidates.upsert({ where: { email }, create: { email, name }, update: {} });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma: create inside `if (!user)`, with an upsert suggestion that keeps select',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function signup(email: string, name: string) {
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    await prisma.user.create({ data: { email, name }, select: { id: true } });
  }
}`,
      errors: [
        {
          messageId: 'checkThenCreate',
          line: 6,
          column: 11,
          data: { create: 'prisma.user.create', read: 'prisma.user.findUnique', fix: FIX.prisma },
          suggestions: [
            {
              messageId: 'useUpsert',
              data: { upsert: 'prisma.user.upsert' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function signup(email: string, name: string) {
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    await prisma.user.upsert({ where: { email }, create: { email, name }, update: {}, select: { id: true } });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma: exists ? update : create with findFirst has no upsert suggestion',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function setPlan(userId: string, plan: string) {
  const sub = await prisma.subscription.findFirst({ where: { userId } });
  return sub
    ? prisma.subscription.update({ where: { id: sub.id }, data: { plan } })
    : prisma.subscription.create({ data: { userId, plan } });
}`,
      errors: [
        {
          messageId: 'checkThenCreate',
          line: 7,
          column: 7,
          data: { create: 'prisma.subscription.create', read: 'prisma.subscription.findFirst', fix: FIX.prisma },
          suggestions: [],
        },
      ],
    },
    {
      name: 'prisma: count-then-create',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function vote(pollId: string, userId: string, choice: string) {
  const already = await prisma.vote.count({ where: { pollId, userId } });
  if (already > 0) throw new Error('already voted');
  await prisma.vote.create({ data: { pollId, userId, choice } });
}`,
      errors: [{ messageId: 'checkThenCreate', line: 6, column: 9, data: { create: 'prisma.vote.create', read: 'prisma.vote.count', fix: FIX.prisma } }],
    },
    {
      name: 'prisma: a default-isolation interactive transaction is not a guard',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function claimHandle(userId: string, handle: string) {
  return prisma.$transaction(async (tx) => {
    const taken = await tx.handle.findUnique({ where: { handle } });
    if (taken) throw new Error('handle taken');
    return tx.handle.create({ data: { handle, userId } });
  });
}`,
      errors: [
        {
          messageId: 'checkThenCreate',
          line: 7,
          column: 12,
          suggestions: [
            {
              messageId: 'useUpsert',
              data: { upsert: 'tx.handle.upsert' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function claimHandle(userId: string, handle: string) {
  return prisma.$transaction(async (tx) => {
    const taken = await tx.handle.findUnique({ where: { handle } });
    if (taken) throw new Error('handle taken');
    return tx.handle.upsert({ where: { handle }, create: { handle, userId }, update: {} });
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma: a catch that does not look at the unique violation is not a guard',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addMember(teamId: string, userId: string) {
  const member = await prisma.membership.findFirst({ where: { teamId, userId } });
  if (member) return member;
  try {
    return await prisma.membership.create({ data: { teamId, userId } });
  } catch (error) {
    console.error('could not add member', error);
    throw error;
  }
}`,
      errors: [{ messageId: 'checkThenCreate', line: 7, column: 18 }],
    },
    {
      name: 'drizzle: select then insert',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function register(email: string, name: string) {
  const [existing] = await db.select().from(users).where(eq(users.email, email));
  if (existing) throw new Error('email taken');
  await db.insert(users).values({ email, name });
}`,
      errors: [{ messageId: 'checkThenCreate', line: 8, column: 9 }],
    },
    {
      name: 'typeorm (NestJS repository): findOneBy then insert',
      code: `import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private repo: Repository<User>) {}
  async register(email: string, name: string) {
    const exists = await this.repo.findOneBy({ email });
    if (exists) throw new ConflictException('email taken');
    await this.repo.insert({ email, name });
  }
}`,
      errors: [{ messageId: 'checkThenCreate', line: 11, column: 11 }],
    },
    {
      name: 'typeorm: findOneBy then save(repo.create(...)), the usual NestJS shape',
      code: `import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private repo: Repository<User>) {}
  async register(email: string, name: string) {
    const exists = await this.repo.findOneBy({ email });
    if (exists) throw new ConflictException('email taken');
    return this.repo.save(this.repo.create({ email, name }));
  }
}`,
      errors: [{ messageId: 'checkThenCreate', line: 11, column: 12 }],
    },
    {
      name: 'sequelize: findOne then create',
      code: `import { Model } from 'sequelize';
class User extends Model {}
export async function register(email: string) {
  const existing = await User.findOne({ where: { email } });
  if (existing) throw new Error('email taken');
  return User.create({ email });
}`,
      errors: [{ messageId: 'checkThenCreate', line: 6, column: 10, data: { create: 'User.create', read: 'User.findOne', fix: FIX.sequelize } }],
    },
    {
      name: 'mongoose: findOne then create, early return with a 409',
      code: `import express from 'express';
import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.post('/signup', async (req, res) => {
  const { email } = req.body as { email: string };
  const existing = await User.findOne({ email });
  if (existing) return res.status(409).json({ error: 'email taken' });
  const user = await User.create({ email });
  res.status(201).json(user);
});`,
      errors: [{ messageId: 'checkThenCreate', line: 9, column: 22, data: { create: 'User.create', read: 'User.findOne', fix: FIX.mongoose } }],
    },
    {
      name: 'knex: first() then insert',
      code: `import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export async function reserveSlug(slug: string, postId: string) {
  const row = await db('slugs').where({ slug }).first();
  if (!row) {
    await db('slugs').insert({ slug, post_id: postId });
  }
}`,
      errors: [{ messageId: 'checkThenCreate', line: 6, column: 11 }],
    },
    {
      name: 'kysely: executeTakeFirst then insertInto',
      code: `import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });
export async function ensureTag(name: string) {
  const tag = await db.selectFrom('tags').selectAll().where('name', '=', name).executeTakeFirst();
  if (tag) return tag;
  return db.insertInto('tags').values({ name }).returningAll().executeTakeFirstOrThrow();
}`,
      errors: [{ messageId: 'checkThenCreate', line: 7, column: 10 }],
    },
    {
      name: 'mikro-orm: findOne then insert',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
import { Author } from './author.entity';
export async function ensureAuthor(em: EntityManager, email: string) {
  const existing = await em.findOne(Author, { email });
  if (existing) return existing;
  await em.insert(Author, { email });
}`,
      errors: [{ messageId: 'checkThenCreate', line: 6, column: 9 }],
    },
    {
      name: 'mikro-orm: findOne then create + persistAndFlush, the usual shape',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
import { Author } from './author.entity';
export async function ensureAuthor(em: EntityManager, email: string) {
  const existing = await em.findOne(Author, { email });
  if (existing) return existing;
  const author = em.create(Author, { email });
  await em.persistAndFlush(author);
  return author;
}`,
      errors: [{ messageId: 'checkThenCreate', line: 7, column: 9 }],
    },
    {
      name: 'pg: SELECT then INSERT',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function ensureUser(email: string) {
  const { rowCount } = await pool.query('SELECT 1 FROM users WHERE email = $1', [email]);
  if (rowCount) throw new Error('email taken');
  await pool.query('INSERT INTO users (email) VALUES ($1)', [email]);
}`,
      errors: [{ messageId: 'checkThenCreate', line: 6, column: 9 }],
    },
    {
      name: 'mysql2: SELECT then INSERT',
      code: `import mysql from 'mysql2/promise';
const pool = mysql.createPool(process.env.DATABASE_URL!);
export async function follow(userId: number, targetId: number) {
  const [rows] = await pool.query<any[]>('SELECT id FROM follows WHERE user_id = ? AND target_id = ?', [userId, targetId]);
  if (rows.length === 0) {
    await pool.query('INSERT INTO follows (user_id, target_id) VALUES (?, ?)', [userId, targetId]);
  }
}`,
      errors: [{ messageId: 'checkThenCreate', line: 6, column: 11 }],
    },
    {
      name: 'postgres.js: tagged-template SELECT then INSERT',
      code: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function ensureUser(email: string) {
  const [user] = await sql\`SELECT id FROM users WHERE email = \${email}\`;
  if (user) return user.id;
  await sql\`INSERT INTO users (email) VALUES (\${email})\`;
  return null;
}`,
      errors: [{ messageId: 'checkThenCreate', line: 6, column: 9, data: { create: 'sql`INSERT INTO users (email) VALUES ($1)`', read: 'sql`SELECT id FROM users WHERE email = $1`', fix: FIX.sql } }],
    },
    {
      name: 'redis: GET then SET',
      code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL!);
export async function claimJob(jobId: string, workerId: string) {
  const owner = await redis.get(\`job:\${jobId}:owner\`);
  if (owner) return false;
  await redis.set(\`job:\${jobId}:owner\`, workerId, 'EX', 60);
  return true;
}`,
      errors: [{ messageId: 'checkThenCreate', line: 6, column: 9, data: { create: 'redis.set', read: 'redis.get', fix: FIX.redis } }],
    },
    {
      name: 'redis: EXISTS then SET',
      code: `import { createClient } from 'redis';
const redis = createClient({ url: process.env.REDIS_URL });
export async function once(eventId: string) {
  if (await redis.exists(\`seen:\${eventId}\`)) return false;
  await redis.set(\`seen:\${eventId}\`, '1', { EX: 86400 });
  return true;
}`,
      errors: [{ messageId: 'checkThenCreate', line: 5, column: 9, data: { create: 'redis.set', read: 'redis.exists', fix: FIX.redis } }],
    },
    {
      name: 'typeorm (NestJS repository named after its entity): findOneBy then insert',
      code: `import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Organization } from './organization.entity';
@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly organizationRepository: Repository<Organization>) {}
  async create(slug: string, name: string) {
    const taken = await this.organizationRepository.findOneBy({ slug });
    if (taken) throw new ConflictException('slug taken');
    await this.organizationRepository.insert({ slug, name });
  }
}`,
      errors: [
        {
          messageId: 'checkThenCreate',
          line: 11,
          column: 11,
          data: {
            create: 'this.organizationRepository.insert',
            read: 'this.organizationRepository.findOneBy',
            fix: 'use `upsert()` or `insert().orIgnore()` on a unique column, or catch the unique violation',
          },
        },
      ],
    },
    {
      name: 'settings: a project client registered by binding name',
      settings: { prodguard: { clients: { store: 'prisma' } } },
      code: `import { store } from '@acme/data';
export async function ensureWorkspace(slug: string) {
  const found = await store.workspace.findFirst({ where: { slug } });
  if (found) return found;
  return store.workspace.create({ data: { slug } });
}`,
      errors: [{ messageId: 'checkThenCreate', line: 5, column: 10 }],
    },
    {
      name: 'settings: a project read wrapper registered in settings.prodguard.wrappers',
      settings: { prodguard: { wrappers: { findUserByEmail: 'read' } } },
      code: `import { PrismaClient } from '@prisma/client';
import { findUserByEmail } from './users';
const prisma = new PrismaClient();
export async function signup(email: string) {
  const existing = await findUserByEmail(email);
  if (existing) throw new Error('email taken');
  return prisma.user.create({ data: { email } });
}`,
      errors: [{ messageId: 'checkThenCreate', line: 7, column: 10, data: { create: 'prisma.user.create', read: 'findUserByEmail', fix: FIX.prisma } }],
    },
    {
      name: 'prisma: find ?? create in one expression, with an upsert suggestion',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function ensureUser(email: string) {
  return (await prisma.user.findUnique({ where: { email } })) ?? (await prisma.user.create({ data: { email } }));
}`,
      errors: [
        {
          messageId: 'checkThenCreate',
          line: 4,
          column: 73,
          suggestions: [
            {
              messageId: 'useUpsert',
              data: { upsert: 'prisma.user.upsert' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function ensureUser(email: string) {
  return (await prisma.user.findUnique({ where: { email } })) ?? (await prisma.user.upsert({ where: { email }, create: { email }, update: {} }));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'prisma: a batch $transaction([...]) after the check does not make the check atomic',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function claimDailyBonus(userId: string, day: string) {
  const claimed = await prisma.dailyBonus.findFirst({ where: { userId, day } });
  if (claimed !== null) throw new Error('already claimed');
  await prisma.$transaction([
    prisma.dailyBonus.create({ data: { userId, day } }),
    prisma.wallet.update({ where: { userId }, data: { balance: { increment: 10 } } }),
  ]);
}`,
      errors: [{ messageId: 'checkThenCreate', line: 7, column: 5, data: { create: 'prisma.dailyBonus.create', read: 'prisma.dailyBonus.findFirst', fix: FIX.prisma } }],
    },
    {
      name: 'tsx: a server action that checks, then creates',
      filename: 'app/newsletter/form.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      code: `'use server';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function subscribe(formData: FormData) {
  const email = String(formData.get('email'));
  const existing = await prisma.subscriber.findFirst({ where: { email } });
  if (!existing) await prisma.subscriber.create({ data: { email } });
}
export function NewsletterForm() {
  return <form action={subscribe}><input name="email" type="email" /><button>Subscribe</button></form>;
}`,
      errors: [{ messageId: 'checkThenCreate', line: 7, column: 24, data: { create: 'prisma.subscriber.create', read: 'prisma.subscriber.findFirst', fix: FIX.prisma } }],
    },
    {
      name: 'pg: FOR UPDATE on the row being checked locks nothing when it does not exist yet',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function register(email: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT id FROM users WHERE email = $1 FOR UPDATE', [email]);
    if (rows.length === 0) {
      await client.query('INSERT INTO users (email) VALUES ($1)', [email]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}`,
      errors: [{ messageId: 'checkThenCreate', line: 9, column: 13 }],
    },
  ],
});
