// @corpus-rules no-swallowed-errors
// Route handlers, a NestJS service and a webhook consumer with their error paths.
import express from 'express';
import { Injectable, Logger } from '@nestjs/common';
import { NextResponse } from 'next/server';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { Resend } from 'resend';
import { Pool } from 'pg';
import { User } from './models/user';
import { auditLog, members, orders } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const resend = new Resend(process.env.RESEND_API_KEY);
export const app = express();

// @expect no-swallowed-errors
app.post('/orders/:id/cancel', async (req, res) => {
  try {
    await db.update(orders).set({ status: 'cancelled' }).where(eq(orders.id, req.params.id));
  } catch (err) {
    console.log(err);
  }
  res.json({ success: true });
});

// @expect none
app.post('/orders/:id/ship', async (req, res) => {
  try {
    await db.update(orders).set({ status: 'shipped' }).where(eq(orders.id, req.params.id));
    res.json({ success: true });
  } catch (err) {
    req.log.error({ err }, 'ship failed');
    res.status(500).json({ error: 'Could not ship the order' });
  }
});

// @expect no-swallowed-errors
app.post('/invite', async (req, res) => {
  const { email } = req.body as { email: string };
  try {
    await resend.emails.send({ from: 'team@acme.dev', to: email, subject: 'You are invited', html: '<p>Join us</p>' });
  } catch (error) {
    return res.json({ success: true });
  }
  res.json({ success: true });
});

// @expect none
app.post('/members', async (req, res, next) => {
  try {
    const [member] = await db.insert(members).values({ email: String(req.body.email), teamId: req.user!.teamId }).returning();
    res.status(201).json(member);
  } catch (e) {
    if ((e as { code?: string }).code === '23505') return res.status(409).json({ error: 'Already a member' });
    next(e);
  }
});

// @expect no-swallowed-errors
export async function POST(request: Request) {
  const { userId } = (await request.json()) as { userId: string };
  try {
    await pool.query('UPDATE users SET last_seen_at = now() WHERE id = $1', [userId]);
  } catch (e) {
    console.debug('last seen update failed', e);
  }
  return NextResponse.json({ ok: true });
}

// @expect none
export async function PUT(request: Request) {
  const { userId } = (await request.json()) as { userId: string };
  try {
    await pool.query('UPDATE users SET last_seen_at = now() WHERE id = $1', [userId]);
  } catch (e) {
    console.error('last seen update failed', e);
    return NextResponse.json({ ok: false }, { status: 500 });
  }
  return NextResponse.json({ ok: true });
}

// @expect no-swallowed-errors
export async function deactivateStaleUsers(ids: string[]) {
  for (const id of ids) {
    try {
      await User.updateOne({ _id: id }, { $set: { active: false } });
    } catch {
      continue;
    }
  }
}

// @expect none
export async function deactivateStaleUsersReported(ids: string[]) {
  const failed: string[] = [];
  for (const id of ids) {
    try {
      await User.updateOne({ _id: id }, { $set: { active: false } });
    } catch (error) {
      failed.push(id);
    }
  }
  return { failed };
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  // @expect no-swallowed-errors
  async record(actorId: string, action: string) {
    try {
      await db.insert(auditLog).values({ actorId, action, at: new Date() });
    } catch (e) {
      // auditing must never break the request
    }
  }

  // @expect none
  async recordLogged(actorId: string, action: string) {
    try {
      await db.insert(auditLog).values({ actorId, action, at: new Date() });
    } catch (e) {
      this.logger.warn(`audit insert failed: ${String(e)}`);
    }
  }

  // @expect none
  async recordWithFinally(actorId: string, action: string) {
    const started = Date.now();
    try {
      await db.insert(auditLog).values({ actorId, action, at: new Date() });
    } finally {
      this.logger.debug(`audit took ${Date.now() - started}ms`);
    }
  }
}

// @expect no-swallowed-errors
export async function notifySlack(text: string) {
  await fetch(process.env.SLACK_WEBHOOK_URL!, {
    method: 'POST',
    body: JSON.stringify({ text }),
    signal: AbortSignal.timeout(3000),
  }).catch(() => undefined);
}

// @expect none
export async function notifySlackOrReport(text: string) {
  try {
    await fetch(process.env.SLACK_WEBHOOK_URL!, { method: 'POST', body: JSON.stringify({ text }), signal: AbortSignal.timeout(3000) });
    return true;
  } catch {
    return false;
  }
}

// @expect none
export function parseWebhook(raw: string) {
  try {
    return JSON.parse(raw) as { type: string };
  } catch {
    return null;
  }
}
