// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// NestJS billing module: TypeORM for accounts, Sequelize for the legacy ledger, Stripe and Square injected.
import { HttpService } from '@nestjs/axios';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { firstValueFrom } from 'rxjs';
import { Sequelize, Transaction } from 'sequelize';
import { SquareClient } from 'square';
import Stripe from 'stripe';
import { DataSource, Repository } from 'typeorm';

import { Account } from './account.entity';
import { LedgerEntry } from './ledger.model';
import { MailerService } from './mailer.service';

@Injectable()
export class BillingService {
  private readonly logger = new Logger(BillingService.name);
  private readonly square = new SquareClient({ token: process.env.SQUARE_ACCESS_TOKEN });

  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly dataSource: DataSource,
    private readonly sequelize: Sequelize,
    private readonly stripe: Stripe,
    private readonly http: HttpService,
    private readonly mailer: MailerService,
    @InjectQueue('billing') private readonly billingQueue: Queue,
  ) {}

  // @expect require-idempotency-key, no-external-call-in-transaction
  async topUp(accountId: string, cents: number) {
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneOrFail(Account, { where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
      const intent = await this.stripe.paymentIntents.create({ amount: cents, currency: 'eur', customer: account.stripeCustomerId, confirm: true });
      await manager.update(Account, { id: accountId }, { balanceCents: () => `balance_cents + ${cents}`, lastIntentId: intent.id });
    });
  }

  // @expect none
  async topUpSafely(accountId: string, topUpId: string, cents: number) {
    const account = await this.accounts.findOneByOrFail({ id: accountId });
    const intent = await this.stripe.paymentIntents.create(
      { amount: cents, currency: 'eur', customer: account.stripeCustomerId, confirm: true },
      { idempotencyKey: `topup-${topUpId}` },
    );
    await this.dataSource.transaction(async (manager) => {
      await manager.increment(Account, { id: accountId }, 'balanceCents', cents);
      await manager.insert('topups', { id: topUpId, accountId, intentId: intent.id });
    });
  }

  // @expect require-idempotency-key
  async chargeInPerson(sourceId: string, cents: bigint) {
    const { payment } = await this.square.payments.create({
      sourceId,
      idempotencyKey: crypto.randomUUID(),
      amountMoney: { amount: cents, currency: 'USD' },
    });
    return payment;
  }

  // @expect none
  async chargeInPersonOnce(sourceId: string, checkoutId: string, cents: bigint) {
    const { payment } = await this.square.payments.create({ sourceId, idempotencyKey: `pos-${checkoutId}`, amountMoney: { amount: cents, currency: 'USD' } });
    return payment;
  }

  // @expect require-idempotency-key
  async issueCredit(customerId: string, cents: number) {
    return this.stripe.customers.createBalanceTransaction(customerId, { amount: -cents, currency: 'eur' });
  }

  // @expect no-external-call-in-transaction
  async postLedger(accountId: string, cents: number) {
    await this.sequelize.transaction(async (t: Transaction) => {
      await LedgerEntry.create({ accountId, cents }, { transaction: t });
      await firstValueFrom(this.http.post(`${process.env.LEDGER_URL}/entries`, { accountId, cents }));
    });
  }

  // @expect none
  async postLedgerAfterCommit(accountId: string, cents: number) {
    const entry = await this.sequelize.transaction(async (t: Transaction) => LedgerEntry.create({ accountId, cents }, { transaction: t }));
    await this.billingQueue.add('mirror-ledger', { entryId: entry.id }, { jobId: `ledger-${entry.id}` });
  }

  // @expect no-external-call-in-transaction
  async closeAccount(accountId: string) {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Account, { id: accountId }, { closedAt: new Date() });
      await this.billingQueue.add('close-stripe-customer', { accountId });
    });
  }

  // @expect none
  async sendStatement(accountId: string) {
    const account = await this.accounts.findOneByOrFail({ id: accountId });
    await this.mailer.sendStatement(account.email, account.id);
    await this.accounts.update({ id: accountId }, { statementSentAt: new Date() });
  }

  // @expect no-floating-effect
  async recordView(accountId: string) {
    this.accounts.update({ id: accountId }, { lastViewedAt: new Date() });
    return this.accounts.findOneBy({ id: accountId });
  }

  // @expect none
  async recordViewSafely(accountId: string) {
    await this.accounts.update({ id: accountId }, { lastViewedAt: new Date() });
    return this.accounts.findOneBy({ id: accountId });
  }

  // @expect no-unguarded-dual-write
  async refundLastCharge(accountId: string) {
    const account = await this.accounts.findOneByOrFail({ id: accountId });
    await this.accounts.update({ id: accountId }, { refundRequestedAt: new Date() });
    await this.stripe.refunds.create({ payment_intent: account.lastIntentId }, { idempotencyKey: `refund-${account.lastIntentId}` });
  }

  // @expect none
  async syncCustomer(accountId: string) {
    const account = await this.accounts.findOneByOrFail({ id: accountId });
    const customer = await this.stripe.customers.retrieve(account.stripeCustomerId);
    this.logger.log(`synced ${customer.id}`);
    return customer;
  }
}
