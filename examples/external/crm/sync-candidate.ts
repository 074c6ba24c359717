// Candidate sync between the ATS database and the recruiting CRM, as the article's assistant wrote it.
import { PrismaClient, type Candidate } from '@prisma/client';

import { externalApi } from '../lib/external-api';

const db = new PrismaClient();

export async function syncCandidate(candidateId: string, updates: Partial<Candidate>) {
  const existing = await db.candidate.findUnique({ where: { id: candidateId } });
  const merged = { ...existing, ...updates, updatedAt: new Date() };
  await db.candidate.update({ where: { id: candidateId }, data: merged });
  // The commit above is final; if this call times out the CRM keeps the old data for good.
  await externalApi.updateCandidate(candidateId, merged);
  return merged;
}

export async function moveToStage(candidateId: string, stageId: string) {
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.update({ where: { id: candidateId }, data: { stageId } });
    // Holds the row lock and a pool connection while the CRM answers.
    await externalApi.updateStage(candidateId, stageId);
    return candidate;
  });
}
