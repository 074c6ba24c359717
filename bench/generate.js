// Deterministic generator for the benchmark corpus: files shaped like real TypeScript backends
// (route handlers, services, repositories, workers, schemas, utilities) across Prisma, Drizzle,
// TypeORM, Sequelize, Mongoose, Knex, Kysely, pg, Redis, fetch, axios and Stripe.
// The same seed always produces byte-identical files.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const GENERATOR_VERSION = 4;

/** mulberry32: a small seeded PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const ENTITIES = [
  'user', 'order', 'invoice', 'product', 'account', 'subscription', 'payment', 'booking', 'coupon',
  'team', 'project', 'ticket', 'comment', 'shipment', 'refund', 'wallet', 'session', 'candidate',
  'inventory', 'review', 'webhookEvent', 'membership', 'plan', 'address', 'notification',
];
const FIELDS = ['status', 'balance', 'quantity', 'name', 'email', 'notes', 'priority', 'score', 'stock', 'credits', 'title', 'amount'];
const NUMERIC = ['balance', 'quantity', 'score', 'stock', 'credits', 'amount'];

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const plural = (s) => (s.endsWith('s') ? `${s}es` : s.endsWith('y') ? `${s.slice(0, -1)}ies` : `${s}s`);
const indent = (text, n) =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');

// ---------------------------------------------------------------------------
// Data layers: how each one reads, writes, increments and opens a transaction.
// Each returns statements (strings) for a given client expression `c`.

const LAYERS = {
  prisma: {
    header: () => `import { PrismaClient, Prisma } from '@prisma/client';\n\nconst prisma = new PrismaClient();`,
    client: 'prisma',
    tx: (body) => `await prisma.$transaction(async (tx) => {\n${indent(body('tx'), 2)}\n});`,
    find: (c, e, id) => `await ${c}.${e}.findUnique({ where: { id: ${id} } })`,
    list: (c, e) => `await ${c}.${e}.findMany({ where: { deletedAt: null }, take: 50, orderBy: { createdAt: 'desc' } })`,
    create: (c, e, data) => `await ${c}.${e}.create({ data: ${data} })`,
    update: (c, e, id, data) => `await ${c}.${e}.update({ where: { id: ${id} }, data: ${data} })`,
    inc: (c, e, id, f, by) => `await ${c}.${e}.update({ where: { id: ${id} }, data: { ${f}: { increment: ${by} } } })`,
    remove: (c, e, id) => `await ${c}.${e}.delete({ where: { id: ${id} } })`,
    upsert: (c, e, id, data) => `await ${c}.${e}.upsert({ where: { id: ${id} }, create: ${data}, update: ${data} })`,
  },
  drizzle: {
    header: (e) =>
      `import { drizzle } from 'drizzle-orm/node-postgres';\nimport { eq, sql, and, desc } from 'drizzle-orm';\nimport { ${plural(e)} } from '../db/schema';\n\nconst db = drizzle(process.env.DATABASE_URL!);`,
    client: 'db',
    tx: (body) => `await db.transaction(async (tx) => {\n${indent(body('tx'), 2)}\n});`,
    find: (c, e, id) => `(await ${c}.select().from(${plural(e)}).where(eq(${plural(e)}.id, ${id})).limit(1))[0]`,
    list: (c, e) => `await ${c}.select().from(${plural(e)}).orderBy(desc(${plural(e)}.createdAt)).limit(50)`,
    create: (c, e, data) => `await ${c}.insert(${plural(e)}).values(${data}).returning()`,
    update: (c, e, id, data) => `await ${c}.update(${plural(e)}).set(${data}).where(eq(${plural(e)}.id, ${id}))`,
    inc: (c, e, id, f, by) => `await ${c}.update(${plural(e)}).set({ ${f}: sql\`\${${plural(e)}.${f}} + \${${by}}\` }).where(eq(${plural(e)}.id, ${id}))`,
    remove: (c, e, id) => `await ${c}.delete(${plural(e)}).where(eq(${plural(e)}.id, ${id}))`,
    upsert: (c, e, id, data) => `await ${c}.insert(${plural(e)}).values(${data}).onConflictDoUpdate({ target: ${plural(e)}.id, set: ${data} })`,
  },
  typeorm: {
    header: (e) =>
      `import { DataSource, Repository } from 'typeorm';\nimport { ${cap(e)} } from '../entities/${e}.entity';\nimport { dataSource } from '../data-source';\n\nconst repo: Repository<${cap(e)}> = dataSource.getRepository(${cap(e)});`,
    client: 'repo',
    tx: (body) => `await dataSource.transaction(async (manager) => {\n${indent(body('manager'), 2)}\n});`,
    find: (c, e, id) => (c === 'manager' ? `await manager.findOne(${cap(e)}, { where: { id: ${id} } })` : `await repo.findOne({ where: { id: ${id} } })`),
    list: (c, e) => `await repo.find({ order: { createdAt: 'DESC' }, take: 50 })`,
    create: (c, e, data) => (c === 'manager' ? `await manager.save(${cap(e)}, ${data})` : `await repo.save(repo.create(${data}))`),
    update: (c, e, id, data) => (c === 'manager' ? `await manager.update(${cap(e)}, { id: ${id} }, ${data})` : `await repo.update({ id: ${id} }, ${data})`),
    inc: (c, e, id, f, by) => (c === 'manager' ? `await manager.increment(${cap(e)}, { id: ${id} }, '${f}', ${by})` : `await repo.increment({ id: ${id} }, '${f}', ${by})`),
    remove: (c, e, id) => (c === 'manager' ? `await manager.delete(${cap(e)}, { id: ${id} })` : `await repo.delete({ id: ${id} })`),
    upsert: (c, e, id, data) => `await repo.upsert({ id: ${id}, ...${data} }, ['id'])`,
  },
  sequelize: {
    header: (e) => `import { Op } from 'sequelize';\nimport { sequelize } from '../db';\nimport { ${cap(e)} } from '../models/${e}';`,
    client: cap,
    tx: (body) => `await sequelize.transaction(async (t) => {\n${indent(body('t'), 2)}\n});`,
    find: (c, e, id) => `await ${cap(e)}.findByPk(${id}${c === 't' ? ', { transaction: t }' : ''})`,
    list: (c, e) => `await ${cap(e)}.findAll({ where: { deletedAt: { [Op.is]: null } }, limit: 50 })`,
    create: (c, e, data) => `await ${cap(e)}.create(${data}${c === 't' ? ', { transaction: t }' : ''})`,
    update: (c, e, id, data) => `await ${cap(e)}.update(${data}, { where: { id: ${id} }${c === 't' ? ', transaction: t' : ''} })`,
    inc: (c, e, id, f, by) => `await ${cap(e)}.increment('${f}', { by: ${by}, where: { id: ${id} } })`,
    remove: (c, e, id) => `await ${cap(e)}.destroy({ where: { id: ${id} } })`,
    upsert: (c, e, id, data) => `await ${cap(e)}.upsert({ id: ${id}, ...${data} })`,
  },
  mongoose: {
    header: (e) => `import mongoose from 'mongoose';\nimport { ${cap(e)}Model } from '../models/${e}.model';`,
    client: (e) => `${cap(e)}Model`,
    tx: (body) => `const session = await mongoose.startSession();\nawait session.withTransaction(async () => {\n${indent(body('session'), 2)}\n});\nawait session.endSession();`,
    find: (c, e, id) => `await ${cap(e)}Model.findById(${id})${c === 'session' ? '.session(session)' : ''}`,
    list: (c, e) => `await ${cap(e)}Model.find({ archived: false }).sort({ createdAt: -1 }).limit(50).lean()`,
    create: (c, e, data) => `await ${cap(e)}Model.create(${c === 'session' ? `[${data}], { session }` : data})`,
    update: (c, e, id, data) => `await ${cap(e)}Model.updateOne({ _id: ${id} }, { $set: ${data} }${c === 'session' ? ', { session }' : ''})`,
    inc: (c, e, id, f, by) => `await ${cap(e)}Model.updateOne({ _id: ${id} }, { $inc: { ${f}: ${by} } })`,
    remove: (c, e, id) => `await ${cap(e)}Model.deleteOne({ _id: ${id} })`,
    upsert: (c, e, id, data) => `await ${cap(e)}Model.findOneAndUpdate({ _id: ${id} }, { $set: ${data} }, { upsert: true, new: true })`,
  },
  knex: {
    header: () => `import knex from 'knex';\n\nconst db = knex({ client: 'pg', connection: process.env.DATABASE_URL });`,
    client: 'db',
    tx: (body) => `await db.transaction(async (trx) => {\n${indent(body('trx'), 2)}\n});`,
    find: (c, e, id) => `await ${c}('${plural(e)}').where({ id: ${id} }).first()`,
    list: (c, e) => `await ${c}('${plural(e)}').whereNull('deleted_at').orderBy('created_at', 'desc').limit(50)`,
    create: (c, e, data) => `await ${c}('${plural(e)}').insert(${data}).returning('*')`,
    update: (c, e, id, data) => `await ${c}('${plural(e)}').where({ id: ${id} }).update(${data})`,
    inc: (c, e, id, f, by) => `await ${c}('${plural(e)}').where({ id: ${id} }).increment('${f}', ${by})`,
    remove: (c, e, id) => `await ${c}('${plural(e)}').where({ id: ${id} }).del()`,
    upsert: (c, e, id, data) => `await ${c}('${plural(e)}').insert({ id: ${id}, ...${data} }).onConflict('id').merge()`,
  },
  kysely: {
    header: () =>
      `import { Kysely, PostgresDialect, sql } from 'kysely';\nimport { Pool } from 'pg';\nimport type { DB } from '../db/types';\n\nconst db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });`,
    client: 'db',
    tx: (body) => `await db.transaction().execute(async (trx) => {\n${indent(body('trx'), 2)}\n});`,
    find: (c, e, id) => `await ${c}.selectFrom('${plural(e)}').selectAll().where('id', '=', ${id}).executeTakeFirst()`,
    list: (c, e) => `await ${c}.selectFrom('${plural(e)}').selectAll().orderBy('created_at', 'desc').limit(50).execute()`,
    create: (c, e, data) => `await ${c}.insertInto('${plural(e)}').values(${data}).returningAll().executeTakeFirstOrThrow()`,
    update: (c, e, id, data) => `await ${c}.updateTable('${plural(e)}').set(${data}).where('id', '=', ${id}).execute()`,
    inc: (c, e, id, f, by) => `await ${c}.updateTable('${plural(e)}').set((eb) => ({ ${f}: eb('${f}', '+', ${by}) })).where('id', '=', ${id}).execute()`,
    remove: (c, e, id) => `await ${c}.deleteFrom('${plural(e)}').where('id', '=', ${id}).execute()`,
    upsert: (c, e, id, data) => `await ${c}.insertInto('${plural(e)}').values({ id: ${id}, ...${data} }).onConflict((oc) => oc.column('id').doUpdateSet(${data})).execute()`,
  },
  pg: {
    header: () => `import { Pool } from 'pg';\n\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });`,
    client: 'pool',
    tx: (body) =>
      `const client = await pool.connect();\ntry {\n  await client.query('BEGIN');\n${indent(body('client'), 2)}\n  await client.query('COMMIT');\n} catch (err) {\n  await client.query('ROLLBACK');\n  throw err;\n} finally {\n  client.release();\n}`,
    find: (c, e, id) => `(await ${c}.query('SELECT * FROM ${plural(e)} WHERE id = $1', [${id}])).rows[0]`,
    list: (c, e) => `(await ${c}.query('SELECT * FROM ${plural(e)} ORDER BY created_at DESC LIMIT 50')).rows`,
    create: (c, e, data) => `await ${c}.query('INSERT INTO ${plural(e)} (data) VALUES ($1) RETURNING *', [${data}])`,
    update: (c, e, id, data) => `await ${c}.query('UPDATE ${plural(e)} SET data = $2 WHERE id = $1', [${id}, ${data}])`,
    inc: (c, e, id, f, by) => `await ${c}.query('UPDATE ${plural(e)} SET ${f} = ${f} + $2 WHERE id = $1', [${id}, ${by}])`,
    remove: (c, e, id) => `await ${c}.query('DELETE FROM ${plural(e)} WHERE id = $1', [${id}])`,
    upsert: (c, e, id, data) => `await ${c}.query('INSERT INTO ${plural(e)} (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data', [${id}, ${data}])`,
  },
};
const LAYER_NAMES = Object.keys(LAYERS);

// ---------------------------------------------------------------------------
// External calls

function externalCall(r, e) {
  switch (r.int(6)) {
    case 0:
      return `await fetch(\`\${process.env.CRM_URL}/contacts/\${${e}.id}\`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(${e}), signal: AbortSignal.timeout(5000) })`;
    case 1:
      return `await fetch(\`\${process.env.SEARCH_URL}/index\`, { method: 'PUT', body: JSON.stringify({ id: ${e}.id }) })`;
    case 2:
      return `await axios.post(\`\${process.env.BILLING_URL}/events\`, { type: '${e}.updated', id: ${e}.id }, { timeout: 3000 })`;
    case 3:
      return `await http.post('/sync', { id: ${e}.id })`;
    case 4:
      return `await stripe.customers.update(${e}.stripeCustomerId, { metadata: { plan: String(${e}.id) } })`;
    default:
      return `await mailer.send({ to: ${e}.email ?? 'ops@company.internal', template: '${e}-changed', data: { id: ${e}.id } })`;
  }
}

/** Joins header blocks with every import first, then the module-level setup. */
function header(...parts) {
  const lines = parts.join('\n').split('\n').filter((l) => l.trim() !== '');
  const imports = lines.filter((l) => l.startsWith('import '));
  const rest = lines.filter((l) => !l.startsWith('import '));
  return `${imports.join('\n')}\n\n${rest.join('\n')}\n`;
}

