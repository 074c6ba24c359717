// Orders on Knex (PostgreSQL): one transaction per use case, every query through `trx`.
import knexFactory from 'knex';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });

export interface Line {
  sku: string;
  quantity: number;
}

export async function placeOrder(customerId: string, lines: Line[]) {
  return knex.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ customer_id: customerId, status: 'pending' }).returning('*');
    await trx('order_lines').insert(lines.map((l) => ({ order_id: order.id, sku: l.sku, quantity: l.quantity })));
    return order;
  });
}

export async function archiveOrder(orderId: string) {
  await knex.transaction(async (trx) => {
    await trx('orders').where({ id: orderId }).update({ archived: true });
    await trx('order_lines').where({ order_id: orderId }).update({ archived: true });
  });
}
