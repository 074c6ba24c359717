// The article's syncCandidate, as an assistant wrote it: read, merge, write back, then call the external system.
// Every test passes, because every test sends one request at a time.
type Candidate = { id: string; name: string; email: string; status: 'active' | 'passive' | 'hired'; updatedAt: Date };
declare const db: any;
declare const externalApi: any;

async function syncCandidate(candidateId: string, updates: Partial<Candidate>) {
const existing = await db.candidates.findUnique({ where: { id: candidateId } });
const merged = { ...existing, ...updates, updatedAt: new Date() };
await db.candidates.update({ where: { id: candidateId }, data: merged });
await externalApi.updateCandidate(candidateId, merged);
return merged;
}

export { syncCandidate };
