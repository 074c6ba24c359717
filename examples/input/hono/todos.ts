// Hono + Drizzle on the edge: `c.req.json()` is whatever the client posted.
import { Hono } from 'hono';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { todos } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
export const app = new Hono();

app.post('/todos', async (c) => {
  const body = await c.req.json();
  const [todo] = await db.insert(todos).values(body).returning();
  return c.json(todo, 201);
});

app.patch('/todos/:id', async (c) => {
  const body = await c.req.json();
  await db.update(todos).set({ title: body.title, done: body.done }).where(eq(todos.id, c.req.param('id')));
  return c.body(null, 204);
});
