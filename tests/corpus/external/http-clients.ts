// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// Outbound integrations of an order service: shipping rates, address lookup, ERP, partner webhooks.
import http from 'node:http';
import https from 'node:https';

import axios from 'axios';
import got from 'got';
import ky from 'ky';
import superagent from 'superagent';
import { request } from 'undici';

axios.defaults.timeout = 0;

const erp = got.extend({ prefixUrl: process.env.ERP_URL, timeout: { request: 10_000 }, retry: { limit: 2 } });
const geo = ky.create({ prefixUrl: 'https://geo.example.com/v2' });
const slowPartner = ky.create({ prefixUrl: 'https://partner.example.com', timeout: false });
const rates = axios.create({ baseURL: 'https://rates.example.com', timeout: 4000 });
const tracking = axios.create({ baseURL: 'https://tracking.example.com' });

// @expect require-timeout
export const warehouse = axios.create({ baseURL: process.env.WAREHOUSE_URL, headers: { 'x-api-key': process.env.WAREHOUSE_KEY } });

// @expect none
export const billingApi = axios.create({ baseURL: process.env.BILLING_URL, timeout: 6_000 });

// @expect require-timeout
export async function getShippingRate(zip: string, weightKg: number) {
  const res = await fetch(`https://shipping.example.com/rates?zip=${zip}&kg=${weightKg}`);
  if (!res.ok) throw new Error(`rates ${res.status}`);
  return (await res.json()) as { cents: number };
}

// @expect none
export async function getShippingRateWithDeadline(zip: string, weightKg: number) {
  const res = await fetch(`https://shipping.example.com/rates?zip=${zip}&kg=${weightKg}`, { signal: AbortSignal.timeout(3_000) });
  if (!res.ok) throw new Error(`rates ${res.status}`);
  return (await res.json()) as { cents: number };
}

// @expect none
export async function getShippingRateForRequest(zip: string, signal: AbortSignal) {
  const res = await fetch(`https://shipping.example.com/rates?zip=${zip}`, { signal: AbortSignal.any([signal, AbortSignal.timeout(3_000)]) });
  return res.json();
}

// @expect require-timeout
export async function lookupAddress(query: string) {
  const res = await fetch(`https://address.example.com/search?q=${encodeURIComponent(query)}`, { timeout: 5000 } as RequestInit);
  return res.json();
}

// @expect require-timeout
export async function fetchExchangeRate(currency: string) {
  const { data } = await axios.get(`https://fx.example.com/latest/${currency}`);
  return data.rate as number;
}

// @expect require-timeout
export async function notifyPartner(orderId: string) {
  await axios.post('https://partner.example.com/hooks/order', { orderId }, { headers: { 'x-signature': sign(orderId) } });
}

// @expect none
export async function notifyPartnerWithTimeout(orderId: string) {
  await axios.post('https://partner.example.com/hooks/order', { orderId }, { headers: { 'x-signature': sign(orderId) }, timeout: 5_000 });
}

// @expect none
export async function quote(zip: string) {
  const { data } = await rates.get('/quote', { params: { zip } });
  return data;
}

// @expect require-timeout
export async function trackParcel(trackingId: string) {
  const { data } = await tracking.get(`/parcels/${trackingId}`);
  return data;
}

// @expect none
export async function pushInvoiceToErp(invoice: { id: string; total: number }) {
  return erp.post('invoices', { json: invoice }).json<{ erpId: string }>();
}

// @expect require-timeout
export async function fetchCatalog() {
  return got('https://catalog.example.com/products.json').json<unknown[]>();
}

// @expect none
export async function geocode(address: string) {
  return geo.get('geocode', { searchParams: { address } }).json<{ lat: number; lng: number }>();
}

// @expect require-timeout
export async function partnerStock(sku: string) {
  return slowPartner.get(`stock/${sku}`).json<{ available: number }>();
}

// @expect require-timeout
export async function legacyLookup(customerNo: string) {
  const res = await superagent.get(`https://legacy.example.com/customers/${customerNo}`).set('accept', 'application/json');
  return res.body;
}

// @expect none
export async function legacyLookupWithTimeout(customerNo: string) {
  const res = await superagent.get(`https://legacy.example.com/customers/${customerNo}`).timeout({ response: 5_000, deadline: 15_000 });
  return res.body;
}

// @expect require-timeout
export function pingStatusPage(): Promise<number> {
  return new Promise((resolve, reject) => {
    https.get('https://status.example.com/health', (res) => resolve(res.statusCode ?? 0)).on('error', reject);
  });
}

// @expect none
export function pingInternal(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: 'inventory.internal', path: '/health', timeout: 2_000 }, (res) => resolve(res.statusCode ?? 0));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

// @expect require-timeout
export async function streamReport(reportId: string) {
  const { body } = await request(`https://reports.example.com/exports/${reportId}`);
  return body.text();
}

// @expect none
export async function streamReportWithTimeouts(reportId: string) {
  const { body } = await request(`https://reports.example.com/exports/${reportId}`, { headersTimeout: 10_000, bodyTimeout: 60_000 });
  return body.text();
}

// @expect none
export async function proxy(req: Request) {
  const upstream = new Request('https://api.example.com/v1/echo', { method: 'POST', body: await req.text(), signal: AbortSignal.timeout(5_000) });
  return fetch(upstream);
}

function sign(payload: string): string {
  return Buffer.from(payload).toString('base64');
}
