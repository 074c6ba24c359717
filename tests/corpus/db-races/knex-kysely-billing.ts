// @corpus-rules no-lost-update, no-check-then-create
// Usage metering and invoicing repositories: Knex for the billing database, Kysely for the analytics one.
import knex, { type Knex } from 'knex';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';

const billing = knex({ client: 'pg', connection: process.env.BILLING_DATABASE_URL });
const analytics = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.ANALYTICS_DATABASE_URL }) }) });

// @expect no-lost-update
export async function recordUsage(subscriptionId: string, units: number) {
  const meter = await billing('usage_meters').where({ subscription_id: subscriptionId }).first();
  await billing('usage_meters')
    .where({ subscription_id: subscriptionId })
    .update({ units_used: meter.units_used + units, updated_at: billing.fn.now() });
}

// @expect none
export async function recordUsageAtomically(subscriptionId: string, units: number) {
  await billing('usage_meters').where({ subscription_id: subscriptionId }).increment('units_used', units);
}

// @expect no-lost-update
export async function allocateInvoiceNumber(tenantId: string) {
  return billing.transaction(async (trx: Knex.Transaction) => {
    const seq = await trx('invoice_sequences').where({ tenant_id: tenantId }).first();
    const next = (seq?.last_number ?? 0) + 1;
    await trx('invoice_sequences').where({ tenant_id: tenantId }).update({ last_number: next });
    return `${seq.prefix}-${next}`;
  });
}

// @expect none
export async function allocateInvoiceNumberLocked(tenantId: string) {
  return billing.transaction(async (trx) => {
    const seq = await trx('invoice_sequences').where({ tenant_id: tenantId }).forUpdate().first();
    const next = (seq?.last_number ?? 0) + 1;
    await trx('invoice_sequences').where({ tenant_id: tenantId }).update({ last_number: next });
    return `${seq.prefix}-${next}`;
  });
}

// @expect no-check-then-create
export async function openBillingAccount(tenantId: string, currency: string) {
  const account = await billing('billing_accounts').where({ tenant_id: tenantId }).first();
  if (account) return account.id;
  const [created] = await billing('billing_accounts').insert({ tenant_id: tenantId, currency }).returning('id');
  return created.id;
}

// @expect none
export async function openBillingAccountIdempotently(tenantId: string, currency: string) {
  await billing('billing_accounts').insert({ tenant_id: tenantId, currency }).onConflict('tenant_id').ignore();
  const account = await billing('billing_accounts').where({ tenant_id: tenantId }).first();
  return account.id;
}

// @expect no-lost-update
export async function bumpDailyActive(day: string, count: number) {
  const row = await analytics.selectFrom('daily_stats').select(['day', 'active_users']).where('day', '=', day).executeTakeFirstOrThrow();
  await analytics.updateTable('daily_stats').set({ active_users: row.active_users + count }).where('day', '=', day).execute();
}

// @expect none
export async function bumpDailyActiveAtomically(day: string, count: number) {
  await analytics
    .updateTable('daily_stats')
    .set((eb) => ({ active_users: eb('active_users', '+', count) }))
    .where('day', '=', day)
    .execute();
}

// @expect none
export async function closeDay(day: string) {
  await analytics.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    const row = await trx.selectFrom('daily_stats').selectAll().where('day', '=', day).executeTakeFirstOrThrow();
    await trx.updateTable('daily_stats').set({ closed: true, total: row.active_users + row.returning_users }).where('day', '=', day).execute();
  });
}

// @expect no-check-then-create
export async function trackFirstVisit(visitorId: string, source: string) {
  const seen = await analytics.selectFrom('first_visits').select('visitor_id').where('visitor_id', '=', visitorId).executeTakeFirst();
  if (!seen) {
    await analytics.insertInto('first_visits').values({ visitor_id: visitorId, source, at: sql`now()` }).execute();
  }
}

// @expect none
export async function trackFirstVisitOnConflict(visitorId: string, source: string) {
  await analytics
    .insertInto('first_visits')
    .values({ visitor_id: visitorId, source, at: sql`now()` })
    .onConflict((oc) => oc.column('visitor_id').doNothing())
    .execute();
}
