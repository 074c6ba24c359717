// Orders on Knex (PostgreSQL).
import knexFactory from 'knex';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });

export interface Line {
  sku: string;
  quantity: number;
}

export async function placeOrder(customerId: string, lines: Line[]) {
  const [order] = await knex('orders').insert({ customer_id: customerId, status: 'pending' }).returning('*');
  // Each statement autocommits: a failure here leaves an order without lines.
  await knex('order_lines').insert(lines.map((l) => ({ order_id: order.id, sku: l.sku, quantity: l.quantity })));
  return order;
}

export async function archiveOrder(orderId: string) {
  await knex.transaction(async (trx) => {
    await trx('orders').where({ id: orderId }).update({ archived: true });
    // `knex`, not `trx`: a second connection that may wait on the row lock `trx` holds.
    await knex('order_lines').where({ order_id: orderId }).update({ archived: true });
  });
}
