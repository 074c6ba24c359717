// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// Checkout, refunds and webhooks for a store on Stripe and Prisma.
import { PrismaClient } from '@prisma/client';
import { randomUUID } from 'node:crypto';
import express from 'express';
import Stripe from 'stripe';

import { logger } from './logger';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2025-09-30.clover', timeout: 20_000 });
const app = express();

// @expect require-idempotency-key, no-unguarded-dual-write
export async function chargeOrder(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const intent = await stripe.paymentIntents.create({
    amount: order.totalCents,
    currency: order.currency,
    customer: order.stripeCustomerId,
    confirm: true,
    payment_method: order.paymentMethodId,
  });
  await prisma.order.update({ where: { id: orderId }, data: { paymentIntentId: intent.id, status: 'paid' } });
  return intent.status;
}

// @expect none
export async function chargeOrderSafely(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const intent = await stripe.paymentIntents.create(
    { amount: order.totalCents, currency: order.currency, customer: order.stripeCustomerId, confirm: true, payment_method: order.paymentMethodId },
    { idempotencyKey: `order-${order.id}-charge` },
  );
  await prisma.order.update({ where: { id: orderId }, data: { paymentIntentId: intent.id, status: 'paid' } });
  return intent.status;
}

// @expect require-idempotency-key
export async function refundOrder(orderId: string, amountCents: number) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  return stripe.refunds.create({ payment_intent: order.paymentIntentId!, amount: amountCents }, { idempotencyKey: randomUUID() });
}

// @expect none
export async function refundOrderOnce(orderId: string, refundRequestId: string, amountCents: number) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const refund = await stripe.refunds.create(
    { payment_intent: order.paymentIntentId!, amount: amountCents },
    { idempotencyKey: `refund-${refundRequestId}` },
  );
  await prisma.refund.upsert({
    where: { stripeRefundId: refund.id },
    create: { stripeRefundId: refund.id, orderId, amountCents },
    update: {},
  });
}

// @expect require-idempotency-key, no-external-call-in-transaction
export async function upgradePlan(userId: string, priceId: string) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const sub = await stripe.subscriptions.update(user.stripeSubscriptionId!, { items: [{ id: user.stripeItemId!, price: priceId }] });
    await tx.user.update({ where: { id: userId }, data: { plan: priceId, subscriptionStatus: sub.status } });
    return sub;
  });
}

// @expect require-idempotency-key
export async function createCheckout(cartId: string, lineItems: Stripe.Checkout.SessionCreateParams.LineItem[]) {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: lineItems,
    success_url: `${process.env.APP_URL}/thanks`,
    client_reference_id: cartId,
  });
  return session.url;
}

// @expect none
export async function createCheckoutOnce(cartId: string, cartVersion: number, lineItems: Stripe.Checkout.SessionCreateParams.LineItem[]) {
  const session = await stripe.checkout.sessions.create(
    { mode: 'payment', line_items: lineItems, success_url: `${process.env.APP_URL}/thanks`, client_reference_id: cartId },
    { idempotencyKey: `checkout-${cartId}-v${cartVersion}` },
  );
  return session.url;
}

// @expect none
export async function listInvoices(customerId: string) {
  const invoices = await stripe.invoices.list({ customer: customerId, limit: 20 });
  return invoices.data.map((i) => ({ id: i.id, total: i.total }));
}

// @expect none
app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), async (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'] as string, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === 'payment_intent.succeeded') {
    const intent = event.data.object as Stripe.PaymentIntent;
    await prisma.order.updateMany({ where: { paymentIntentId: intent.id, status: { not: 'paid' } }, data: { status: 'paid' } });
  }
  res.json({ received: true });
});

// @expect require-idempotency-key, no-floating-effect
app.post('/webhooks/stripe/invoices', express.raw({ type: 'application/json' }), async (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'] as string, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === 'invoice.payment_failed') {
    const invoice = event.data.object as Stripe.Invoice;
    stripe.invoices.pay(invoice.id!);
  }
  res.json({ received: true });
});

// @expect require-idempotency-key, no-unguarded-dual-write
export async function payoutSeller(sellerId: string) {
  const seller = await prisma.seller.findUniqueOrThrow({ where: { id: sellerId } });
  const transfer = await stripe.transfers.create({ amount: seller.balanceCents, currency: 'eur', destination: seller.stripeAccountId });
  await prisma.seller.update({ where: { id: sellerId }, data: { balanceCents: 0, lastTransferId: transfer.id } });
}

// @expect no-unguarded-dual-write
export async function cancelMembership(userId: string) {
  const user = await prisma.user.update({ where: { id: userId }, data: { plan: 'free', cancelledAt: new Date() } });
  await stripe.subscriptions.cancel(user.stripeSubscriptionId!);
}

// @expect none
export async function cancelMembershipSafely(userId: string) {
  const user = await prisma.user.update({ where: { id: userId }, data: { plan: 'free', cancelledAt: new Date(), billingSync: 'pending' } });
  try {
    await stripe.subscriptions.cancel(user.stripeSubscriptionId!);
  } catch (err) {
    logger.error({ err, userId }, 'stripe cancel failed; left for the billing reconciler');
    await prisma.user.update({ where: { id: userId }, data: { billingSync: 'failed' } });
    throw err;
  }
}

// @expect require-timeout
export async function fetchBalanceRaw() {
  const res = await fetch('https://api.stripe.com/v1/balance', { headers: { Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}` } });
  return res.json();
}

// @expect require-idempotency-key
export async function captureRaw(intentId: string) {
  const res = await fetch(`https://api.stripe.com/v1/payment_intents/${intentId}/capture`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}` },
    signal: AbortSignal.timeout(15_000),
  });
  return res.json();
}

// @expect none
export async function captureRawOnce(intentId: string) {
  const res = await fetch(`https://api.stripe.com/v1/payment_intents/${intentId}/capture`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}`, 'Idempotency-Key': `capture-${intentId}` },
    signal: AbortSignal.timeout(15_000),
  });
  return res.json();
}
