// The request-input model: where input enters per framework, how it travels, and what validates it.
// Each case calls `sink(expr)` or `sinkWhole(expr)`; the test asks the tracer about `expr`.
import type { TSESTree } from '@typescript-eslint/utils';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { getFileAnalysis } from '../../src/analysis/index.js';
import { getInputTracer } from '../../src/analysis/input.js';

interface Seen {
  label: string;
  kind: string;
  checked: boolean;
}

function trace(code: string, settings: Record<string, unknown> = {}): Seen[][] {
  const results: Seen[][] = [];
  const probe = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: Parameters<typeof getFileAnalysis>[0]) {
      const tracer = getInputTracer(getFileAnalysis(context));
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || !['sink', 'sinkWhole'].includes(node.callee.name)) return;
          const arg = node.arguments[0];
          const hits = node.callee.name === 'sink' ? tracer.sourcesIn(arg) : tracer.wholeSourcesIn(arg);
          results.push(hits.map((h) => ({ label: h.source.label, kind: h.source.kind, checked: h.checked })));
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as never },
      plugins: { probe: { rules: { probe: probe as never } } },
      rules: { 'probe/probe': 'error' },
      settings,
    },
  ], 'file.ts');
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return results;
}

const body = (label: string, checked = false): Seen => ({ label, kind: 'body', checked });

describe('sources by framework', () => {
  it('Express: req.body, req.query and req.params, through destructuring and casts', () => {
    expect(
      trace(`
app.post('/x', (req, res) => {
  const { name } = req.body;
  const q = req.query as { page: string };
  sink(name); sink(q.page); sink(req.params.id);
});
`),
    ).toEqual([[body('req.body')], [body('req.query')], [{ label: 'req.params', kind: 'path', checked: false }]]);
  });

  it('Koa: ctx.request.body and ctx.query', () => {
    expect(trace(`router.post('/x', async (ctx) => { sink(ctx.request.body.items); sink(ctx.query.q); });`)).toEqual([
      [body('ctx.request.body')],
      [body('ctx.query')],
    ]);
  });

  it('Hono: c.req readers, with param() as a path source', () => {
    expect(trace(`app.post('/x', async (c) => { const b = await c.req.json(); sink(b.title); sink(c.req.param('id')); });`)).toEqual([
      [body('c.req.json()')],
      [{ label: 'c.req.param()', kind: 'path', checked: false }],
    ]);
  });

  it('Next.js: request.json(), nextUrl.searchParams and new URL(request.url).searchParams', () => {
    expect(
      trace(`
export async function POST(request: Request) {
  const url = new URL(request.url);
  sink(await request.json());
  sink(url.searchParams.get('email'));
}
export async function GET(req: NextRequest) { sink(req.nextUrl.searchParams.get('q')); }
`),
    ).toEqual([[body('request.json()')], [body('searchParams')], [body('req.nextUrl.searchParams')]]);
  });

  it('server actions: object and FormData parameters, not primitives', () => {
    expect(
      trace(`'use server';
export async function save(id: string, form: FormData, profile: Profile) { sink(id); sink(form.get('bio')); sink(profile); }
`),
    ).toEqual([[], [body('form')], [body('profile')]]);
    expect(trace(`export async function save(data: Profile) { 'use server'; sink(data); }`)).toEqual([[body('data')]]);
    // Only exported functions of a 'use server' module are callable from the client.
    expect(
      trace(`'use server';
async function persist(profile: Profile) { sink(profile); }
const update = async (profile: Profile) => { sink(profile); };
export { update };
`),
    ).toEqual([[], [body('profile')]]);
    expect(trace(`export async function save(data: Profile) { sink(data); }`)).toEqual([[]]);
  });

  it('NestJS: @Body() is input unless typed with a class, piped or under @UsePipes', () => {
    const results = trace(`
interface Settings { theme: string }
@Controller('x')
class C {
  a(@Body() b: any) { sink(b); }
  b(@Body() b: Settings) { sink(b); }
  c(@Body() b: CreateDto) { sink(b); }
  d(@Body(new ValidationPipe()) b: any) { sink(b); }
  @UsePipes(new ZodValidationPipe(S))
  e(@Body() b: { x: string }) { sink(b); }
  f(@Query() q: Record<string, string>) { sink(q.x); }
}
`);
    expect(results).toEqual([[body('@Body() b')], [body('@Body() b')], [], [], [], [body('@Query() q')]]);
  });

  it('tRPC: input without a parser, or with a cast or z.any(), is input', () => {
    expect(
      trace(`
const r = router({
  a: publicProcedure.mutation(({ input }) => sink(input)),
  b: publicProcedure.input(z.object({ x: z.string() })).mutation(({ input }) => sink(input)),
  c: protectedProcedure.input((v) => v as T).mutation((opts) => sink(opts.input.x)),
  d: t.procedure.input(z.any()).mutation(({ input }) => sink(input)),
});
`),
    ).toEqual([[body('input')], [], [body('input')], [body('input')]]);
  });

  it('a Partial<T> parameter anywhere', () => {
    expect(trace(`export function update(id: string, patch: Partial<User>) { sink(patch); }`)).toEqual([
      [{ label: 'patch', kind: 'partial', checked: false }],
    ]);
  });

  it('look-alikes that are not input', () => {
    expect(
      trace(`
async function load() { const res = await fetch(u); sink(await res.json()); }
function f(req: { body: string }) { sink(req.body); }
app.get('/x', (req, res) => { sink(req.user.id); sink(req.headers['x-id']); });
`),
    ).toEqual([[], [], [], []]);
  });
});

