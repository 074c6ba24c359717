// A journal on postgres.js: sql.begin around every statement of an entry.
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!);

export async function post(debitAccount: string, creditAccount: string, cents: number) {
  return sql.begin(async (sql) => {
    const [entry] = await sql`insert into journal_entries (cents) values (${cents}) returning id`;
    await sql`insert into postings (entry_id, account, cents) values (${entry.id}, ${debitAccount}, ${-cents}), (${entry.id}, ${creditAccount}, ${cents})`;
    return entry.id;
  });
}

export async function reverse(entryId: string) {
  await sql.begin(async (sql) => {
    await sql`update journal_entries set reversed = true where id = ${entryId}`;
    await sql`delete from postings where entry_id = ${entryId}`;
  });
}
