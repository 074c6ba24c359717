// @corpus-rules no-hardcoded-secrets, no-hardcoded-config
/* eslint prodguard/no-hardcoded-secrets: ["error", { "ignoreFiles": [] }], prodguard/no-hardcoded-config: ["error", { "ignoreFiles": [] }] -- this folder models production code, so the test-folder exemption is off */
import cors from 'cors';
import express from 'express';
import { NextResponse, type NextRequest } from 'next/server';
import { prisma } from './db';

const app = express();
app.use(express.json());

// @expect no-hardcoded-config
app.get('/api/recommendations/:userId', async (req, res) => {
  const upstream = await fetch(`http://localhost:5001/recommend?user=${req.params.userId}`, {
    signal: AbortSignal.timeout(2_000),
  });
  res.json(await upstream.json());
});

// @expect none
app.get('/api/recommendations-v2/:userId', async (req, res) => {
  const upstream = await fetch(`${process.env.RECOMMENDER_URL}/recommend?user=${req.params.userId}`, {
    signal: AbortSignal.timeout(2_000),
  });
  res.json(await upstream.json());
});

// @expect no-hardcoded-config
app.post('/api/orders', async (req, res) => {
  const order = await prisma.order.create({ data: { customerId: 'test-id', total: req.body.total } });
  res.status(201).json(order);
});

// @expect none
app.post('/api/orders-v2', async (req, res) => {
  const order = await prisma.order.create({ data: { customerId: req.body.customerId, total: req.body.total } });
  res.status(201).json(order);
});

// @expect no-hardcoded-config
app.get('/api/shipping/quote', async (req, res) => {
  const quote = await fetch('https://api.staging.shipfast.io/v1/quotes', {
    method: 'POST',
    body: JSON.stringify({ zip: req.query.zip }),
    signal: AbortSignal.timeout(3_000),
  });
  res.json(await quote.json());
});

// @expect none
app.get('/api/shipping/quote-v2', async (req, res) => {
  const base = process.env.SHIPFAST_API_URL ?? 'https://api.shipfast.io';
  const quote = await fetch(`${base}/v1/quotes`, {
    method: 'POST',
    body: JSON.stringify({ zip: req.query.zip }),
    signal: AbortSignal.timeout(3_000),
  });
  res.json(await quote.json());
});

// @expect no-hardcoded-config
app.post('/api/payments/webhook-register', async (_req, res) => {
  await fetch('https://api.stripe.com/v1/webhook_endpoints', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}` },
    body: new URLSearchParams({ url: 'https://7c1e-81-2-69-142.ngrok-free.app/api/payments/webhook', 'enabled_events[]': 'charge.succeeded' }),
    signal: AbortSignal.timeout(10_000),
  });
  res.sendStatus(204);
});

// @expect none
app.get('/health', (req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  res.json({ ok: true, path: pathname, local: req.hostname === 'localhost' });
});

// @expect no-hardcoded-config
export function configureCors() {
  app.use(cors({ origin: ['https://shop.acme-shop.com', 'http://localhost:5173'], credentials: true }));
}

// @expect none
export function configureCorsFromEnv() {
  const origins = (process.env.CORS_ORIGINS ?? '').split(',').filter(Boolean);
  if (process.env.NODE_ENV !== 'production') origins.push('http://localhost:5173');
  app.use(cors({ origin: origins, credentials: true }));
}

// @expect none
export function startServer() {
  const port = Number(process.env.PORT ?? 3000);
  app.listen(port, '0.0.0.0', () => console.log(`API listening on http://localhost:${port}`));
}

// @expect no-hardcoded-secrets
export async function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams.get('q') ?? '';
  const res = await fetch(`https://api.github.com/search/repositories?q=${encodeURIComponent(query)}`, {
    headers: { Authorization: 'token ghp_9xT4bQ2mXz7LrV1cN8sW3pY6hJ0dF5gA2eKq', Accept: 'application/vnd.github+json' },
    signal: AbortSignal.timeout(5_000),
  });
  return NextResponse.json(await res.json());
}

// @expect no-hardcoded-config
export async function POST(request: NextRequest) {
  const body = await request.json();
  const res = await fetch('http://inventory-svc.internal:8080/reserve', {
    method: 'POST',
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(2_000),
  });
  return NextResponse.json(await res.json(), { status: res.status });
}

// @expect none
export async function PUT(request: NextRequest) {
  const body = await request.json();
  const inventoryUrl = process.env.NODE_ENV === 'development' ? 'http://localhost:8080' : process.env.INVENTORY_URL!;
  const res = await fetch(`${inventoryUrl}/reserve`, { method: 'PUT', body: JSON.stringify(body), signal: AbortSignal.timeout(2_000) });
  return NextResponse.json(await res.json(), { status: res.status });
}

// @expect no-hardcoded-secrets
export async function DELETE(request: NextRequest) {
  const id = request.nextUrl.searchParams.get('id');
  await fetch(`https://gitlab.com/api/v4/projects/${id}`, {
    method: 'DELETE',
    headers: { 'PRIVATE-TOKEN': 'glpat-x7Rk2NqL9vT4mB8wZc3D' },
    signal: AbortSignal.timeout(5_000),
  });
  return new NextResponse(null, { status: 204 });
}

// @expect none
export async function PATCH(request: NextRequest) {
  const { email, password } = await request.json();
  if (typeof password !== 'string' || password.length < 12) {
    return NextResponse.json({ error: 'Password must be at least 12 characters', field: 'password' }, { status: 400 });
  }
  return NextResponse.json({ email, passwordResetUrl: `${process.env.APP_URL}/reset` });
}

// @expect no-hardcoded-secrets
export async function sendOpsAlert(message: string) {
  const token = 'xoxp-41230582361-41230582377-98327452345-3f9a2c7e1b8d4f6a0c5e9b2d7f1a3c8e';
  await fetch('https://slack.com/api/chat.postMessage', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: '#ops', text: message }),
    signal: AbortSignal.timeout(5_000),
  });
}

// @expect none
export async function sendOpsAlertFromEnv(message: string) {
  await fetch('https://slack.com/api/chat.postMessage', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.SLACK_BOT_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: process.env.SLACK_OPS_CHANNEL ?? '#ops', text: message }),
    signal: AbortSignal.timeout(5_000),
  });
}

// @expect no-hardcoded-secrets
export function signingKeyPem() {
  return `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu
-----END PRIVATE KEY-----`;
}

// @expect none
export function signingKeyFromEnv() {
  return (process.env.SIGNING_PRIVATE_KEY ?? '').replace(/\\n/g, '\n');
}
