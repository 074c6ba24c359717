import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';

import rule, { type MessageId, type Options } from '../../src/rules/no-swallowed-errors.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

const prisma = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
`;
const stripe = `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
`;

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('no-swallowed-errors', rule as never, {
  valid: [
    // Logged with logger.error and rethrown.
    `${prisma}
import { logger } from './logger';
export async function deactivate(id: string) {
  try {
    await prisma.user.update({ where: { id }, data: { active: false } });
  } catch (err) {
    logger.error({ err, id }, 'deactivate failed');
    throw err;
  }
}
`,
    // Reported to Sentry.
    `${stripe}
import * as Sentry from '@sentry/node';
export async function refund(paymentIntent: string) {
  try {
    await stripe.refunds.create({ payment_intent: paymentIntent }, { idempotencyKey: paymentIntent });
  } catch (error) {
    Sentry.captureException(error);
  }
}
`,
    // Express: passed to next().
    `${prisma}
app.post('/orders', async (req, res, next) => {
  try {
    res.json(await prisma.order.create({ data: Order.parse(req.body) }));
  } catch (err) {
    next(err);
  }
});
`,
    // An error response.
    `${prisma}
app.post('/orders', async (req, res) => {
  try {
    res.json(await prisma.order.create({ data: Order.parse(req.body) }));
  } catch {
    return res.status(500).json({ message: 'Could not create the order' });
  }
});
`,
    // A failure row for a retry job.
    `${prisma}
export async function syncCandidate(id: string) {
  try {
    await fetch('https://crm.example.com/api/candidates/' + id, { method: 'POST', signal: AbortSignal.timeout(5000) });
  } catch (e) {
    await prisma.syncFailure.create({ data: { candidateId: id, reason: String(e) } });
  }
}
`,
    // A read in the try: not a write or an external call.
    `${prisma}
export async function findUser(id: string) {
  try {
    return await prisma.user.findUnique({ where: { id } });
  } catch {}
  return null;
}
`,
    // console.error counts as recording (stderr is collected by the platform).
    `${prisma}
export async function touch(id: string) {
  try {
    await prisma.session.update({ where: { id }, data: { seenAt: new Date() } });
  } catch (e) {
    console.error('session touch failed', e);
  }
}
`,
    // A metric for the failure.
    `
import axios from 'axios';
export async function ping(url: string) {
  try {
    await axios.post(url, {}, { timeout: 2000 });
  } catch {
    metrics.increment('webhook.delivery_failed');
  }
}
`,
    // An error result returned to the caller.
    `${prisma}
export async function addMember(teamId: string, userId: string) {
  try {
    await prisma.membership.create({ data: { teamId, userId } });
    return { ok: true as const };
  } catch (error) {
    return { ok: false as const, error };
  }
}
`,
    // Handles the unique violation, rethrows the rest.
    `${prisma}
export async function register(email: string) {
  try {
    return await prisma.user.create({ data: { email } });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return null;
    throw e;
  }
}
`,
    // Promise .catch that logs a warning.
    `
import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_API_KEY);
export async function notify(to: string) {
  await resend.emails.send({ from: 'hi@acme.dev', to, subject: 'Welcome', html: '<p>Hi</p>' }).catch((err) => logger.warn({ err }, 'welcome email failed'));
}
`,
    // Compensation: the charge is refunded when the write fails.
    `${stripe}${prisma}
export async function checkout(customer: string, orderId: string) {
  const charge = await stripe.paymentIntents.create({ amount: 500, currency: 'usd', customer }, { idempotencyKey: orderId });
  try {
    await prisma.order.update({ where: { id: orderId }, data: { paymentIntent: charge.id } });
  } catch (e) {
    await stripe.refunds.create({ payment_intent: charge.id }, { idempotencyKey: 'refund-' + orderId });
    throw e;
  }
}
`,
    // Best-effort cleanup while the original error is rethrown.
    `${prisma}
export async function importRows(jobId: string, rows: Row[]) {
  try {
    await prisma.row.createMany({ data: rows.map((r) => ({ jobId, value: r.value })) });
  } catch (error) {
    try {
      await prisma.importJob.delete({ where: { id: jobId } });
    } catch {}
    throw error;
  }
}
`,
    // Teardown in a test hook.
    `${prisma}
afterAll(async () => {
  await prisma.workspace.delete({ where: { id: 'ws_test' } }).catch(() => {});
});
`,
    {
      // A test file.
      code: `${prisma}
export async function cleanup() {
  try {
    await prisma.workspace.deleteMany({});
  } catch {}
}
`,
      filename: 'src/workspaces/__tests__/workspace.test.ts',
    },
    // Promise.allSettled never rejects: the catch cannot receive the write's failure.
    `${prisma}
export async function cleanup(token: string) {
  try {
    await Promise.allSettled([prisma.verificationToken.delete({ where: { token } })]);
  } catch {}
}
`,
    // A read (GET) with a fallback: optional enrichment, nothing is lost.
    `
