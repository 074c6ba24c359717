// Account transfers on Sequelize: one managed transaction, passed to every call.
import { Sequelize } from 'sequelize';

import { Account, Transfer } from './models';

const sequelize = new Sequelize(process.env.DATABASE_URL!);

export async function transfer(fromId: number, toId: number, amount: number) {
  await sequelize.transaction(async (t) => {
    await Account.decrement('balance', { by: amount, where: { id: fromId }, transaction: t });
    await Account.increment('balance', { by: amount, where: { id: toId }, transaction: t });
  });
}

export async function recordTransfer(fromId: number, toId: number, amount: number) {
  await sequelize.transaction(async (t) => {
    await Account.decrement('balance', { by: amount, where: { id: fromId }, transaction: t });
    await Account.increment('balance', { by: amount, where: { id: toId }, transaction: t });
    await Transfer.create({ fromId, toId, amount }, { transaction: t });
  });
}
