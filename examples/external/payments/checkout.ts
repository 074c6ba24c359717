// Charging an order on Stripe.
import { randomUUID } from 'node:crypto';

import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function chargeOrder(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  // No key: a retry after a lost response charges the card again,
  // and a failed write below leaves a charge the order does not know about.
  const intent = await stripe.paymentIntents.create({
    amount: order.totalCents,
    currency: order.currency,
    customer: order.stripeCustomerId,
    payment_method: order.paymentMethodId,
    confirm: true,
  });
  await prisma.order.update({ where: { id: orderId }, data: { paymentIntentId: intent.id, status: 'paid' } });
  return intent.status;
}

export async function refundOrder(orderId: string, cents: number) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  // A fresh key per call is no key.
  return stripe.refunds.create({ payment_intent: order.paymentIntentId!, amount: cents }, { idempotencyKey: randomUUID() });
}
