// @corpus-rules require-transaction, no-transaction-bypass
// Teams, invitations and invoices of a SaaS app on Drizzle (postgres-js driver).
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

import { auditEvents, invitations, invoiceLines, invoices, memberships, teams } from './schema';

const client = postgres(process.env.DATABASE_URL!);
const db = drizzle(client);

// @expect require-transaction
export async function createTeam(ownerId: string, name: string) {
  const [team] = await db.insert(teams).values({ name, ownerId }).returning();
  await db.insert(memberships).values({ teamId: team.id, userId: ownerId, role: 'owner' });
  return team;
}

// @expect none
export async function createTeamInTransaction(ownerId: string, name: string) {
  return db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ name, ownerId }).returning();
    await tx.insert(memberships).values({ teamId: team.id, userId: ownerId, role: 'owner' });
    return team;
  });
}

// @expect no-transaction-bypass
export async function acceptInvitation(invitationId: string, userId: string) {
  await db.transaction(async (tx) => {
    const [invite] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.status, 'pending')))
      .returning();
    await tx.insert(memberships).values({ teamId: invite.teamId, userId, role: invite.role });
    await db.insert(auditEvents).values({ teamId: invite.teamId, actorId: userId, action: 'invitation.accepted' });
  });
}

// @expect none
export async function inviteMany(teamId: string, emails: string[]) {
  await db.insert(invitations).values(emails.map((email) => ({ teamId, email, status: 'pending' })));
}

// @expect require-transaction
export async function issueInvoice(teamId: string, lines: { description: string; cents: number }[]) {
  const [invoice] = await db
    .insert(invoices)
    .values({ teamId, totalCents: lines.reduce((s, l) => s + l.cents, 0) })
    .returning({ id: invoices.id });
  await Promise.all(lines.map((l) => db.insert(invoiceLines).values({ invoiceId: invoice.id, ...l })));
  return invoice.id;
}

// @expect none
export async function removeMember(teamId: string, userId: string) {
  await db.transaction(async (tx) => {
    await tx.delete(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
    await tx.insert(auditEvents).values({ teamId, actorId: userId, action: 'member.removed' });
  });
}
