import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';

import rule, { type MessageId, type Options } from '../../src/rules/no-mass-assignment.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

const prisma = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
`;

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('no-mass-assignment', rule as never, {
  valid: [
    // Picking the fields the endpoint accepts (unvalidated, but not mass assignment).
    `${prisma}
app.post('/users', async (req, res) => {
  res.json(await prisma.user.create({ data: { name: req.body.name, email: req.body.email } }));
});
`,
    // The output of a schema parse, written whole.
    `${prisma}
app.post('/users', async (req, res) => {
  res.json(await prisma.user.create({ data: CreateUser.parse(req.body) }));
});
`,
    // Parsed output spread alongside server-side fields.
    `${prisma}
export async function POST(request: Request) {
  const data = CreateProject.parse(await request.json());
  const project = await prisma.project.create({ data: { ...data, ownerId: await currentUserId() } });
  return Response.json(project);
}
`,
    // tRPC input parsed by .input().
    `${prisma}
export const router = t.router({
  update: protectedProcedure.input(UpdatePost).mutation(({ input, ctx }) =>
    prisma.post.update({ where: { id: input.id, authorId: ctx.user.id }, data: input }),
  ),
});
`,
    // NestJS DTO class (whitelisted by the ValidationPipe).
    `
@Controller('users')
export class UsersController {
  constructor(private readonly prisma: PrismaService) {}
  @Patch(':id')
  update(@Param('id') id: string, @Body() dto: UpdateUserDto) {
    return this.prisma.user.update({ where: { id }, data: dto });
  }
}
`,
    // Fastify route schema.
    `${prisma}
fastify.post('/users', { schema: { body: CreateUserBody } }, async (request) => {
  return prisma.user.create({ data: request.body });
});
`,
    // Hono validator middleware.
    `
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
app.patch('/todos/:id', zValidator('json', TodoPatch), async (c) => {
  await db.update(todos).set(c.req.valid('json')).where(eq(todos.id, c.req.param('id')));
  return c.body(null, 204);
});
`,
    // lodash pick: an explicit allow-list.
    `${prisma}
app.patch('/me', async (req, res) => {
  res.json(await prisma.user.update({ where: { id: req.user.id }, data: pick(req.body, ['name', 'bio']) }));
});
`,
    // A Partial<T> whose fields are picked one by one.
    `${prisma}
export async function renameUser(id: string, patch: Partial<User>) {
  return prisma.user.update({ where: { id }, data: { name: patch.name } });
}
`,
    // Request input used only in a read filter.
    `${prisma}
app.get('/users', async (req, res) => {
  res.json(await prisma.user.findMany({ where: { role: req.query.role as string } }));
});
`,
    // A spread of a loaded row, not of input.
    `${prisma}
export async function archive(id: string) {
  const existing = await prisma.project.findUniqueOrThrow({ where: { id } });
  await prisma.projectArchive.create({ data: { ...existing, archivedAt: new Date() } });
}
`,
    // New rows built from picked fields of each element.
    `${prisma}
app.post('/domains/import', async (req, res) => {
  const { selectedDomains } = req.body;
  await prisma.domain.createMany({ data: selectedDomains.map(({ domain }) => ({ slug: domain, projectId: req.user.projectId })) });
  res.sendStatus(202);
});
`,
    // A destructured field stored as a Redis value: a scalar, not a record.
    `
import { Redis } from 'ioredis';
const redis = new Redis();
app.put('/import/key', async (req, res) => {
  const { apiKey } = req.body;
  await redis.set('import:key:' + req.user.id, apiKey);
  res.sendStatus(204);
});
`,
    // A Partial whose type already names the fields it may carry.
    `${prisma}
export async function updateSession(id: string, patch: Partial<Omit<Session, 'id' | 'userId' | 'createdAt'>>) {
  return prisma.session.update({ where: { id }, data: patch });
}
`,
    // A test factory's overrides with a default value.
    `${prisma}
export async function createUserFixture(overrides: Partial<User> = {}) {
  return prisma.user.create({ data: { email: 'fixture@test.local', name: 'Fixture', ...overrides } });
}
`,
    {
      // Partial<T> in a test file builds fixtures.
      code: `${prisma}
export async function insertPage(overrides: Partial<Page>) {
  return prisma.page.create({ data: { title: 'page', ...overrides } });
}
`,
      filename: 'src/pages/__tests__/history.test.ts',
    },
    // A same-file helper that picks fields from what it is given.
    `${prisma}
async function saveUser(input: UserInput) {
  return prisma.user.create({ data: { name: input.name, email: input.email } });
}
app.post('/users', async (req, res) => res.json(await saveUser(req.body)));
`,
    {
      // Partial<T> parameters can be switched off.
      code: `${prisma}
export async function updateUser(id: string, patch: Partial<User>) {
  return prisma.user.update({ where: { id }, data: patch });
}
`,
      options: [{ checkPartialParameters: false }],
    },
    {
      // The first invalid case below, in a test file: a stub route no client can reach.
      code: `${prisma}
app.post('/users', async (req, res) => {
  res.json(await prisma.user.create({ data: req.body }));
});
`,
      filename: 'src/users/users.test.ts',
    },
    {
      // The same in a one-off script: it serves no traffic.
      code: `${prisma}
app.post('/users', async (req, res) => {
  res.json(await prisma.user.create({ data: req.body }));
});
`,
      filename: 'scripts/import-users.ts',
    },
  ],
  invalid: [
    {
      // Express + Prisma: the body as write data.
      code: `${prisma}
