import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';

import rule, { type MessageId, type Options } from '../../src/rules/require-input-validation.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

const prisma = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
`;

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('require-input-validation', rule as never, {
  valid: [
    // zod: the parsed value is written.
    `${prisma}
import { z } from 'zod';
const Candidate = z.object({ name: z.string().min(1), email: z.string().email() });
app.post('/candidates', async (req, res) => {
  const data = Candidate.parse(req.body);
  res.json(await prisma.candidate.create({ data }));
});
`,
    // zod v4 safeParse, result checked, parsed data written (Next.js route handler).
    `${prisma}
export async function POST(request: Request) {
  const result = Candidate.safeParse(await request.json());
  if (!result.success) return Response.json(result.error, { status: 400 });
  await prisma.candidate.create({ data: result.data });
  return Response.json({ ok: true });
}
`,
    // valibot in a Hono handler.
    `${prisma}
import * as v from 'valibot';
app.post('/todos', async (c) => {
  const todo = v.parse(TodoSchema, await c.req.json());
  await prisma.todo.create({ data: todo });
  return c.json(todo, 201);
});
`,
    // Hono route with a validator middleware: c.req.valid() is the parsed body.
    `${prisma}
import { zValidator } from '@hono/zod-validator';
app.post('/todos', zValidator('json', TodoSchema), async (c) => {
  const todo = c.req.valid('json');
  await prisma.todo.create({ data: todo });
  return c.json(todo, 201);
});
`,
    // Fastify route with a body schema.
    `${prisma}
fastify.post('/users', { schema: { body: UserBody } }, async (request, reply) => {
  await prisma.user.create({ data: request.body });
  return reply.code(201).send();
});
`,
    // ajv type guard on req.body before it is written (Express).
    `${prisma}
const validate = ajv.compile(schema);
app.post('/notes', async (req, res) => {
  if (!validate(req.body)) return res.status(400).json(validate.errors);
  await prisma.note.create({ data: req.body });
  res.sendStatus(201);
});
`,
    // joi, Koa: the validated value is written.
    `${prisma}
router.post('/orders', async (ctx) => {
  const { error, value } = OrderSchema.validate(ctx.request.body);
  if (error) ctx.throw(400, error.message);
  ctx.body = await prisma.order.create({ data: value });
});
`,
    // NestJS DTO class: the global ValidationPipe validates it.
    `
@Controller('users')
export class UsersController {
  constructor(private readonly prisma: PrismaService) {}
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.prisma.user.create({ data: dto });
  }
}
`,
    // tRPC procedure with an input parser.
    `${prisma}
export const postRouter = router({
  create: publicProcedure.input(z.object({ title: z.string() })).mutation(async ({ input }) => {
    return prisma.post.create({ data: input });
  }),
});
`,
    // A webhook payload verified by its sender's signature.
    `${prisma}
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
app.post('/webhooks/stripe', async (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
  await prisma.payment.create({ data: { stripeId: event.id, type: event.type } });
  res.sendStatus(200);
});
`,
    // A route parameter that selects the row, and the authenticated user's id.
    `${prisma}
app.delete('/posts/:id', async (req, res) => {
  await prisma.post.update({ where: { id: req.params.id }, data: { deletedBy: req.user.id } });
  res.sendStatus(204);
});
`,
    // Request input used only to read.
    `${prisma}
app.get('/users', async (req, res) => {
  res.json(await prisma.user.findMany({ where: { name: { contains: String(req.query.q) } } }));
});
`,
    // Express validator middleware in the route.
    `${prisma}
router.post('/candidates', validateBody(CandidateSchema), async (req, res) => {
  res.json(await prisma.candidate.create({ data: req.body }));
});
`,
    // The whole request kept as a record of what arrived (a webhook log), not written as fields.
    `${prisma}
app.post('/webhooks/crm', async (req, res) => {
  await prisma.webhookLog.create({ data: { source: 'crm', payload: req.body, receivedAt: new Date() } });
  res.sendStatus(202);
});
`,
    // A read-only external call (GET) with a query parameter: not a write on the other side.
    `
