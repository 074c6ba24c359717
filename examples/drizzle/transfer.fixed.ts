// Wallet transfers on Drizzle (node-postgres): every write of a transfer goes through `tx`.
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';

import { ledgerEntries, wallets } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function transfer(fromWalletId: string, toWalletId: string, amountCents: number) {
  await db.transaction(async (tx) => {
    await tx.update(wallets).set({ balanceCents: sql`${wallets.balanceCents} - ${amountCents}` }).where(eq(wallets.id, fromWalletId));
    await tx.update(wallets).set({ balanceCents: sql`${wallets.balanceCents} + ${amountCents}` }).where(eq(wallets.id, toWalletId));
  });
}

export async function refund(walletId: string, amountCents: number, reason: string) {
  await db.transaction(async (tx) => {
    await tx.update(wallets).set({ balanceCents: sql`${wallets.balanceCents} + ${amountCents}` }).where(eq(wallets.id, walletId));
    await tx.insert(ledgerEntries).values({ walletId, amountCents, reason });
  });
}
