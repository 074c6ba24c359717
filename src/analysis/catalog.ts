/**
 * The catalog of data layers, as data: which packages, constructors, factories
 * and type names produce a client of each layer, which conventional names are
 * trusted as a last resort, and what each method does.
 */
import { keyedMemo } from './caches.js';
import { isFromPackage } from './resolve.js';
import type { DbLayer } from './settings.js';
import type { DbOp } from './types.js';

/** Packages whose default/named/namespace import (or `require`) is a client or yields one. */
export const PACKAGE_LAYERS: ReadonlyArray<readonly [string, DbLayer]> = [
  ['@prisma/client', 'prisma'],
  ['drizzle-orm', 'drizzle'],
  ['typeorm', 'typeorm'],
  ['@nestjs/typeorm', 'typeorm'],
  ['sequelize', 'sequelize'],
  ['sequelize-typescript', 'sequelize'],
  ['@sequelize/core', 'sequelize'],
  ['mongoose', 'mongoose'],
  ['@nestjs/mongoose', 'mongoose'],
  ['mongodb', 'mongodb'],
  ['knex', 'knex'],
  ['kysely', 'kysely'],
  ['@mikro-orm/core', 'mikro-orm'],
  ['@mikro-orm/postgresql', 'mikro-orm'],
  ['@mikro-orm/mysql', 'mikro-orm'],
  ['@mikro-orm/sqlite', 'mikro-orm'],
  ['@mikro-orm/mongodb', 'mikro-orm'],
  ['@mikro-orm/nestjs', 'mikro-orm'],
  ['pg', 'sql'],
  ['mysql2', 'sql'],
  ['mysql', 'sql'],
  ['postgres', 'sql'],
  ['@vercel/postgres', 'sql'],
  ['@neondatabase/serverless', 'sql'],
  ['better-sqlite3', 'sql'],
  ['@planetscale/database', 'sql'],
  ['slonik', 'sql'],
  ['ioredis', 'redis'],
  ['redis', 'redis'],
  ['@redis/client', 'redis'],
  ['@upstash/redis', 'redis'],
  ['@vercel/kv', 'redis'],
];

/** Imports that are query builders or helpers, not clients: a value from them does no I/O by itself. */
export const BUILDER_IMPORTS: ReadonlySet<string> = new Set([
  'sql',
  'eq',
  'and',
  'or',
  'ne',
  'gt',
  'lt',
  'inArray',
  'Op',
  'Prisma',
  'Types',
  'Schema',
  'LockMode',
  'Transaction',
  'In',
]);

/** Type annotation names that mark a parameter or field as a client of a layer. */
export const TYPE_LAYERS: ReadonlyMap<string, DbLayer> = new Map([
  ['PrismaClient', 'prisma'],
  ['PrismaService', 'prisma'],
  ['Prisma.TransactionClient', 'prisma'],
  ['TransactionClient', 'prisma'],
  ['NodePgDatabase', 'drizzle'],
  ['PostgresJsDatabase', 'drizzle'],
  ['MySql2Database', 'drizzle'],
  ['LibSQLDatabase', 'drizzle'],
  ['BetterSQLite3Database', 'drizzle'],
  ['NeonHttpDatabase', 'drizzle'],
  ['PgDatabase', 'drizzle'],
  ['PgTransaction', 'drizzle'],
  ['MySqlTransaction', 'drizzle'],
  ['SQLiteTransaction', 'drizzle'],
  ['Repository', 'typeorm'],
  ['EntityManager', 'typeorm'],
  ['DataSource', 'typeorm'],
  ['QueryRunner', 'typeorm'],
  ['Knex', 'knex'],
  ['Knex.Transaction', 'knex'],
  ['Kysely', 'kysely'],
  ['Pool', 'sql'],
  ['PoolClient', 'sql'],
  ['pg.Pool', 'sql'],
  ['pg.PoolClient', 'sql'],
  ['Redis', 'redis'],
  ['RedisClientType', 'redis'],
  ['Db', 'mongodb'],
  ['Collection', 'mongodb'],
  ['EntityRepository', 'mikro-orm'],
  ['SqlEntityManager', 'mikro-orm'],
  ['MikroORM', 'mikro-orm'],
]);

/**
 * Annotations of a client bound to a transaction: a helper that takes `tx: Prisma.TransactionClient`
 * runs its queries in its caller's transaction.
 */
export const TRANSACTION_CLIENT_TYPES: ReadonlySet<string> = new Set([
  'Prisma.TransactionClient',
  'TransactionClient',
  'PgTransaction',
  'MySqlTransaction',
  'SQLiteTransaction',
  'Knex.Transaction',
]);