app.get('/geo', async (req, res) => {
  const r = await fetch(\`https://geocode.example.com/v1/search?q=\${encodeURIComponent(String(req.query.q))}\`, { signal: AbortSignal.timeout(3000) });
  res.json(await r.json());
});
`,
    // A same-file helper that parses what it is given.
    `${prisma}
async function saveCandidate(input: unknown) {
  const data = Candidate.parse(input);
  return prisma.candidate.create({ data });
}
app.post('/candidates', async (req, res) => {
  res.json(await saveCandidate(req.body));
});
`,
    // typebox Value.Check guard in a server action.
    `'use server';
${prisma}
export async function saveSettings(settings: Settings) {
  if (!Value.Check(SettingsSchema, settings)) throw new Error('invalid settings');
  await prisma.settings.update({ where: { id: 1 }, data: settings });
}
`,
    {
      // The first invalid case below, in a test file: a stub route no client can reach.
      code: `${prisma}
app.post('/candidates', async (req, res) => {
  const candidate = await prisma.candidate.create({ data: req.body });
  res.json(candidate);
});
`,
      filename: 'src/candidates/__tests__/candidates.spec.ts',
    },
    {
      // The same in a seed script.
      code: `${prisma}
app.post('/candidates', async (req, res) => {
  const candidate = await prisma.candidate.create({ data: req.body });
  res.json(candidate);
});
`,
      filename: 'prisma/seed.ts',
    },
  ],
  invalid: [
    {
      // The request's name spelled with a unicode escape is still the request.
      code: `${prisma}
app.post('/candidates', async (r\\u0065q, res) => {
  const candidate = await prisma.candidate.create({ data: r\\u0065q.body });
  res.json(candidate);
});
`,
      errors: [{ messageId: 'unvalidated', line: 5, column: 59 }],
    },
    {
      // Express: the body straight into a write.
      code: `${prisma}
app.post('/candidates', async (req, res) => {
  const candidate = await prisma.candidate.create({ data: req.body });
  res.json(candidate);
});
`,
      // at: req.body }
      errors: [{ messageId: 'unvalidated', line: 5, column: 59, data: { source: 'req.body', sink: 'prisma.candidate.create' } }],
    },
    {
      // A cast is not validation.
      code: `${prisma}
app.put('/candidates/:id', async (req, res) => {
  const body = req.body as Candidate;
  await prisma.candidate.update({ where: { id: req.params.id }, data: { name: body.name, salary: body.salary } });
  res.sendStatus(204);
});
`,
      // at: req.body as
      errors: [{ messageId: 'unvalidated', line: 5, column: 16, data: { source: 'req.body', sink: 'prisma.candidate.update' } }],
    },
    {
      // Koa: destructured fields of the body, no parse.
      code: `${prisma}
router.post('/orders', async (ctx) => {
  const { productId, quantity } = ctx.request.body;
  ctx.body = await prisma.order.create({ data: { productId, quantity } });
});
`,
      // at: ctx.request.body
      errors: [{ messageId: 'unvalidated', line: 5, column: 35, data: { source: 'ctx.request.body', sink: 'prisma.order.create' } }],
    },
    {
      // Fastify route without a schema.
      code: `${prisma}
fastify.post('/users', async (request, reply) => {
  await prisma.user.create({ data: { email: request.body.email, plan: request.body.plan } });
  return reply.code(201).send();
});
`,
      // at: request.body.email
      errors: [{ messageId: 'unvalidated', line: 5, column: 45, data: { source: 'request.body', sink: 'prisma.user.create' } }],
    },
    {
      // Hono: c.req.json() is unparsed.
      code: `${prisma}
app.post('/todos', async (c) => {
  const body = await c.req.json();
  const todo = await prisma.todo.create({ data: { title: body.title, dueAt: new Date(body.dueAt) } });
  return c.json(todo, 201);
});
`,
      // at: c.req.json()
      errors: [{ messageId: 'unvalidated', line: 5, column: 22, data: { source: 'c.req.json()', sink: 'prisma.todo.create' } }],
    },
    {
      // Next.js route handler: request.json() into a write.
      code: `${prisma}
export async function POST(request: Request) {
  const { startDate, endDate, roomId } = await request.json();
  const booking = await prisma.booking.create({ data: { startDate, endDate, roomId } });
  return Response.json(booking);
}
`,
      // at: request.json()
      errors: [{ messageId: 'unvalidated', line: 5, column: 48, data: { source: 'request.json()', sink: 'prisma.booking.create' } }],
    },
    {
      // Next.js searchParams reaching an external SDK call.
      code: `
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
export async function GET(request: NextRequest) {
  const price = request.nextUrl.searchParams.get('price');
  const session = await stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price, quantity: 1 }] });
  return Response.redirect(session.url!);
}
`,
      // at: request.nextUrl
      errors: [{ messageId: 'unvalidated', line: 5, column: 17, data: { source: 'request.nextUrl.searchParams', sink: 'stripe.checkout.sessions.create' } }],
    },
    {
      // Server action: FormData fields straight into a write.
      code: `'use server';
${prisma}
export async function updateProfile(formData: FormData) {
  await prisma.profile.update({ where: { userId: await currentUserId() }, data: { bio: formData.get('bio') as string } });
}
`,
      // at: formData: FormData
      errors: [{ messageId: 'unvalidated', line: 5, column: 37, data: { source: 'formData', sink: 'prisma.profile.update' } }],
    },
    {
      // NestJS @Body() typed any, no pipe.
      code: `
@Controller('users')
export class UsersController {
  constructor(private readonly prisma: PrismaService) {}
  @Post()
  create(@Body() body: any) {
    return this.prisma.user.create({ data: { email: body.email, name: body.name } });
  }
}
`,
      // at: body: any
      errors: [{ messageId: 'unvalidated', line: 6, column: 18, data: { source: '@Body() body', sink: 'this.prisma.user.create' } }],
    },
    {
      // tRPC procedure with no .input(): the raw input is written.
      code: `${prisma}
export const postRouter = router({
  create: publicProcedure.mutation(async ({ input }) => {
    return prisma.post.create({ data: { title: (input as PostInput).title } });
  }),
});
`,
      // at: input }
      errors: [{ messageId: 'unvalidated', line: 5, column: 45, data: { source: 'input', sink: 'prisma.post.create' } }],
    },
    {
      // tRPC .input() with an identity function is a cast, not a parser.
      code: `${prisma}
export const postRouter = router({
  create: protectedProcedure.input((raw) => raw as PostInput).mutation(async ({ input }) => {
    return prisma.post.create({ data: { title: input.title } });
  }),
});
`,
      // at: input }
      errors: [{ messageId: 'unvalidated', line: 5, column: 81, data: { source: 'input', sink: 'prisma.post.create' } }],
    },
    {
      // Raw SQL parameters from the body.
      code: `
import { Pool } from 'pg';
const pool = new Pool();
app.post('/notes', async (req, res) => {
  await pool.query('INSERT INTO notes (owner, text) VALUES ($1, $2)', [req.user.id, req.body.text]);
  res.sendStatus(201);
});
`,
      // at: req.body.text
      errors: [{ messageId: 'unvalidated', line: 5, column: 85, data: { source: 'req.body', sink: 'pool.query("INSERT INTO notes (owner, text) VALUE...")' } }],
    },
    {
      // A same-file helper that writes its parameter as given.
      code: `${prisma}
async function saveCandidate(data: CandidateInput) {
  return prisma.candidate.create({ data: { name: data.name, salary: data.salary } });
}
app.post('/candidates', async (req, res) => {
  res.json(await saveCandidate(req.body));
});
`,
      // at: req.body)
      errors: [{ messageId: 'unvalidated', line: 8, column: 32, data: { source: 'req.body', sink: 'saveCandidate' } }],
    },
    {
      // The body forwarded to an external API with axios.
      code: `
import axios from 'axios';
app.post('/leads', async (req, res) => {
  await axios.post('https://crm.example.com/api/contacts', req.body, { timeout: 5000 });
  res.sendStatus(202);
});
`,
      // at: req.body,
      errors: [{ messageId: 'unvalidated', line: 4, column: 60, data: { source: 'req.body', sink: 'axios.post' } }],
    },
  ],
});
