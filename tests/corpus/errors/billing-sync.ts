// @corpus-rules no-swallowed-errors
// Billing and CRM sync jobs of a SaaS backend: Prisma, Stripe, a CRM over HTTP, BullMQ.
import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';
import axios from 'axios';
import { Queue } from 'bullmq';
import * as Sentry from '@sentry/node';
import pino from 'pino';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const crm = axios.create({ baseURL: 'https://api.crm.example.com/v2', timeout: 8000 });
const syncQueue = new Queue('crm-sync', { connection: { url: process.env.REDIS_URL } });
const logger = pino();

// @expect no-swallowed-errors
export async function syncCandidate(candidateId: string) {
  const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } });
  try {
    await crm.post('/contacts', { externalId: candidate.id, email: candidate.email, stage: candidate.stage });
  } catch (error) {
    console.log('CRM sync failed', error);
  }
  await prisma.candidate.update({ where: { id: candidateId }, data: { syncedAt: new Date() } });
}

// @expect none
export async function syncCandidateSafely(candidateId: string) {
  const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } });
  try {
    await crm.post('/contacts', { externalId: candidate.id, email: candidate.email, stage: candidate.stage });
    await prisma.candidate.update({ where: { id: candidateId }, data: { syncedAt: new Date() } });
  } catch (err) {
    logger.error({ err, candidateId }, 'crm sync failed');
    await prisma.candidate.update({ where: { id: candidateId }, data: { syncStatus: 'failed' } });
    throw err;
  }
}

// @expect no-swallowed-errors
export async function cancelSubscription(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.stripeSubscriptionId) {
    await stripe.subscriptions.cancel(user.stripeSubscriptionId).catch(() => {});
  }
  await prisma.user.update({ where: { id: userId }, data: { plan: 'free', stripeSubscriptionId: null } });
}

// @expect none
export async function cancelSubscriptionReported(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.stripeSubscriptionId) return;
  try {
    await stripe.subscriptions.cancel(user.stripeSubscriptionId);
  } catch (error) {
    Sentry.captureException(error, { extra: { userId } });
    return { cancelled: false };
  }
  await prisma.user.update({ where: { id: userId }, data: { plan: 'free', stripeSubscriptionId: null } });
  return { cancelled: true };
}

// @expect no-swallowed-errors
export async function recordUsage(subscriptionItem: string, quantity: number) {
  try {
    await stripe.subscriptionItems.createUsageRecord(subscriptionItem, { quantity, timestamp: Math.floor(Date.now() / 1000) });
  } catch (e) {}
}

// @expect no-swallowed-errors
export async function enqueueSync(candidateId: string) {
  try {
    await syncQueue.add('sync', { candidateId }, { jobId: `sync-${candidateId}` });
  } catch {
    // the nightly job will pick it up
  }
}

// @expect none
export async function enqueueSyncOrFail(candidateId: string) {
  try {
    await syncQueue.add('sync', { candidateId }, { jobId: `sync-${candidateId}` });
  } catch (err) {
    logger.warn({ err, candidateId }, 'enqueue failed, marking for the nightly sweep');
    await prisma.candidate.update({ where: { id: candidateId }, data: { syncStatus: 'pending' } });
  }
}

// @expect no-swallowed-errors
export async function applyCredit(customerId: string, cents: number) {
  try {
    await prisma.$transaction(async (tx) => {
      await tx.ledgerEntry.create({ data: { customerId, cents, kind: 'credit' } });
      await tx.customer.update({ where: { id: customerId }, data: { balanceCents: { increment: cents } } });
    });
  } catch (e) {
    console.log(e);
  }
  return { applied: true };
}

// @expect none
export async function lookupCustomer(email: string) {
  try {
    return await stripe.customers.search({ query: `email:'${email}'` });
  } catch {
    return null;
  }
}

// @expect none
export async function loadInvoices(customerId: string) {
  try {
    return await prisma.invoice.findMany({ where: { customerId } });
  } catch {}
  return [];
}

// @expect no-swallowed-errors
export async function markInvoicePaid(invoiceId: string) {
  try {
    await prisma.invoice.update({ where: { id: invoiceId }, data: { status: 'paid', paidAt: new Date() } });
  } catch (err) {
    return;
  }
  await syncQueue.add('invoice-paid', { invoiceId });
}

// @expect none
export async function refundOrder(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  try {
    await stripe.refunds.create({ payment_intent: order.paymentIntentId }, { idempotencyKey: `refund-${orderId}` });
  } catch (error) {
    metrics.increment('refund.failed');
    throw new Error(`Refund for ${orderId} failed`, { cause: error });
  }
  await prisma.order.update({ where: { id: orderId }, data: { status: 'refunded' } });
}

// @expect no-swallowed-errors
export async function pushDeal(dealId: string) {
  const deal = await prisma.deal.findUniqueOrThrow({ where: { id: dealId } });
  await crm.put(`/deals/${deal.externalId}`, { amount: deal.amount, stage: deal.stage }).catch(console.log);
}

// @expect none
export async function pushDealLogged(dealId: string) {
  const deal = await prisma.deal.findUniqueOrThrow({ where: { id: dealId } });
  await crm
    .put(`/deals/${deal.externalId}`, { amount: deal.amount, stage: deal.stage })
    .catch((err) => logger.error({ err, dealId }, 'deal push failed'));
}
