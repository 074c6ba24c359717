// Moving credit between two accounts on Prisma: both updates in one batch transaction.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function transferCredit(fromAccountId: string, toAccountId: string, amount: number) {
  await prisma.$transaction([
    prisma.account.update({ where: { id: fromAccountId }, data: { balance: { decrement: amount } } }),
    prisma.account.update({ where: { id: toAccountId }, data: { balance: { increment: amount } } }),
  ]);
}
