// @corpus-rules require-cross-field-validation
import { Hono } from 'hono';
import * as v from 'valibot';
import * as z from 'zod/v4';
import * as zm from 'zod/mini';
import { db } from './db';

const app = new Hono();

// @expect require-cross-field-validation
export function reservationSchema() {
  return v.object({
    tableId: v.pipe(v.string(), v.uuid()),
    startsAt: v.pipe(v.string(), v.isoTimestamp()),
    endsAt: v.pipe(v.string(), v.isoTimestamp()),
    partySize: v.pipe(v.number(), v.integer(), v.minValue(1)),
  });
}

// @expect none
export function reservationSchemaChecked() {
  return v.pipe(
    v.object({
      tableId: v.pipe(v.string(), v.uuid()),
      startsAt: v.pipe(v.string(), v.isoTimestamp()),
      endsAt: v.pipe(v.string(), v.isoTimestamp()),
    }),
    v.forward(
      v.partialCheck([['startsAt'], ['endsAt']], (r) => r.startsAt < r.endsAt, 'endsAt must be after startsAt'),
      ['endsAt'],
    ),
  );
}

// @expect require-cross-field-validation
app.post('/api/stays', async (c) => {
  const input = v.parse(v.object({ listingId: v.string(), checkIn: v.date(), checkOut: v.date() }), await c.req.json());
  return c.json(await db.insertStay(input), 201);
});

// @expect none
app.post('/api/stays-v2', async (c) => {
  const Stay = v.pipe(
    v.object({ listingId: v.string(), checkIn: v.date(), checkOut: v.date() }),
    v.check((s) => s.checkIn < s.checkOut, 'checkOut must be after checkIn'),
  );
  const input = v.parse(Stay, await c.req.json());
  return c.json(await db.insertStay(input), 201);
});

// @expect require-cross-field-validation
export function ageFilterSchema() {
  return v.object({ minAge: v.optional(v.number()), maxAge: v.optional(v.number()), city: v.optional(v.string()) });
}

// @expect none
export function ageFilterSchemaChecked() {
  const filter = v.object({ minAge: v.number(), maxAge: v.number() });
  return v.pipe(filter, v.check((f) => f.minAge <= f.maxAge, 'minAge must not exceed maxAge'));
}

// @expect require-cross-field-validation
export function passwordChangeSchema() {
  return v.object({
    currentPassword: v.string(),
    newPassword: v.pipe(v.string(), v.minLength(12)),
    confirmNewPassword: v.string(),
  });
}

// @expect none
export function profileSchema() {
  return v.object({ displayName: v.string(), bio: v.optional(v.string()), website: v.optional(v.pipe(v.string(), v.url())) });
}

// @expect require-cross-field-validation
export function campaignSchema() {
  return z.object({
    name: z.string().min(1),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    budget: z.number().positive(),
  });
}

// @expect none
export function campaignSchemaChecked() {
  return z
    .object({ name: z.string().min(1), startDate: z.iso.date(), endDate: z.iso.date() })
    .refine((c) => c.startDate <= c.endDate, { error: 'endDate must not be before startDate', path: ['endDate'] });
}

// @expect require-cross-field-validation
app.get('/api/metrics', async (c) => {
  const q = z.object({ since: z.coerce.date(), until: z.coerce.date(), metric: z.enum(['cpu', 'memory']) }).parse(c.req.query());
  return c.json(await db.metrics(q));
});

// @expect none
app.get('/api/metrics-v2', async (c) => {
  const q = z
    .object({ since: z.coerce.date(), until: z.coerce.date(), metric: z.enum(['cpu', 'memory']) })
    .check((ctx) => {
      if (ctx.value.since > ctx.value.until) ctx.issues.push({ code: 'custom', message: 'since > until', input: ctx.value });
    })
    .parse(c.req.query());
  return c.json(await db.metrics(q));
});

// @expect require-cross-field-validation
export function temperatureAlertSchema() {
  return zm.object({ sensorId: zm.string(), lowerBound: zm.number(), upperBound: zm.number() });
}

// @expect none
export function temperatureAlertSchemaChecked() {
  return zm
    .object({ sensorId: zm.string(), lowerBound: zm.number(), upperBound: zm.number() })
    .check(zm.refine((a) => a.lowerBound < a.upperBound, { error: 'lowerBound must be below upperBound' }));
}

// @expect none
export function transferSchema() {
  return z.object({ fromAccountId: z.uuid(), toAccountId: z.uuid(), amount: z.number().positive() });
}

// @expect none
export function singleStartSchema() {
  return z.object({ startDate: z.iso.date(), note: z.string().optional() });
}
