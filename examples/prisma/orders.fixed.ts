// Checkout on Prisma: the order and its lines commit together, or not at all.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export interface CartLine {
  productId: string;
  quantity: number;
  unitPrice: number;
}

export async function placeOrder(customerId: string, lines: CartLine[]) {
  const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { customerId, total, status: 'pending' } });
    await tx.orderLine.createMany({
      data: lines.map((l) => ({ orderId: order.id, productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice })),
    });
    return order;
  });
}

export async function cancelOrder(orderId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
    await tx.orderLine.deleteMany({ where: { orderId } });
  });
}
