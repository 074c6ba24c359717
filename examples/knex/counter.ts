// Per-tenant invoice numbers and billing accounts on Knex.
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

// Two invoices read the same last number inside a READ COMMITTED transaction and both get it plus one.
export async function nextInvoiceNumber(tenantId: string) {
  return db.transaction(async (trx) => {
    const counter = await trx('invoice_counters').where({ tenant_id: tenantId }).first();
    await trx('invoice_counters').where({ tenant_id: tenantId }).update({ last_number: counter.last_number + 1 });
    return counter.last_number + 1;
  });
}

// Two first payments both find no billing account and both insert one.
export async function ensureBillingAccount(tenantId: string) {
  const account = await db('billing_accounts').where({ tenant_id: tenantId }).first();
  if (!account) {
    await db('billing_accounts').insert({ tenant_id: tenantId, currency: 'EUR' });
  }
}