describe('validation', () => {
  it('a call result is new data; pass-through calls are not', () => {
    expect(
      trace(`
app.post('/parsed', (req, res) => sink(Schema.parse(req.body)));
app.post('/picked', (req, res) => sink(pick(req.body, ['a'])));
app.post('/x', (req, res) => {
  sink(Number(req.body.amount));
  sink(new Date(req.body.at));
  sink(JSON.parse(req.body.raw).x);
  sink(String(req.query.q).trim().toLowerCase());
});
`),
    ).toEqual([[], [], [body('req.body')], [body('req.body')], [body('req.body')], [body('req.query')]]);
  });

  it('a validator call on the same value marks it checked; JSON.parse does not', () => {
    expect(
      trace(`
app.post('/a', (req, res) => { if (!validate(req.body)) return; sink(req.body.x); });
app.post('/b', (req, res) => { Value.Check(T, req.body); sink(req.body); });
app.post('/c', async (c) => { const b = await c.req.json(); Schema.safeParse(b); sink(b); });
app.post('/d', (req, res) => { JSON.parse(req.body); sink(req.body); });
app.post('/e', (req, res) => { checkPayload(req.body); sink(req.body); });
app.post('/f', (req, res) => { if (!v.is(Schema, req.body)) return; sink(req.body); });
app.post('/g', (req, res) => { if (!User.allows(req.body)) return; sink(req.body); });
app.post('/h', (req, res) => { z.safeDecode(Schema, req.body); sink(req.body); });
`),
    ).toEqual([
      [body('req.body', true)],
      [body('req.body', true)],
      [body('c.req.json()', true)],
      [body('req.body')],
      [body('req.body', true)],
      [body('req.body', true)],
      [body('req.body', true)],
      [body('req.body', true)],
    ]);
  });

  it('a validator call counts in the function around the use, in functions around that, and in callbacks inside them', () => {
    expect(
      trace(`
app.post('/a', async (req, res) => { Schema.parse(req.body); await db.transaction(async (tx) => { sink(req.body); }); });
app.post('/b', async (req, res) => { items.forEach(() => Schema.parse(req.body)); sink(req.body); });
app.post('/c', async (req, res) => { await db.transaction(async (tx) => { sink(req.body); }); items.forEach(() => Schema.parse(req.body)); });
app.post('/d', async (req, res) => { const check = () => Schema.parse(req.query); sink(req.body); });
app.post('/e', async (req, res) => { const run = async (x = Schema.parse(req.body)) => { sink(req.body); }; await run(); });
app.post('/f', async (req, res) => { const run = async (x = Schema.parse(req.body)) => 1; sink(req.body); });
app.post('/g', async function (req, res, x = Schema.parse(req.body)) { sink(req.body); });
`),
    ).toEqual([
      [body('req.body', true)],
      [body('req.body', true)],
      [body('req.body', true)],
      [body('req.body')],
      [body('req.body', true)],
      [body('req.body', true)],
      [body('req.body')],
    ]);
  });

  it('an arktype type, module-level or local, validates what it is called on', () => {
    expect(
      trace(`
import { type } from 'arktype';
const User = type({ name: 'string' });
app.post('/a', (req, res) => { User(req.body); sink(req.body); });
app.post('/b', (req, res) => { Other(req.body); sink(req.body); });
function routes() {
  const Local = ark.type({ name: 'string' });
  app.post('/c', (req, res) => { Local(req.body); sink(req.body); });
}
`),
    ).toEqual([[body('req.body', true)], [body('req.body')], [body('req.body', true)]]);
  });

  it('settings.prodguard.validators names project validators', () => {
    expect(trace(`app.post('/x', (req, res) => { guardIt(req.body); sink(req.body); });`, { prodguard: { validators: ['guardIt'] } })).toEqual([
      [body('req.body', true)],
    ]);
  });

  it('route-level validation: Fastify schema, validator middleware, named handlers registered with one', () => {
    expect(
      trace(`
fastify.post('/a', { schema: { body: B } }, async (request) => sink(request.body));
fastify.route({ method: 'POST', url: '/b', schema: { body: B }, handler: async (request) => sink(request.body) });
app.post('/c', zValidator('json', S), async (c) => sink(await c.req.json()));
router.post('/d', [body('email').isEmail()], (req, res) => sink(req.body));
async function create(req, res) { sink(req.body); }
router.post('/e', validateBody(S), create);
fastify.post('/f', async (request) => sink(request.body));
router.route({ method: 'post', path: '/g', validate: { type: 'json', body: G }, handler: async (ctx) => sink(ctx.request.body) });
`),
    ).toEqual([[], [], [], [], [], [body('request.body')], []]);
  });
});

