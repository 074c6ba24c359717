import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/no-external-call-in-transaction.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

const PRISMA = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
`;
const STRIPE = `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
`;

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('no-external-call-in-transaction', rule as never, {
  valid: [
    // tx.* calls inside the transaction, the external call after the commit
    `${PRISMA}${STRIPE}export async function f(orderId: string) {
  const order = await prisma.$transaction(async (tx) => {
    const o = await tx.order.update({ where: { id: orderId }, data: { status: 'paid' } });
    await tx.ledger.create({ data: { orderId, amount: o.total } });
    return o;
  });
  await stripe.invoices.sendInvoice(order.invoiceId, {}, { idempotencyKey: \`send-\${orderId}\` });
}`,
    // an outbox row written through the transaction
    `${PRISMA}export async function f(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.candidate.update({ where: { id }, data: { status: 'hired' } });
    await tx.outbox.create({ data: { topic: 'candidate.hired', payload: { id } } });
  });
}`,
    // enqueue after commit
    `${PRISMA}import { Queue } from 'bullmq';
const queue = new Queue('emails');
export async function f(id: string) {
  await prisma.$transaction([prisma.user.update({ where: { id }, data: { verified: true } }), prisma.token.deleteMany({ where: { userId: id } })]);
  await queue.add('welcome', { id });
}`,
    // fetch before the transaction starts
    `import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
export async function f(id: string) {
  const rate = await fetch('https://rates.example.com/eur', { signal: AbortSignal.timeout(3000) }).then((r) => r.json());
  await db.transaction(async (tx) => {
    await tx.update(prices).set({ rate }).where(eq(prices.id, id));
  });
}`,
    // a function defined inside a transaction but not part of it: a Map.set, a logger
    `${PRISMA}export async function f(id: string, seen: Map<string, number>) {
  await prisma.$transaction(async (tx) => {
    seen.set(id, Date.now());
    logger.info('updating');
    await tx.user.update({ where: { id }, data: { seen: true } });
  });
}`,
    // Sequelize managed transaction with only database calls
    `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export async function f(id: number) {
  await sequelize.transaction(async (t) => {
    await Account.update({ frozen: true }, { where: { id }, transaction: t });
    await AuditLog.create({ accountId: id, action: 'freeze' }, { transaction: t });
  });
}`,
    // pg-boss job written with the transaction's client
    `import PgBoss from 'pg-boss';
import { Pool } from 'pg';
const pool = new Pool();
const boss = new PgBoss(process.env.DATABASE_URL!);
export async function f(id: string) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('UPDATE users SET verified = true WHERE id = $1', [id]);
  await boss.send('welcome', { id }, { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) } });
  await client.query('COMMIT');
}`,
    // Knex transaction with only queries
    `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function f(id: number) {
  await db.transaction(async (trx) => {
    await trx('accounts').where({ id }).update({ balance: 0 });
    await trx('audit').insert({ account_id: id });
  });
}`,
    // an in-house service inside a transaction: not known to call out
    `${PRISMA}export async function f(id: string, pricing: PricingService) {
  await prisma.$transaction(async (tx) => {
    const price = await pricing.quote(id);
    await tx.order.update({ where: { id }, data: { price } });
  });
}`,
    // an external call in another function that merely sits next to a transaction
    `${PRISMA}import axios from 'axios';
export async function a(id: string) {
  await prisma.$transaction(async (tx) => tx.user.delete({ where: { id } }));
}
export async function b(id: string) {
  await axios.delete(\`https://crm.example.com/users/\${id}\`, { timeout: 5000 });
}`,
    // seed scripts and migrations do not serve traffic
    {
      code: `${PRISMA}${STRIPE}export async function seed() {
  await prisma.$transaction(async (tx) => {
    const c = await stripe.customers.create({ email: 'demo@acme.dev' });
    await tx.user.create({ data: { email: 'demo@acme.dev', stripeCustomerId: c.id } });
  });
}`,
      filename: 'prisma/seed.ts',
    },
  ],
  invalid: [
    {
      code: `${PRISMA}${STRIPE}export async function checkout(orderId: string) {
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.update({ where: { id: orderId }, data: { status: 'paid' } });
    await stripe.paymentIntents.capture(order.paymentIntentId, {}, { idempotencyKey: orderId });
  });
}`,
      errors: [
        {
          messageId: 'externalInTransaction',
          line: 8,
          column: 11,
          data: { label: 'stripe.paymentIntents.capture', transaction: 'prisma.$transaction' },
        },
      ],
    },
    {
      // fetch in a Drizzle transaction
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
export async function f(id: string) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ plan: 'pro' }).where(eq(users.id, id));
    await fetch('https://crm.example.com/hooks/upgrade', { method: 'POST', body: id, signal: AbortSignal.timeout(5000) });
  });
}`,
      errors: [{ messageId: 'externalInTransaction', line: 6, column: 11, data: { label: 'fetch', transaction: 'db.transaction' } }],
    },
    {
      // email inside a TypeORM transaction
      code: `import { DataSource } from 'typeorm';