/** NestJS-style injection decorators. */
export const DECORATOR_LAYERS: ReadonlyMap<string, DbLayer> = new Map([
  ['InjectRepository', 'typeorm'],
  ['InjectEntityManager', 'typeorm'],
  ['InjectDataSource', 'typeorm'],
  ['InjectModel', 'mongoose'],
  ['InjectConnection', 'mongoose'],
  ['InjectKnex', 'knex'],
  ['InjectKysely', 'kysely'],
  ['InjectRedis', 'redis'],
]);

/** Names trusted as a last resort, only together with a call shape that fits the layer. */
export const CONVENTIONAL_NAMES = {
  /** Prisma-shaped `x.model.op()`, Drizzle/Kysely/Knex builders. */
  db: /^(?:db|database|prisma|prismaClient|prismaService|tx|trx|transaction|knex|kysely|drizzle|orm)$/i,
  sql: /^(?:pool|pg|pgPool|client|conn|connection|db|database|mysql|sql|tx|trx)$/i,
  redis: /^(?:redis|redisClient|kv|upstash)$/i,
  /** TypeORM/MikroORM repositories and managers. */
  repository: /^(?:\w+(?:Repository|Repo)|repo|repository|manager|entityManager|em)$/,
} as const;

export const PRISMA_OPS: ReadonlyMap<string, DbOp> = new Map([
  ['findUnique', 'read'],
  ['findUniqueOrThrow', 'read'],
  ['findFirst', 'read'],
  ['findFirstOrThrow', 'read'],
  ['findMany', 'read'],
  ['count', 'read'],
  ['aggregate', 'read'],
  ['groupBy', 'read'],
  ['create', 'create'],
  ['createMany', 'create'],
  ['createManyAndReturn', 'create'],
  ['update', 'update'],
  ['updateMany', 'update'],
  ['updateManyAndReturn', 'update'],
  ['delete', 'delete'],
  ['deleteMany', 'delete'],
  ['upsert', 'upsert'],
]);

/** Prisma's atomic number operators inside `data`. */
export const PRISMA_ATOMIC_KEYS: ReadonlySet<string> = new Set(['increment', 'decrement', 'multiply', 'divide', 'push']);

/** TypeORM repository / manager / MikroORM entity manager methods. */
export const REPOSITORY_OPS: ReadonlyMap<string, DbOp> = new Map([
  ['find', 'read'],
  ['findOne', 'read'],
  ['findOneBy', 'read'],
  ['findOneOrFail', 'read'],
  ['findOneByOrFail', 'read'],
  ['findBy', 'read'],
  ['findAndCount', 'read'],
  ['findAndCountBy', 'read'],
  ['findByIds', 'read'],
  ['count', 'read'],
  ['countBy', 'read'],
  ['exist', 'read'],
  ['exists', 'read'],
  ['existsBy', 'read'],
  ['findAll', 'read'],
  ['save', 'update'],
  ['insert', 'create'],
  ['update', 'update'],
  ['delete', 'delete'],
  ['remove', 'delete'],
  ['softDelete', 'delete'],
  ['softRemove', 'delete'],
  ['restore', 'update'],
  ['increment', 'update'],
  ['decrement', 'update'],
  ['upsert', 'upsert'],
  // MikroORM
  ['persistAndFlush', 'update'],
  ['nativeInsert', 'create'],
  ['nativeUpdate', 'update'],
  ['nativeDelete', 'delete'],
  ['insertMany', 'create'],
  ['flush', 'flush'],
]);

/** Sequelize model statics. */
export const SEQUELIZE_OPS: ReadonlyMap<string, DbOp> = new Map([
  ['findByPk', 'read'],
  ['findOne', 'read'],
  ['findAll', 'read'],
  ['findAndCountAll', 'read'],
  ['count', 'read'],
  ['max', 'read'],
  ['min', 'read'],
  ['sum', 'read'],
  ['create', 'create'],
  ['bulkCreate', 'create'],
  ['update', 'update'],
  ['destroy', 'delete'],
  ['upsert', 'upsert'],
  ['increment', 'update'],
  ['decrement', 'update'],
  ['findOrCreate', 'upsert'],
  ['findCreateFind', 'upsert'],
]);

/** Mongoose model statics and MongoDB collection methods. */
export const MONGO_OPS: ReadonlyMap<string, DbOp> = new Map([
  ['find', 'read'],
  ['findOne', 'read'],
  ['findById', 'read'],
  ['countDocuments', 'read'],
  ['estimatedDocumentCount', 'read'],
  ['exists', 'read'],
  ['distinct', 'read'],
  ['create', 'create'],
  ['insertMany', 'create'],
  ['insertOne', 'create'],
  ['updateOne', 'update'],
  ['updateMany', 'update'],
  ['findOneAndUpdate', 'update'],
  ['findByIdAndUpdate', 'update'],
  ['replaceOne', 'update'],
  ['findOneAndReplace', 'update'],
  ['deleteOne', 'delete'],
  ['deleteMany', 'delete'],
  ['findByIdAndDelete', 'delete'],
  ['findOneAndDelete', 'delete'],
  ['findByIdAndRemove', 'delete'],
  ['bulkWrite', 'update'],
]);

