// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// Next.js App Router handlers and server actions for a marketplace: Prisma, Adyen, Checkout.com, PayPal, OpenAI.
import { CheckoutAPI, Client as AdyenClient } from '@adyen/api-library';
import { OrdersController, Client as PayPalClient } from '@paypal/paypal-server-sdk';
import { PrismaClient } from '@prisma/client';
import { waitUntil } from '@vercel/functions';
import { Checkout } from 'checkout-sdk-node';
import { after, NextResponse } from 'next/server';
import OpenAI from 'openai';

const prisma = new PrismaClient();
const adyen = new CheckoutAPI(new AdyenClient({ apiKey: process.env.ADYEN_API_KEY!, environment: 'TEST' }));
const cko = new Checkout(process.env.CKO_SECRET_KEY);
const paypalOrders = new OrdersController(new PayPalClient({ clientCredentialsAuthCredentials: { oAuthClientId: process.env.PAYPAL_ID!, oAuthClientSecret: process.env.PAYPAL_SECRET! } }));
const openai = new OpenAI();

// @expect require-idempotency-key
export async function POST(req: Request) {
  const { orderId, paymentMethod } = (await req.json()) as { orderId: string; paymentMethod: object };
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const result = await adyen.PaymentsApi.payments({
    amount: { currency: 'EUR', value: order.totalCents },
    reference: order.id,
    paymentMethod,
    merchantAccount: process.env.ADYEN_MERCHANT!,
  });
  return NextResponse.json({ resultCode: result.resultCode });
}

// @expect none
export async function payWithAdyenOnce(orderId: string, paymentMethod: object) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  return adyen.PaymentsApi.payments(
    { amount: { currency: 'EUR', value: order.totalCents }, reference: order.id, paymentMethod, merchantAccount: process.env.ADYEN_MERCHANT! },
    { idempotencyKey: `adyen-pay-${order.id}` },
  );
}

// @expect require-idempotency-key
export async function payWithCheckoutCom(orderId: string, token: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  return cko.payments.request({ source: { type: 'token', token }, amount: order.totalCents, currency: 'EUR', reference: order.id });
}

// @expect none
export async function payWithCheckoutComOnce(orderId: string, token: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  return cko.payments.request({ source: { type: 'token', token }, amount: order.totalCents, currency: 'EUR', reference: order.id }, `cko-${order.id}`);
}

// @expect require-idempotency-key
export async function capturePayPalOrder(paypalOrderId: string) {
  const { result } = await paypalOrders.captureOrder({ id: paypalOrderId, prefer: 'return=minimal' });
  return result.status;
}

// @expect none
export async function capturePayPalOrderOnce(paypalOrderId: string) {
  const { result } = await paypalOrders.captureOrder({ id: paypalOrderId, prefer: 'return=minimal', paypalRequestId: `capture-${paypalOrderId}` });
  return result.status;
}

// @expect no-floating-effect
export async function likeListing(listingId: string, userId: string) {
  'use server';
  await prisma.like.create({ data: { listingId, userId } });
  prisma.listing.update({ where: { id: listingId }, data: { likes: { increment: 1 } } });
}

// @expect none
export async function likeListingTogether(listingId: string, userId: string) {
  'use server';
  await prisma.$transaction([
    prisma.like.create({ data: { listingId, userId } }),
    prisma.listing.update({ where: { id: listingId }, data: { likes: { increment: 1 } } }),
  ]);
}

// @expect none
export async function publishListing(listingId: string) {
  const listing = await prisma.listing.update({ where: { id: listingId }, data: { publishedAt: new Date() } });
  after(() => prisma.searchOutbox.create({ data: { listingId } }));
  waitUntil(prisma.listingView.deleteMany({ where: { listingId } }));
  return NextResponse.json(listing);
}

// @expect no-external-call-in-transaction
export async function describeListing(listingId: string) {
  return prisma.$transaction(async (tx) => {
    const listing = await tx.listing.findUniqueOrThrow({ where: { id: listingId } });
    const completion = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: `Describe: ${listing.title}` }] });
    return tx.listing.update({ where: { id: listingId }, data: { description: completion.choices[0]?.message.content ?? '' } });
  });
}

// @expect none
export async function describeListingOutside(listingId: string) {
  const listing = await prisma.listing.findUniqueOrThrow({ where: { id: listingId } });
  const completion = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: `Describe: ${listing.title}` }] });
  await prisma.listing.update({ where: { id: listingId }, data: { description: completion.choices[0]?.message.content ?? '' } });
}

// @expect no-external-call-in-transaction, require-timeout
export async function verifySeller(sellerId: string) {
  await prisma.$transaction(async (tx) => {
    const seller = await tx.seller.findUniqueOrThrow({ where: { id: sellerId } });
    const kyc = await fetch(`https://kyc.example.com/checks/${seller.kycId}`).then((r) => r.json());
    await tx.seller.update({ where: { id: sellerId }, data: { verified: kyc.passed } });
  });
}

// @expect no-floating-effect
export async function trackSearch(query: string, userId: string) {
  'use server';
  prisma.searchLog.create({ data: { query, userId } }).then(() => undefined);
  return prisma.listing.findMany({ where: { title: { contains: query } }, take: 20 });
}

// @expect no-floating-effect, no-unguarded-dual-write
export async function markSold(listingId: string, buyerId: string) {
  await prisma.listing.update({ where: { id: listingId }, data: { soldTo: buyerId } });
  fetch(`${process.env.SEARCH_URL}/listings/${listingId}`, { method: 'DELETE', signal: AbortSignal.timeout(5_000) });
  return NextResponse.json({ ok: true });
}

// @expect none
export async function markSoldWithHandOff(listingId: string, buyerId: string) {
  await prisma.listing.update({ where: { id: listingId }, data: { soldTo: buyerId, searchSync: 'pending' } });
  after(async () => {
    try {
      await fetch(`${process.env.SEARCH_URL}/listings/${listingId}`, { method: 'DELETE', signal: AbortSignal.timeout(5_000) });
      await prisma.listing.update({ where: { id: listingId }, data: { searchSync: 'done' } });
    } catch {
      await prisma.listing.update({ where: { id: listingId }, data: { searchSync: 'failed' } });
    }
  });
  return NextResponse.json({ ok: true });
}
