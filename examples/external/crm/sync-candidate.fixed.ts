// Candidate sync: the change and an outbox row commit together; a relay pushes the outbox to the CRM.
import { PrismaClient } from '@prisma/client';
import { z } from 'zod';

const db = new PrismaClient();

const syncCandidateInput = z.object({
  candidateId: z.string().uuid(),
  updates: z.object({
    name: z.string().optional(),
    email: z.string().email().optional(),
    status: z.enum(['active', 'passive', 'hired']).optional(),
  }),
});

export async function syncCandidate(input: unknown) {
  const { candidateId, updates } = syncCandidateInput.parse(input);
  return db.$transaction(async (tx) => {
    const saved = await tx.candidate.update({ where: { id: candidateId }, data: { ...updates, version: { increment: 1 } } });
    await tx.outboxEvent.create({ data: { topic: 'candidate.updated', key: candidateId, payload: { id: candidateId, version: saved.version } } });
    return saved;
  });
}

export async function moveToStage(candidateId: string, stageId: string) {
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.update({ where: { id: candidateId }, data: { stageId } });
    await tx.outboxEvent.create({ data: { topic: 'candidate.stage', key: candidateId, payload: { id: candidateId, stageId } } });
    return candidate;
  });
}
