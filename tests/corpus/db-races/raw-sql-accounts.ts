// @corpus-rules no-lost-update, no-check-then-create
// Accounts and API keys on raw SQL: pg for the main database, mysql2 for the legacy store, postgres.js in the edge worker.
import mysql from 'mysql2/promise';
import { Pool } from 'pg';
import postgres from 'postgres';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const legacy = mysql.createPool({ uri: process.env.LEGACY_DATABASE_URL });
const sql = postgres(process.env.EDGE_DATABASE_URL!);

// @expect no-lost-update
export async function applyRefund(accountId: string, cents: number) {
  const { rows } = await pool.query('SELECT balance_cents, refunds FROM accounts WHERE id = $1', [accountId]);
  const account = rows[0];
  await pool.query('UPDATE accounts SET balance_cents = $1, refunds = $2 WHERE id = $3', [
    account.balance_cents + cents,
    account.refunds + 1,
    accountId,
  ]);
}

// @expect none
export async function applyRefundAtomically(accountId: string, cents: number) {
  await pool.query('UPDATE accounts SET balance_cents = balance_cents + $1, refunds = refunds + 1 WHERE id = $2', [cents, accountId]);
}

// @expect no-lost-update
export async function chargeInTransaction(accountId: string, cents: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT balance_cents FROM accounts WHERE id = $1', [accountId]);
    if (rows[0].balance_cents < cents) throw new Error('insufficient funds');
    await client.query('UPDATE accounts SET balance_cents = $1 WHERE id = $2', [rows[0].balance_cents - cents, accountId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

// @expect none
export async function chargeForUpdate(accountId: string, cents: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT balance_cents FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
    if (rows[0].balance_cents < cents) throw new Error('insufficient funds');
    await client.query('UPDATE accounts SET balance_cents = $1 WHERE id = $2', [rows[0].balance_cents - cents, accountId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

// @expect no-lost-update
export async function legacyAddStock(sku: string, qty: number) {
  const [rows] = await legacy.query<any[]>('SELECT quantity FROM stock WHERE sku = ?', [sku]);
  await legacy.query('UPDATE stock SET quantity = ? WHERE sku = ?', [rows[0].quantity + qty, sku]);
}

// @expect none
export async function legacyAddStockSerializable(sku: string, qty: number) {
  const conn = await legacy.getConnection();
  try {
    await conn.query('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE');
    await conn.query('START TRANSACTION');
    const [rows] = await conn.query<any[]>('SELECT quantity FROM stock WHERE sku = ?', [sku]);
    await conn.query('UPDATE stock SET quantity = ? WHERE sku = ?', [rows[0].quantity + qty, sku]);
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK');
    throw error;
  } finally {
    conn.release();
  }
}

// @expect no-check-then-create
export async function createApiKey(ownerId: string, name: string, hash: string) {
  const { rowCount } = await pool.query('SELECT 1 FROM api_keys WHERE owner_id = $1 AND name = $2', [ownerId, name]);
  if (rowCount) throw new Error('a key with this name already exists');
  await pool.query('INSERT INTO api_keys (owner_id, name, hash) VALUES ($1, $2, $3)', [ownerId, name, hash]);
}

// @expect none
export async function createApiKeyOnConflict(ownerId: string, name: string, hash: string) {
  const { rowCount } = await pool.query(
    'INSERT INTO api_keys (owner_id, name, hash) VALUES ($1, $2, $3) ON CONFLICT (owner_id, name) DO NOTHING',
    [ownerId, name, hash],
  );
  if (rowCount === 0) throw new Error('a key with this name already exists');
}

// @expect no-check-then-create
export async function legacyRegisterDevice(serial: string, ownerId: number) {
  const [rows] = await legacy.execute<any[]>('SELECT id FROM devices WHERE serial = ?', [serial]);
  if (rows.length > 0) return rows[0].id;
  const [result] = await legacy.execute<any>('INSERT INTO devices (serial, owner_id) VALUES (?, ?)', [serial, ownerId]);
  return result.insertId;
}

// @expect none
export async function legacyRegisterDeviceIgnoring(serial: string, ownerId: number) {
  await legacy.execute('INSERT INTO devices (serial, owner_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE owner_id = owner_id', [serial, ownerId]);
}

// @expect no-check-then-create
export async function edgeRememberConsent(visitorId: string, version: string) {
  const [consent] = await sql`SELECT id FROM consents WHERE visitor_id = ${visitorId} AND version = ${version}`;
  if (consent) return consent.id;
  const [created] = await sql`INSERT INTO consents (visitor_id, version) VALUES (${visitorId}, ${version}) RETURNING id`;
  return created.id;
}

// @expect none
export async function edgeRememberConsentCatching(visitorId: string, version: string) {
  try {
    await sql`INSERT INTO consents (visitor_id, version) VALUES (${visitorId}, ${version})`;
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
  }
}