const EXTERNAL_HEADER = [
  `import axios from 'axios';`,
  `import Stripe from 'stripe';`,
  `import { mailer } from '../lib/mailer';`,
  `import { logger } from '../lib/logger';`,
  `import { z } from 'zod';`,
  ``,
  `const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });`,
  `const http = axios.create({ baseURL: process.env.PARTNER_API_URL, timeout: 5000 });`,
].join('\n');

// ---------------------------------------------------------------------------
// Function bodies: each returns { sig args, body } using layer L on entity e.

function dataFor(r, e, source) {
  const f = r.pick(FIELDS);
  const g = r.pick(FIELDS);
  switch (r.int(4)) {
    case 0:
      return `{ ${f}: ${source}.${f}, ${g === f ? 'updatedAt' : g}: ${g === f ? 'new Date()' : `${source}.${g}`} }`;
    case 1:
      return `{ ${f}: ${source}.${f} }`;
    case 2:
      return `{ ...${source} }`;
    default:
      return `{ ${f}: ${source}.${f}, updatedAt: new Date() }`;
  }
}

const BODIES = [
  // read then write back (a lost update unless atomic)
  (r, L, c, e) => {
    const f = r.pick(NUMERIC);
    return r.chance(0.5)
      ? `const ${e} = ${L.find(c, e, 'id')};\nif (!${e}) throw new NotFoundError('${e}', id);\n${L.update(c, e, 'id', `{ ${f}: ${e}.${f} + amount }`)};\nreturn ${e};`
      : `${L.inc(c, e, 'id', f, 'amount')};\nreturn ${L.find(c, e, 'id')};`;
  },
  // check then create
  (r, L, c, e) =>
    r.chance(0.5)
      ? `const existing = ${L.find(c, e, 'input.id')};\nif (existing) {\n  return existing;\n}\nreturn ${L.create(c, e, '{ ...input, createdAt: new Date() }')};`
      : `return ${L.upsert(c, e, 'input.id', '{ name: input.name, status: input.status }')};`,
  // plain list with mapping
  (r, L, c, e) =>
    `const rows = ${L.list(c, e)};\nconst result = [];\nfor (const row of rows) {\n  if (row.${r.pick(FIELDS)} == null) continue;\n  result.push({ id: row.id, label: formatLabel(row.${r.pick(FIELDS)}), createdAt: row.createdAt });\n}\nreturn result;`,
  // transaction with two writes
  (r, L, c, e) => {
    const other = r.pick(ENTITIES);
    return `${L.tx((t) => `${L.update(t, e, 'id', dataFor(r, e, 'input'))};\n${L.create(t, other, `{ ${e}Id: id, kind: '${e}-changed', at: new Date() }`)};`)}\nreturn { ok: true };`;
  },
  // two writes without a transaction
  (r, L, c, e) => {
    const other = r.pick(ENTITIES);
    return `const created = ${L.create(c, e, '{ ...input }')};\n${L.update(c, other, 'input.ownerId', `{ last${cap(e)}Id: created.id }`)};\nreturn created;`;
  },
  // write then external call, with or without compensation
  (r, L, c, e) =>
    r.chance(0.5)
      ? `const ${e} = ${L.update(c, e, 'id', dataFor(r, e, 'input'))};\n${externalCall(r, e)};\nreturn ${e};`
      : `const ${e} = ${L.update(c, e, 'id', dataFor(r, e, 'input'))};\ntry {\n  ${externalCall(r, e)};\n} catch (error) {\n  logger.error({ error, id }, '${e} sync failed');\n  ${L.update(c, e, 'id', `{ syncStatus: 'pending' }`)};\n}\nreturn ${e};`,
  // delete with a swallowed or logged error
  (r, L, c, e) =>
    `try {\n  ${L.remove(c, e, 'id')};\n} catch (err) {\n  ${r.chance(0.5) ? `logger.warn({ err }, 'delete ${e} failed');\n  throw err;` : `console.log('could not delete');`}\n}`,
  // pure computation
  (r, L, c, e) => {
    const f = r.pick(NUMERIC);
    return `const ${e} = ${L.find(c, e, 'id')};\nif (!${e}) return null;\nconst total = [1, 2, 3].reduce((sum, n) => sum + n * Number(${e}.${f} ?? 0), 0);\nconst label = \`${e}-\${id}-\${total.toFixed(2)}\`;\nreturn { id, total, label, flagged: total > ${r.int(1000) + 10} };`;
  },
];

