// Stock and device registration on MySQL with mysql2.
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });

// MySQL's REPEATABLE READ does not help: the UPDATE writes over whatever committed in between.
export async function receiveStock(sku: string, qty: number) {
  const [rows] = await pool.query<any[]>('SELECT quantity FROM stock WHERE sku = ?', [sku]);
  await pool.query('UPDATE stock SET quantity = ? WHERE sku = ?', [rows[0].quantity + qty, sku]);
}

// Two activations of the same serial both find no device and both insert it.
export async function registerDevice(serial: string, ownerId: number) {
  const [rows] = await pool.execute<any[]>('SELECT id FROM devices WHERE serial = ?', [serial]);
  if (rows.length > 0) return rows[0].id;
  const [result] = await pool.execute<any>('INSERT INTO devices (serial, owner_id) VALUES (?, ?)', [serial, ownerId]);
  return result.insertId;
}
