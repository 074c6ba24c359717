// Classification of external calls: followed to imports first, settings second, names last.
import type { TSESTree } from '@typescript-eslint/utils';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { describeExternalCall } from '../../src/analysis/external.js';
import { parseSettings } from '../../src/analysis/settings.js';

interface Row {
  label: string;
  kind: string;
  client: string;
  method: string | undefined;
  mutating: boolean;
  confidence: string;
}

/** Lints `code` with a probe rule and returns one row per call classified as external or enqueue. */
function classify(code: string, settings: Record<string, unknown> = {}): Row[] {
  const rows: Row[] = [];
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser },
      settings,
      plugins: {
        probe: {
          rules: {
            classify: {
              create(context) {
                const ctx = { sourceCode: context.sourceCode as never, settings: parseSettings(context.settings) };
                return {
                  CallExpression(node) {
                    const info = describeExternalCall(node as unknown as TSESTree.CallExpression, ctx);
                    if (info) rows.push({ label: info.label, kind: info.kind, client: info.client, method: info.method, mutating: info.mutating, confidence: info.confidence });
                  },
                };
              },
            },
          },
        },
      },
      rules: { 'probe/classify': 'error' },
    },
  ], 'file.ts');
  expect(messages).toEqual([]);
  return rows;
}

const brief = (rows: Row[]) => rows.map((r) => `${r.kind} ${r.client} ${r.label}${r.method ? ` ${r.method}` : ''}${r.mutating ? ' mutating' : ''}${r.confidence === 'named' ? ' (named)' : ''}`);

