// @corpus-rules require-input-validation, no-mass-assignment
// An internal admin API over Sequelize, Kysely, Knex and MikroORM (Express).
import express from 'express';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import knex from 'knex';
import { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Coupon, Plan } from './models';
import { Organization } from './entities/organization';

const kdb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const sql = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const orm = await MikroORM.init();
export const admin = express.Router();

const CouponInput = z.object({ code: z.string().regex(/^[A-Z0-9]{4,12}$/), percentOff: z.number().int().min(1).max(100) });

// @expect require-input-validation, no-mass-assignment
admin.put('/plans/:id', async (req, res) => {
  await Plan.update(req.body, { where: { id: req.params.id } });
  res.sendStatus(204);
});

// @expect none
admin.post('/coupons', async (req, res) => {
  const coupon = await Coupon.create(CouponInput.parse(req.body));
  res.status(201).json(coupon);
});

// @expect require-input-validation, no-mass-assignment
admin.post('/feature-flags', async (req, res) => {
  const flag = await kdb.insertInto('feature_flags').values(req.body).returningAll().executeTakeFirstOrThrow();
  res.status(201).json(flag);
});

// @expect require-input-validation, no-mass-assignment
admin.patch('/tenants/:id', async (req, res) => {
  await sql('tenants').where({ id: req.params.id }).update({ ...req.body, updated_at: sql.fn.now() });
  res.sendStatus(204);
});

// @expect require-input-validation, no-mass-assignment
admin.patch('/organizations/:id', async (req, res) => {
  const em = orm.em.fork();
  const org = await em.findOneOrFail(Organization, { id: req.params.id });
  em.assign(org, req.body);
  await em.persistAndFlush(org);
  res.json(org);
});

// @expect none
admin.patch('/organizations/:id/name', async (req, res) => {
  const { name } = z.object({ name: z.string().min(1).max(120) }).parse(req.body);
  await kdb.updateTable('organizations').set({ name }).where('id', '=', req.params.id).execute();
  res.sendStatus(204);
});

// @expect none
async function saveTenantSettings(tenantId: string, settings: TenantSettings) {
  await sql('tenant_settings').insert({ tenant_id: tenantId, ...settings }).onConflict('tenant_id').merge();
}

// @expect require-input-validation, no-mass-assignment
admin.put('/tenants/:id/settings', async (req, res) => {
  await saveTenantSettings(req.params.id, req.body);
  res.sendStatus(204);
});

const TenantSettingsInput = z.object({ locale: z.string().max(10), seats: z.number().int().min(1) });

// @expect none
admin.post('/tenants/:id/settings', async (req, res) => {
  await saveTenantSettings(req.params.id, TenantSettingsInput.parse(req.body));
  res.sendStatus(204);
});
