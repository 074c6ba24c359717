// Wallet transfers on Drizzle (node-postgres).
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';

import { ledgerEntries, wallets } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function transfer(fromWalletId: string, toWalletId: string, amountCents: number) {
  await db.update(wallets).set({ balanceCents: sql`${wallets.balanceCents} - ${amountCents}` }).where(eq(wallets.id, fromWalletId));
  // If the process dies here, the sender has paid and the receiver never gets it.
  await db.update(wallets).set({ balanceCents: sql`${wallets.balanceCents} + ${amountCents}` }).where(eq(wallets.id, toWalletId));
}

export async function refund(walletId: string, amountCents: number, reason: string) {
  await db.transaction(async (tx) => {
    await tx.update(wallets).set({ balanceCents: sql`${wallets.balanceCents} + ${amountCents}` }).where(eq(wallets.id, walletId));
    // Goes through `db`, not `tx`: it commits even when the refund rolls back.
    await db.insert(ledgerEntries).values({ walletId, amountCents, reason });
  });
}