describe('classifyExternalCall', () => {
  it('treats the global fetch as HTTP and reads its method', () => {
    expect(brief(classify(`
      async function f(url: string) {
        await fetch(url);
        await fetch(url, { method: 'POST', body: '{}' });
        await globalThis.fetch(url, { method: 'delete' });
      }
    `))).toEqual(['external fetch fetch GET', 'external fetch fetch POST mutating', 'external fetch globalThis.fetch DELETE mutating']);
  });

  it('does not count POSTs that read (token exchange, GraphQL, search) as mutations', () => {
    expect(brief(classify(`
      import axios from 'axios';
      async function f(base: string) {
        await axios.post('https://auth.example.com/oauth/token', {});
        await fetch(\`\${base}/graphql\`, { method: 'POST', body: '{}' });
        await axios.post('https://api.example.com/orders', {});
      }
    `))).toEqual(['external axios axios.post POST', 'external fetch fetch POST', 'external axios axios.post POST mutating']);
  });

  it('does not treat a local function named fetch as HTTP', () => {
    expect(classify(`
      function fetch(id: string) { return cache.get(id); }
      async function f() { await fetch('a'); }
      async function g(fetch: (u: string) => Promise<unknown>) { await fetch('/x'); }
    `)).toEqual([]);
  });

  it('follows axios, its instances and the argument holding the method', () => {
    expect(brief(classify(`
      import axios from 'axios';
      const api = axios.create({ baseURL: 'https://crm.example.com', timeout: 5000 });
      async function f() {
        await axios.get('/a');
        await axios.post('/a', {});
        await axios({ method: 'put', url: '/a' });
        await api.patch('/b', {});
        await api.request({ url: '/c' });
      }
    `))).toEqual([
      'external axios axios.get GET',
      'external axios axios.post POST mutating',
      'external axios axios PUT mutating',
      'external axios api.patch PATCH mutating',
      'external axios api.request GET',
    ]);
  });

  it('recognises got, ky, superagent, undici and node:https', () => {
    expect(brief(classify(`
      import got from 'got';
      import ky from 'ky';
      import superagent from 'superagent';
      import { request } from 'undici';
      import https from 'node:https';
      const client = got.extend({ prefixUrl: 'https://x' });
      async function f() {
        await got.post('https://x', { json: {} }).json();
        await client.get('y');
        await ky.put('https://x', { json: {} });
        await superagent.del('https://x').set('a', 'b');
        await request('https://x', { method: 'POST' });
        https.get('https://x', () => {});
      }
    `))).toEqual([
      'external got got.post POST mutating',
      'external got client.get GET',
      'external ky ky.put PUT mutating',
      'external superagent superagent.del DELETE mutating',
      'external undici request POST mutating',
      'external node:http https.get GET',
    ]);
  });

  it('follows SDK clients from their constructors and factories', () => {
    expect(brief(classify(`
      import Stripe from 'stripe';
      import { Resend } from 'resend';
      import sgMail from '@sendgrid/mail';
      import nodemailer from 'nodemailer';
      import twilio from 'twilio';
      import { WebClient } from '@slack/web-api';
      import OpenAI from 'openai';
      const stripe = new Stripe(process.env.STRIPE_KEY!);
      const resend = new Resend(process.env.RESEND_KEY);
      const transporter = nodemailer.createTransport({ host: 'smtp' });
      const sms = twilio(sid, token);
      const slack = new WebClient(token);
      const openai = new OpenAI();
      async function f() {
        await stripe.paymentIntents.create({ amount: 1 });
        await stripe.customers.retrieve('cus_1');
        stripe.webhooks.constructEvent(body, sig, secret);
        await resend.emails.send({ to: 'a' });
        sgMail.setApiKey('k');
        await sgMail.send({ to: 'a' });
        await transporter.sendMail({ to: 'a' });
        await sms.messages.create({ to: 'a' });
        await slack.chat.postMessage({ channel: 'c' });
        await openai.chat.completions.create({ model: 'm' });
      }
    `))).toEqual([
      'external stripe stripe.paymentIntents.create mutating',
      'external stripe stripe.customers.retrieve',
      'external resend resend.emails.send mutating',
      'external sendgrid sgMail.send mutating',
      'external nodemailer transporter.sendMail mutating',
      'external twilio sms.messages.create mutating',
      'external slack slack.chat.postMessage mutating',
      'external openai openai.chat.completions.create',
    ]);
  });

  it('follows typed parameters and injected fields to their package', () => {
    expect(brief(classify(`
      import Stripe from 'stripe';
      import { Queue } from 'bullmq';
      class Billing {
        constructor(private readonly stripe: Stripe, private readonly emails: Queue) {}
        async charge() {
          await this.stripe.charges.create({ amount: 1 });
          await this.emails.add('receipt', {});
        }
      }
    `))).toEqual(['external stripe this.stripe.charges.create mutating', 'enqueue bullmq this.emails.add']);
  });

  it('reads AWS SDK commands: SQS sends are queue hand-offs, reads do not mutate', () => {
    expect(brief(classify(`
      import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
      import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
      import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
      import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
      const ses = new SESClient({});
      const sqs = new SQSClient({});
      const s3 = new S3Client({});
      const ddb = new DynamoDBClient({});
      async function f() {
        await ses.send(new SendEmailCommand({}));
        await sqs.send(new SendMessageCommand({}));
        await s3.send(new GetObjectCommand({}));
        await ddb.send(new PutItemCommand({}));
      }
    `))).toEqual(['external aws:ses ses.send mutating', 'enqueue aws:sqs sqs.send', 'external aws:s3 s3.send']);
  });

  it('recognises queue hand-offs', () => {
    expect(brief(classify(`
      import { Queue } from 'bullmq';
      import { Inngest } from 'inngest';
      import { tasks } from '@trigger.dev/sdk/v3';
      import PgBoss from 'pg-boss';
      import { PubSub } from '@google-cloud/pubsub';
      import { Kafka } from 'kafkajs';
      import amqp from 'amqplib';
      const queue = new Queue('emails');
      const inngest = new Inngest({ id: 'app' });
      const boss = new PgBoss(url);
      const pubsub = new PubSub();
      const producer = new Kafka({ brokers: [] }).producer();
      async function f() {
        await queue.add('welcome', {});
        await queue.getJob('1');
        await inngest.send({ name: 'user/created' });
        await tasks.trigger('sync', {});
        await boss.send('sync', {});
        await pubsub.topic('t').publishMessage({ json: {} });
        await producer.send({ topic: 't', messages: [] });
        const conn = await amqp.connect(url);
        const ch = await conn.createChannel();
        ch.sendToQueue('q', Buffer.from('x'));
      }
    `))).toEqual([
      'enqueue bullmq queue.add',
      'enqueue inngest inngest.send',
      'enqueue trigger.dev tasks.trigger',
      'enqueue pg-boss boss.send',
      'enqueue pubsub pubsub.topic(\'t\').publishMessage',
      'enqueue kafka producer.send',
      'enqueue amqp ch.sendToQueue',
    ]);
  });

  it('names: API-like receivers and send/charge functions of the project, nothing else', () => {
    expect(brief(classify(`
      import { notifySlack } from './slack';
      import { sendWelcomeEmail } from '@/lib/email';
      async function f(userService: UserService, repo: Repo, crmApi: CrmApi) {
        await externalApi.updateCandidate('1', {});
        await crmApi.getContact('1');
        await notifySlack('hi');
        await sendWelcomeEmail(user);
        await userService.update('1', {});
        await repo.save({});
        await cache.set('a', 1);
        const map = new Map(); map.delete('a');
      }
    `))).toEqual([
      'external externalApi externalApi.updateCandidate mutating (named)',
      'external crmApi crmApi.getContact (named)',
      'external notifySlack notifySlack mutating (named)',
      'external sendWelcomeEmail sendWelcomeEmail mutating (named)',
    ]);
  });

  it('does not take a router or a tRPC caller named api for an API client', () => {
    expect(classify(`
      import { api } from './app';
      import { api as trpcApi } from '~/trpc/server';
      async function f() { await trpcApi.post.create({ title: 'x' }); }
      api.post('/users', async (c) => c.json({}));
      api.get('/health', (c) => c.text('ok'));
    `)).toEqual([]);
  });

  it('leaves local functions with send-like names to the effect model', () => {
    expect(classify(`
      async function sendWelcomeEmail(u: User) { return u; }
      async function f() { await sendWelcomeEmail(u); }
    `)).toEqual([]);
  });

  it('does not guess for packages it knows are something else', () => {
    expect(classify(`
      import { api } from 'some-sdk';
      import { PrismaClient } from '@prisma/client';
      const prismaApi = new PrismaClient();
      async function f() { await api.create({}); await prismaApi.user.create({ data: {} }); }
    `)).toEqual([]);
  });

  it('uses settings.prodguard clients and wrappers', () => {
    const settings = { prodguard: { clients: { crm: 'external', 'this.http': 'http', jobs: 'queue', db: 'prisma' }, wrappers: { notifyCrm: 'external', enqueueSync: 'enqueue' } } };
    expect(brief(classify(`
      class S {
        async run() {
          await crm.contacts.upsert({});
          await crm.contacts.list();
          await this.http.post('/x', {});
          await jobs.add('x', {});
          await jobs.getJob('1');
          await notifyCrm({});
          await enqueueSync('1');
          await db.user.update({});
        }
      }
    `, settings))).toEqual([
      'external crm crm.contacts.upsert mutating',
      'external crm crm.contacts.list',
      'external this.http this.http.post POST mutating',
      'enqueue jobs jobs.add',
      'external notifyCrm notifyCrm mutating',
      'enqueue enqueueSync enqueueSync',
    ]);
  });
});

