// Fastify + Drizzle: routes without a schema write the body as it arrives.
import Fastify from 'fastify';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { invoices } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
export const app = Fastify();

app.post('/invoices', async (request, reply) => {
  const [invoice] = await db.insert(invoices).values(request.body as typeof invoices.$inferInsert).returning();
  return reply.code(201).send(invoice);
});

app.patch('/invoices/:id', async (request, reply) => {
  const { id } = request.params as { id: string };
  const { amountCents } = request.body as { amountCents: number };
  await db.update(invoices).set({ amountCents }).where(eq(invoices.id, id));
  return reply.code(204).send();
});
