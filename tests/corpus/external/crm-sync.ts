// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// Candidate sync between the ATS database (Prisma) and the recruiting CRM: the article's
// function and the variants that show up beside it in real services.
import { PrismaClient, type Candidate } from '@prisma/client';
import axios from 'axios';
import { Queue } from 'bullmq';
import { z } from 'zod';

import { externalApi } from '@/lib/external-api';
import { logger } from '@/lib/logger';

const db = new PrismaClient();
const crm = axios.create({ baseURL: process.env.CRM_URL, timeout: 8_000 });
const legacyCrm = axios.create({ baseURL: process.env.LEGACY_CRM_URL });
const syncQueue = new Queue('crm-sync', { connection: { host: process.env.REDIS_HOST } });

const syncCandidateSchema = z.object({
  candidateId: z.string().uuid(),
  updates: z.object({ name: z.string().optional(), status: z.enum(['active', 'passive', 'hired']).optional() }),
});

// @expect no-unguarded-dual-write
export async function syncCandidate(candidateId: string, updates: Partial<Candidate>) {
  const existing = await db.candidate.findUnique({ where: { id: candidateId } });
  const merged = { ...existing, ...updates, updatedAt: new Date() };
  await db.candidate.update({ where: { id: candidateId }, data: merged });
  await externalApi.updateCandidate(candidateId, merged);
  return merged;
}

// @expect none
export async function syncCandidateFixed(input: unknown) {
  const { candidateId, updates } = syncCandidateSchema.parse(input);
  const saved = await db.$transaction(async (tx) => {
    const row = await tx.candidate.update({ where: { id: candidateId }, data: { ...updates, version: { increment: 1 } } });
    await tx.outboxEvent.create({ data: { topic: 'candidate.updated', key: candidateId, payload: { id: candidateId, version: row.version } } });
    return row;
  });
  return saved;
}

// @expect none
export async function syncCandidateViaQueue(candidateId: string, status: 'active' | 'passive' | 'hired') {
  const row = await db.candidate.update({ where: { id: candidateId }, data: { status, version: { increment: 1 } } });
  await syncQueue.add('push-candidate', { candidateId }, { jobId: `candidate-${candidateId}-v${row.version}`, attempts: 8 });
  return row;
}

// @expect no-unguarded-dual-write
export async function hireCandidate(candidateId: string, offerId: string) {
  await db.offer.update({ where: { id: offerId }, data: { acceptedAt: new Date() } });
  await db.candidate.update({ where: { id: candidateId }, data: { status: 'hired' } });
  try {
    await crm.post(`/candidates/${candidateId}/hire`, { offerId });
  } catch (err) {
    logger.warn({ err, candidateId }, 'crm hire sync failed');
  }
}

// @expect none
export async function archiveCandidate(candidateId: string) {
  await db.candidate.update({ where: { id: candidateId }, data: { archivedAt: new Date(), crmSync: 'pending' } });
  try {
    await crm.delete(`/candidates/${candidateId}`);
    await db.candidate.update({ where: { id: candidateId }, data: { crmSync: 'done' } });
  } catch (err) {
    await db.candidate.update({ where: { id: candidateId }, data: { crmSync: 'failed', crmError: String(err) } });
  }
}

// @expect no-external-call-in-transaction
export async function moveToStage(candidateId: string, stageId: string) {
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.update({ where: { id: candidateId }, data: { stageId } });
    await crm.patch(`/candidates/${candidateId}`, { stage: stageId });
    await tx.stageHistory.create({ data: { candidateId, stageId } });
    return candidate;
  });
}

// @expect require-timeout, no-unguarded-dual-write
export async function pushNotes(candidateId: string, notes: string) {
  await db.note.create({ data: { candidateId, body: notes } });
  await legacyCrm.post(`/candidates/${candidateId}/notes`, { notes });
}

// @expect require-timeout
export async function fetchLegacyProfile(candidateId: string) {
  const { data } = await legacyCrm.get(`/candidates/${candidateId}`);
  return data as { id: string; name: string };
}

// @expect none
export async function fetchProfile(candidateId: string) {
  const { data } = await crm.get(`/candidates/${candidateId}`);
  return data as { id: string; name: string };
}

// @expect no-floating-effect
export async function touchCandidate(candidateId: string) {
  db.candidate.update({ where: { id: candidateId }, data: { lastViewedAt: new Date() } });
  return db.candidate.findUnique({ where: { id: candidateId } });
}

// @expect none
export async function touchCandidateInBackground(candidateId: string) {
  db.candidate
    .update({ where: { id: candidateId }, data: { lastViewedAt: new Date() } })
    .catch((err) => logger.error({ err, candidateId }, 'lastViewedAt update failed'));
  return db.candidate.findUnique({ where: { id: candidateId } });
}

// @expect no-floating-effect, no-unguarded-dual-write
export async function rejectCandidate(candidateId: string, reason: string) {
  await db.candidate.update({ where: { id: candidateId }, data: { status: 'rejected', rejectReason: reason } });
  void externalApi.updateCandidate(candidateId, { status: 'rejected' });
  return { ok: true };
}

// @expect none
export async function importCandidates(rows: Array<{ email: string; name: string }>) {
  const created = await db.candidate.createMany({ data: rows, skipDuplicates: true });
  await syncQueue.addBulk(rows.map((r) => ({ name: 'push-candidate', data: { email: r.email }, opts: { jobId: `import-${r.email}` } })));
  return created.count;
}

// @expect none
export async function previewCandidate(candidateId: string) {
  const candidate = await db.candidate.findUniqueOrThrow({ where: { id: candidateId } });
  const { data: crmView } = await crm.get(`/candidates/${candidateId}/preview`);
  return { ...candidate, crm: crmView };
}
