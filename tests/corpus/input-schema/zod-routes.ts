// @corpus-rules require-cross-field-validation
import express, { type Router } from 'express';
import { z } from 'zod';
import { prisma } from './db';
import { validateBody } from './middleware/validate';
import { withDateRange } from './schema-helpers';
import { publicProcedure, router } from './trpc';

const app = express();
app.use(express.json());

// @expect require-cross-field-validation
app.post('/api/bookings', async (req, res) => {
  const input = z
    .object({
      roomId: z.string().uuid(),
      checkIn: z.coerce.date(),
      checkOut: z.coerce.date(),
      guests: z.number().int().min(1).max(8),
    })
    .parse(req.body);
  const booking = await prisma.booking.create({ data: input });
  res.status(201).json(booking);
});

// @expect none
app.post('/api/bookings-v2', async (req, res) => {
  const input = z
    .object({
      roomId: z.string().uuid(),
      checkIn: z.coerce.date(),
      checkOut: z.coerce.date(),
      guests: z.number().int().min(1).max(8),
    })
    .refine((b) => b.checkIn < b.checkOut, { message: 'checkOut must be after checkIn', path: ['checkOut'] })
    .parse(req.body);
  const booking = await prisma.booking.create({ data: input });
  res.status(201).json(booking);
});

// @expect require-cross-field-validation
export function createEventSchema() {
  return z.object({
    title: z.string().min(1).max(200),
    startsAt: z.string().datetime(),
    endsAt: z.string().datetime(),
    timezone: z.string(),
  });
}

// @expect none
export function createEventSchemaChecked() {
  return z
    .object({
      title: z.string().min(1).max(200),
      startsAt: z.string().datetime(),
      endsAt: z.string().datetime(),
    })
    .superRefine((event, ctx) => {
      if (new Date(event.startsAt) >= new Date(event.endsAt)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'endsAt must be after startsAt', path: ['endsAt'] });
      }
    });
}

// @expect require-cross-field-validation
app.get('/api/products', async (req, res) => {
  const query = z
    .object({
      q: z.string().optional(),
      minPrice: z.coerce.number().nonnegative().optional(),
      maxPrice: z.coerce.number().nonnegative().optional(),
      page: z.coerce.number().int().min(1).default(1),
    })
    .parse(req.query);
  const products = await prisma.product.findMany({
    where: { name: { contains: query.q }, price: { gte: query.minPrice, lte: query.maxPrice } },
    skip: (query.page - 1) * 20,
    take: 20,
  });
  res.json(products);
});

// @expect none
export function productQuerySchema() {
  const base = z.object({
    q: z.string().optional(),
    minPrice: z.coerce.number().nonnegative().optional(),
    maxPrice: z.coerce.number().nonnegative().optional(),
  });
  return base.refine((p) => p.minPrice === undefined || p.maxPrice === undefined || p.minPrice <= p.maxPrice, {
    message: 'minPrice must not exceed maxPrice',
    path: ['minPrice'],
  });
}

// @expect require-cross-field-validation
app.post('/api/auth/signup', async (req, res) => {
  const body = z
    .object({
      email: z.string().email(),
      password: z.string().min(12),
      confirmPassword: z.string(),
      name: z.string().min(1),
    })
    .parse(req.body);
  const user = await prisma.user.create({ data: { email: body.email, name: body.name, passwordHash: await hash(body.password) } });
  res.status(201).json({ id: user.id });
});

// @expect none
app.post('/api/auth/signup-v2', async (req, res) => {
  const body = z
    .object({
      email: z.string().email(),
      password: z.string().min(12),
      confirmPassword: z.string(),
    })
    .refine((b) => b.password === b.confirmPassword, { message: 'Passwords do not match', path: ['confirmPassword'] })
    .parse(req.body);
  const user = await prisma.user.create({ data: { email: body.email, passwordHash: await hash(body.password) } });
  res.status(201).json({ id: user.id });
});

// @expect none
app.post('/api/auth/login', async (req, res) => {
  const body = z.object({ email: z.string().email(), password: z.string().min(1) }).parse(req.body);
  res.json(await login(body.email, body.password));
});

// @expect require-cross-field-validation
export function leaveRequestSchema() {
  return z.object({
    employeeId: z.string().uuid(),
    startDate: z.string(),
    endDate: z.string(),
    reason: z.string().max(500).optional(),
  });
}

// @expect require-cross-field-validation
export function couponSchema() {
  const coupon = z.object({
    code: z.string().regex(/^[A-Z0-9]{6,12}$/),
    percentOff: z.number().int().min(1).max(100),
    validFrom: z.coerce.date(),
    validUntil: z.coerce.date(),
  });
  return coupon.extend({ maxRedemptions: z.number().int().positive() });
}