function genRepositoryOrService(r, layerName, e, kind) {
  const L = LAYERS[layerName];
  const c = typeof L.client === 'function' ? L.client(e) : L.client;
  const cls = `${cap(e)}${kind}`;
  const out = [header(L.header(e), EXTERNAL_HEADER, `import { NotFoundError } from '../errors';`, `import { formatLabel } from '../lib/format';`)];
  out.push(`type ${cap(e)}Input = { id: string; name: string; status: string; ownerId: string; [key: string]: unknown };`, '');
  out.push(`export class ${cls} {`);
  out.push(`  private readonly cache = new Map<string, unknown>();`, '');
  const n = 3 + r.int(4);
  for (let i = 0; i < n; i++) {
    const body = r.pick(BODIES)(r, L, c, e);
    const name = `${r.pick(['update', 'sync', 'create', 'apply', 'process', 'load', 'remove', 'adjust'])}${cap(e)}${i}`;
    out.push(`  async ${name}(id: string, input: ${cap(e)}Input, amount = 1) {`);
    out.push(indent(body, 4));
    out.push(`  }`, '');
  }
  out.push(`  clearCache(key?: string) {\n    if (key) this.cache.delete(key);\n    else this.cache.clear();\n  }`);
  out.push(`}`, '');
  out.push(`export const ${e}${kind} = new ${cls}();`);
  return out.join('\n');
}

