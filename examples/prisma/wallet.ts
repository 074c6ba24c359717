// Prepaid wallets on Prisma: spending credits and opening a wallet, written the obvious way.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// Two purchases at the same moment both read the same balance; the second write discards the first debit.
export async function spendCredits(walletId: string, amount: number) {
  const wallet = await prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
  if (wallet.balance < amount) throw new Error('insufficient credits');
  return prisma.wallet.update({ where: { id: walletId }, data: { balance: wallet.balance - amount } });
}

// A double-clicked "activate" both find no wallet and both create one.
export async function openWallet(userId: string) {
  const existing = await prisma.wallet.findUnique({ where: { userId } });
  if (existing) return existing;
  return prisma.wallet.create({ data: { userId, balance: 0 } });
}