describe('the external-call rules on unusual syntax', () => {
  it('lint without an exception', async () => {
    const { default: plugin } = await import('../../src/index.js');
    const ids = ['require-timeout', 'no-unguarded-dual-write', 'no-external-call-in-transaction', 'no-floating-effect', 'require-idempotency-key'];
    const code = `
      import axios from 'axios';
      import Stripe from 'stripe';
      import * as ky from 'ky';
      const stripe = new Stripe(key);
      const fetch2 = fetch;
      export default async function () {
        await fetch?.(url);
        await (0, fetch)(url);
        await fetch2(url);
        await stripe['customers'].create({});
        await stripe[method]?.create?.({});
        await axios[verb](url);
        await axios.create().post(url, {}, {});
        await axios.create({ ...base }).get(url);
        new axios.Axios({}).get(url);
        ky.default.post(url);
        const { post } = axios;
        await post(url, {});
        const [a, b] = await Promise.all([fetch(u), axios.get(u)]);
        for await (const chunk of (await fetch(u)).body!) void chunk;
        label: for (const x of xs) { fetch(x); continue label; }
        class A { #c = axios.create(); async m() { return this.#c.get('x'); } static { void fetch('y'); } }
        (async () => { await fetch(u); })();
        const tagged = sql\`select 1\`;
        return fetch(u, undefined);
      }
    `;
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(code, [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { prodguard: plugin as never },
        rules: Object.fromEntries(ids.map((id) => [`prodguard/${id}`, 'error'])),
      },
    ], 'file.ts');
    expect(messages.filter((m) => m.fatal || !m.ruleId)).toEqual([]);
    expect(messages.length).toBeGreaterThan(0);
  });
});

describe('promiseUse', () => {
  /** The use of every call to `work()` in `code`, in source order. */
  async function uses(code: string): Promise<string[]> {
    const { promiseUse } = await import('../../src/analysis/promises.js');
    const out: string[] = [];
    const linter = new Linter({ configType: 'flat' });
    linter.verify(code, [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: {
          probe: {
            rules: {
              use: {
                create(context) {
                  return {
                    CallExpression(node) {
                      if (node.callee.type !== 'Identifier' || node.callee.name !== 'work') return;
                      const use = promiseUse(context.sourceCode as never, node as never);
                      out.push(use.kind === 'dropped' ? `dropped:${use.how}` : use.kind);
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'probe/use': 'error' },
      },
    ], 'file.ts');
    return out;
  }

  it('tells kept, handled and dropped promises apart', async () => {
    expect(await uses(`
      async function f(items: string[]) {
        await work();
        work();
        void work();
        work().then(log);
        work().catch(log);
        work().then(log, log);
        const kept = work(); await kept;
        const lost = work();
        items.forEach(async () => { await work(); });
        await Promise.all(items.map(() => work()));
        items.map(() => work());
        waitUntil(work());
        return cond ? work() : null;
      }
    `)).toEqual([
      'kept',
      'dropped:statement',
      'dropped:void',
      'dropped:statement',
      'handled',
      'handled',
      'kept',
      'dropped:unused',
      'dropped:forEach',
      'kept',
      'dropped:statement',
      'kept',
      'kept',
    ]);
  });
});
