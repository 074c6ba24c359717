// Account transfers on Sequelize.
import { Sequelize } from 'sequelize';

import { Account, Transfer } from './models';

const sequelize = new Sequelize(process.env.DATABASE_URL!);

export async function transfer(fromId: number, toId: number, amount: number) {
  await Account.decrement('balance', { by: amount, where: { id: fromId } });
  // A second, independent commit: if it fails, the money has left one account and reached none.
  await Account.increment('balance', { by: amount, where: { id: toId } });
}

export async function recordTransfer(fromId: number, toId: number, amount: number) {
  await sequelize.transaction(async (t) => {
    await Account.decrement('balance', { by: amount, where: { id: fromId }, transaction: t });
    await Account.increment('balance', { by: amount, where: { id: toId }, transaction: t });
    // No `{ transaction: t }`: this insert runs on another connection and outlives a rollback.
    await Transfer.create({ fromId, toId, amount });
  });
}
