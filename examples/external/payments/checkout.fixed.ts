// Charging an order on Stripe with keys derived from the order and the refund request.
import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function chargeOrder(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const intent = await stripe.paymentIntents.create(
    {
      amount: order.totalCents,
      currency: order.currency,
      customer: order.stripeCustomerId,
      payment_method: order.paymentMethodId,
      confirm: true,
    },
    { idempotencyKey: `order-${order.id}-charge` },
  );
  await prisma.order.update({ where: { id: orderId }, data: { paymentIntentId: intent.id, status: 'paid' } });
  return intent.status;
}

export async function refundOrder(orderId: string, refundRequestId: string, cents: number) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  return stripe.refunds.create({ payment_intent: order.paymentIntentId!, amount: cents }, { idempotencyKey: `refund-${refundRequestId}` });
}
