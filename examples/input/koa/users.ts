// Koa + Knex admin API: the body is inserted and updated as sent.
import Router from '@koa/router';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export const router = new Router();

router.post('/admin/users', async (ctx) => {
  const [user] = await db('users').insert(ctx.request.body).returning('*');
  ctx.status = 201;
  ctx.body = user;
});

router.put('/admin/users/:id/role', async (ctx) => {
  const { role } = ctx.request.body as { role: string };
  await db('users').where({ id: ctx.params.id }).update({ role });
  ctx.status = 204;
});
