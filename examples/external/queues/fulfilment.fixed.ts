// Fulfilment on Knex: jobs and events are published after the commit.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Queue } from 'bullmq';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const shipments = new Queue('shipments', { connection: { host: process.env.REDIS_HOST } });
const sqs = new SQSClient({});

export async function placeOrder(customerId: number) {
  const orderId = await db.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ customer_id: customerId, status: 'placed' }).returning('id');
    return order.id as number;
  });
  await shipments.add('ship', { orderId }, { jobId: `ship-${orderId}` });
  return orderId;
}

export async function markShipped(orderId: number) {
  await db('orders').where({ id: orderId }).update({ status: 'shipped' });
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.EVENTS_QUEUE_URL, MessageBody: JSON.stringify({ orderId }) }));
}
