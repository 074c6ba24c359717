// @corpus-rules require-transaction, no-transaction-bypass
// Express routes of a marketplace API over several data layers.
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import express from 'express';
import knexFactory from 'knex';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';
import { z } from 'zod';

import { listings, listingViews } from './schema';
import { Order, Shipment } from './models';

const prisma = new PrismaClient();
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const db = drizzle(pool);
const kysely = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
const redis = new Redis(process.env.REDIS_URL!);

export const app = express();
app.use(express.json());

const signupBody = z.object({ email: z.string().email(), name: z.string().min(1) });
const bidBody = z.object({ listingId: z.string(), cents: z.number().int().positive() });
const shipBody = z.object({ carrier: z.string() });

// @expect require-transaction
app.post('/signup', async (req, res) => {
  const { email, name } = signupBody.parse(req.body);
  const user = await prisma.user.create({ data: { email, name } });
  await prisma.wallet.create({ data: { userId: user.id, balanceCents: 0 } });
  res.status(201).json({ id: user.id });
});

// @expect no-transaction-bypass
app.post('/orders/:id/items', async (req, res) => {
  const skus = z.array(z.string()).parse(req.body);
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: req.params.id } });
    await Promise.all(skus.map((sku) => prisma.orderItem.create({ data: { orderId: order.id, sku } })));
  });
  res.status(204).end();
});

// @expect none
app.post('/listings/:id/publish', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    await tx.listing.update({ where: { id: req.params.id }, data: { status: 'published' } });
    await tx.listingEvent.create({ data: { listingId: req.params.id, kind: 'published' } });
  });
  await redis.del(`listing:${req.params.id}`);
  res.status(204).end();
});

// @expect no-transaction-bypass
app.post('/bids', async (req, res) => {
  const { listingId, cents } = bidBody.parse(req.body);
  const bidId = await knex.transaction(async (trx) => {
    const [bid] = await trx('bids').insert({ listing_id: listingId, cents }).returning('id');
    const top = await knex('bids').where({ listing_id: listingId }).max('cents as max').first();
    await trx('listings').where({ id: listingId }).update({ top_bid_cents: top?.max ?? cents });
    return bid.id;
  });
  res.status(201).json({ id: bidId });
});

// @expect no-transaction-bypass
app.delete('/listings/:id', async (req, res) => {
  await db.transaction(async (tx) => {
    const [listing] = await db.select().from(listings).where(eq(listings.id, req.params.id));
    await tx.delete(listingViews).where(eq(listingViews.listingId, listing.id));
    await tx.delete(listings).where(eq(listings.id, listing.id));
  });
  res.status(204).end();
});

// @expect none
app.post('/listings/:id/archive', async (req, res) => {
  await db.transaction(async (tx) => {
    await tx.update(listings).set({ archived: true }).where(eq(listings.id, req.params.id));
    await tx.delete(listingViews).where(eq(listingViews.listingId, req.params.id));
  });
  const [listing] = await db.select().from(listings).where(eq(listings.id, req.params.id));
  res.json(listing);
});

// @expect require-transaction
app.post('/conversations', async (req, res) => {
  const { listingId, buyerId } = z.object({ listingId: z.string(), buyerId: z.string() }).parse(req.body);
  const conversationId = crypto.randomUUID();
  await Promise.all([
    kysely.insertInto('conversations').values({ id: conversationId, listing_id: listingId }).execute(),
    kysely.insertInto('participants').values({ conversation_id: conversationId, user_id: buyerId }).execute(),
  ]);
  res.status(201).json({ id: conversationId });
});

// @expect none
app.post('/listings/:id/flag', async (req, res) => {
  const reason = z.string().parse(req.body.reason);
  if (reason === 'spam') {
    await kysely.updateTable('listings').set({ hidden: true }).where('id', '=', req.params.id).execute();
  } else {
    await kysely.insertInto('flags').values({ listing_id: req.params.id, reason }).execute();
  }
  res.status(202).end();
});

// @expect no-transaction-bypass
app.post('/payouts/:id/approve', async (req, res) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE payouts SET approved = true WHERE id = $1', [req.params.id]);
    const { rows } = await pool.query('SELECT count(*) FROM payouts WHERE approved = true AND id = $1', [req.params.id]);
    await client.query('UPDATE payout_batches SET approved_count = $1 WHERE id = $2', [rows[0].count, req.params.id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  res.status(204).end();
});

// @expect none
app.post('/jobs/:id/run', async (req, res) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE jobs SET started_at = now() WHERE id = $1', [req.params.id]);
    await client.query('INSERT INTO job_runs (job_id) VALUES ($1)', [req.params.id]);
    await client.query('COMMIT');
    res.status(202).end();
  } catch (error) {
    await client.query('ROLLBACK');
    await pool.query('UPDATE jobs SET failed_at = now(), error = $2 WHERE id = $1', [req.params.id, String(error)]);
    res.status(500).end();
  } finally {
    client.release();
  }
});

// @expect require-transaction
app.post('/orders/:id/ship', async (req, res) => {
  const { carrier } = shipBody.parse(req.body);
  const orderId = Number(req.params.id);
  const order = await Order.findByPk(orderId);
  if (!order) return res.status(404).end();
  await order.update({ status: 'shipped' });
  await Shipment.create({ orderId, carrier });
  return res.status(204).end();
});

// @expect none
app.post('/listings/:id/view', async (req, res) => {
  await db.insert(listingViews).values({ listingId: req.params.id, viewedAt: new Date() });
  await redis.incr(`views:${req.params.id}`);
  res.status(204).end();
});
