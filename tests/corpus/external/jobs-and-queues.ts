// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// Fulfilment: orders in Postgres through Knex and Kysely, jobs through BullMQ, SQS, pg-boss and Kafka.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { Queue, Worker } from 'bullmq';
import { Kafka } from 'kafkajs';
import knex from 'knex';
import { Kysely, PostgresDialect } from 'kysely';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const kdb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });
const sqs = new SQSClient({ region: 'eu-west-1' });
const ses = new SESClient({ region: 'eu-west-1' });
const s3 = new S3Client({ region: 'eu-west-1' });
const shipments = new Queue('shipments', { connection: { host: process.env.REDIS_HOST } });
const boss = new PgBoss(process.env.DATABASE_URL!);
const producer = new Kafka({ clientId: 'orders', brokers: [process.env.KAFKA_BROKER!] }).producer();

// @expect none
export async function placeOrder(customerId: number, items: Array<{ sku: string; qty: number }>) {
  const orderId = await db.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ customer_id: customerId, status: 'placed' }).returning('id');
    await trx('order_items').insert(items.map((i) => ({ order_id: order.id, sku: i.sku, qty: i.qty })));
    return order.id as number;
  });
  await shipments.add('ship', { orderId }, { jobId: `ship-${orderId}` });
  return orderId;
}

// @expect no-external-call-in-transaction
export async function placeOrderAndQueueInside(customerId: number) {
  return db.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ customer_id: customerId, status: 'placed' }).returning('id');
    await shipments.add('ship', { orderId: order.id });
    return order.id as number;
  });
}

// @expect no-external-call-in-transaction
export async function markShipped(orderId: number, trackingNo: string) {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id: orderId }).update({ status: 'shipped', tracking_no: trackingNo });
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.EVENTS_QUEUE_URL, MessageBody: JSON.stringify({ orderId, trackingNo }) }));
  });
}

// @expect none
export async function markShippedThenPublish(orderId: number, trackingNo: string) {
  await db('orders').where({ id: orderId }).update({ status: 'shipped', tracking_no: trackingNo });
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.EVENTS_QUEUE_URL, MessageBody: JSON.stringify({ orderId, trackingNo }) }));
}

// @expect no-unguarded-dual-write
export async function emailInvoice(orderId: number, to: string) {
  await db('orders').where({ id: orderId }).update({ invoiced_at: new Date() });
  await ses.send(new SendEmailCommand({ Source: 'billing@acme.dev', Destination: { ToAddresses: [to] }, Message: { Subject: { Data: 'Invoice' }, Body: { Text: { Data: 'Attached' } } } }));
}

// @expect no-external-call-in-transaction
export async function archiveInvoicePdf(orderId: number, pdf: Buffer) {
  await kdb.transaction().execute(async (trx) => {
    await trx.updateTable('orders').set({ archived: true }).where('id', '=', orderId).execute();
    await s3.send(new PutObjectCommand({ Bucket: 'invoices', Key: `${orderId}.pdf`, Body: pdf }));
  });
}

// @expect none
export async function archiveInvoicePdfFirst(orderId: number, pdf: Buffer) {
  await s3.send(new PutObjectCommand({ Bucket: 'invoices', Key: `${orderId}.pdf`, Body: pdf }));
  await kdb.updateTable('orders').set({ archived: true, pdf_key: `${orderId}.pdf` }).where('id', '=', orderId).execute();
}

// @expect no-external-call-in-transaction
export async function cancelOrder(orderId: number) {
  await kdb.transaction().execute(async (trx) => {
    await trx.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', orderId).execute();
    await producer.send({ topic: 'order-events', messages: [{ key: String(orderId), value: 'cancelled' }] });
  });
}

// @expect none
export async function cancelOrderWithOutbox(orderId: number) {
  await kdb.transaction().execute(async (trx) => {
    await trx.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', orderId).execute();
    await trx.insertInto('outbox').values({ topic: 'order-events', key: String(orderId), payload: JSON.stringify({ status: 'cancelled' }) }).execute();
  });
}

// @expect no-floating-effect
export async function requestRestock(sku: string) {
  await db('restock_requests').insert({ sku });
  boss.send('restock', { sku });
}

// @expect none
export async function requestRestockAwaited(sku: string) {
  await db('restock_requests').insert({ sku }).onConflict('sku').ignore();
  await boss.send('restock', { sku }, { singletonKey: sku });
}

// @expect no-floating-effect
export async function expireCarts(cartIds: number[]) {
  cartIds.map((id) => kdb.deleteFrom('carts').where('id', '=', id).execute());
}

// @expect none
export async function expireCartsAwaited(cartIds: number[]) {
  await Promise.all(cartIds.map((id) => kdb.deleteFrom('carts').where('id', '=', id).execute()));
}

// @expect no-external-call-in-transaction, require-timeout
export async function reserveStock(orderId: number, sku: string, qty: number) {
  await db.transaction(async (trx) => {
    await trx('stock').where({ sku }).decrement('available', qty);
    const res = await fetch(`https://wms.example.com/reservations`, { method: 'POST', body: JSON.stringify({ orderId, sku, qty }) });
    if (!res.ok) throw new Error('wms refused');
  });
}

// @expect none
export const shipmentWorker = new Worker(
  'shipments',
  async (job) => {
    const { orderId } = job.data as { orderId: number };
    const order = await db('orders').where({ id: orderId }).first();
    await fetch('https://carrier.example.com/labels', { method: 'POST', body: JSON.stringify(order), signal: AbortSignal.timeout(10_000) });
  },
  { connection: { host: process.env.REDIS_HOST } },
);

// @expect no-floating-effect
export async function auditExport(userId: number) {
  void db('audit').insert({ user_id: userId, action: 'export' });
  return kdb.selectFrom('orders').selectAll().where('customer_id', '=', userId).execute();
}
