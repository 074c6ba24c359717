// Prepaid wallets on Prisma: the database applies the debit and decides whether the wallet exists.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export class InsufficientCreditsError extends Error {}

// The balance check is in the filter and the debit is computed by the database: two purchases cannot both pass.
export async function spendCredits(walletId: string, amount: number) {
  const { count } = await prisma.wallet.updateMany({
    where: { id: walletId, balance: { gte: amount } },
    data: { balance: { decrement: amount } },
  });
  if (count === 0) throw new InsufficientCreditsError(`wallet ${walletId} cannot pay ${amount}`);
}

// `userId` is unique on Wallet: the upsert creates at most one.
export async function openWallet(userId: string) {
  return prisma.wallet.upsert({ where: { userId }, create: { userId, balance: 0 }, update: {} });
}
