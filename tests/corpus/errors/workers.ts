// @corpus-rules no-swallowed-errors
// Background workers: cron jobs and queue consumers on TypeORM, Sequelize, Kysely and Redis.
import { AppDataSource } from './data-source';
import { Subscription } from './entities/subscription';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { Redis } from 'ioredis';
import { Worker } from 'bullmq';
import { Sequelize } from 'sequelize';
import { Order } from './models';
import { logger } from './logger';

const kdb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const redis = new Redis(process.env.REDIS_URL!);
const sequelize = new Sequelize(process.env.DATABASE_URL!);
const subscriptionRepository = AppDataSource.getRepository(Subscription);

// @expect no-swallowed-errors
export async function expireTrials() {
  const expired = await subscriptionRepository.find({ where: { status: 'trialing' } });
  for (const sub of expired) {
    try {
      await subscriptionRepository.update({ id: sub.id }, { status: 'expired' });
    } catch (err) {
      console.log(`could not expire ${sub.id}`);
    }
  }
}

// @expect none
export async function expireTrialsLogged() {
  const expired = await subscriptionRepository.find({ where: { status: 'trialing' } });
  for (const sub of expired) {
    try {
      await subscriptionRepository.update({ id: sub.id }, { status: 'expired' });
    } catch (err) {
      logger.error({ err, subscriptionId: sub.id }, 'trial expiry failed');
    }
  }
}

// @expect no-swallowed-errors
export async function closeStaleOrders() {
  try {
    await Order.update({ status: 'closed' }, { where: { status: 'stale' } });
  } catch (e) {
    console.log('could not close orders');
  }
}

// @expect no-swallowed-errors
export async function archiveEvents(before: Date) {
  try {
    await kdb.deleteFrom('events').where('created_at', '<', before).execute();
  } catch {}
}

// @expect none
export async function archiveEventsOrThrow(before: Date) {
  try {
    await kdb.deleteFrom('events').where('created_at', '<', before).execute();
  } catch (error) {
    throw new Error('event archive failed', { cause: error });
  }
}

// @expect no-swallowed-errors
export async function rebuildLeaderboard(scores: Array<{ userId: string; score: number }>) {
  await sequelize
    .transaction(async (t) => {
      await Order.destroy({ where: { kind: 'leaderboard' }, transaction: t });
      await Order.bulkCreate(scores.map((s) => ({ kind: 'leaderboard', ...s })), { transaction: t });
    })
    .catch(() => {});
}

// @expect none
export async function cacheProfile(userId: string, profile: object) {
  try {
    await redis.set(`profile:${userId}`, JSON.stringify(profile), 'EX', 300);
  } catch (err) {
    logger.warn({ err }, 'profile cache write failed');
  }
}

// @expect no-swallowed-errors
export async function bumpCounter(key: string) {
  try {
    await redis.incr(key);
  } catch (e) {
    console.info('counter failed', e);
  }
}

// @expect none
export const worker = new Worker('exports', async (job) => {
  try {
    await kdb.insertInto('exports').values({ id: job.id!, status: 'done' }).execute();
  } catch (err) {
    await job.moveToFailed(err as Error, job.token!);
  }
});