export async function avatarUrl(email: string) {
  let url = '/default-avatar.png';
  try {
    const res = await fetch(\`https://api.gravatar.example.com/\${email}\`, { signal: AbortSignal.timeout(1000) });
    if (res.ok) url = ((await res.json()) as { url: string }).url;
  } catch {}
  return url;
}
`,
    // A client component telling the user with a toast.
    `
export function useSave() {
  return async (values: FormValues) => {
    try {
      await fetch('/api/profile', { method: 'PUT', body: JSON.stringify(values), signal: AbortSignal.timeout(5000) });
    } catch {
      toast({ title: 'Could not save your profile', variant: 'destructive' });
    }
  };
}
`,
    // Koa: an error status on the context.
    `
import axios from 'axios';
router.post('/forward', async (ctx) => {
  try {
    await axios.post('https://partner.example.com/hook', Payload.parse(ctx.request.body), { timeout: 3000 });
    ctx.status = 202;
  } catch {
    ctx.status = 502;
  }
});
`,
  ],
  invalid: [
    {
      // A Next.js page imports React's hooks for its component, but getServerSideProps runs on the server.
      code: `${prisma}
import { useState } from 'react';
export async function getServerSideProps({ params }: { params: { id: string } }) {
  try {
    await prisma.invite.update({ where: { id: params.id }, data: { openedAt: new Date() } });
  } catch (e) {}
  return { props: {} };
}
export default function Invite() {
  const [open, setOpen] = useState(false);
  return null;
}
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 8, column: 5, data: { effect: 'prisma.invite.update' } }],
    },
    {
      // The clearest case: an empty catch around a write.
      code: `${prisma}
export async function deactivate(id: string) {
  try {
    await prisma.user.update({ where: { id }, data: { active: false } });
  } catch (e) {}
}
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 7, column: 5, data: { effect: 'prisma.user.update' } }],
    },
    {
      // console.log and carry on, then report success.
      code: `
export async function POST(request: Request) {
  const { email } = Signup.parse(await request.json());
  try {
    await fetch('https://api.mailchimp.com/3.0/lists/abc/members', { method: 'POST', body: JSON.stringify({ email_address: email }), signal: AbortSignal.timeout(5000) });
  } catch (err) {
    console.log('mailchimp failed', err);
  }
  return Response.json({ subscribed: true });
}
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 6, column: 5, data: { effect: 'fetch' } }],
    },
    {
      // An empty .catch handler on an SDK call.
      code: `${stripe}
export async function cancel(subscriptionId: string) {
  await stripe.subscriptions.cancel(subscriptionId).catch(() => {});
}
`,
      // at: catch(
      errors: [{ messageId: 'swallowed', line: 5, column: 53, data: { effect: 'stripe.subscriptions.cancel' } }],
    },
    {
      // .catch(console.log) on an HTTP POST.
      code: `
import axios from 'axios';
export async function track(event: string) {
  await axios.post('https://analytics.example.com/events', { event }, { timeout: 2000 }).catch(console.log);
}
`,
      // at: catch(
      errors: [{ messageId: 'swallowed', line: 4, column: 90, data: { effect: 'axios.post' } }],
    },
    {
      // A bare return: the caller cannot tell it failed.
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
export async function logVisit(path: string) {
  try {
    await db.insert(visits).values({ path });
  } catch {
    return;
  }
}
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 7, column: 5, data: { effect: 'db.insert(visits).values(…)' } }],
    },
    {
      // Success reported for a failed write.
      code: `${prisma}
app.post('/settings', async (req, res) => {
  try {
    await prisma.settings.update({ where: { id: 1 }, data: Settings.parse(req.body) });
  } catch (e) {
    return res.json({ success: true });
  }
  res.json({ success: true });
});
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 7, column: 5, data: { effect: 'prisma.settings.update' } }],
    },
    {
      // Mongoose write with an info log.
      code: `
import { User } from './models/user';
export async function markSeen(id: string) {
  try {
    await User.updateOne({ _id: id }, { $set: { seenAt: new Date() } });
  } catch (err) {
    console.info('could not mark seen', err);
  }
}
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 6, column: 5, data: { effect: 'User.updateOne' } }],
    },
    {
      // A lost job: the enqueue failure is ignored.
      code: `
import { Queue } from 'bullmq';
const emails = new Queue('emails');
export async function queueWelcome(userId: string) {
  try {
    await emails.add('welcome', { userId });
  } catch {}
}
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 7, column: 5, data: { effect: 'emails.add' } }],
    },
    {
      // A whole transaction swallowed.
      code: `${prisma}
export async function transfer(from: string, to: string, amount: number) {
  try {
    await prisma.$transaction(async (tx) => {
      await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
      await tx.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
    });
  } catch (e) {
    console.log(e);
  }
}
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 10, column: 5, data: { effect: 'tx.account.update' } }],
    },
    {
      // A comment is not handling (Knex).
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function follow(a: string, b: string) {
  try {
    await db('follows').insert({ follower: a, followee: b });
  } catch (error) {
    // ignore duplicates
  }
}
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 7, column: 5, data: { effect: "db('follows').insert(…)" } }],
    },
    {
      // Next.js route handler answering ok after a failed charge.
      code: `${stripe}
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const { customer } = Body.parse(await request.json());
  try {
    await stripe.invoices.pay(customer);
  } catch (error) {
    return NextResponse.json({ ok: true });
  }
  return NextResponse.json({ ok: true });
}
`,
      // at: catch
      errors: [{ messageId: 'swallowed', line: 9, column: 5, data: { effect: 'stripe.invoices.pay' } }],
    },
    {
      // .then() with a rejection handler that drops the error.
      code: `
export function warmCache(url: string) {
  return fetch(url, { method: 'POST', signal: AbortSignal.timeout(1000) }).then(() => true, () => undefined);
}
`,
      // at: then(
      errors: [{ messageId: 'swallowed', line: 3, column: 76, data: { effect: 'fetch' } }],
    },
    {
      // console.error does not count when the option says so.
      code: `${prisma}
export async function touch(id: string) {
  try {
    await prisma.session.update({ where: { id }, data: { seenAt: new Date() } });
  } catch (e) {
    console.error('session touch failed', e);
  }
}
`,
      options: [{ allowConsoleError: false }],
      // at: catch
      errors: [{ messageId: 'swallowed', line: 7, column: 5, data: { effect: 'prisma.session.update' } }],
    },
  ],
});
