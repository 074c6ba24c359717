// @corpus-rules require-input-validation, no-mass-assignment
// Three small services that share a Postgres database: a Fastify API, a Hono edge API, a Koa admin.
import Fastify from 'fastify';
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import Koa from 'koa';
import Router from '@koa/router';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { z } from 'zod';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import knex from 'knex';
import { invoices, todos } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const sql = knex({ client: 'pg', connection: process.env.DATABASE_URL });

// ---------------------------------------------------------------- Fastify
export const fastify = Fastify({ logger: true });

const InvoiceBody = Type.Object({ customerId: Type.String(), amountCents: Type.Integer({ minimum: 1 }) });

// @expect none
fastify.post('/invoices', { schema: { body: InvoiceBody } }, async (request, reply) => {
  const [invoice] = await db.insert(invoices).values(request.body).returning();
  return reply.code(201).send(invoice);
});

// @expect require-input-validation, no-mass-assignment
fastify.put('/invoices/:id', async (request, reply) => {
  const { id } = request.params as { id: string };
  await db.update(invoices).set(request.body as Partial<typeof invoices.$inferInsert>).where(eq(invoices.id, id));
  return reply.code(204).send();
});

// @expect require-input-validation
fastify.post('/invoices/:id/payments', async (request, reply) => {
  const { amountCents } = request.body as { amountCents: number };
  await sql('payments').insert({ invoice_id: (request.params as { id: string }).id, amount_cents: amountCents });
  return reply.code(201).send();
});

// @expect none
fastify.route({
  method: 'PATCH',
  url: '/invoices/:id/memo',
  schema: { body: Type.Object({ memo: Type.String({ maxLength: 500 }) }) },
  handler: async (request, reply) => {
    const { memo } = request.body as { memo: string };
    await sql('invoices').where({ id: (request.params as { id: string }).id }).update({ memo });
    return reply.code(204).send();
  },
});

// @expect none
fastify.post('/invoices/:id/notes', async (request, reply) => {
  if (!Value.Check(InvoiceBody, request.body)) return reply.code(400).send([...Value.Errors(InvoiceBody, request.body)]);
  await sql('invoice_notes').insert({ invoice_id: (request.params as { id: string }).id, customer_id: request.body.customerId });
  return reply.code(201).send();
});

// ---------------------------------------------------------------- Hono
export const api = new Hono();
const TodoInput = z.object({ title: z.string().min(1).max(200), done: z.boolean().default(false) });

// @expect require-input-validation, no-mass-assignment
api.post('/todos', async (c) => {
  const body = await c.req.json();
  const [todo] = await db.insert(todos).values(body).returning();
  return c.json(todo, 201);
});

// @expect none
api.put('/todos/:id', zValidator('json', TodoInput), async (c) => {
  const todo = c.req.valid('json');
  await db.update(todos).set(todo).where(eq(todos.id, c.req.param('id')));
  return c.body(null, 204);
});

// @expect require-input-validation
api.post('/todos/:id/share', async (c) => {
  const email = c.req.query('email');
  await fetch('https://api.postmarkapp.com/email/withTemplate', {
    method: 'POST',
    headers: { 'X-Postmark-Server-Token': process.env.POSTMARK_TOKEN! },
    body: JSON.stringify({ To: email, TemplateAlias: 'shared-todo', TemplateModel: { id: c.req.param('id') } }),
    signal: AbortSignal.timeout(5000),
  });
  return c.body(null, 202);
});

// @expect none
api.patch('/todos/:id', async (c) => {
  const todo = TodoInput.partial().parse(await c.req.json());
  await db.update(todos).set(todo).where(eq(todos.id, c.req.param('id')));
  return c.body(null, 204);
});

// ---------------------------------------------------------------- Koa
export const admin = new Koa();
const router = new Router();

// @expect require-input-validation, no-mass-assignment
router.post('/admin/users', async (ctx) => {
  const [user] = await sql('users').insert(ctx.request.body).returning('*');
  ctx.status = 201;
  ctx.body = user;
});

// @expect require-input-validation
router.put('/admin/users/:id/role', async (ctx) => {
  const { role } = ctx.request.body as { role: string };
  await sql('users').where({ id: ctx.params.id }).update({ role, updated_at: sql.fn.now() });
  ctx.status = 204;
});

// @expect none
router.get('/admin/users', async (ctx) => {
  ctx.body = await sql('users').where('email', 'ilike', `%${ctx.query.q ?? ''}%`).limit(50);
});

// @expect none
router.post('/admin/users/:id/disable', async (ctx) => {
  await sql('users').where({ id: ctx.params.id }).update({ disabled_at: sql.fn.now(), disabled_by: ctx.state.user.id });
  ctx.status = 204;
});

admin.use(router.routes());
