// Deterministic generator for the benchmark corpus: files shaped like real TypeScript backends
// (route handlers, services, repositories, workers, schemas, utilities) across Prisma, Drizzle,
// TypeORM, Sequelize, Mongoose, Knex, Kysely, pg, Redis, fetch, axios and Stripe.
// The same seed always produces byte-identical files.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const GENERATOR_VERSION = 5;

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
/** The TypeScript type of a field's value. */
const tsType = (f) => (NUMERIC.includes(f) ? 'number' : 'string');

/** Up to `n` different field names: `n` picks, repeats dropped. */
const distinctFields = (r, n) => [...new Set(Array.from({ length: n }, () => r.pick(FIELDS)))];
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
  const fields = distinctFields(r, 3);
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

// ---------------------------------------------------------------------------
// The rest of a real backend: entities and schemas, DTOs, presenters, policies, configuration,
// middleware, errors and tests. Real services are mostly this code; the files above hold their
// queries and HTTP calls.

function genEntity(r, layerName, e) {
  const E = cap(e);
  const fields = distinctFields(r, 4);
  const out = [];
  switch (layerName) {
    case 'typeorm':
      out.push(`import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';`, `import { Team } from './team.entity';`, '');
      out.push(`@Entity({ name: '${plural(e)}' })`, `export class ${E} {`, `  @PrimaryGeneratedColumn('uuid')`, `  id!: string;`, '');
      for (const f of fields) out.push(`  @Column({ type: '${NUMERIC.includes(f) ? 'integer' : 'varchar'}', nullable: ${r.chance(0.3)} })`, `  ${f}!: ${tsType(f)};`, '');
      out.push(`  @Index()`, `  @Column({ type: 'uuid' })`, `  teamId!: string;`, '', `  @ManyToOne(() => Team, { onDelete: 'CASCADE' })`, `  team!: Team;`, '');
      if (r.chance(0.4)) out.push(`  @VersionColumn()`, `  version!: number;`, '');
      out.push(`  @CreateDateColumn()`, `  createdAt!: Date;`, '', `  @UpdateDateColumn()`, `  updatedAt!: Date;`, `}`);
      break;
    case 'sequelize':
      out.push(`import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type CreationOptional } from 'sequelize';`, `import { sequelize } from '../db';`, '');
      out.push(`export class ${E} extends Model<InferAttributes<${E}>, InferCreationAttributes<${E}>> {`, `  declare id: CreationOptional<string>;`);
      for (const f of fields) out.push(`  declare ${f}: ${tsType(f)};`);
      out.push(`  declare createdAt: CreationOptional<Date>;`, `}`, '', `${E}.init(`, `  {`, `    id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },`);
      for (const f of fields) out.push(`    ${f}: { type: DataTypes.${NUMERIC.includes(f) ? 'INTEGER' : 'STRING'}, allowNull: ${r.chance(0.3)} },`);
      out.push(`    createdAt: DataTypes.DATE,`, `  },`, `  { sequelize, tableName: '${plural(e)}', underscored: true${r.chance(0.4) ? ', version: true' : ''} },`, `);`);
      break;
    case 'mongoose':
      out.push(`import { Schema, model, type InferSchemaType } from 'mongoose';`, '', `const ${e}Schema = new Schema(`, `  {`);
      for (const f of fields) out.push(`    ${f}: { type: ${NUMERIC.includes(f) ? 'Number' : 'String'}, required: ${r.chance(0.5)}${NUMERIC.includes(f) ? ', min: 0' : ', trim: true'} },`);
      out.push(`    teamId: { type: Schema.Types.ObjectId, ref: 'Team', index: true },`, `    archived: { type: Boolean, default: false },`, `  },`, `  { timestamps: true${r.chance(0.4) ? ', optimisticConcurrency: true' : ''} },`, `);`, '');
      out.push(`${e}Schema.index({ teamId: 1, createdAt: -1 });`, '', `export type ${E} = InferSchemaType<typeof ${e}Schema>;`, `export const ${E}Model = model('${E}', ${e}Schema);`);
      break;
    case 'drizzle':
      out.push(`import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';`, '', `export const ${plural(e)} = pgTable(`, `  '${plural(e)}',`, `  {`, `    id: uuid('id').primaryKey().defaultRandom(),`);
      for (const f of fields) out.push(`    ${f}: ${NUMERIC.includes(f) ? `integer('${f}').notNull().default(0)` : `text('${f}')`},`);
      out.push(`    teamId: uuid('team_id').notNull(),`, `    createdAt: timestamp('created_at').defaultNow().notNull(),`, `  },`, `  (t) => ({ byTeam: index('${plural(e)}_team_idx').on(t.teamId) }),`, `);`, '', `export type ${E} = typeof ${plural(e)}.$inferSelect;`, `export type New${E} = typeof ${plural(e)}.$inferInsert;`);
      break;
    default:
      // Prisma, Knex, Kysely and pg: the row types the queries return.
      out.push(`import type { Generated, Insertable, Selectable, Updateable } from 'kysely';`, '', `export interface ${E}Table {`, `  id: Generated<string>;`);
      for (const f of fields) out.push(`  ${f}: ${tsType(f)}${r.chance(0.3) ? ' | null' : ''};`);
      out.push(`  team_id: string;`, `  created_at: Generated<Date>;`, `}`, '', `export type ${E} = Selectable<${E}Table>;`, `export type New${E} = Insertable<${E}Table>;`, `export type ${E}Update = Updateable<${E}Table>;`, '');
      out.push(`export const ${e.toUpperCase()}_COLUMNS = ['id', ${fields.map((f) => `'${f}'`).join(', ')}, 'team_id', 'created_at'] as const;`);
  }
  return out.join('\n');
}

