// Fulfilment on Knex with BullMQ and SQS.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Queue } from 'bullmq';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const shipments = new Queue('shipments', { connection: { host: process.env.REDIS_HOST } });
const sqs = new SQSClient({});

export async function placeOrder(customerId: number) {
  return db.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ customer_id: customerId, status: 'placed' }).returning('id');
    // A worker can pick this job up before the commit and find no order; a rollback cannot take it back.
    await shipments.add('ship', { orderId: order.id });
    return order.id as number;
  });
}

export async function markShipped(orderId: number) {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id: orderId }).update({ status: 'shipped' });
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.EVENTS_QUEUE_URL, MessageBody: JSON.stringify({ orderId }) }));
  });
}
