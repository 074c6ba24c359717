// @corpus-rules require-transaction, no-transaction-bypass
// Subscription billing on Sequelize.
import { Sequelize } from 'sequelize';

import { Credit, Invoice, InvoiceLine, Subscription, UsageRecord } from './models';

const sequelize = new Sequelize(process.env.DATABASE_URL!, { logging: false });

interface LineInput {
  description: string;
  amountCents: number;
}

// @expect require-transaction
export async function createInvoice(customerId: number, lines: LineInput[]) {
  const invoice = await Invoice.create({ customerId, status: 'open' });
  await InvoiceLine.bulkCreate(lines.map((l) => ({ ...l, invoiceId: invoice.id })));
  return invoice;
}

// @expect none
export async function createInvoiceInTransaction(customerId: number, lines: LineInput[]) {
  return sequelize.transaction(async (t) => {
    const invoice = await Invoice.create({ customerId, status: 'open' }, { transaction: t });
    await InvoiceLine.bulkCreate(lines.map((l) => ({ ...l, invoiceId: invoice.id })), { transaction: t });
    return invoice;
  });
}

// @expect no-transaction-bypass
export async function voidInvoice(invoiceId: number) {
  await sequelize.transaction(async (t) => {
    await Invoice.update({ status: 'void' }, { where: { id: invoiceId }, transaction: t });
    await InvoiceLine.destroy({ where: { invoiceId } });
  });
}

// @expect require-transaction
export async function applyCredit(customerId: number, invoiceId: number, amountCents: number) {
  await Credit.create({ customerId, invoiceId, amountCents: -amountCents });
  await Invoice.update({ creditedCents: amountCents }, { where: { id: invoiceId } });
}

// @expect none
export async function recordUsage(subscriptionId: number, units: number) {
  await UsageRecord.create({ subscriptionId, units, recordedAt: new Date() });
}

// @expect none
export async function renew(subscriptionId: number, periodEnd: Date) {
  const t = await sequelize.transaction();
  try {
    await Subscription.update({ periodEnd, status: 'active' }, { where: { id: subscriptionId }, transaction: t });
    await Invoice.create({ subscriptionId, status: 'open' }, { transaction: t });
    await t.commit();
  } catch (error) {
    await t.rollback();
    throw error;
  }
}

// @expect no-transaction-bypass
export async function cancelSubscription(subscriptionId: number) {
  const t = await sequelize.transaction();
  try {
    await Subscription.update({ status: 'cancelled' }, { where: { id: subscriptionId }, transaction: t });
    await Invoice.update({ status: 'void' }, { where: { subscriptionId, status: 'open' } });
    await t.commit();
  } catch (error) {
    await t.rollback();
    throw error;
  }
}
