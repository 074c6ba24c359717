// Daily activity counters and first-visit tracking on Kysely.
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });

// Concurrent batches read the same total and overwrite each other's increments.
export async function addActiveUsers(day: string, count: number) {
  const stats = await db.selectFrom('daily_stats').selectAll().where('day', '=', day).executeTakeFirstOrThrow();
  await db.updateTable('daily_stats').set({ active_users: stats.active_users + count }).where('day', '=', day).execute();
}

// Two page loads of a new visitor both find nothing and both insert a first visit.
export async function trackFirstVisit(visitorId: string, source: string) {
  const seen = await db.selectFrom('first_visits').select('visitor_id').where('visitor_id', '=', visitorId).executeTakeFirst();
  if (!seen) {
    await db.insertInto('first_visits').values({ visitor_id: visitorId, source }).execute();
  }
}