function genDto(r, e) {
  const E = cap(e);
  const fields = distinctFields(r, 3);
  // A class property: its decorators, then its declaration. Properties are a blank line apart.
  const property = (decorators, declaration) => [...decorators, declaration].map((l) => `  ${l}`).join('\n');
  const dtoClass = (head, properties) => `${head}\n${properties.join('\n\n')}\n}`;
  const out = [`import { Type } from 'class-transformer';`, `import { IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';`];
  out.push(`export enum ${E}Status {`, `  Active = 'active',`, `  Archived = 'archived',`, `  Pending = 'pending',`, `}`);
  for (const kind of ['Create', 'Update']) {
    const optional = kind === 'Update';
    const properties = optional ? [property(['@IsUUID()'], 'id!: string;')] : [];
    for (const f of fields) {
      const checks = NUMERIC.includes(f) ? ['@IsInt()', '@Min(0)'] : ['@IsString()', `@MaxLength(${50 + r.int(200)})`];
      properties.push(property([...checks, ...(optional ? ['@IsOptional()'] : [])], `${f}${optional ? '?' : '!'}: ${tsType(f)};`));
    }
    properties.push(property([`@IsEnum(${E}Status)`, '@IsOptional()'], `status?: ${E}Status;`));
    out.push(dtoClass(`export class ${kind}${E}Dto {`, properties));
  }
  out.push(
    dtoClass(`export class ${E}ListQuery {`, [
      property(['@IsOptional()', '@Type(() => Number)', '@IsInt()', '@Min(1)'], 'page = 1;'),
      property(['@IsOptional()', '@ValidateNested()'], `filter?: Partial<Create${E}Dto>;`),
    ]),
  );
  out.push(`export interface ${E}Response {`, `  id: string;`, ...fields.map((f) => `  ${f}: ${tsType(f)} | null;`), `  createdAt: string;`, `  links: { self: string };`, `}`);
  return out.join('\n');
}

function genPresenter(r, e) {
  const E = cap(e);
  const fields = distinctFields(r, 3);
  const out = [`import type { ${E} } from '../entities/${e}.entity';`, `import { formatLabel } from '../lib/format';`, ''];
  out.push(`export function present${E}(${e}: ${E}, options: { baseUrl: string; locale?: string } = { baseUrl: '' }) {`, `  return {`, `    id: ${e}.id,`);
  for (const f of fields) out.push(NUMERIC.includes(f) ? `    ${f}: Number(${e}.${f} ?? 0),` : `    ${f}: ${e}.${f} ? formatLabel(String(${e}.${f})) : null,`);
  out.push(`    createdAt: new Date(${e}.createdAt).toISOString(),`, `    links: { self: \`\${options.baseUrl}/${plural(e)}/\${${e}.id}\` },`, `  };`, `}`, '');
  out.push(`export function present${E}List(items: ${E}[], total: number, page: number, pageSize = 50) {`, `  const data = items.map((item) => present${E}(item, { baseUrl: process.env.PUBLIC_URL ?? '' }));`, `  const pages = Math.max(1, Math.ceil(total / pageSize));`, `  return { data, meta: { total, page, pages, hasMore: page < pages } };`, `}`, '');
  const f = r.pick(NUMERIC);
  out.push(`export function summarise${E}s(items: ${E}[]) {`, `  const byStatus = new Map<string, number>();`, `  let sum = 0;`, `  for (const item of items) {`, `    const key = String((item as { status?: string }).status ?? 'unknown');`, `    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);`, `    sum += Number((item as { ${f}?: number }).${f} ?? 0);`, `  }`, `  return {`, `    count: items.length,`, `    ${f}: { sum, average: items.length > 0 ? sum / items.length : 0 },`, `    byStatus: Object.fromEntries(byStatus),`, `  };`, `}`, '');
  out.push(`export function compare${E}s(a: ${E}, b: ${E}): number {`, `  const left = new Date(a.createdAt).getTime();`, `  const right = new Date(b.createdAt).getTime();`, `  if (left !== right) return right - left;`, `  return String(a.id).localeCompare(String(b.id));`, `}`);
  return out.join('\n');
}

