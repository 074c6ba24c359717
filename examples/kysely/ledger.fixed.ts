// Double-entry ledger on Kysely: an entry and its postings commit together.
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

import type { Database } from './schema';

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });

export async function post(debitAccount: string, creditAccount: string, amount: number, memo: string) {
  return db.transaction().execute(async (trx) => {
    const entry = await trx.insertInto('journal_entries').values({ memo }).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('postings')
      .values([
        { entry_id: entry.id, account: debitAccount, amount: -amount },
        { entry_id: entry.id, account: creditAccount, amount },
      ])
      .execute();
    return entry.id;
  });
}

export async function reverse(entryId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('journal_entries').set({ reversed: true }).where('id', '=', entryId).execute();
    await trx.deleteFrom('postings').where('entry_id', '=', entryId).execute();
  });
}
