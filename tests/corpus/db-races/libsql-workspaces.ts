// @corpus-rules no-lost-update, no-check-then-create
// Workspaces, seats and subscribers of a monitoring service on Drizzle over libSQL (SQLite).
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';

import { pageSubscribers, sessions, subscriptions, workspaces } from './schema';

const db = drizzle({ connection: { url: process.env.DATABASE_URL!, authToken: process.env.DATABASE_AUTH_TOKEN } });

// @expect none
export async function addSeat(workspaceId: number) {
  // SQLite runs one write transaction at a time: the read and the write cannot interleave with another request's.
  return db.transaction(async (tx) => {
    const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    if (!ws) throw new Error('workspace not found');
    await tx.update(workspaces).set({ seats: ws.seats + 1 }).where(eq(workspaces.id, workspaceId));
    return ws.seats + 1;
  });
}

// @expect no-lost-update
export async function addSeatOutsideTransaction(workspaceId: number) {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!ws) throw new Error('workspace not found');
  await db.update(workspaces).set({ seats: ws.seats + 1 }).where(eq(workspaces.id, workspaceId));
}

// @expect none
export async function subscribe(pageId: number, email: string) {
  return db.transaction(async (tx) => {
    const existing = await tx.query.pageSubscribers.findFirst({ where: and(eq(pageSubscribers.pageId, pageId), eq(pageSubscribers.email, email)) });
    if (existing) return existing;
    const [created] = await tx.insert(pageSubscribers).values({ pageId, email }).returning();
    return created;
  });
}

// @expect no-check-then-create
export async function subscribeOutsideTransaction(pageId: number, email: string) {
  const existing = await db.query.pageSubscribers.findFirst({ where: and(eq(pageSubscribers.pageId, pageId), eq(pageSubscribers.email, email)) });
  if (existing) return existing;
  const [created] = await db.insert(pageSubscribers).values({ pageId, email }).returning();
  return created;
}

// @expect none
export async function slideSession(sessionId: string) {
  const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!session) return null;
  if (Date.now() >= session.expiresAt.getTime() - 15 * 86_400_000) {
    // A fresh expiry, not one computed from the old value.
    session.expiresAt = new Date(Date.now() + 30 * 86_400_000);
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, session.id));
  }
  return session;
}

// @expect none
export async function renewSubscription(workspaceId: number) {
  const [current] = await db.select().from(subscriptions).where(eq(subscriptions.workspaceId, workspaceId)).limit(1);
  if (!current) throw new Error('no subscription to renew');
  // A limit read off the found row, not a test of whether a row was found.
  if (current.remainingRenewals > 0 && current.autoRenew === false) throw new Error('renewal is off');
  const [renewed] = await db
    .insert(subscriptions)
    .values({ workspaceId, endsAt: new Date(current.endsAt.getTime() + 30 * 86_400_000) })
    .returning();
  return renewed;
}
