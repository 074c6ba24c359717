// @corpus-rules no-hardcoded-secrets, no-hardcoded-config
/* eslint prodguard/no-hardcoded-secrets: ["error", { "ignoreFiles": [] }], prodguard/no-hardcoded-config: ["error", { "ignoreFiles": [] }] -- this folder models production code, so the test-folder exemption is off */
import { registerAs } from '@nestjs/config';
import { createClient } from 'redis';
import mongoose from 'mongoose';
import { Pool } from 'pg';
import Redis from 'ioredis';
import { z } from 'zod';

// @expect no-hardcoded-config
export function loadAppConfig() {
  return {
    port: Number(process.env.PORT ?? 3000),
    apiUrl: process.env.API_URL || 'http://localhost:3000',
    logLevel: process.env.LOG_LEVEL ?? 'info',
  };
}

// @expect none
export function loadAppConfigStrict() {
  const env = z
    .object({
      PORT: z.coerce.number().default(3000),
      API_URL: z.string().url(),
      LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    })
    .parse(process.env);
  return { port: env.PORT, apiUrl: env.API_URL, logLevel: env.LOG_LEVEL };
}

// @expect no-hardcoded-secrets
export function loadAuthConfig() {
  return {
    jwtSecret: process.env.JWT_SECRET || 'secret',
    accessTokenTtl: process.env.ACCESS_TOKEN_TTL ?? '15m',
  };
}

// @expect none
export function loadAuthConfigStrict() {
  const jwtSecret = process.env.JWT_SECRET;
  if (!jwtSecret || jwtSecret.length < 32) throw new Error('JWT_SECRET must be set to at least 32 characters');
  return { jwtSecret, accessTokenTtl: process.env.ACCESS_TOKEN_TTL ?? '15m', tokenType: 'Bearer' };
}

// @expect no-hardcoded-secrets
export function loadSessionConfig() {
  const { SESSION_SECRET = 'dev-session-secret-change-later', SESSION_TTL = '7d' } = process.env;
  return { secret: SESSION_SECRET, ttl: SESSION_TTL };
}

// @expect no-hardcoded-secrets, no-hardcoded-config
export function loadCacheConfig() {
  return {
    redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379',
    cacheSecret: process.env.CACHE_SIGNING_SECRET ?? 'dev-cache-signing',
  };
}

// @expect no-hardcoded-config
export const databaseConfig = registerAs('database', () => ({
  host: process.env.DB_HOST || 'localhost',
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
}));

// @expect none
export const databaseConfigFromUrl = registerAs('database', () => ({
  url: process.env.DATABASE_URL,
  ssl: process.env.NODE_ENV === 'production' ? { rejectUnauthorized: true } : false,
}));

// @expect no-hardcoded-config
export function createPool() {
  return new Pool({ host: 'localhost', port: 5432, database: 'shop', max: 20 });
}

// @expect no-hardcoded-secrets
export function createReportingPool() {
  return new Pool({ connectionString: 'postgres://reporting:Zq8x2Lk9pW4t@db-prod-1.acme-shop.com:5432/shop' });
}

// @expect none
export function createPoolFromEnv() {
  return new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX ?? 10) });
}

// @expect no-hardcoded-config
export async function connectMongo() {
  await mongoose.connect('mongodb://127.0.0.1:27017/shop');
}

// @expect no-hardcoded-secrets
export async function connectMongoAtlas() {
  await mongoose.connect('mongodb+srv://shop-api:Tr4Vb7Nc1Zs6pQ2w@cluster0.x7kqa.mongodb.net/shop?retryWrites=true');
}

// @expect no-hardcoded-config
export async function connectMongoFromTutorial() {
  await mongoose.connect('mongodb+srv://<username>:<password>@cluster0.x7kqa.mongodb.net/shop');
}

// @expect none
export async function connectMongoFromEnv() {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set');
  await mongoose.connect(uri);
}

// @expect no-hardcoded-secrets
export function createSessionStore() {
  return new Redis('rediss://default:k9Lm2Qx4RtVb7Nc1@eu1-sharp-kite-31337.upstash.io:6379');
}

// @expect none
export function createSessionStoreForEnvironment() {
  const url = process.env.NODE_ENV === 'production' ? process.env.REDIS_URL! : 'redis://localhost:6379';
  return createClient({ url });
}

// @expect none
export function environmentUrls() {
  return {
    development: { api: 'http://localhost:4000', web: 'http://localhost:3000' },
    production: { api: process.env.API_URL, web: process.env.WEB_URL },
  };
}

// @expect no-hardcoded-config
export function storageConfig() {
  return {
    bucket: 'TODO',
    region: process.env.AWS_REGION ?? 'eu-west-1',
    publicBaseUrl: `https://${process.env.CDN_HOST}/uploads`,
  };
}

// @expect none
export function defaultTaskState() {
  return { title: '', status: 'TODO', assigneeId: null };
}

// @expect no-hardcoded-config
export function defaultTenant() {
  return { tenantId: '00000000-0000-0000-0000-000000000000', plan: 'free' };
}

// @expect none
export function isNilTenant(tenantId: string) {
  return tenantId === '00000000-0000-0000-0000-000000000000';
}

// @expect no-hardcoded-config
export function inventoryServiceUrl() {
  return process.env.INVENTORY_URL ?? 'http://10.0.3.17:8080';
}

// @expect no-hardcoded-config
export function messageBrokerUrl() {
  return process.env.AMQP_URL || 'amqp://guest:guest@rabbitmq:5672';
}
