// Stock and device registration on MySQL with mysql2: arithmetic in SQL, and ON DUPLICATE KEY on the unique serial.
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });

export async function receiveStock(sku: string, qty: number) {
  await pool.query('UPDATE stock SET quantity = quantity + ? WHERE sku = ?', [qty, sku]);
}

export async function registerDevice(serial: string, ownerId: number) {
  await pool.execute('INSERT INTO devices (serial, owner_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)', [serial, ownerId]);
  const [rows] = await pool.execute<any[]>('SELECT id FROM devices WHERE serial = ?', [serial]);
  return rows[0].id;
}