app.post('/users', async (req, res) => {
  res.json(await prisma.user.create({ data: req.body }));
});
`,
      // at: req.body
      errors: [{ messageId: 'massAssignment', line: 5, column: 45, data: { source: 'req.body', sink: 'prisma.user.create' } }],
    },
    {
      // Spread of the body next to server-side fields.
      code: `${prisma}
app.patch('/users/:id', async (req, res) => {
  const user = await prisma.user.update({ where: { id: req.params.id }, data: { ...req.body, updatedAt: new Date() } });
  res.json(user);
});
`,
      // at: ...req.body
      errors: [{ messageId: 'massAssignment', line: 5, column: 81, data: { source: 'req.body', sink: 'prisma.user.update' } }],
    },
    {
      // Hono + Drizzle: .set() with the raw JSON.
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
app.patch('/todos/:id', async (c) => {
  const body = await c.req.json();
  await db.update(todos).set(body).where(eq(todos.id, c.req.param('id')));
  return c.body(null, 204);
});
`,
      // at: body)
      errors: [{ messageId: 'massAssignment', line: 6, column: 30, data: { source: 'c.req.json()', sink: 'db.update(todos).set(body).where(…)' } }],
    },
    {
      // Mongoose $set with the body.
      code: `
import { User } from './models/user';
router.put('/users/:id', async (req, res) => {
  await User.updateOne({ _id: req.params.id }, { $set: req.body });
  res.sendStatus(204);
});
`,
      // at: req.body }
      errors: [{ messageId: 'massAssignment', line: 4, column: 56, data: { source: 'req.body', sink: 'User.updateOne' } }],
    },
    {
      // Sequelize Model.create with the body (Koa).
      code: `
import { Order } from './models';
router.post('/orders', async (ctx) => {
  ctx.body = await Order.create(ctx.request.body);
});
`,
      // at: ctx.request.body
      errors: [{ messageId: 'massAssignment', line: 4, column: 33, data: { source: 'ctx.request.body', sink: 'Order.create' } }],
    },
    {
      // A service method writing an unfiltered Partial<T>.
      code: `${prisma}
export async function updateUser(id: string, patch: Partial<User>) {
  return prisma.user.update({ where: { id }, data: patch });
}
`,
      // at: patch }
      errors: [{ messageId: 'partialAssignment', line: 5, column: 52, data: { source: 'patch', sink: 'prisma.user.update' } }],
    },
    {
      // Validated, but the raw body is written: unknown keys the schema would strip still arrive.
      code: `${prisma}
app.post('/users', async (req, res) => {
  CreateUser.parse(req.body);
  res.json(await prisma.user.create({ data: req.body }));
});
`,
      // at: req.body }
      errors: [{ messageId: 'massAssignment', line: 6, column: 45, data: { source: 'req.body', sink: 'prisma.user.create' } }],
    },
    {
      // tRPC procedure without .input().
      code: `${prisma}
export const router = t.router({
  update: protectedProcedure.mutation(({ input }) => prisma.profile.update({ where: { id: 1 }, data: input as Profile })),
});
`,
      // at: input as
      errors: [{ messageId: 'massAssignment', line: 5, column: 102, data: { source: 'input', sink: 'prisma.profile.update' } }],
    },
    {
      // Server action: every form field becomes a column.
      code: `'use server';
${prisma}
export async function createListing(formData: FormData) {
  await prisma.listing.create({ data: Object.fromEntries(formData) as ListingInput });
}
`,
      // at: Object.fromEntries
      errors: [{ messageId: 'massAssignment', line: 6, column: 39, data: { source: 'formData', sink: 'prisma.listing.create' } }],
    },
    {
      // TypeORM: the body merged into a loaded entity, then saved.
      code: `
import { AppDataSource } from './data-source';
const repo = AppDataSource.getRepository(User);
app.put('/users/:id', async (req, res) => {
  const user = await repo.findOneByOrFail({ id: req.params.id });
  Object.assign(user, req.body);
  res.json(await repo.save(user));
});
`,
      // at: user))
      errors: [{ messageId: 'massAssignment', line: 7, column: 28, data: { source: 'req.body', sink: 'repo.save' } }],
    },
    {
      // NestJS @Body() typed as a record.
      code: `
@Controller('settings')
export class SettingsController {
  constructor(private readonly prisma: PrismaService) {}
  @Put()
  save(@Body() body: Record<string, unknown>) {
    return this.prisma.settings.update({ where: { id: 1 }, data: body });
  }
}
`,
      // at: body }
      errors: [{ messageId: 'massAssignment', line: 7, column: 66, data: { source: '@Body() body', sink: 'this.prisma.settings.update' } }],
    },
    {
      // A same-file helper that writes its parameter whole.
      code: `${prisma}
const saveUser = async (input: UserInput) => prisma.user.create({ data: { ...input, createdAt: new Date() } });
app.post('/users', async (req, res) => res.json(await saveUser(req.body)));
`,
      // at: req.body)
      errors: [{ messageId: 'massAssignment', line: 5, column: 64, data: { source: 'req.body', sink: 'saveUser' } }],
    },
    {
      // Rest of the body after taking the id out.
      code: `${prisma}
app.put('/posts', async (req, res) => {
  const { id, ...changes } = req.body;
  res.json(await prisma.post.update({ where: { id }, data: changes }));
});
`,
      // at: changes })
      errors: [{ messageId: 'massAssignment', line: 6, column: 60, data: { source: 'req.body', sink: 'prisma.post.update' } }],
    },
  ],
});
