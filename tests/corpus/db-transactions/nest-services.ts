// @corpus-rules require-transaction, no-transaction-bypass
// NestJS services of a B2B app: Prisma for accounts, MikroORM for workspaces, TypeORM for the billing module.
import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DataSource } from 'typeorm';

import { PrismaService } from '../prisma/prisma.service';
import { BillingAccount, BillingEvent, Workspace, WorkspaceMember } from './entities';

@Injectable()
export class AccountsService {
  constructor(private readonly prisma: PrismaService) {}

  // @expect no-transaction-bypass
  async closeAccount(accountId: string, closedBy: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.account.update({ where: { id: accountId }, data: { status: 'closed', closedBy } });
      await this.prisma.apiKey.updateMany({ where: { accountId }, data: { revokedAt: new Date() } });
    });
  }

  // @expect none
  async closeAccountSafely(accountId: string, closedBy: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.account.update({ where: { id: accountId }, data: { status: 'closed', closedBy } });
      await tx.apiKey.updateMany({ where: { accountId }, data: { revokedAt: new Date() } });
    });
  }

  // @expect none
  async applyPriceChanges(changes: { productId: string; cents: number }[]) {
    await this.prisma.$transaction(
      changes.map((c) => this.prisma.product.update({ where: { id: c.productId }, data: { priceCents: c.cents } })),
    );
  }
}

@Injectable()
export class WorkspacesService {
  constructor(private readonly em: EntityManager) {}

  // @expect no-transaction-bypass
  async removeWorkspace(workspaceId: string) {
    await this.em.transactional(async (em) => {
      await em.nativeDelete(WorkspaceMember, { workspace: workspaceId });
      await this.em.nativeDelete(Workspace, { id: workspaceId });
    });
  }

  // @expect none
  async renameWorkspace(workspaceId: string, name: string) {
    await this.em.transactional(async (em) => {
      const workspace = await em.findOneOrFail(Workspace, { id: workspaceId });
      workspace.name = name;
      await em.nativeInsert(WorkspaceMember, { workspace: workspaceId, role: 'rename-audit', name });
    });
  }
}

@Injectable()
export class BillingService {
  constructor(private readonly dataSource: DataSource) {}

  // @expect require-transaction
  async openBillingAccount(workspaceId: string, currency: string) {
    const account = await this.dataSource.manager.save(BillingAccount, { workspaceId, currency, balanceCents: 0 });
    await this.dataSource.manager.insert(BillingEvent, { billingAccountId: account.id, kind: 'opened' });
    return account;
  }

  // @expect none
  async suspend(billingAccountId: string) {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      await queryRunner.manager.update(BillingAccount, { id: billingAccountId }, { suspended: true });
      await queryRunner.manager.insert(BillingEvent, { billingAccountId, kind: 'suspended' });
      await queryRunner.commitTransaction();
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  // @expect none
  async findAccount(billingAccountId: string) {
    const account = await this.dataSource.manager.findOneBy(BillingAccount, { id: billingAccountId });
    if (!account) throw new NotFoundException();
    return account;
  }
}
