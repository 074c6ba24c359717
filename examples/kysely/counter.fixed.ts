// Daily activity counters and first-visit tracking on Kysely: an expression update and ON CONFLICT DO NOTHING.
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });

export async function addActiveUsers(day: string, count: number) {
  await db
    .updateTable('daily_stats')
    .set((eb) => ({ active_users: eb('active_users', '+', count) }))
    .where('day', '=', day)
    .execute();
}

export async function trackFirstVisit(visitorId: string, source: string) {
  await db
    .insertInto('first_visits')
    .values({ visitor_id: visitorId, source })
    .onConflict((oc) => oc.column('visitor_id').doNothing())
    .execute();
}