/** Mongo update operators that compute the new value in the database. */
export const MONGO_ATOMIC_KEYS: ReadonlySet<string> = new Set([
  '$inc',
  '$mul',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$min',
  '$max',
  '$bit',
  '$currentDate',
]);

/** Methods only one model layer has: enough to tell Sequelize from Mongoose on a bare model name. */
export const SEQUELIZE_ONLY: ReadonlySet<string> = new Set(['findByPk', 'findAll', 'findAndCountAll', 'bulkCreate', 'destroy', 'findOrCreate', 'findCreateFind']);
export const MONGOOSE_ONLY: ReadonlySet<string> = new Set([
  'findById',
  'findByIdAndUpdate',
  'findByIdAndDelete',
  'findByIdAndRemove',
  'findOneAndUpdate',
  'findOneAndDelete',
  'countDocuments',
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
  'insertMany',
  'replaceOne',
]);

/** Instance methods of a loaded Sequelize model / Mongoose document that write it back. */
export const INSTANCE_WRITES: ReadonlyMap<string, DbOp> = new Map([
  ['save', 'update'],
  ['update', 'update'],
  ['updateOne', 'update'],
  ['destroy', 'delete'],
  ['deleteOne', 'delete'],
  ['remove', 'delete'],
  ['increment', 'update'],
  ['decrement', 'update'],
]);

export const REDIS_OPS: ReadonlyMap<string, DbOp> = new Map([
  ['get', 'read'],
  ['hget', 'read'],
  ['hgetall', 'read'],
  ['hGet', 'read'],
  ['hGetAll', 'read'],
  ['mget', 'read'],
  ['exists', 'read'],
  ['smembers', 'read'],
  ['sMembers', 'read'],
  ['lrange', 'read'],
  ['lRange', 'read'],
  ['zscore', 'read'],
  ['set', 'update'],
  ['setex', 'update'],
  ['setEx', 'update'],
  ['hset', 'update'],
  ['hSet', 'update'],
  ['hmset', 'update'],
  ['mset', 'update'],
  ['del', 'delete'],
  ['hdel', 'delete'],
  ['incr', 'update'],
  ['incrby', 'update'],
  ['incrBy', 'update'],
  ['decr', 'update'],
  ['decrby', 'update'],
  ['decrBy', 'update'],
  ['hincrby', 'update'],
  ['hIncrBy', 'update'],
  ['lpush', 'update'],
  ['rpush', 'update'],
  ['lPush', 'update'],
  ['rPush', 'update'],
  ['sadd', 'update'],
  ['sAdd', 'update'],
  ['zadd', 'update'],
  ['zAdd', 'update'],
  ['setnx', 'upsert'],
  ['setNX', 'upsert'],
  ['eval', 'update'],
  ['evalsha', 'update'],
  ['watch', 'lock'],
  ['multi', 'transaction'],
]);

/** Query-builder links that take a row lock (Knex, Kysely): `.forUpdate()`, `.forNoKeyUpdate()`, `.forShare()`. */
export const ROW_LOCK_METHODS: ReadonlySet<string> = new Set(['forUpdate', 'forNoKeyUpdate', 'forShare']);

/** Redis commands computed by the server. */
export const REDIS_ATOMIC: ReadonlySet<string> = new Set([
  'incr',
  'incrby',
  'incrBy',
  'decr',
  'decrby',
  'decrBy',
  'hincrby',
  'hIncrBy',
  'lpush',
  'rpush',
  'lPush',
  'rPush',
  'sadd',
  'sAdd',
  'zadd',
  'zAdd',
  'eval',
  'evalsha',
  'setnx',
  'setNX',
]);

/** Filter keys that identify a record rather than constrain its state. */
export const KEY_FIELDS = /^(?:id|_id|uid|uuid|key|pk|slug|email|[a-z]+(?:Id|ID|Uid)|[a-z]+_id|tenantId|tenant_id|orgId|organizationId|userId|ownerId)$/;
/** Filter keys that carry a compare-and-set precondition. */
export const VERSION_FIELDS = /^(?:version|__v|_version|lockVersion|lock_version|rev|revision|etag|updatedAt|updated_at|modifiedAt|status|state)$/;

