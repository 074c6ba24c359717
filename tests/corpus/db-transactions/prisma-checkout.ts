// @corpus-rules require-transaction, no-transaction-bypass
// Checkout and account services of a shop on Prisma.
import { PrismaClient } from '@prisma/client';
import { z } from 'zod';

const prisma = new PrismaClient();

export const checkoutSchema = z.object({ cartId: z.string().uuid(), addressId: z.string().uuid() });
type CheckoutInput = z.infer<typeof checkoutSchema>;

// @expect require-transaction
export async function checkout(userId: string, input: CheckoutInput) {
  const cart = await prisma.cart.findUniqueOrThrow({ where: { id: input.cartId }, include: { items: true } });
  const total = cart.items.reduce((sum, i) => sum + i.price * i.quantity, 0);
  const order = await prisma.order.create({ data: { userId, addressId: input.addressId, total } });
  await prisma.orderItem.createMany({
    data: cart.items.map((i) => ({ orderId: order.id, productId: i.productId, quantity: i.quantity, price: i.price })),
  });
  await prisma.cart.delete({ where: { id: cart.id } });
  return order;
}

// @expect none
export async function checkoutSafely(userId: string, input: CheckoutInput) {
  return prisma.$transaction(async (tx) => {
    const cart = await tx.cart.findUniqueOrThrow({ where: { id: input.cartId }, include: { items: true } });
    const total = cart.items.reduce((sum, i) => sum + i.price * i.quantity, 0);
    const order = await tx.order.create({ data: { userId, addressId: input.addressId, total } });
    await tx.orderItem.createMany({
      data: cart.items.map((i) => ({ orderId: order.id, productId: i.productId, quantity: i.quantity, price: i.price })),
    });
    await tx.cart.delete({ where: { id: cart.id } });
    return order;
  });
}

// @expect no-transaction-bypass
export async function reserveStock(orderId: string) {
  await prisma.$transaction(async (tx) => {
    const items = await tx.orderItem.findMany({ where: { orderId } });
    for (const item of items) {
      await prisma.inventory.update({ where: { productId: item.productId }, data: { reserved: { increment: item.quantity } } });
    }
    await tx.order.update({ where: { id: orderId }, data: { status: 'reserved' } });
  });
}

// @expect none
export async function moveFunds(fromId: string, toId: string, cents: number) {
  await prisma.$transaction([
    prisma.wallet.update({ where: { id: fromId }, data: { balance: { decrement: cents } } }),
    prisma.wallet.update({ where: { id: toId }, data: { balance: { increment: cents } } }),
    prisma.walletTransfer.create({ data: { fromId, toId, cents } }),
  ]);
}

// @expect require-transaction
export async function updateProfile(userId: string, displayName: string, bio: string) {
  await Promise.all([
    prisma.user.update({ where: { id: userId }, data: { displayName } }),
    prisma.profile.update({ where: { userId }, data: { bio } }),
  ]);
}

// @expect none
export async function changePlan(userId: string, plan: 'free' | 'team') {
  if (plan === 'team') {
    await prisma.subscription.upsert({ where: { userId }, create: { userId, plan }, update: { plan } });
  } else {
    await prisma.subscription.delete({ where: { userId } });
  }
}

// @expect none
export async function chargeStoredCard(paymentId: string, amount: number) {
  try {
    await prisma.payment.update({ where: { id: paymentId }, data: { status: 'captured', amount } });
  } catch (error) {
    await prisma.paymentAttempt.create({ data: { paymentId, ok: false, message: String(error) } });
    throw error;
  }
}

// @expect no-transaction-bypass
export async function joinWaitlist(eventId: string, userId: string) {
  return prisma.$transaction(async (tx) => {
    await tx.waitlistEntry.create({ data: { eventId, userId } });
    const position = await prisma.waitlistEntry.count({ where: { eventId } });
    return tx.event.update({ where: { id: eventId }, data: { waitlistSize: position } });
  });
}

// @expect none
export async function recordVisit(path: string, country: string) {
  await prisma.pageView.create({ data: { path } });
  const day = new Date().toISOString().slice(0, 10);
  await prisma.countryStat.upsert({
    where: { day_country: { day, country } },
    create: { day, country, visits: 1 },
    update: { visits: { increment: 1 } },
  });
}