describe('raw captures', () => {
  it('a whole request under a payload-like key is a record of what arrived; a field under it is not', () => {
    expect(
      trace(`
app.post('/hook', async (req, res) => {
  sink({ source: 'crm', payload: req.body });
  sink({ rawBody: JSON.stringify(req.body) });
  sink({ payload: req.body.data });
  sink({ settings: req.body });
});
export async function POST(request: Request) { const body = await request.json(); sink({ event: body }); }
`),
    ).toEqual([[], [], [body('req.body')], [body('req.body')], []]);
  });
});

describe('whole placement (mass assignment)', () => {
  it('the value itself, spreads, nested writes and $set are whole; field values are not', () => {
    expect(
      trace(`
app.post('/x', (req, res) => {
  sinkWhole(req.body);
  sinkWhole({ ...req.body, at: 1 });
  sinkWhole({ name: req.body.name });
  sinkWhole({ $set: req.body });
  sinkWhole({ profile: { create: req.body.profile } });
});
app.post('/parsed', (req, res) => sinkWhole(Schema.parse(req.body)));
`),
    ).toEqual([[body('req.body')], [body('req.body')], [], [body('req.body')], [body('req.body')], []]);
  });

  it('through const objects, rest elements, map spreads and Object.assign merges', () => {
    expect(
      trace(`
app.put('/x', async (req, res) => {
  const data = { ...req.body, updatedAt: new Date() };
  const { id, ...rest } = req.body;
  const { name } = req.body;
  const user = await repo.findOneBy({ id });
  Object.assign(user, req.body);
  const org = await em.findOneOrFail(Organization, { id });
  em.assign(org, req.query);
  sinkWhole(data); sinkWhole(rest); sinkWhole({ name }); sinkWhole(user); sinkWhole(org); sink(org);
  sinkWhole(req.body.items.map((i) => ({ ...i, orderId: id })));
});
`),
    ).toEqual([[body('req.body')], [body('req.body')], [], [body('req.body')], [body('req.query')], [body('req.query')], [body('req.body')]]);
  });
});
