import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/no-floating-effect.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

const PRISMA = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
`;

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('no-floating-effect', rule as never, {
  valid: [
    // awaited, returned, and returned from an arrow
    `${PRISMA}async function f(id: string) {
  await prisma.user.update({ where: { id }, data: { seenAt: new Date() } });
  return prisma.user.findUnique({ where: { id } });
}
const g = (id: string) => prisma.session.delete({ where: { id } });`,
    // a rejection handler that records the failure
    `import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_API_KEY);
export async function f(to: string) {
  resend.emails.send({ from: 'a@acme.dev', to, subject: 'Hi', html: '<p>Hi</p>' }).catch((err) => logger.error({ err }, 'welcome email failed'));
}`,
    // .then with a rejection handler
    `async function f(url: string) {
  fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) }).then(() => {}, (err) => metrics.increment('ping.failed', { err }));
}`,
    // assigned, then awaited later
    `${PRISMA}async function f(id: string) {
  const pending = prisma.auditLog.create({ data: { userId: id, action: 'login' } });
  const user = await prisma.user.findUnique({ where: { id } });
  await pending;
  return user;
}`,
    // Promise.all that is awaited
    `${PRISMA}import { Queue } from 'bullmq';
const queue = new Queue('emails');
async function f(ids: string[]) {
  await Promise.all(ids.map((id) => prisma.user.update({ where: { id }, data: { active: false } })));
  await Promise.all([queue.add('a', {}), queue.add('b', {})]);
}`,
    // hand-offs that keep the work alive: waitUntil and after()
    `import { waitUntil } from '@vercel/functions';
import { after } from 'next/server';
export async function POST(req: Request) {
  waitUntil(fetch('https://hooks.example.com', { method: 'POST', signal: AbortSignal.timeout(5000) }));
  after(() => fetch('https://analytics.example.com', { method: 'POST', signal: AbortSignal.timeout(5000) }));
  return Response.json({ ok: true });
}`,
    // a for...of loop with await
    `${PRISMA}async function f(ids: string[]) {
  for (const id of ids) await prisma.user.delete({ where: { id } });
}`,
    // look-alikes: a Map.delete, an event emitter, a sync logger
    `const cache = new Map<string, number>();
function f(id: string) {
  cache.delete(id);
  emitter.emit('user.deleted', id);
  logger.info('deleted');
}`,
    // an async helper whose every call sits in a try whose catch logs and does not throw: its promise cannot reject
    `import Redis from 'ioredis';
