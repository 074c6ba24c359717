// Checkout on Prisma: the order, its lines and the stock reservation are written one by one.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export interface CartLine {
  productId: string;
  quantity: number;
  unitPrice: number;
}

export async function placeOrder(customerId: string, lines: CartLine[]) {
  const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  const order = await prisma.order.create({ data: { customerId, total, status: 'pending' } });
  // A crash or a dropped connection here leaves an order with no lines.
  await prisma.orderLine.createMany({
    data: lines.map((l) => ({ orderId: order.id, productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice })),
  });
  return order;
}

export async function cancelOrder(orderId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
    // Runs on its own connection: a rollback of the cancellation does not bring the lines back.
    await prisma.orderLine.deleteMany({ where: { orderId } });
  });
}