function genPolicy(r, e) {
  const E = cap(e);
  const out = [`import type { ${E} } from '../entities/${e}.entity';`, `import { ForbiddenError } from '../errors';`, ''];
  out.push(`export type Role = 'owner' | 'admin' | 'member' | 'viewer';`, `export type Action = 'read' | 'create' | 'update' | 'delete' | 'export';`, '');
  out.push(`export interface Actor {`, `  id: string;`, `  teamId: string;`, `  roles: Role[];`, `  suspended?: boolean;`, `}`, '');
  out.push(`const ALLOWED: Record<Role, readonly Action[]> = {`, `  owner: ['read', 'create', 'update', 'delete', 'export'],`, `  admin: ['read', 'create', 'update', 'delete'],`, `  member: ['read', 'create', 'update'],`, `  viewer: ['read'],`, `};`, '');
  out.push(`export function can${E}(actor: Actor, action: Action, ${e}: Pick<${E}, 'id'> & { teamId?: string; ownerId?: string }): boolean {`, `  if (actor.suspended) return false;`, `  if (${e}.teamId && ${e}.teamId !== actor.teamId) return false;`, `  if (action === 'update' && ${e}.ownerId === actor.id) return true;`, `  return actor.roles.some((role) => ALLOWED[role].includes(action));`, `}`, '');
  out.push(`export function authorize${E}(actor: Actor, action: Action, ${e}: Pick<${E}, 'id'> & { teamId?: string }): void {`, `  if (!can${E}(actor, action, ${e})) {`, `    throw new ForbiddenError(\`\${actor.id} may not \${action} ${e} \${${e}.id}\`);`, `  }`, `}`, '');
  out.push(`export function visible${E}Fields(actor: Actor): string[] {`, `  switch (true) {`, `    case actor.roles.includes('owner'):`, `    case actor.roles.includes('admin'):`, `      return ['id', 'name', 'status', 'notes', 'createdAt'];`, `    case actor.roles.includes('member'):`, `      return ['id', 'name', 'status', 'createdAt'];`, `    default:`, `      return ['id', 'name'];`, `  }`, `}`);
  return out.join('\n');
}

function genConfig(r, i) {
  const out = [`import { z } from 'zod';`, ''];
  out.push(`const Env${i} = z.object({`, `  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),`, `  PORT: z.coerce.number().int().positive().default(${3000 + i}),`, `  DATABASE_URL: z.string().url(),`, `  REDIS_URL: z.string().url().optional(),`, `  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),`, `  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(${1000 * (2 + r.int(8))}),`, `});`, '');
  out.push(`export type Config${i} = z.infer<typeof Env${i}>;`, '', `let cached${i}: Config${i} | undefined;`, '');
  out.push(`export function loadConfig${i}(env: NodeJS.ProcessEnv = process.env): Config${i} {`, `  if (cached${i}) return cached${i};`, `  const parsed = Env${i}.safeParse(env);`, `  if (!parsed.success) {`, `    const problems = parsed.error.issues.map((issue) => \`\${issue.path.join('.')}: \${issue.message}\`);`, `    throw new Error(\`invalid configuration:\\n\${problems.join('\\n')}\`);`, `  }`, `  cached${i} = parsed.data;`, `  return cached${i};`, `}`, '');
  out.push(`export const FEATURES${i} = {`, `  exports: ${r.chance(0.5)},`, `  webhooks: ${r.chance(0.5)},`, `  maxPageSize: ${25 * (1 + r.int(8))},`, `  retention: { days: ${7 * (1 + r.int(12))}, hardDelete: ${r.chance(0.3)} },`, `} as const;`);
  return out.join('\n');
}