// @expect none
export function couponSchemaChecked() {
  const coupon = z.object({
    code: z.string().regex(/^[A-Z0-9]{6,12}$/),
    validFrom: z.coerce.date(),
    validUntil: z.coerce.date(),
  });
  return coupon
    .extend({ maxRedemptions: z.number().int().positive() })
    .refine((c) => c.validFrom < c.validUntil, { path: ['validUntil'] });
}

// @expect none
export function couponPatchSchema() {
  const coupon = z.object({ validFrom: z.coerce.date(), validUntil: z.coerce.date() });
  return coupon.partial().refine((c) => !c.validFrom || !c.validUntil || c.validFrom < c.validUntil);
}

// @expect require-cross-field-validation
app.get('/api/reports/revenue', async (req, res) => {
  const { from, to } = z.object({ from: z.coerce.date(), to: z.coerce.date() }).parse(req.query);
  const rows = await prisma.payment.groupBy({ by: ['currency'], where: { paidAt: { gte: from, lt: to } }, _sum: { amount: true } });
  res.json(rows);
});

// @expect none
app.post('/api/emails/send', async (req, res) => {
  const email = z
    .object({ from: z.string().email(), to: z.string().email(), subject: z.string().max(200), body: z.string() })
    .parse(req.body);
  res.status(202).json(await enqueueEmail(email));
});

// @expect none
app.post('/api/fx/convert', async (req, res) => {
  const input = z
    .object({ from: z.enum(['USD', 'EUR', 'GBP']), to: z.enum(['USD', 'EUR', 'GBP']), amount: z.number().positive() })
    .parse(req.body);
  res.json(await convert(input.from, input.to, input.amount));
});

// @expect none
app.post('/api/routes/plan', async (req, res) => {
  const input = z.object({ startLocation: z.string(), endLocation: z.string(), avoidTolls: z.boolean() }).parse(req.body);
  res.json(await planRoute(input));
});

// @expect require-cross-field-validation
export function salaryBandSchema() {
  return z.object({
    title: z.string(),
    salaryMin: z.number().int().positive(),
    salaryMax: z.number().int().positive(),
    currency: z.string().length(3),
  });
}

// @expect none
export function dateRangeSchema() {
  return z
    .object({ range: z.object({ start: z.coerce.date(), end: z.coerce.date() }), label: z.string() })
    .refine((r) => r.range.start <= r.range.end, { path: ['range', 'end'] });
}

// @expect require-cross-field-validation
export function shiftSchema() {
  const shift = z.object({ staffId: z.string(), startTime: z.coerce.date(), endTime: z.coerce.date() });
  return z.array(shift).min(1);
}

// @expect require-cross-field-validation
export function registerEventRoutes(app: Router) {
  const CreateEvent = z.object({ title: z.string(), startsAt: z.coerce.date(), endsAt: z.coerce.date() });
  app.post('/events', validateBody(CreateEvent), async (req, res) => {
    res.status(201).json(await prisma.event.create({ data: req.body }));
  });
}

// @expect none
export function registerEventRoutesChecked(app: Router) {
  const CreateEvent = withDateRange(z.object({ title: z.string(), startsAt: z.coerce.date(), endsAt: z.coerce.date() }), 'startsAt', 'endsAt');
  app.post('/events', validateBody(CreateEvent), async (req, res) => {
    res.status(201).json(await prisma.event.create({ data: req.body }));
  });
}

// @expect require-cross-field-validation
export function bookingRouter() {
  return router({
    create: publicProcedure
      .input(z.object({ listingId: z.string(), checkIn: z.coerce.date(), checkOut: z.coerce.date() }))
      .mutation(({ input }) => prisma.booking.create({ data: input })),
  });
}

// @expect none
export function bookingRouterChecked() {
  return router({
    create: publicProcedure
      .input(
        z
          .object({ listingId: z.string(), checkIn: z.coerce.date(), checkOut: z.coerce.date() })
          .refine((b) => b.checkIn < b.checkOut, { path: ['checkOut'] }),
      )
      .mutation(({ input }) => prisma.booking.create({ data: input })),
  });
}

declare function hash(password: string): Promise<string>;
declare function login(email: string, password: string): Promise<unknown>;
declare function enqueueEmail(email: unknown): Promise<unknown>;
declare function convert(from: string, to: string, amount: number): Promise<unknown>;
declare function planRoute(input: unknown): Promise<unknown>;
