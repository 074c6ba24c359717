// syncCandidate, fixed:
// - the input is parsed at the boundary, so `updates` holds only the fields a caller may change;
// - the write carries the version it read, so a concurrent sync fails loudly instead of being overwritten;
// - the external system is updated by a job, so its outage delays the sync instead of splitting the data.
import { PrismaClient } from '@prisma/client';
import { Queue } from 'bullmq';
import { z } from 'zod';

const db = new PrismaClient();
const candidateSync = new Queue('candidate-sync', { connection: { url: process.env.REDIS_URL } });

export const syncCandidateSchema = z.object({
  candidateId: z.string().uuid(),
  updates: z.object({
    name: z.string().optional(),
    email: z.string().email().optional(),
    status: z.enum(['active', 'passive', 'hired']).optional(),
  }),
});
export type SyncCandidateInput = z.infer<typeof syncCandidateSchema>;

export class ConcurrentUpdateError extends Error {}

export async function syncCandidate(input: SyncCandidateInput) {
  const { candidateId, updates } = syncCandidateSchema.parse(input);
  const existing = await db.candidate.findUniqueOrThrow({ where: { id: candidateId } });
  const { count } = await db.candidate.updateMany({
    where: { id: candidateId, version: existing.version },
    data: { ...updates, updatedAt: new Date(), version: { increment: 1 } },
  });
  if (count === 0) {
    throw new ConcurrentUpdateError(`candidate ${candidateId} changed while syncing; retry with fresh data`);
  }
  const version = existing.version + 1;
  // One job per version: a retried job pushes the same state, and a newer version supersedes it.
  await candidateSync.add('push-candidate', { candidateId, version }, { jobId: `candidate-${candidateId}-v${version}` });
  return { ...existing, ...updates, version };
}