function genMiddleware(r, i) {
  const out = [`import type { NextFunction, Request, Response } from 'express';`, `import { logger } from '../lib/logger';`, `import { AppError } from '../errors';`, ''];
  out.push(`const WINDOW_MS${i} = ${1000 * (10 + r.int(50))};`, `const hits${i} = new Map<string, { count: number; resetAt: number }>();`, '');
  out.push(`export function rateLimit${i}(limit = ${50 + r.int(200)}) {`, `  return (req: Request, res: Response, next: NextFunction) => {`, `    const key = req.ip ?? 'unknown';`, `    const now = Date.now();`, `    const entry = hits${i}.get(key);`, `    if (!entry || entry.resetAt < now) {`, `      hits${i}.set(key, { count: 1, resetAt: now + WINDOW_MS${i} });`, `      return next();`, `    }`, `    entry.count += 1;`, `    if (entry.count > limit) {`, `      res.setHeader('Retry-After', Math.ceil((entry.resetAt - now) / 1000));`, `      return res.status(429).json({ error: 'too many requests' });`, `    }`, `    return next();`, `  };`, `}`, '');
  out.push(`export function requestLog${i}(req: Request, res: Response, next: NextFunction) {`, `  const started = process.hrtime.bigint();`, `  res.on('finish', () => {`, `    const ms = Number(process.hrtime.bigint() - started) / 1e6;`, `    logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');`, `  });`, `  next();`, `}`, '');
  out.push(`export function errorHandler${i}(error: unknown, req: Request, res: Response, _next: NextFunction) {`, `  if (error instanceof AppError) {`, `    return res.status(error.status).json({ error: error.message, code: error.code });`, `  }`, `  logger.error({ error, path: req.path }, 'unhandled error');`, `  return res.status(500).json({ error: 'internal error' });`, `}`);
  return out.join('\n');
}

function genErrors(r, i) {
  const out = [];
  out.push(`export class AppError${i} extends Error {`, `  constructor(`, `    message: string,`, `    readonly status = 500,`, `    readonly code = 'internal',`, `  ) {`, `    super(message);`, `    this.name = new.target.name;`, `  }`, `}`, '');
  for (const [name, status, code] of [['NotFound', 404, 'not_found'], ['Forbidden', 403, 'forbidden'], ['Conflict', 409, 'conflict'], ['Validation', 422, 'invalid']]) {
    out.push(`export class ${name}Error${i} extends AppError${i} {`, `  constructor(what: string, detail?: unknown) {`, `    super(detail === undefined ? what : \`\${what}: \${String(detail)}\`, ${status}, '${code}');`, `  }`, `}`, '');
  }
  out.push(`export function isRetryable${i}(error: unknown): boolean {`, `  if (error instanceof AppError${i}) return error.status >= 500;`, `  const code = (error as { code?: string })?.code;`, `  return code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === '40001';`, `}`);
  return out.join('\n');
}

function genTest(r, layerName, e) {
  const E = cap(e);
  const out = [`import { beforeEach, describe, expect, it, vi } from 'vitest';`, `import { ${e}Service } from '../services/${e}.service';`, `import { present${E} } from '../presenters/${e}.presenter';`, ''];
  out.push(`const fixture = { id: 'f0e1d2c3', name: 'Example ${e}', status: 'active', ownerId: 'u1', createdAt: new Date('2024-01-01T00:00:00Z') };`, '');
  out.push(`describe('${e} (${layerName})', () => {`, `  beforeEach(() => {`, `    vi.restoreAllMocks();`, `  });`, '');
  const n = 3 + r.int(4);
  for (let k = 0; k < n; k++) {
    switch (r.int(3)) {
      case 0:
        out.push(`  it('presents ${e} ${k}', () => {`, `    const out = present${E}(fixture as never, { baseUrl: 'https://example.test' });`, `    expect(out.id).toBe(fixture.id);`, `    expect(out.links.self).toContain('/${plural(e)}/');`, `  });`, '');
        break;
      case 1:
        out.push(`  it('updates ${e} ${k}', async () => {`, `    const spy = vi.spyOn(${e}Service, 'update${E}0' as never).mockResolvedValue(fixture as never);`, `    const result = await (${e}Service as any).update${E}0(fixture.id, { ...fixture, status: 'archived' });`, `    expect(spy).toHaveBeenCalledTimes(1);`, `    expect(result).toMatchObject({ id: fixture.id });`, `  });`, '');
        break;
      default:
        out.push(`  it.each([[1, 2], [2, 4], [${k + 3}, ${2 * (k + 3)}]])('doubles %i ${k}', (input, expected) => {`, `    expect([input].map((n) => n * 2)[0]).toBe(expected);`, `  });`, '');
    }
  }
  out.push(`});`);
  return out.join('\n');
}

