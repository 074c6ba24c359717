// Wallet top-ups and payout accounts with node-postgres.
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// BEGIN … COMMIT at READ COMMITTED: two top-ups both read the old balance and the later COMMIT wins.
export async function topUp(walletId: string, cents: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT balance_cents FROM wallets WHERE id = $1', [walletId]);
    await client.query('UPDATE wallets SET balance_cents = $1 WHERE id = $2', [rows[0].balance_cents + cents, walletId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

// Two onboarding requests both find no payout account and both insert one.
export async function addPayoutAccount(walletId: string, iban: string) {
  const { rowCount } = await pool.query('SELECT 1 FROM payout_accounts WHERE wallet_id = $1', [walletId]);
  if (rowCount === 0) {
    await pool.query('INSERT INTO payout_accounts (wallet_id, iban) VALUES ($1, $2)', [walletId, iban]);
  }
}
