// Shipping quotes and carrier labels, each request with a deadline.
import axios from 'axios';
import got from 'got';

const carrier = axios.create({ baseURL: process.env.CARRIER_URL, timeout: 8_000 });

export async function getRate(zip: string, weightKg: number) {
  const res = await fetch(`${process.env.RATES_URL}/rates?zip=${zip}&kg=${weightKg}`, { signal: AbortSignal.timeout(3_000) });
  return (await res.json()) as { cents: number };
}

export async function createLabel(orderId: string, address: object) {
  const { data } = await carrier.post('/labels', { orderId, address });
  return data as { labelUrl: string };
}

export async function trackingEvents(trackingNo: string) {
  const res = await fetch(`${process.env.TRACKING_URL}/events/${trackingNo}`, { signal: AbortSignal.timeout(5_000) });
  return res.json();
}

export async function catalog() {
  return got(`${process.env.CATALOG_URL}/products.json`, { timeout: { request: 10_000 } }).json<unknown[]>();
}
