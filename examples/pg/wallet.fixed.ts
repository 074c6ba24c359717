// Wallet top-ups and payout accounts with node-postgres: one UPDATE computes the balance, ON CONFLICT decides the account.
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function topUp(walletId: string, cents: number) {
  await pool.query('UPDATE wallets SET balance_cents = balance_cents + $1 WHERE id = $2', [cents, walletId]);
}

export async function addPayoutAccount(walletId: string, iban: string) {
  await pool.query('INSERT INTO payout_accounts (wallet_id, iban) VALUES ($1, $2) ON CONFLICT (wallet_id) DO NOTHING', [walletId, iban]);
}
