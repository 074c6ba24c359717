// @corpus-rules require-transaction, no-transaction-bypass
// Warehouse fulfilment: shipments on Knex, returns on Kysely.
import knexFactory from 'knex';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';

import type { Warehouse } from './schema';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 10 } });
const db = new Kysely<Warehouse>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });

// @expect require-transaction
export async function ship(orderId: string, carrier: string, trackingNumber: string) {
  await knex('shipments').insert({ order_id: orderId, carrier, tracking_number: trackingNumber });
  await knex('orders').where({ id: orderId }).update({ status: 'shipped' });
}

// @expect none
export async function shipInTransaction(orderId: string, carrier: string, trackingNumber: string) {
  await knex.transaction(async (trx) => {
    await trx('shipments').insert({ order_id: orderId, carrier, tracking_number: trackingNumber });
    await trx('orders').where({ id: orderId }).update({ status: 'shipped' });
  });
}

// @expect no-transaction-bypass
export async function splitShipment(shipmentId: string, skus: string[]) {
  await knex.transaction(async (trx) => {
    const [child] = await trx('shipments').insert({ parent_id: shipmentId }).returning('id');
    await knex('shipment_items').whereIn('sku', skus).andWhere({ shipment_id: shipmentId }).update({ shipment_id: child.id });
  });
}

// @expect none
export async function markLabelPrinted(shipmentId: string) {
  try {
    await knex('shipments').where({ id: shipmentId }).update({ label_printed_at: knex.fn.now() });
  } catch (error) {
    await knex('label_failures').insert({ shipment_id: shipmentId, message: String(error) });
    throw error;
  }
}

// @expect require-transaction
export async function openReturn(orderId: string, reason: string) {
  const ret = await db.insertInto('returns').values({ order_id: orderId, reason }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('orders').set({ return_id: ret.id, status: 'returning' }).where('id', '=', orderId).execute();
  return ret.id;
}

// @expect none
export async function restock(returnId: string, sku: string, quantity: number) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('stock').set({ on_hand: sql`on_hand + ${quantity}` }).where('sku', '=', sku).execute();
    await trx.updateTable('returns').set({ status: 'restocked' }).where('id', '=', returnId).execute();
  });
}

// @expect no-transaction-bypass
export async function closeReturn(returnId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('returns').set({ status: 'closed' }).where('id', '=', returnId).execute();
    await db.deleteFrom('return_holds').where('return_id', '=', returnId).execute();
  });
}

// @expect none
export async function pruneHolds(before: Date) {
  await db.deleteFrom('return_holds').where('created_at', '<', before).execute();
}