import { Resend } from 'resend';
const dataSource = new DataSource({ type: 'postgres' });
const resend = new Resend(process.env.RESEND_API_KEY);
export async function invite(email: string) {
  await dataSource.transaction(async (manager) => {
    await manager.insert(Invite, { email });
    await resend.emails.send({ from: 'team@acme.dev', to: email, subject: 'Join us', html: '<p>Hi</p>' });
  });
}`,
      errors: [{ messageId: 'externalInTransaction', line: 8, column: 11, data: { label: 'resend.emails.send', transaction: 'dataSource.transaction' } }],
    },
    {
      // queue publish in a Sequelize transaction
      code: `import { Sequelize } from 'sequelize';
import { Queue } from 'bullmq';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
const queue = new Queue('exports');
export async function f(userId: number) {
  await sequelize.transaction(async (t) => {
    const job = await ExportJob.create({ userId }, { transaction: t });
    await queue.add('export', { jobId: job.id });
  });
}`,
      errors: [{ messageId: 'enqueueInTransaction', line: 8, column: 11, data: { label: 'queue.add', transaction: 'sequelize.transaction' } }],
    },
    {
      // SQS send inside a Knex transaction
      code: `import knex from 'knex';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const db = knex({ client: 'pg' });
const sqs = new SQSClient({});
export async function f(id: number) {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id }).update({ status: 'shipped' });
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: String(id) }));
  });
}`,
      errors: [{ messageId: 'enqueueInTransaction', line: 8, column: 11, data: { label: 'sqs.send', transaction: 'db.transaction' } }],
    },
    {
      // axios inside a Kysely transaction
      code: `import { Kysely } from 'kysely';
import axios from 'axios';
const db = new Kysely<DB>({ dialect });
export async function f(id: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ synced: true }).where('id', '=', id).execute();
    await axios.put(\`https://crm.example.com/accounts/\${id}\`, { synced: true }, { timeout: 5000 });
  });
}`,
      errors: [{ messageId: 'externalInTransaction', line: 7, column: 11, data: { label: 'axios.put', transaction: 'db.transaction().execute(…)' } }],
    },
    {
      // Mongoose session.withTransaction with a Slack post
      code: `import mongoose from 'mongoose';
import { WebClient } from '@slack/web-api';
const slack = new WebClient(process.env.SLACK_TOKEN);
const Order = mongoose.model('Order', schema);
export async function f(id: string) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Order.updateOne({ _id: id }, { $set: { status: 'refunded' } }, { session });
    await slack.chat.postMessage({ channel: '#billing', text: \`Refunded \${id}\` });
  });
}`,
      errors: [{ messageId: 'externalInTransaction', line: 9, column: 11, data: { label: 'slack.chat.postMessage', transaction: 'session.withTransaction' } }],
    },
    {
      // an HTTP call in a callback nested in the transaction callback
      code: `${PRISMA}import got from 'got';
export async function f(ids: string[]) {
  await prisma.$transaction(async (tx) => {
    await tx.item.updateMany({ where: { id: { in: ids } }, data: { exported: true } });
    await Promise.all(ids.map((id) => got.post('https://erp.example.com/items', { json: { id }, timeout: { request: 5000 } })));
  });
}`,
      errors: [{ messageId: 'externalInTransaction', line: 7, column: 39, data: { label: 'got.post', transaction: 'prisma.$transaction' } }],
    },
    {
      // a named in-house API client, and a same-file helper that calls it
      code: `${PRISMA}async function pushToCrm(id: string) {
  await fetch(\`https://crm.example.com/sync/\${id}\`, { method: 'POST', signal: AbortSignal.timeout(5000) });
}
export async function f(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.candidate.update({ where: { id }, data: { status: 'hired' } });
    await externalApi.updateCandidate(id, { status: 'hired' });
    await pushToCrm(id);
  });
}`,
      errors: [
        { messageId: 'externalInTransaction', line: 9, column: 11, data: { label: 'externalApi.updateCandidate', transaction: 'prisma.$transaction' } },
        { messageId: 'externalInTransaction', line: 10, column: 11, data: { label: 'pushToCrm', transaction: 'prisma.$transaction' } },
      ],
    },
    {
      // manual BEGIN/COMMIT with pg and a Twilio SMS in between
      code: `import { Pool } from 'pg';
import twilio from 'twilio';
const pool = new Pool();
const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
export async function f(id: string, phone: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE bookings SET confirmed = true WHERE id = $1', [id]);
    await sms.messages.create({ to: phone, from: '+15550100', body: 'Confirmed' });
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}`,
      errors: [{ messageId: 'externalInTransaction', line: 10, column: 11, data: { label: 'sms.messages.create', transaction: 'client.query("BEGIN")' } }],
    },
  ],
});
