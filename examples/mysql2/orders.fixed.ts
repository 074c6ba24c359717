// Orders with mysql2 (promise API): one connection, beginTransaction … commit.
import mysql, { type ResultSetHeader } from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10 });

export async function placeOrder(customerId: number, sku: string, quantity: number) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [result] = await conn.execute('INSERT INTO orders (customer_id, status) VALUES (?, ?)', [customerId, 'pending']);
    const orderId = (result as ResultSetHeader).insertId;
    await conn.execute('INSERT INTO order_lines (order_id, sku, quantity) VALUES (?, ?, ?)', [orderId, sku, quantity]);
    await conn.commit();
    return orderId;
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}

export async function cancelOrder(orderId: number) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    await conn.execute('UPDATE orders SET status = ? WHERE id = ?', ['cancelled', orderId]);
    await conn.execute('DELETE FROM order_lines WHERE order_id = ?', [orderId]);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}