function genRoutes(r, layerName, e) {
  const L = LAYERS[layerName];
  const c = typeof L.client === 'function' ? L.client(e) : L.client;
  const framework = r.pick(['express', 'fastify', 'hono', 'next']);
  const schema = `const ${cap(e)}Body = z.object({ id: z.string().uuid(), name: z.string().min(1), status: z.enum(['active', 'archived']), ownerId: z.string() });`;
  const extra = { express: `import { Router, type Request, type Response } from 'express';`, fastify: `import type { FastifyInstance } from 'fastify';`, hono: `import { Hono } from 'hono';`, next: `import { NextResponse, type NextRequest } from 'next/server';` };
  const out = [header(extra[framework], L.header(e), EXTERNAL_HEADER, `import { NotFoundError } from '../errors';`, `import { formatLabel } from '../lib/format';`)];
  const n = 3 + r.int(3);
  const handlers = [];
  for (let i = 0; i < n; i++) {
    const validated = r.chance(0.6);
    const input = validated ? `${cap(e)}Body.parse(BODY)` : 'BODY';
    const body = r.pick(BODIES)(r, L, c, e);
    handlers.push({ method: r.pick(['post', 'put', 'patch', 'get', 'delete']), path: `/${plural(e)}/${i === 0 ? '' : `:id/${r.pick(['sync', 'status', 'items', 'archive'])}`}`, input, body });
  }
  if (framework === 'express') {
    out.push('', schema, '', `export const router = Router();`, '');
    for (const h of handlers) {
      out.push(`router.${h.method}('${h.path}', async (req: Request, res: Response) => {`);
      out.push(`  const id = req.params.id ?? String(req.query.id);`, `  const input = ${h.input.replace('BODY', 'req.body')};`, `  const amount = Number(req.body?.amount ?? 1);`);
      out.push(`  const result = await (async () => {\n${indent(h.body, 4)}\n  })();`);
      out.push(`  res.status(200).json(result);`, `});`, '');
    }
  } else if (framework === 'fastify') {
    out.push('', schema, '', `export default async function ${e}Routes(app: FastifyInstance) {`);
    for (const h of handlers) {
      out.push(`  app.${h.method}('${h.path}', async (request, reply) => {`);
      out.push(`    const { id } = request.params as { id: string };`, `    const input = ${h.input.replace('BODY', 'request.body')};`, `    const amount = 1;`);
      out.push(indent(`const result = await (async () => {\n${indent(h.body, 2)}\n})();\nreturn reply.send(result);`, 4));
      out.push(`  });`, '');
    }
    out.push(`}`);
  } else if (framework === 'hono') {
    out.push('', schema, '', `export const app = new Hono();`, '');
    for (const h of handlers) {
      out.push(`app.${h.method}('${h.path}', async (c) => {`);
      out.push(`  const id = c.req.param('id');`, `  const input = ${h.input.replace('BODY', 'await c.req.json()')};`, `  const amount = 1;`);
      out.push(`  const result = await (async () => {\n${indent(h.body, 4)}\n  })();`);
      out.push(`  return c.json(result);`, `});`, '');
    }
  } else {
    out.push('', schema, '');
    const methods = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'];
    handlers.slice(0, methods.length).forEach((h, i) => {
      out.push(`export async function ${methods[i]}(request: NextRequest, { params }: { params: { id: string } }) {`);
      out.push(`  const id = params.id;`, `  const input = ${h.input.replace('BODY', 'await request.json()')};`, `  const amount = 1;`);
      out.push(`  const result = await (async () => {\n${indent(h.body, 4)}\n  })();`);
      out.push(`  return NextResponse.json(result);`, `}`, '');
    });
  }
  return out.join('\n');
}