/**
 * How often each kind of file appears in the `real` mix, out of 100. Real backends are mostly code
 * around their queries: entities and schemas, DTOs, presenters, policies, configuration, middleware,
 * utilities and tests. The proportions put the corpus at or above the densest of the real backends
 * measured in docs/performance.md ("The generated corpus") in database and HTTP calls per line.
 */
const REAL_MIX = [
  ['routes', 5], ['service', 4], ['repository', 4], ['job', 2],
  ['entity', 11], ['dto', 9], ['presenter', 9], ['policy', 6], ['config', 3], ['middleware', 3], ['errors', 2], ['utility', 14], ['test', 28],
];

function pickKind(r, mix) {
  let n = r.int(mix.reduce((sum, [, w]) => sum + w, 0));
  for (const [kind, w] of mix) {
    if (n < w) return kind;
    n -= w;
  }
  return mix[mix.length - 1][0];
}

/** The file of kind `kind` at index `i`: its path under the corpus and its text. */
function genFile(r, kind, layer, e, i) {
  switch (kind) {
    case 'routes':
      return [`${layer}/routes/${e}-${i}.routes.ts`, genRoutes(r, layer, e)];
    case 'service':
      return [`${layer}/services/${e}-${i}.service.ts`, genRepositoryOrService(r, layer, e, 'Service')];
    case 'repository':
      return [`${layer}/repositories/${e}-${i}.repository.ts`, genRepositoryOrService(r, layer, e, 'Repository')];
    case 'job':
      return [`${layer}/jobs/${e}-${i}.job.ts`, genWorker(r, layer, e)];
    case 'entity':
      return [`${layer}/entities/${e}-${i}.entity.ts`, genEntity(r, layer, e)];
    case 'dto':
      return [`${layer}/dto/${e}-${i}.dto.ts`, genDto(r, e)];
    case 'presenter':
      return [`${layer}/presenters/${e}-${i}.presenter.ts`, genPresenter(r, e)];
    case 'policy':
      return [`${layer}/policies/${e}-${i}.policy.ts`, genPolicy(r, e)];
    case 'config':
      return [`lib/config-${i}.ts`, genConfig(r, i)];
    case 'middleware':
      return [`lib/middleware-${i}.ts`, genMiddleware(r, i)];
    case 'errors':
      return [`lib/errors-${i}.ts`, genErrors(r, i)];
    case 'test':
      return [`${layer}/__tests__/${e}-${i}.test.ts`, genTest(r, layer, e)];
    default:
      return [`lib/util-${i}.ts`, genUtility(r, i)];
  }
}

/** The `dense` mix: every file but the utilities is a handler, service, repository or job. */
function denseKind(r) {
  const kind = r.int(10);
  return kind < 3 ? 'routes' : kind < 5 ? 'service' : kind < 7 ? 'repository' : kind < 8 ? 'job' : 'utility';
}

/**
 * Writes the corpus into `dir` (replacing it) unless an identical one is there already.
 *
 * `mix: 'real'` (the default) is shaped like a real backend: handlers, services, repositories and
 * jobs among the entities, DTOs, presenters, policies, configuration, middleware, utilities and tests
 * around them. `mix: 'dense'` is the stress test: nearly every file is a handler, service, repository
 * or job, with a query in every function and a bug in most, several times denser than any real
 * backend measured.
 * @returns {{ dir: string, files: number, lines: number, mix: string }}
 */
export function generateCorpus(dir, { files = 2000, seed = 20261124, mix = 'real' } = {}) {
  if (mix !== 'real' && mix !== 'dense') throw new Error(`unknown corpus mix "${mix}": use "real" or "dense"`);
  const stamp = path.join(dir, '.generated.json');
  const want = { version: GENERATOR_VERSION, files, seed, mix };
  if (existsSync(stamp)) {
    const have = JSON.parse(readFileSync(stamp, 'utf8'));
    if (have.version === want.version && have.files === want.files && have.seed === want.seed && have.mix === want.mix) return have;
  }
  rmSync(dir, { recursive: true, force: true });
  const r = prng(seed);
  let lines = 0;
  for (let i = 0; i < files; i++) {
    const layer = LAYER_NAMES[i % LAYER_NAMES.length];
    const e = r.pick(ENTITIES);
    const [rel, generated] = genFile(r, mix === 'dense' ? denseKind(r) : pickKind(r, REAL_MIX), layer, e, i);
    const text = `${generated.trimEnd()}\n`;
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
