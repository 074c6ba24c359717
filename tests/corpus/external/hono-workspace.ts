// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// A Hono API for a team workspace on Drizzle (Postgres), with Trigger.dev jobs, ky, a Slack webhook and GitHub.
import { Octokit } from '@octokit/rest';
import { IncomingWebhook } from '@slack/webhook';
import { tasks } from '@trigger.dev/sdk/v3';
import { and, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { Hono } from 'hono';
import ky from 'ky';
import postgres from 'postgres';

import { auditLog, invitations, members, projects, workspaces } from './schema';

const db = drizzle(postgres(process.env.DATABASE_URL!));
const github = new Octokit({ auth: process.env.GITHUB_TOKEN, request: { timeout: 10_000 } });
const alerts = new IncomingWebhook(process.env.SLACK_WEBHOOK_URL!);
const billing = ky.create({ prefixUrl: process.env.BILLING_URL, retry: 2 });
const app = new Hono();

// @expect none
app.get('/workspaces/:id', async (c) => {
  const id = c.req.param('id');
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  if (!workspace) return c.notFound();
  const usage = await billing.get(`usage/${id}`).json<{ seats: number }>();
  return c.json({ ...workspace, usage });
});

// @expect none
app.post('/workspaces/:id/members', async (c) => {
  const id = c.req.param('id');
  const { email } = await c.req.json<{ email: string }>();
  const invitation = await db.transaction(async (tx) => {
    const [row] = await tx.insert(invitations).values({ workspaceId: id, email }).returning();
    await tx.insert(auditLog).values({ workspaceId: id, action: 'member.invited', subject: email });
    return row;
  });
  await tasks.trigger('send-invitation', { invitationId: invitation.id });
  return c.json(invitation, 201);
});

// @expect no-unguarded-dual-write
app.delete('/workspaces/:id/members/:memberId', async (c) => {
  const { id, memberId } = c.req.param();
  const [member] = await db.delete(members).where(and(eq(members.workspaceId, id), eq(members.id, memberId))).returning();
  await billing.post(`seats/${id}/decrement`, { json: { memberId } });
  return c.json(member);
});

// @expect none
app.post('/workspaces/:id/seats', async (c) => {
  const id = c.req.param('id');
  const { seats } = await c.req.json<{ seats: number }>();
  await db.update(workspaces).set({ seats, seatsSync: 'pending' }).where(eq(workspaces.id, id));
  try {
    await billing.put(`seats/${id}`, { json: { seats } });
    await db.update(workspaces).set({ seatsSync: 'done' }).where(eq(workspaces.id, id));
  } catch (err) {
    await db.update(workspaces).set({ seatsSync: 'failed' }).where(eq(workspaces.id, id));
    throw err;
  }
  return c.json({ ok: true });
});

// @expect no-external-call-in-transaction
app.post('/projects', async (c) => {
  const { workspaceId, name } = await c.req.json<{ workspaceId: string; name: string }>();
  const project = await db.transaction(async (tx) => {
    const [row] = await tx.insert(projects).values({ workspaceId, name }).returning();
    const repo = await github.repos.createInOrg({ org: 'acme-workspaces', name: `${workspaceId}-${name}`, private: true });
    await tx.update(projects).set({ repoUrl: repo.data.html_url }).where(eq(projects.id, row.id));
    return row;
  });
  return c.json(project, 201);
});

// @expect none
app.get('/projects/:id/issues', async (c) => {
  const [project] = await db.select().from(projects).where(eq(projects.id, c.req.param('id')));
  const issues = await github.issues.listForRepo({ owner: 'acme-workspaces', repo: project.repoName, state: 'open' });
  return c.json(issues.data);
});

// @expect no-floating-effect
app.post('/projects/:id/archive', async (c) => {
  const id = c.req.param('id');
  await db.update(projects).set({ archivedAt: new Date() }).where(eq(projects.id, id));
  alerts.send({ text: `Project ${id} archived` });
  return c.json({ ok: true });
});

// @expect none
app.post('/projects/:id/star', async (c) => {
  const id = c.req.param('id');
  await db.update(projects).set({ stars: sql`${projects.stars} + 1` }).where(eq(projects.id, id));
  c.executionCtx.waitUntil(alerts.send({ text: `Project ${id} starred` }));
  return c.json({ ok: true });
});

// @expect none
export async function nightlyDigest() {
  const rows = await db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces);
  const lines = rows.map((w) => `• ${w.name}`).join('\n');
  await alerts.send({ text: `Workspaces:\n${lines}` });
}

// @expect none
export function workspaceUrl(id: string) {
  const map = new Map<string, string>();
  map.set(id, `${process.env.APP_URL}/w/${id}`);
  map.delete('stale');
  return map.get(id);
}

export default app;
