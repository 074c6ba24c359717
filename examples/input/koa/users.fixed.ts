// Koa + Knex admin API: joi validates the body and only the validated value is written.
import Router from '@koa/router';
import Joi from 'joi';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export const router = new Router();

const NewUser = Joi.object({ email: Joi.string().email().required(), name: Joi.string().max(200).required() });
const RoleChange = Joi.object({ role: Joi.string().valid('member', 'admin', 'billing').required() });

router.post('/admin/users', async (ctx) => {
  const user = await NewUser.validateAsync(ctx.request.body, { stripUnknown: true });
  const [created] = await db('users').insert(user).returning('*');
  ctx.status = 201;
  ctx.body = created;
});

router.put('/admin/users/:id/role', async (ctx) => {
  const { role } = await RoleChange.validateAsync(ctx.request.body);
  await db('users').where({ id: ctx.params.id }).update({ role });
  ctx.status = 204;
});