function genWorker(r, layerName, e) {
  const L = LAYERS[layerName];
  const c = typeof L.client === 'function' ? L.client(e) : L.client;
  const redis = r.chance(0.5);
  const redisHeader = redis ? `import Redis from 'ioredis';\nconst redis = new Redis(process.env.REDIS_URL!);` : '';
  const out = [header(L.header(e), EXTERNAL_HEADER, redisHeader, `import { NotFoundError } from '../errors';`, `import { formatLabel } from '../lib/format';`)];
  out.push(`let cachedToken: string | undefined;`, '');
  out.push(`async function getToken() {\n  if (!cachedToken) {\n    const res = await http.post('/oauth/token', { grant_type: 'client_credentials' });\n    cachedToken = res.data.access_token;\n  }\n  return cachedToken;\n}`, '');
  const n = 2 + r.int(3);
  for (let i = 0; i < n; i++) {
    const body = r.pick(BODIES)(r, L, c, e);
    out.push(`export async function handle${cap(e)}Job${i}(job: { data: { id: string; amount?: number; input: any } }) {`);
    out.push(`  const { id, input } = job.data;`, `  const amount = job.data.amount ?? 1;`);
    if (redis) out.push(`  const lock = await redis.set(\`lock:${e}:\${id}\`, '1', 'EX', 30, 'NX');`, `  if (!lock) return;`);
    out.push(indent(`const result = await (async () => {\n${indent(body, 2)}\n})();`, 2));
    if (redis) out.push(`  await redis.del(\`lock:${e}:\${id}\`);`);
    out.push(`  logger.info({ id, token: Boolean(await getToken()) }, 'job done');`, `  return result;`, `}`, '');
  }
  return out.join('\n');
}

