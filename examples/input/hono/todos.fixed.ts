// Hono + Drizzle on the edge: a validator middleware parses the body, the handler reads `c.req.valid()`.
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { todos } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
export const app = new Hono();

const TodoInput = z.object({ title: z.string().min(1).max(200), done: z.boolean().default(false) });

app.post('/todos', zValidator('json', TodoInput), async (c) => {
  const [todo] = await db.insert(todos).values(c.req.valid('json')).returning();
  return c.json(todo, 201);
});

app.patch('/todos/:id', zValidator('json', TodoInput.partial()), async (c) => {
  const { title, done } = c.req.valid('json');
  await db.update(todos).set({ title, done }).where(eq(todos.id, c.req.param('id')));
  return c.body(null, 204);
});
