// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// A Fastify marketplace API on MikroORM (orders) and Kysely (reporting), paying out through Stripe Connect.
import { MikroORM } from '@mikro-orm/postgresql';
import Fastify from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import Stripe from 'stripe';
import { fetch as undiciFetch } from 'undici';

import { Order, Payout } from './entities';

const orm = await MikroORM.init();
const reporting = new Kysely<Reporting>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const app = Fastify();

// @expect require-idempotency-key, no-external-call-in-transaction
app.post('/payouts/:sellerId', async (request) => {
  const { sellerId } = request.params as { sellerId: string };
  const em = orm.em.fork();
  return em.transactional(async (tx) => {
    const payout = tx.create(Payout, { sellerId, status: 'pending' });
    await tx.flush();
    const transfer = await stripe.transfers.create({ amount: payout.amountCents, currency: 'eur', destination: payout.stripeAccountId });
    payout.transferId = transfer.id;
    return payout;
  });
});

// @expect none
app.post('/payouts/:sellerId/v2', async (request) => {
  const { sellerId } = request.params as { sellerId: string };
  const em = orm.em.fork();
  const payout = await em.transactional(async (tx) => {
    const p = tx.create(Payout, { sellerId, status: 'pending' });
    await tx.flush();
    return p;
  });
  try {
    const transfer = await stripe.transfers.create(
      { amount: payout.amountCents, currency: 'eur', destination: payout.stripeAccountId },
      { idempotencyKey: `payout-${payout.id}` },
    );
    await em.nativeUpdate(Payout, { id: payout.id }, { status: 'paid', transferId: transfer.id });
  } catch (err) {
    await em.nativeUpdate(Payout, { id: payout.id }, { status: 'failed', error: String(err) });
    throw err;
  }
  return payout;
});

// @expect require-idempotency-key
app.post('/orders/:id/refund', async (request) => {
  const { id } = request.params as { id: string };
  const order = await orm.em.fork().findOneOrFail(Order, { id });
  return stripe.refunds.create({ payment_intent: order.paymentIntentId, reason: 'requested_by_customer' });
});

// @expect require-timeout
app.get('/fx/:currency', async (request) => {
  const { currency } = request.params as { currency: string };
  const res = await undiciFetch(`https://fx.example.com/latest/${currency}`);
  return res.json();
});

// @expect no-external-call-in-transaction, require-timeout
app.post('/reports/daily', async () => {
  await reporting.transaction().execute(async (trx) => {
    const totals = await trx.selectFrom('orders').select(({ fn }) => fn.sum<number>('total_cents').as('total')).executeTakeFirstOrThrow();
    await trx.insertInto('daily_reports').values({ day: new Date(), total_cents: totals.total }).execute();
    await fetch(`${process.env.SLACK_WEBHOOK_URL}`, { method: 'POST', body: JSON.stringify({ text: `Daily total ${totals.total}` }) });
  });
  return { ok: true };
});

// @expect no-floating-effect
app.post('/orders/:id/viewed', async (request, reply) => {
  const { id } = request.params as { id: string };
  reporting.insertInto('order_views').values({ order_id: id, at: new Date() }).execute();
  return reply.code(204).send();
});

// @expect none
app.get('/orders/:id', async (request) => {
  const { id } = request.params as { id: string };
  const [order, views] = await Promise.all([
    orm.em.fork().findOneOrFail(Order, { id }),
    reporting.selectFrom('order_views').select(({ fn }) => fn.countAll<number>().as('n')).where('order_id', '=', id).executeTakeFirst(),
  ]);
  return { ...order, views: views?.n ?? 0 };
});
