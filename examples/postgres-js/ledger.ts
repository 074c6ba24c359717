// A journal on postgres.js.
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!);

export async function post(debitAccount: string, creditAccount: string, cents: number) {
  const [entry] = await sql`insert into journal_entries (cents) values (${cents}) returning id`;
  // A separate statement on a pooled connection: the entry can exist without its postings.
  await sql`insert into postings (entry_id, account, cents) values (${entry.id}, ${debitAccount}, ${-cents}), (${entry.id}, ${creditAccount}, ${cents})`;
  return entry.id;
}

export async function reverse(entryId: string) {
  await sql.begin(async (tx) => {
    await tx`update journal_entries set reversed = true where id = ${entryId}`;
    // The outer `sql`, not `tx`: deleted even if the reversal rolls back.
    await sql`delete from postings where entry_id = ${entryId}`;
  });
}