function genUtility(r, i) {
  const out = [`// Utilities ${i}: formatting, parsing and small pure helpers.`, `import { z } from 'zod';`, ''];
  const fields = [...new Set([r.pick(FIELDS), r.pick(FIELDS), r.pick(FIELDS)])];
  out.push(`export const Filter${i}Schema = z.object({`);
  for (const f of fields) out.push(`  ${f}: z.${NUMERIC.includes(f) ? 'number().int().nonnegative()' : 'string().max(200)'}.optional(),`);
  if (r.chance(0.5)) out.push(`  startDate: z.coerce.date(),`, `  endDate: z.coerce.date(),`);
  out.push(`});`, '', `export type Filter${i} = z.infer<typeof Filter${i}Schema>;`, '');
  const n = 3 + r.int(5);
  for (let k = 0; k < n; k++) {
    switch (r.int(5)) {
      case 0:
        out.push(`export function formatMoney${k}(cents: number, currency = 'USD'): string {\n  const value = (cents / 100).toFixed(2);\n  return currency === 'USD' ? \`$\${value}\` : \`\${value} \${currency}\`;\n}`);
        break;
      case 1:
        out.push(`export function chunk${k}<T>(items: readonly T[], size: number): T[][] {\n  const out: T[][] = [];\n  for (let i = 0; i < items.length; i += size) {\n    out.push(items.slice(i, i + size));\n  }\n  return out;\n}`);
        break;
      case 2:
        out.push(`export const slugify${k} = (text: string) =>\n  text\n    .toLowerCase()\n    .normalize('NFKD')\n    .replace(/[^a-z0-9]+/g, '-')\n    .replace(/^-+|-+$/g, '');`);
        break;
      case 3:
        out.push(`const memo${k} = new Map<string, number>();\nexport function score${k}(key: string, weights: Record<string, number>): number {\n  const hit = memo${k}.get(key);\n  if (hit !== undefined) return hit;\n  let total = 0;\n  for (const [name, weight] of Object.entries(weights)) {\n    total += key.includes(name) ? weight : weight / 2;\n  }\n  memo${k}.set(key, total);\n  return total;\n}`);
        break;
      default:
        out.push(`export async function retry${k}<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {\n  let lastError: unknown;\n  for (let i = 0; i < attempts; i++) {\n    try {\n      return await fn();\n    } catch (error) {\n      lastError = error;\n      await new Promise((resolve) => setTimeout(resolve, 2 ** i * 100));\n    }\n  }\n  throw lastError;\n}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * Writes the corpus into `dir` (replacing it) unless an identical one is there already.
 * @returns {{ dir: string, files: number, lines: number }}
 */
export function generateCorpus(dir, { files = 2000, seed = 20261124 } = {}) {
  const stamp = path.join(dir, '.generated.json');
  const want = { version: GENERATOR_VERSION, files, seed };
  if (existsSync(stamp)) {
    const have = JSON.parse(readFileSync(stamp, 'utf8'));
    if (have.version === want.version && have.files === want.files && have.seed === want.seed) return have;
  }
  rmSync(dir, { recursive: true, force: true });
  const r = prng(seed);
  let lines = 0;
  for (let i = 0; i < files; i++) {
    const layer = LAYER_NAMES[i % LAYER_NAMES.length];
    const e = r.pick(ENTITIES);
    const kind = r.int(10);
    let rel;
    let text;
    if (kind < 3) {
      rel = `${layer}/routes/${e}-${i}.routes.ts`;
      text = genRoutes(r, layer, e);
    } else if (kind < 5) {
      rel = `${layer}/services/${e}-${i}.service.ts`;
      text = genRepositoryOrService(r, layer, e, 'Service');
    } else if (kind < 7) {
      rel = `${layer}/repositories/${e}-${i}.repository.ts`;
      text = genRepositoryOrService(r, layer, e, 'Repository');
    } else if (kind < 8) {
      rel = `${layer}/jobs/${e}-${i}.job.ts`;
      text = genWorker(r, layer, e);
    } else {
      rel = `lib/util-${i}.ts`;
      text = genUtility(r, i);
    }
    text = `${text.trimEnd()}\n`;
    lines += text.split('\n').length - 1;
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const info = { ...want, dir, lines };
  writeFileSync(stamp, JSON.stringify(info));
  return info;
}

/** One long function of about `lines` lines of realistic statements (for the scaling test). */
export function generateLongFunction(lines, seed = 7) {
  const r = prng(seed);
  const out = [
    `import { PrismaClient } from '@prisma/client';`,
    `import axios from 'axios';`,
    `import { logger } from './logger';`,
    ``,
    `const prisma = new PrismaClient();`,
    ``,
    `export async function migrateEverything(input: { id: string; amount: number; name: string }) {`,
    `  let total = 0;`,
  ];
  const L = LAYERS.prisma;
  let i = 0;
  while (out.length < lines - 2) {
    const e = r.pick(ENTITIES);
    const v = `${e}${i++}`;
    switch (r.int(6)) {
      case 0:
        out.push(`  const ${v} = ${L.find('prisma', e, 'input.id')};`, `  if (!${v}) throw new Error('missing ${e}');`, `  total += Number(${v}.amount ?? 0);`);
        break;
      case 1:
        out.push(`  try {`, `    ${L.update('prisma', e, 'input.id', `{ name: input.name, seq: ${i} }`)};`, `  } catch (error) {`, `    logger.error({ error }, 'update ${e} failed');`, `    throw error;`, `  }`);
        break;
      case 2:
        out.push(`  const ${v} = await axios.get(\`/api/${plural(e)}/\${input.id}\`, { timeout: 2000 });`, `  total += ${v}.data.length;`);
        break;
      case 3:
        out.push(`  if (total > ${r.int(10000)}) {`, `    ${L.inc('prisma', e, 'input.id', 'amount', 'input.amount')};`, `  } else {`, `    total -= ${r.int(100)};`, `  }`);
        break;
      case 4:
        out.push(`  const ${v} = [input.amount, total, ${i}].map((n) => n * 2).filter((n) => n > 0);`, `  total += ${v}.length;`);
        break;
      default:
        out.push(`  ${L.create('prisma', e, `{ name: \`${e}-\${total}\`, amount: input.amount }`)};`);
    }
  }
  out.push(`  return total;`, `}`);
  return `${out.join('\n')}\n`;
}
