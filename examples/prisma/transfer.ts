// Moving credit between two accounts on Prisma.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function transferCredit(fromAccountId: string, toAccountId: string, amount: number) {
  // Debit and credit commit separately: a failure after the first leaves money debited and never credited.
  await Promise.all([
    prisma.account.update({ where: { id: fromAccountId }, data: { balance: { decrement: amount } } }),
    prisma.account.update({ where: { id: toAccountId }, data: { balance: { increment: amount } } }),
  ]);
}
