// @corpus-rules require-transaction, no-transaction-bypass
// Payments and payouts on raw SQL: node-postgres for payments, mysql2 for the legacy payout store,
// postgres.js for the ledger service.
import mysql, { type ResultSetHeader } from 'mysql2/promise';
import { Pool } from 'pg';
import postgres from 'postgres';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const payouts = mysql.createPool({ uri: process.env.PAYOUTS_DATABASE_URL });
const sql = postgres(process.env.LEDGER_DATABASE_URL!);

// @expect require-transaction
export async function recordPayment(invoiceId: string, amountCents: number, reference: string) {
  await pool.query('INSERT INTO payments (invoice_id, amount_cents, reference) VALUES ($1, $2, $3)', [invoiceId, amountCents, reference]);
  await pool.query('UPDATE invoices SET paid_cents = paid_cents + $1 WHERE id = $2', [amountCents, invoiceId]);
}

// @expect none
export async function recordPaymentInTransaction(invoiceId: string, amountCents: number, reference: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO payments (invoice_id, amount_cents, reference) VALUES ($1, $2, $3)', [invoiceId, amountCents, reference]);
    await client.query('UPDATE invoices SET paid_cents = paid_cents + $1 WHERE id = $2', [amountCents, invoiceId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

// @expect no-transaction-bypass
export async function refundPayment(paymentId: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('UPDATE payments SET refunded = true WHERE id = $1 RETURNING invoice_id, amount_cents', [paymentId]);
    await pool.query('UPDATE invoices SET paid_cents = paid_cents - $1 WHERE id = $2', [rows[0].amount_cents, rows[0].invoice_id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

// @expect none
export async function paymentSummary(invoiceId: string) {
  const invoice = await pool.query('SELECT * FROM invoices WHERE id = $1', [invoiceId]);
  const payments = await pool.query('SELECT * FROM payments WHERE invoice_id = $1', [invoiceId]);
  return { invoice: invoice.rows[0], payments: payments.rows };
}

// @expect require-transaction
export async function schedulePayout(merchantId: number, amountCents: number) {
  const [result] = await payouts.execute('INSERT INTO payouts (merchant_id, amount_cents) VALUES (?, ?)', [merchantId, amountCents]);
  const payoutId = (result as ResultSetHeader).insertId;
  await payouts.execute('UPDATE merchants SET pending_cents = pending_cents - ?, last_payout_id = ? WHERE id = ?', [amountCents, payoutId, merchantId]);
  return payoutId;
}

// @expect no-transaction-bypass
export async function settlePayout(payoutId: number) {
  const conn = await payouts.getConnection();
  try {
    await conn.beginTransaction();
    await conn.execute('UPDATE payouts SET status = ? WHERE id = ?', ['settled', payoutId]);
    await payouts.execute('INSERT INTO payout_events (payout_id, kind) VALUES (?, ?)', [payoutId, 'settled']);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}

// @expect none
export async function settlePayoutInTransaction(payoutId: number) {
  const conn = await payouts.getConnection();
  try {
    await conn.beginTransaction();
    await conn.execute('UPDATE payouts SET status = ? WHERE id = ?', ['settled', payoutId]);
    await conn.execute('INSERT INTO payout_events (payout_id, kind) VALUES (?, ?)', [payoutId, 'settled']);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}

// @expect none
export async function postJournal(debit: string, credit: string, cents: number) {
  await sql.begin(async (sql) => {
    const [entry] = await sql`insert into journal_entries (cents) values (${cents}) returning id`;
    await sql`insert into postings (entry_id, account, cents) values (${entry.id}, ${debit}, ${-cents}), (${entry.id}, ${credit}, ${cents})`;
  });
}

// @expect no-transaction-bypass
export async function reverseJournal(entryId: string) {
  await sql.begin(async (tx) => {
    await tx`update journal_entries set reversed = true where id = ${entryId}`;
    await sql`delete from postings where entry_id = ${entryId}`;
  });
}

// @expect require-transaction
export async function postJournalWithoutTransaction(debit: string, credit: string, cents: number) {
  const [entry] = await sql`insert into journal_entries (cents) values (${cents}) returning id`;
  await sql`insert into postings (entry_id, account, cents) values (${entry.id}, ${debit}, ${-cents}), (${entry.id}, ${credit}, ${cents})`;
}