const redis = new Redis();
class JobIndex {
  private ready = true;
  listen(events: { on(e: string, cb: (x: { jobId: string }) => void): void }) {
    events.on('active', ({ jobId }) => {
      void this.updateIndex(jobId, 'active');
    });
    events.on('failed', ({ jobId }) => {
      this.updateIndex(jobId, 'failed');
    });
  }
  private async updateIndex(jobId: string, state: string) {
    if (!this.ready) return;
    try {
      await redis.zrem('jobs:all', jobId);
      await redis.zadd(\`jobs:\${state}\`, Date.now(), jobId);
    } catch (err) {
      console.error('could not index job', err);
    }
  }
}`,
    // the same, with the try inside a loop over jobs, and the dropped promise chained with finally
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
class Cron {
  private jobs: { id: string }[] = [];
  start() {
    const tick = () => {
      setTimeout(() => {
        void this.runDue().finally(tick);
      }, 1000);
    };
    tick();
  }
  private async runDue() {
    for (const job of this.jobs) {
      try {
        await prisma.backgroundJob.create({ data: { id: job.id } });
      } catch (err) {
        console.error(err);
      }
    }
  }
}`,
    // a synchronous helper that handles its own promise
    `${PRISMA}function logLogin(userId: string) {
  prisma.auditLog.create({ data: { userId, action: 'login' } }).catch((err) => console.error(err));
}
export function onLogin(userId: string) {
  logLogin(userId);
}`,
    // better-sqlite3 is synchronous
    `import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
const db = drizzle(new Database('app.db'));
export function f(id: number) {
  db.delete(users).where(eq(users.id, id)).run();
}`,
    // an in-house service object: not known to do I/O
    `export async function f(userService: UserService, id: string) {
  userService.update(id, { seen: true });
}`,
    // Prisma event registration is not a query
    `${PRISMA}prisma.$on('query', (e) => console.log(e));`,
    // callback APIs return no promise
    `import https from 'node:https';
import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.acme.dev' });
export function f(to: string) {
  https.get('https://status.example.com', { timeout: 2000 }, (res) => res.resume());
  transporter.sendMail({ to, subject: 'Hi', text: 'Hi' }, (err) => { if (err) console.error(err); });
}`,
    // NestJS HttpService returns an Observable, consumed by firstValueFrom or subscribe
    `import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
export class Partner {
  constructor(private readonly http: HttpService) {}
  async push(id: string) {
    this.http.post('/events', { id }).subscribe();
    return firstValueFrom(this.http.get(\`/orders/\${id}\`));
  }
}`,
    // test files are left alone
    {
      code: `${PRISMA}afterAll(() => { prisma.$disconnect(); prisma.user.deleteMany(); });`,
      filename: 'tests/setup.ts',
    },
    // a 'use client' module runs in the browser
    `'use client';
import { useEffect } from 'react';
export function useLikes(set: (n: number) => void) {
  useEffect(() => { fetch('https://api.example.com/likes').then((r) => r.json()).then(set); }, [set]);
}`,
  ],
  invalid: [
    {
      // A Remix route: the module imports React's hooks for its component, but the action runs on the server.
      code: `${PRISMA}import { useState } from 'react';
export async function action({ request }: { request: Request }) {
  prisma.auditLog.create({ data: { path: new URL(request.url).pathname } });
  return null;
}
export default function Settings() {
  const [saved, setSaved] = useState(false);
  return null;
}`,
      errors: [
        {
          messageId: 'floating',
          line: 5,
          column: 3,
          data: { label: 'prisma.auditLog.create' },
          suggestions: [
            {
              messageId: 'addAwait',
              data: { label: 'prisma.auditLog.create' },
              output: `${PRISMA}import { useState } from 'react';
export async function action({ request }: { request: Request }) {
  await prisma.auditLog.create({ data: { path: new URL(request.url).pathname } });
  return null;
}
export default function Settings() {
  const [saved, setSaved] = useState(false);
  return null;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `${PRISMA}export async function f(id: string) {
  prisma.user.update({ where: { id }, data: { lastSeenAt: new Date() } });
  return { ok: true };
}`,
      errors: [
        {
          messageId: 'floating',
          line: 4,
          column: 3,
          data: { label: 'prisma.user.update' },
          suggestions: [
            {
              messageId: 'addAwait',
              data: { label: 'prisma.user.update' },
              output: `${PRISMA}export async function f(id: string) {
  await prisma.user.update({ where: { id }, data: { lastSeenAt: new Date() } });
  return { ok: true };
}`,
            },
          ],
        },
      ],
    },
    {
      // void is still a dropped promise
      code: `import sgMail from '@sendgrid/mail';
export async function signup(email: string) {
  void sgMail.send({ to: email, from: 'team@acme.dev', subject: 'Welcome', text: 'Hi' });
  return { ok: true };
}`,
      errors: [
        {
          messageId: 'voided',
          line: 3,
          column: 3,
          data: { label: 'sgMail.send' },
          suggestions: [
            {
              messageId: 'addAwait',
              data: { label: 'sgMail.send' },
              output: `import sgMail from '@sendgrid/mail';
export async function signup(email: string) {
  await sgMail.send({ to: email, from: 'team@acme.dev', subject: 'Welcome', text: 'Hi' });
  return { ok: true };
}`,
            },
          ],
        },
      ],
    },
    {
      // the helper's catch throws again: the dropped promise rejects
      code: `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.acme.dev' });
async function sendEmail(to: string) {
  try {
    await transporter.sendMail({ to, subject: 'Welcome', text: 'Hi' });
  } catch (err) {
    throw new Error('welcome email failed', { cause: err });
  }
}
export function register(email: string) {
  void sendEmail(email);
}`,
      errors: [{ messageId: 'voided', line: 11, column: 3, data: { label: 'sendEmail' } }],
    },
    {
      // the helper does work before its try: that can reject
      code: `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.acme.dev' });
async function sendEmail(to: string) {
  const user = await loadUser(to);
  try {
    await transporter.sendMail({ to: user.email, subject: 'Welcome', text: 'Hi' });
  } catch (err) {
    console.error(err);
  }
}
export function register(email: string) {
  void sendEmail(email);
}`,
      errors: [{ messageId: 'voided', line: 12, column: 3, data: { label: 'sendEmail' } }],
    },
    {
      // \`return send(…)\` in the try hands back a promise the catch never sees
      code: `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.acme.dev' });
async function sendEmail(to: string) {
  try {
    return transporter.sendMail({ to, subject: 'Welcome', text: 'Hi' });
  } catch (err) {
    console.error(err);
  }
}
export function register(email: string) {
  void sendEmail(email);
}`,
      errors: [{ messageId: 'voided', line: 11, column: 3, data: { label: 'sendEmail' } }],
    },
    {
      // void on a same-file async helper that sends email
      code: `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.acme.dev' });
async function sendEmail(to: string, subject: string) {
  await transporter.sendMail({ to, subject, text: subject });
}
export async function register(email: string) {
  void sendEmail(email, 'Welcome');
}`,
      errors: [
        {
          messageId: 'voided',
          line: 7,
          column: 3,
          data: { label: 'sendEmail' },
          suggestions: [
            {
              messageId: 'addAwait',
              data: { label: 'sendEmail' },
              output: `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.acme.dev' });
async function sendEmail(to: string, subject: string) {
  await transporter.sendMail({ to, subject, text: subject });
}
export async function register(email: string) {
  await sendEmail(email, 'Welcome');
}`,
            },
          ],
        },
      ],
    },
    {
      // an Express handler that is not async: no await suggestion
      code: `import express from 'express';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const app = express();
app.post('/events', (req, res) => {
  prisma.event.create({ data: { name: 'signup' } });
  res.status(202).end();
});`,
      errors: [{ messageId: 'floating', line: 6, column: 3, data: { label: 'prisma.event.create' }, suggestions: [] }],
    },
    {
      // .then without a rejection handler: the query is the dropped effect
      code: `import mongoose from 'mongoose';
const User = mongoose.model('User', schema);
export function touch(id: string) {
  User.updateOne({ _id: id }, { $set: { seenAt: new Date() } }).then(() => console.log('ok'));
}`,
      errors: [{ messageId: 'floating', line: 4, column: 3, data: { label: 'User.updateOne' }, suggestions: [] }],
    },
    {
      // stored and never read
      code: `import axios from 'axios';
export async function f(id: string) {
  const sync = axios.post('https://crm.example.com/sync', { id }, { timeout: 5000 });
  return { id };
}`,
      errors: [{ messageId: 'unused', line: 3, column: 9, data: { label: 'axios.post', name: 'sync' } }],
    },
    {
      // forEach throws away the async callback's promise
      code: `${PRISMA}export async function archive(ids: string[]) {
  ids.forEach(async (id) => {
    await prisma.project.update({ where: { id }, data: { archived: true } });
  });
}`,
      errors: [{ messageId: 'forEach', line: 5, column: 11, data: { label: 'prisma.project.update' } }],
    },
    {
      // a map of promises that nobody awaits
      code: `import { Queue } from 'bullmq';
const queue = new Queue('reminders');
export async function f(users: { id: string }[]) {
  users.map((u) => queue.add('remind', { userId: u.id }));
}`,
      errors: [{ messageId: 'floating', line: 4, column: 20, data: { label: 'queue.add' }, suggestions: [] }],
    },
    {
      // fire-and-forget webhook with fetch
      code: `export async function POST(req: Request) {
  const body = await req.json();
  fetch('https://hooks.slack.com/services/T000/B000/XXX', { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  return new Response(null, { status: 204 });
}`,
      errors: [
        {
          messageId: 'floating',
          line: 3,
          column: 3,
          data: { label: 'fetch' },
          suggestions: [
            {
              messageId: 'addAwait',
              data: { label: 'fetch' },
              output: `export async function POST(req: Request) {
  const body = await req.json();
  await fetch('https://hooks.slack.com/services/T000/B000/XXX', { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  return new Response(null, { status: 204 });
}`,
            },
          ],
        },
      ],
    },
    {
      // Promise.all that is itself dropped: one report
      code: `import twilio from 'twilio';
const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
export async function alert(numbers: string[]) {
  Promise.all(numbers.map((to) => client.messages.create({ to, from: '+15550100', body: 'Down' })));
}`,
      errors: [{ messageId: 'floating', line: 4, column: 35, data: { label: 'client.messages.create' }, suggestions: [
        {
          messageId: 'addAwait',
          data: { label: 'client.messages.create' },
          output: `import twilio from 'twilio';
const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
export async function alert(numbers: string[]) {
  await Promise.all(numbers.map((to) => client.messages.create({ to, from: '+15550100', body: 'Down' })));
}`,
        },
      ] }],
    },
    {
      // a Drizzle write chain left floating inside a class method
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export class Sessions {
  async end(id: string) {
    db.delete(sessions).where(eq(sessions.id, id));
  }
}`,
      errors: [{ messageId: 'floating', line: 6, column: 5, data: { label: 'db.delete(sessions).where(…)' }, suggestions: [
        {
          messageId: 'addAwait',
          data: { label: 'db.delete(sessions).where(…)' },
          output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export class Sessions {
  async end(id: string) {
    await db.delete(sessions).where(eq(sessions.id, id));
  }
}`,
        },
      ] }],
    },
  ],
});
