// Shipping quotes and carrier labels over plain HTTP clients.
import axios from 'axios';
import got from 'got';

const carrier = axios.create({ baseURL: process.env.CARRIER_URL });

export async function getRate(zip: string, weightKg: number) {
  // Built-in fetch has no overall deadline: a stalled rates service holds every checkout open.
  const res = await fetch(`${process.env.RATES_URL}/rates?zip=${zip}&kg=${weightKg}`);
  return (await res.json()) as { cents: number };
}

export async function createLabel(orderId: string, address: object) {
  // axios's default timeout is 0: none.
  const { data } = await carrier.post('/labels', { orderId, address });
  return data as { labelUrl: string };
}

export async function trackingEvents(trackingNo: string) {
  // fetch ignores `timeout`.
  const res = await fetch(`${process.env.TRACKING_URL}/events/${trackingNo}`, { timeout: 5_000 } as RequestInit);
  return res.json();
}

export async function catalog() {
  return got(`${process.env.CATALOG_URL}/products.json`).json<unknown[]>();
}
