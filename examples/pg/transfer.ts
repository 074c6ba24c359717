// Transfers with node-postgres.
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function transfer(fromId: string, toId: string, amount: number) {
  // Each pool.query may run on a different connection and commits on its own.
  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, fromId]);
  await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, toId]);
}

export async function transferWithAudit(fromId: string, toId: string, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, fromId]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, toId]);
    // `pool`, not `client`: this insert is not part of the transaction above.
    await pool.query('INSERT INTO transfers (from_id, to_id, amount) VALUES ($1, $2, $3)', [fromId, toId, amount]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
