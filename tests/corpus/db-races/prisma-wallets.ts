// @corpus-rules no-lost-update, no-check-then-create
// Wallets, referrals and profiles of a SaaS app on Prisma (Next.js route handlers and a service module).
import { Prisma, PrismaClient } from '@prisma/client';
import { NextResponse } from 'next/server';
import { z } from 'zod';

const prisma = new PrismaClient();

const spendSchema = z.object({ amount: z.number().int().positive() });

// @expect no-lost-update
export async function spendCredits(walletId: string, amount: number) {
  const wallet = await prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
  if (wallet.balance < amount) {
    throw new Error('Insufficient credits');
  }
  return prisma.wallet.update({
    where: { id: walletId },
    data: { balance: wallet.balance - amount, lastSpentAt: new Date() },
  });
}

// @expect none
export async function spendCreditsAtomically(walletId: string, amount: number) {
  const { count } = await prisma.wallet.updateMany({
    where: { id: walletId, balance: { gte: amount } },
    data: { balance: { decrement: amount }, lastSpentAt: new Date() },
  });
  if (count === 0) throw new Error('Insufficient credits');
}

// @expect no-lost-update
export async function POST(request: Request, { params }: { params: { id: string } }) {
  const { amount } = spendSchema.parse(await request.json());
  const result = await prisma.$transaction(async (tx) => {
    const wallet = await tx.wallet.findUniqueOrThrow({ where: { id: params.id } });
    const next = wallet.balance + amount;
    return tx.wallet.update({ where: { id: params.id }, data: { balance: next, topUps: wallet.topUps + 1 } });
  });
  return NextResponse.json(result);
}

// @expect none
export async function topUpLocked(walletId: string, amount: number) {
  return prisma.$transaction(async (tx) => {
    const [wallet] = await tx.$queryRaw<{ balance: number }[]>`SELECT balance FROM "Wallet" WHERE id = ${walletId} FOR UPDATE`;
    return tx.wallet.update({ where: { id: walletId }, data: { balance: wallet.balance + amount } });
  });
}

// @expect none
export async function updateProfileChecked(userId: string, patch: { displayName?: string; bio?: string }) {
  const profile = await prisma.profile.findUniqueOrThrow({ where: { userId } });
  const updated = await prisma.profile.updateMany({
    where: { userId, version: profile.version },
    data: { ...patch, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    throw new Error('Profile was changed by another session; reload and try again');
  }
}

// @expect no-lost-update
export async function mergePreferences(userId: string, changes: Record<string, unknown>) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { preferences: true } });
  const preferences = { ...(user.preferences as Record<string, unknown>), ...changes };
  await prisma.user.update({ where: { id: userId }, data: { preferences } });
  return preferences;
}

// @expect none
export async function recalculateStreak(userId: string) {
  await prisma.$transaction(
    async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
      const today = new Date().toDateString();
      const streak = user.lastActiveDay === today ? user.streak : user.streak + 1;
      await tx.user.update({ where: { id: userId }, data: { streak, lastActiveDay: today } });
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
  );
}

// @expect no-check-then-create
export async function redeemReferral(code: string, newUserId: string) {
  const referral = await prisma.referral.findUnique({ where: { code } });
  if (!referral) throw new Error('Unknown referral code');
  const existing = await prisma.referralRedemption.findFirst({ where: { referralId: referral.id, userId: newUserId } });
  if (existing) return existing;
  return prisma.referralRedemption.create({ data: { referralId: referral.id, userId: newUserId } });
}

// @expect none
export async function redeemReferralOnce(code: string, newUserId: string) {
  const referral = await prisma.referral.findUniqueOrThrow({ where: { code } });
  try {
    return await prisma.referralRedemption.create({ data: { referralId: referral.id, userId: newUserId } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return prisma.referralRedemption.findFirstOrThrow({ where: { referralId: referral.id, userId: newUserId } });
    }
    throw error;
  }
}

// @expect no-check-then-create
export async function connectIntegration(orgId: string, provider: string, accessToken: string) {
  const current = await prisma.integration.findUnique({ where: { orgId_provider: { orgId, provider } } });
  if (current) {
    return prisma.integration.update({ where: { id: current.id }, data: { accessToken, connectedAt: new Date() } });
  }
  return prisma.integration.create({ data: { orgId, provider, accessToken, connectedAt: new Date() } });
}

// @expect none
export async function connectIntegrationUpsert(orgId: string, provider: string, accessToken: string) {
  return prisma.integration.upsert({
    where: { orgId_provider: { orgId, provider } },
    create: { orgId, provider, accessToken, connectedAt: new Date() },
    update: { accessToken, connectedAt: new Date() },
  });
}

// @expect none
export async function recordPageView(pageId: string, viewerId: string) {
  const page = await prisma.page.findUnique({ where: { id: pageId } });
  if (!page || (!page.published && page.ownerId !== viewerId)) return null;
  await prisma.$transaction([
    prisma.page.update({ where: { id: pageId }, data: { views: { increment: 1 } } }),
    prisma.pageView.create({ data: { pageId, viewerId } }),
  ]);
  return page;
}