/** Functions that hold a lock around their callback, by the last segment of their name. */
export const LOCK_CALLBACKS = /^(?:runExclusive|withLock|withAdvisoryLock|withMutex|withRowLock|using|acquireAndRun|lockAndRun|synchronized|serialize|withRedlock)$/;
/** Names that say a callback or a batch runs in a transaction (`transaction([...])`, `runInTransaction(cb)`). Enough to stay silent, not to report. */
export const TRANSACTION_NAME = /^(?:\$?transaction|transact|withTransaction|runInTransaction|inTransaction|runTransaction|withTx|inTx|atomic|atomically)$/i;

/** Calls that take a lock held until released in the same function. */
export const LOCK_ACQUIRE = /^(?:acquire|acquireLock|lock|tryLock|advisoryLock|getLock|waitForLock)$/;

/** The data layer a module specifier belongs to, if any. Generated Prisma clients count as Prisma. */
export function layerOfPackage(source: string): DbLayer | undefined {
  // Asked for every call on an imported receiver; a project has few distinct specifiers.
  return layerBySource(source);
}

const layerBySource = keyedMemo(findLayerOfPackage);

/** Every data layer whose packages an import specifier names (`importedLayers` of a file), once per specifier. */
export const layersImportedFrom = keyedMemo((source): readonly DbLayer[] =>
  PACKAGE_LAYERS.filter(([pkg]) => isFromPackage(source, pkg)).map(([, layer]) => layer),
);

function findLayerOfPackage(source: string): DbLayer | undefined {
  for (const [pkg, layer] of PACKAGE_LAYERS) if (isFromPackage(source, pkg)) return layer;
  // The generated client (`../generated/prisma`, `./generated/prisma/client`); not a project module such as `@/lib/prisma`.
  if (/(?:^|\/)generated\/prisma(?:\/client)?$/.test(source) || source === '.prisma/client' || source.endsWith('/prisma-client')) return 'prisma';
  return undefined;
}

/**
 * SQLite drivers and their ORM adapters. SQLite runs one write transaction at a time and fails a
 * transaction whose reads went stale (`SQLITE_BUSY`), so every transaction there is serializable.
 */
export const SQLITE_MODULES: readonly string[] = Object.freeze([
  'better-sqlite3', 'node:sqlite', 'bun:sqlite', 'sqlite3', 'sqlite', '@libsql/client', 'libsql',
  'drizzle-orm/libsql', 'drizzle-orm/better-sqlite3', 'drizzle-orm/bun-sqlite', 'drizzle-orm/d1',
  'drizzle-orm/expo-sqlite', 'drizzle-orm/op-sqlite', 'drizzle-orm/sqlite-core', 'drizzle-orm/sqlite-proxy',
]);

/** Drivers of databases whose default isolation loses updates: a file that imports one is not SQLite-only. */
export const SERVER_SQL_MODULES: readonly string[] = Object.freeze([
  'pg', 'postgres', 'mysql', 'mysql2', '@neondatabase/serverless', '@vercel/postgres', '@planetscale/database', 'mssql', 'oracledb',
  'drizzle-orm/node-postgres', 'drizzle-orm/postgres-js', 'drizzle-orm/neon-http', 'drizzle-orm/neon-serverless', 'drizzle-orm/vercel-postgres',
  'drizzle-orm/mysql2', 'drizzle-orm/planetscale-serverless', 'drizzle-orm/pg-core', 'drizzle-orm/mysql-core',
]);

/**
 * Every method or builder word that can make a call a database call. A call whose callee chain
 * holds none of them (and is not `knex('table')`-shaped) is rejected before any resolution.
 */
export const DB_WORDS: ReadonlySet<string> = new Set([
  ...PRISMA_OPS.keys(),
  ...REPOSITORY_OPS.keys(),
  ...SEQUELIZE_OPS.keys(),
  ...MONGO_OPS.keys(),
  ...REDIS_OPS.keys(),
  ...INSTANCE_WRITES.keys(),
  // builders and their terminals
  'select', 'selectDistinct', 'selectDistinctOn', '$count', 'insert', 'update', 'delete', 'del', 'from', 'into', 'table',
  'where', 'andWhere', 'first', 'pluck', 'execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'forUpdate', 'forShare',
  'forNoKeyUpdate', 'for', 'values', 'set', 'onConflict', 'onConflictDoNothing', 'onConflictDoUpdate', 'merge', 'ignore',
  'selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'createQueryBuilder', 'getOne', 'getMany',
  'getOneOrFail', 'getRawOne', 'getRawMany', 'getCount', 'getManyAndCount', 'getExists',
  // transactions, raw SQL, sessions
  'transaction', 'transactional', 'withTransaction', '$transaction', '$queryRaw', '$executeRaw', '$queryRawUnsafe',
  '$executeRawUnsafe', 'query', 'raw', 'run', 'all', 'get', 'begin', 'beginTransaction', 'commit', 'rollback',
  'commitTransaction', 'abortTransaction', 'startTransaction', 'flush', 'save', 'findFirst', 'findMany',
]);
