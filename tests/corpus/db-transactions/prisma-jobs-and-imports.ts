// @corpus-rules require-transaction, no-transaction-bypass
// Background tasks, partner imports and folder roles of a SaaS app on Prisma.
import { Prisma, PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// @expect none
export async function runTask<T>(jobId: string, key: string, callback: () => Promise<T>): Promise<T> {
  // The pending row is the checkpoint a crash leaves to resume from; the work runs outside any transaction.
  const task = await prisma.backgroundJobTask.create({ data: { id: `${jobId}:${key}`, jobId, status: 'PENDING' } });
  const result = await callback();
  await prisma.backgroundJobTask.update({ where: { id: task.id }, data: { status: 'COMPLETED', result: result as Prisma.InputJsonValue } });
  return result;
}

// @expect require-transaction
export async function completeTask(taskId: string) {
  // Two records' statuses, nothing awaited between: the job can count a task that never completed.
  const task = await prisma.backgroundJobTask.update({ where: { id: taskId }, data: { status: 'COMPLETED', completedAt: new Date() } });
  await prisma.backgroundJob.update({ where: { id: task.jobId }, data: { status: 'RUNNING', completedTasks: { increment: 1 } } });
}

// @expect none
export async function moveCollection(tx: Prisma.TransactionClient, collection: { id: string; teamID: string; orderIndex: number }, parentID: string) {
  // Runs in the caller's transaction: the client is handed in.
  await tx.teamCollection.updateMany({
    where: { teamID: collection.teamID, orderIndex: { gt: collection.orderIndex } },
    data: { orderIndex: { decrement: 1 } },
  });
  await tx.teamCollection.update({ where: { id: collection.id }, data: { parentID } });
}

// @expect require-transaction
export async function moveCollectionWithClient(db: PrismaClient, collection: { id: string; teamID: string; orderIndex: number }, parentID: string) {
  await db.teamCollection.updateMany({
    where: { teamID: collection.teamID, orderIndex: { gt: collection.orderIndex } },
    data: { orderIndex: { decrement: 1 } },
  });
  await db.teamCollection.update({ where: { id: collection.id }, data: { parentID } });
}

// @expect none
export async function importPartner(programId: string, row: { email: string; name: string }) {
  // Made sure of, then upserted: running the import again finishes a half-done row.
  const partner = await prisma.partner.upsert({ where: { email: row.email }, create: { email: row.email, name: row.name }, update: {} });
  await prisma.programEnrollment.upsert({
    where: { partnerId_programId: { partnerId: partner.id, programId } },
    create: { partnerId: partner.id, programId, status: 'approved' },
    update: { status: 'approved' },
  });
}

// @expect require-transaction
export async function importSale(programId: string, row: { email: string; amount: number }) {
  const customer = await prisma.customer.upsert({ where: { email: row.email }, create: { email: row.email }, update: {} });
  await prisma.sale.create({ data: { customerId: customer.id, programId, amount: row.amount } });
}

// @expect none
export async function setFolderRole(folderId: string, userId: string, role: string) {
  await prisma.folderUser.upsert({
    where: { folderId_userId: { folderId, userId } },
    create: { folderId, userId, role },
    update: { role },
  });
  // A leftover access request is harmless: let its clean-up fail on its own.
  try {
    await prisma.folderAccessRequest.delete({ where: { folderId_userId: { folderId, userId } } });
  } catch (error) {
    console.warn('could not delete the access request', error);
  }
}

// @expect require-transaction
export async function addOrderItems(userId: string, skus: string[]) {
  const order = await prisma.order.create({ data: { userId } });
  try {
    await prisma.orderItem.createMany({ data: skus.map((sku) => ({ sku, orderId: order.id })) });
  } catch (error) {
    return { ok: false as const, error: String(error) };
  }
  return { ok: true as const, order };
}
