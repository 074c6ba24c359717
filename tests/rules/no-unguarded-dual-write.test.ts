import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/no-unguarded-dual-write.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

const PRISMA = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
`;
const STRIPE = `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
`;

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('no-unguarded-dual-write', rule as never, {
  valid: [
    // the article's function, fixed: the sync goes through an outbox row in the same transaction
    `async function syncCandidate(candidateId: string, updates: Partial<Candidate>) {
  return db.$transaction(async (tx) => {
    const merged = await tx.candidates.update({ where: { id: candidateId }, data: updates });
    await tx.outbox.create({ data: { topic: 'candidate.sync', payload: merged } });
    return merged;
  });
}`,
    // enqueue after commit instead of the direct call
    `${PRISMA}import { Queue } from 'bullmq';
const sync = new Queue('crm-sync');
export async function f(id: string, status: string) {
  await prisma.candidate.update({ where: { id }, data: { status } });
  await sync.add('candidate', { id }, { jobId: \`candidate-\${id}-\${status}\` });
}`,
    // a caught failure that records it for retry
    `${PRISMA}import axios from 'axios';
export async function f(id: string, status: string) {
  await prisma.candidate.update({ where: { id }, data: { status } });
  try {
    await axios.put(\`https://crm.example.com/candidates/\${id}\`, { status }, { timeout: 5000 });
  } catch (err) {
    await prisma.syncFailure.create({ data: { candidateId: id, error: String(err) } });
  }
}`,
    // .catch that marks the record through a named helper
    `${PRISMA}export async function f(id: string) {
  await prisma.user.update({ where: { id }, data: { plan: 'pro' } });
  await crmApi.updatePlan(id, 'pro').catch((err) => markSyncFailed(id, err));
}`,
    // the external call comes first and its read result is only read; no write after
    `${PRISMA}export async function f(id: string) {
  await fetch(\`https://audit.example.com/events\`, { method: 'POST', body: id, signal: AbortSignal.timeout(3000) });
  return prisma.user.findUnique({ where: { id } });
}`,
    // a GET after a write is not a mutation
    `${PRISMA}import axios from 'axios';
export async function f(id: string) {
  await prisma.user.update({ where: { id }, data: { refreshedAt: new Date() } });
  return axios.get(\`https://crm.example.com/users/\${id}\`, { timeout: 5000 });
}`,
    // write and call in different arms of an if
    `${PRISMA}export async function f(id: string, local: boolean) {
  if (local) {
    await prisma.user.delete({ where: { id } });
  } else {
    await externalApi.deleteUser(id);
  }
}`,
    // the write's path returns before the call
    `${PRISMA}export async function f(id: string, dryRun: boolean) {
  if (dryRun) {
    await prisma.preview.create({ data: { id } });
    return;
  }
  await externalApi.publish(id);
}`,
    // an in-house service after a write: not known to leave the process
    `${PRISMA}export async function f(id: string, notifications: NotificationService) {
  await prisma.comment.create({ data: { id } });
  await notifications.notifyFollowers(id);
}`,
    // a Stripe charge with a stable idempotency key, then the write: a retry returns the same charge
    `${STRIPE}${PRISMA}export async function pay(order: Order) {
  const intent = await stripe.paymentIntents.create({ amount: order.total, currency: 'eur' }, { idempotencyKey: \`order-\${order.id}\` });
  await prisma.order.update({ where: { id: order.id }, data: { paymentIntentId: intent.id } });
}`,
    // an email, then a write whose failure triggers a compensation through the queue
    `import { Resend } from 'resend';
${PRISMA}const resend = new Resend(process.env.RESEND_API_KEY);
export async function invite(email: string) {
  await resend.emails.send({ from: 'team@acme.dev', to: email, subject: 'Join', html: '<p>Hi</p>' });
  try {
    await prisma.invite.create({ data: { email } });
  } catch (err) {
    await reconcileQueue.enqueue({ email });
    throw err;
  }
}`,
    // an Inngest step: the runner retries the step until it succeeds
    `${PRISMA}export default inngest.createFunction({ id: 'sync' }, { event: 'user/updated' }, async ({ event, step }) => {
  await step.run('save', () => prisma.user.update({ where: { id: event.data.id }, data: event.data.changes }));
  await step.run('push', () => externalApi.updateUser(event.data.id, event.data.changes));
});`,
    // cancelling at Stripe, then recording it: a retry of a cancellation charges nobody
    `${STRIPE}${PRISMA}export async function cancel(userId: string, subId: string) {
  await stripe.subscriptions.cancel(subId);
  await prisma.user.update({ where: { id: userId }, data: { plan: 'free' } });
}`,
    // a map callback inside the transaction is the other rule's business; the write inside it is not committed yet
    `${PRISMA}export async function f(ids: string[]) {
  await prisma.$transaction(async (tx) => {
    await tx.item.updateMany({ where: { id: { in: ids } }, data: { exported: true } });
    await Promise.all(ids.map((id) => fetch('https://erp.example.com/items', { method: 'POST', body: id, signal: AbortSignal.timeout(5000) })));
  });
}`,
    // a map callback whose failures are recorded
    `${PRISMA}export async function publish(postId: string, hooks: string[]) {
  await prisma.post.update({ where: { id: postId }, data: { publishedAt: new Date() } });
  await Promise.all(hooks.map((url) => fetch(url, { method: 'POST', body: postId, signal: AbortSignal.timeout(5000) }).catch((err) => prisma.webhookFailure.create({ data: { url, postId, error: String(err) } }))));
}`,
    // a message to a team chat after the commit is a notification, not a second record
    `import { drizzle } from 'drizzle-orm/node-postgres';
import { WebClient } from '@slack/web-api';
import { notifySlack } from './slack';
const db = drizzle(process.env.DATABASE_URL!);
const slack = new WebClient(process.env.SLACK_TOKEN);
export async function f(id: string) {
  await db.update(deals).set({ stage: 'won' }).where(eq(deals.id, id));
  await slack.chat.postMessage({ channel: '#sales', text: \`Deal \${id} won\` });
  await notifySlack(\`Deal \${id} won\`);
}`,
    // a Redis lock released, then a token exchange: neither is a record of truth nor a mutation
    `import Redis from 'ioredis';
import axios from 'axios';
const redis = new Redis();
const auth = axios.create({ baseURL: process.env.PARTNER_URL, timeout: 5000 });
export async function f(id: string) {
  await redis.set(\`lock:\${id}\`, '1', 'EX', 30, 'NX');
  await redis.del(\`lock:\${id}\`);
  const { data } = await auth.post('/oauth/token', { grant_type: 'client_credentials' });
  return data.access_token;
}`,
    // one-off scripts do not serve traffic
    {
      code: `${PRISMA}export async function backfill(ids: string[]) {
  for (const id of ids) {
    await prisma.user.update({ where: { id }, data: { migrated: true } });
    await externalApi.updateUser(id, { migrated: true });
  }
}`,
      filename: 'scripts/backfill-crm.ts',
    },
  ],
  invalid: [
    {
      // the article's syncCandidate
      code: `async function syncCandidate(candidateId: string, updates: Partial<Candidate>) {
  const existing = await db.candidates.findUnique({ where: { id: candidateId } });
  const merged = { ...existing, ...updates, updatedAt: new Date() };
  await db.candidates.update({ where: { id: candidateId }, data: merged });
  await externalApi.updateCandidate(candidateId, merged);
  return merged;
}`,
      errors: [{ messageId: 'writeThenCall', line: 5, column: 9, data: { write: 'db.candidates.update', call: 'externalApi.updateCandidate' } }],
    },
    {
      // a try/catch that only logs is no plan
      code: `${PRISMA}import axios from 'axios';
export async function f(id: string, status: string) {
  await prisma.candidate.update({ where: { id }, data: { status } });
  try {
    await axios.patch(\`https://crm.example.com/candidates/\${id}\`, { status }, { timeout: 5000 });
  } catch (err) {
    console.error('crm sync failed', err);
  }
}`,
      errors: [{ messageId: 'writeThenCall', line: 7, column: 11, data: { write: 'prisma.candidate.update', call: 'axios.patch' } }],
    },
    {
      // rethrowing does not undo the commit
      code: `${PRISMA}${STRIPE}export async function cancel(subId: string, userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { plan: 'free' } });
  try {
    await stripe.subscriptions.cancel(subId);
  } catch (err) {
    throw new Error('cancel failed', { cause: err });
  }
}`,
      errors: [{ messageId: 'writeThenCall', line: 8, column: 11, data: { write: 'prisma.user.update', call: 'stripe.subscriptions.cancel' } }],
    },
    {
      // an unawaited webhook after the commit
      code: `${PRISMA}export async function f(id: string) {
  await prisma.order.update({ where: { id }, data: { status: 'shipped' } });
  fetch('https://hooks.partner.example.com/orders', { method: 'POST', body: JSON.stringify({ id }), signal: AbortSignal.timeout(5000) });
}`,
      errors: [{ messageId: 'writeThenCall', line: 5, column: 3, data: { write: 'prisma.order.update', call: 'fetch' } }],
    },
    {
      // a Drizzle transaction commits, then the CRM deal is updated
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { Client } from '@hubspot/api-client';
const db = drizzle(process.env.DATABASE_URL!);
const hubspot = new Client({ accessToken: process.env.HUBSPOT_TOKEN });
export async function f(id: string, hubspotId: string) {
  await db.transaction(async (tx) => {
    await tx.update(deals).set({ stage: 'won' }).where(eq(deals.id, id));
  });
  await hubspot.crm.deals.basicApi.update(hubspotId, { properties: { dealstage: 'closedwon' } });
}`,
      errors: [{ messageId: 'writeThenCall', line: 9, column: 9, data: { write: 'tx.update(deals).set(…).where(…)', call: 'hubspot.crm.deals.basicApi.update' } }],
    },
    {
      // TypeORM save, then a SendGrid email in a NestJS service
      code: `import sgMail from '@sendgrid/mail';
import { Repository } from 'typeorm';
export class OrdersService {
  constructor(private readonly orders: Repository<Order>) {}
  async ship(order: Order) {
    order.status = 'shipped';
    await this.orders.save(order);
    await sgMail.send({ to: order.email, from: 'shop@acme.dev', subject: 'Shipped', text: 'On its way' });
  }
}`,
      errors: [{ messageId: 'writeThenCall', line: 8, column: 11, data: { write: 'this.orders.save', call: 'sgMail.send' } }],
    },
    {
      // Mongoose create, then a Twilio SMS
      code: `import mongoose from 'mongoose';
import twilio from 'twilio';
const Booking = mongoose.model('Booking', schema);
const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
export async function book(phone: string, slot: string) {
  const booking = await Booking.create({ phone, slot });
  await sms.messages.create({ to: phone, from: '+15550100', body: \`Booked \${slot}\` });
  return booking;
}`,
      errors: [{ messageId: 'writeThenCall', line: 7, column: 9, data: { write: 'Booking.create', call: 'sms.messages.create' } }],
    },
    {
      // a charge, then the write that records it, with no key and no compensation
      code: `${STRIPE}${PRISMA}export async function pay(order: Order) {
  const charge = await stripe.charges.create({ amount: order.total, currency: 'usd', customer: order.customerId });
  await prisma.order.update({ where: { id: order.id }, data: { chargeId: charge.id, status: 'paid' } });
}`,
      errors: [{ messageId: 'callThenWrite', line: 6, column: 24, data: { call: 'stripe.charges.create', write: 'prisma.order.update' } }],
    },
    {
      // the transaction's callback returns; the call after the commit is still unguarded
      code: `${PRISMA}export async function promote(id: string) {
  const user = await prisma.$transaction(async (tx) => {
    const u = await tx.user.update({ where: { id }, data: { role: 'admin' } });
    return u;
  });
  await externalApi.updateUser(user.id, { role: 'admin' });
}`,
      errors: [{ messageId: 'writeThenCall', line: 8, column: 9, data: { write: 'tx.user.update', call: 'externalApi.updateUser' } }],
    },
    {
      // one webhook per subscriber after the commit, inside a map callback
      code: `${PRISMA}export async function publish(postId: string, hooks: string[]) {
  await prisma.post.update({ where: { id: postId }, data: { publishedAt: new Date() } });
  await Promise.all(hooks.map((url) => fetch(url, { method: 'POST', body: postId, signal: AbortSignal.timeout(5000) })));
}`,
      errors: [{ messageId: 'writeThenCall', line: 5, column: 40, data: { write: 'prisma.post.update', call: 'fetch' } }],
    },
    {
      // a subscription is charged its first invoice when it is created
      code: `${STRIPE}${PRISMA}export async function subscribe(userId: string, customer: string, price: string) {
  const sub = await stripe.subscriptions.create({ customer, items: [{ price }] });
  await prisma.user.update({ where: { id: userId }, data: { subscriptionId: sub.id } });
}`,
      errors: [{ messageId: 'callThenWrite', line: 6, column: 21, data: { call: 'stripe.subscriptions.create', write: 'prisma.user.update' } }],
    },
    {
      // an email, then the write that remembers it was sent
      code: `import nodemailer from 'nodemailer';
import knex from 'knex';
const db = knex({ client: 'pg' });
const transporter = nodemailer.createTransport({ host: 'smtp.acme.dev' });
export async function remind(userId: number, email: string) {
  await transporter.sendMail({ to: email, subject: 'Reminder', text: 'Your trial ends soon' });
  await db('users').where({ id: userId }).update({ reminded_at: new Date() });
}`,
      errors: [{ messageId: 'callThenWrite', line: 6, column: 9, data: { call: 'transporter.sendMail', write: 'db(\'users\').where(…).update(…)' } }],
    },
    {
      // a Sequelize write followed by a configured wrapper of the project
      code: `import { Sequelize } from 'sequelize';
export async function f(id: number) {
  await Invoice.update({ status: 'void' }, { where: { id } });
  await notifyCrm({ invoiceId: id, status: 'void' });
}`,
      settings: { prodguard: { wrappers: { notifyCrm: 'external' } } },
      errors: [{ messageId: 'writeThenCall', line: 4, column: 9, data: { write: 'Invoice.update', call: 'notifyCrm' } }],
    },
    {
      // a Kysely insert, then a got POST to a partner
      code: `import { Kysely } from 'kysely';
import got from 'got';
const db = new Kysely<DB>({ dialect });
export async function f(id: string) {
  await db.insertInto('shipments').values({ id }).execute();
  await got.post('https://partner.example.com/shipments', { json: { id }, timeout: { request: 5000 } });
}`,
      errors: [{ messageId: 'writeThenCall', line: 6, column: 9, data: { write: 'db.insertInto(\'shipments\').values(…).execute()', call: 'got.post' } }],
    },
  ],
});
