// Per-tenant invoice numbers and billing accounts on Knex: a row lock for the counter, ON CONFLICT for the account.
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function nextInvoiceNumber(tenantId: string) {
  return db.transaction(async (trx) => {
    const counter = await trx('invoice_counters').where({ tenant_id: tenantId }).forUpdate().first();
    await trx('invoice_counters').where({ tenant_id: tenantId }).update({ last_number: counter.last_number + 1 });
    return counter.last_number + 1;
  });
}

export async function ensureBillingAccount(tenantId: string) {
  await db('billing_accounts').insert({ tenant_id: tenantId, currency: 'EUR' }).onConflict('tenant_id').ignore();
}
