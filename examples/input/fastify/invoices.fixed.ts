// Fastify + Drizzle: each route declares a body schema, so Fastify validates before the handler runs.
import Fastify from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { invoices } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
export const app = Fastify();

const InvoiceBody = Type.Object(
  { customerId: Type.String({ format: 'uuid' }), amountCents: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const AmountBody = Type.Object({ amountCents: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

app.post('/invoices', { schema: { body: InvoiceBody } }, async (request, reply) => {
  const [invoice] = await db.insert(invoices).values(request.body as Static<typeof InvoiceBody>).returning();
  return reply.code(201).send(invoice);
});

app.patch('/invoices/:id', { schema: { body: AmountBody } }, async (request, reply) => {
  const { id } = request.params as { id: string };
  const { amountCents } = request.body as Static<typeof AmountBody>;
  await db.update(invoices).set({ amountCents }).where(eq(invoices.id, id));
  return reply.code(204).send();
});
