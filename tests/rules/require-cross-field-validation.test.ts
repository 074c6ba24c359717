import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/require-cross-field-validation.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

const ZOD_FIX = '`.refine()` or `.superRefine()` on the object schema';
const VALIBOT_FIX = '`v.forward(v.partialCheck(…))` or `v.check()` in a `v.pipe()` around the object';

ruleTester.run<MessageId, Options>('require-cross-field-validation', rule as never, {
  valid: [
    // Refined in place.
    "import { z } from 'zod'; const Booking = z.object({ start: z.date(), end: z.date() }).refine((b) => b.start < b.end, { path: ['end'] });",
    "import { z } from 'zod'; const Signup = z.object({ password: z.string(), confirmPassword: z.string() }).superRefine((d, ctx) => { if (d.password !== d.confirmPassword) ctx.addIssue({ code: 'custom', message: 'mismatch' }); });",
    // Refined after other methods in the chain.
    "import { z } from 'zod'; const Q = z.object({ minPrice: z.number(), maxPrice: z.number() }).strict().partial().refine((q) => (q.minPrice ?? 0) <= (q.maxPrice ?? Infinity));",
    // Defined, then refined later.
    "import { z } from 'zod'; const base = z.object({ startDate: z.coerce.date(), endDate: z.coerce.date() }); export const schema = base.refine((d) => d.startDate <= d.endDate);",
    // Extended or merged, then refined.
    "import { z } from 'zod'; const range = z.object({ from: z.coerce.date(), to: z.coerce.date() }); export const Filter = range.extend({ q: z.string() }).refine((f) => f.from <= f.to);",
    "import { z } from 'zod'; const a = z.object({ min: z.number(), max: z.number() }); const b = z.object({ unit: z.string() }); export const S = a.merge(b).refine((s) => s.min <= s.max);",
    // Partial, then refined.
    "import { z } from 'zod'; const Window = z.object({ opensAt: z.date(), closesAt: z.date() }); export const Patch = Window.partial().refine((w) => !w.opensAt || !w.closesAt || w.opensAt < w.closesAt);",
    // Refined on an enclosing schema.
    "import { z } from 'zod'; const Trip = z.object({ dates: z.object({ checkIn: z.coerce.date(), checkOut: z.coerce.date() }) }).refine((t) => t.dates.checkIn < t.dates.checkOut);",
    // Returned by a builder that the caller refines.
    "import { z } from 'zod'; function eventShape() { return z.object({ startsAt: z.date(), endsAt: z.date() }); } export const Event = eventShape().refine((e) => e.startsAt < e.endsAt);",
    // zod 4 and zod mini checks.
    "import * as z from 'zod/v4'; const R = z.object({ validFrom: z.iso.datetime(), validUntil: z.iso.datetime() }).check((ctx) => {});",
    "import { z } from 'zod'; const R = z.object({ start: z.number(), end: z.number() }).pipe(z.custom((r) => r.start <= r.end));",
    "import * as z from 'zod/mini'; const R = z.object({ minAge: z.number(), maxAge: z.number() }).check(z.refine((r) => r.minAge <= r.maxAge));",
    // valibot pipe with a whole-object check.
    "import * as v from 'valibot'; const Stay = v.pipe(v.object({ checkIn: v.date(), checkOut: v.date() }), v.forward(v.partialCheck([['checkIn'], ['checkOut']], (s) => s.checkIn < s.checkOut), ['checkOut']));",
    "import { object, pipe, check, number } from 'valibot'; const Range = pipe(object({ min: number(), max: number() }), check((r) => r.min <= r.max, 'min must not exceed max'));",
    // yup references and tests.
    "import * as yup from 'yup'; const s = yup.object({ startDate: yup.date().required(), endDate: yup.date().min(yup.ref('startDate')) });",
    "import * as yup from 'yup'; const s = yup.object().shape({ password: yup.string(), passwordConfirmation: yup.string().oneOf([yup.ref('password')]) });",
    "import { object, date } from 'yup'; const s = object({ from: date(), to: date().when('from', (from, schema) => schema.min(from)) });",
    "import * as yup from 'yup'; const s = yup.object({ min: yup.number(), max: yup.number() }).test('range', 'min > max', (v) => v.min <= v.max);",
    // joi references and custom checks.
    "import Joi from 'joi'; const s = Joi.object({ start: Joi.date(), end: Joi.date().greater(Joi.ref('start')) });",
    "import Joi from 'joi'; const s = Joi.object({ password: Joi.string(), confirmPassword: Joi.any().valid(Joi.ref('password')) });",
    "import Joi from 'joi'; const s = Joi.object({ minPrice: Joi.number(), maxPrice: Joi.number() }).custom((v, h) => (v.minPrice > v.maxPrice ? h.error('any.invalid') : v));",
    // A project helper named for the job, or any helper of the project's own, may refine it.
    "import { z } from 'zod'; import { withDateRange } from 'shared-schemas'; export const Booking = withDateRange(z.object({ startDate: z.coerce.date(), endDate: z.coerce.date() }), 'startDate', 'endDate');",
    "import { z } from 'zod'; import { schemas } from 'shared-schemas'; export const Range = schemas.withRange(z.object({ min: z.number(), max: z.number() }));",
    "import { z } from 'zod'; import { isValidDate } from './validators'; export const Range = isValidDate(z.object({ startDate: z.coerce.date(), endDate: z.coerce.date() }));",
    "import { z } from 'zod'; const withDates = <T extends z.ZodTypeAny>(s: T) => s.refine(() => true); export const Range = withDates(z.object({ from: z.coerce.date(), to: z.coerce.date() }));",
    // Only one end of the pair.
    "import { z } from 'zod'; const s = z.object({ start: z.date(), title: z.string() });",
    // Look-alikes that are not ranges: email from/to, route endpoints, currency codes.
    "import { z } from 'zod'; const Mail = z.object({ from: z.string().email(), to: z.string().email(), subject: z.string() });",
    "import { z } from 'zod'; const Route = z.object({ startLocation: z.string(), endLocation: z.string() });",
    "import { z } from 'zod'; const Convert = z.object({ from: z.enum(['USD', 'EUR']), to: z.enum(['USD', 'EUR']) });",
    // Field definitions themselves, with no pair.
    "import { z } from 'zod'; const Login = z.object({ email: z.string().email(), password: z.string().min(8) });",
    // Not a schema library: a local `z` or a plain object.
    "const z = { object: (x: unknown) => x }; const s = z.object({ start: 1, end: 2 });",
    "const range = { start: new Date(), end: new Date() };",
    // A type-only import does not make `z` the library.
    "import type { z } from 'zod'; declare const y: any; y.object({ start: y.date(), end: y.date() });",
  ],
  invalid: [
    {
      code: "import { z } from 'zod'; const Booking = z.object({ startDate: z.coerce.date(), endDate: z.coerce.date() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'startDate', second: 'endDate', comparison: 'after', fix: ZOD_FIX },
          line: 1,
          column: 53,
        },
      ],
    },
    {
      code: "import { z } from 'zod'; export const PriceFilter = z.object({ minPrice: z.number().nonnegative(), maxPrice: z.number().nonnegative(), q: z.string().optional() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'minPrice', second: 'maxPrice', comparison: 'greater than', fix: ZOD_FIX },
          line: 1,
          column: 64,
        },
      ],
    },
    {
      code: "import { z } from 'zod'; const Signup = z.object({ email: z.string().email(), password: z.string().min(8), confirmPassword: z.string() });",
      errors: [
        {
          messageId: 'unconfirmedPair',
          data: { first: 'password', second: 'confirmPassword', fix: ZOD_FIX },
          line: 1,
          column: 79,
        },
      ],
    },
    {
      code: "import { z } from 'zod'; const Reset = z.object({ password: z.string(), passwordConfirmation: z.string() });",
      errors: [
        {
          messageId: 'unconfirmedPair',
          data: { first: 'password', second: 'passwordConfirmation', fix: ZOD_FIX },
          line: 1,
          column: 51,
        },
      ],
    },
    {
      // ISO strings named as dates.
      code: "import { z } from 'zod'; const Leave = z.object({ startDate: z.string(), endDate: z.string(), reason: z.string() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'startDate', second: 'endDate', comparison: 'after', fix: ZOD_FIX },
          line: 1,
          column: 51,
        },
      ],
    },
    {
      // Refined elsewhere for another reason does not count when the base is never refined.
      code: "import { z } from 'zod'; const Coupon = z.object({ validFrom: z.coerce.date(), validUntil: z.coerce.date() }); export const CreateCoupon = Coupon.extend({ code: z.string() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'validFrom', second: 'validUntil', comparison: 'after', fix: ZOD_FIX },
          line: 1,
          column: 52,
        },
      ],
    },
    {
      // zod 4, imported as a namespace from a subpath.
      code: "import * as z from 'zod/v4'; const Shift = z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'startsAt', second: 'endsAt', comparison: 'after', fix: ZOD_FIX },
          line: 1,
          column: 55,
        },
      ],
    },
    {
      // A field-level refine cannot see the other field.
      code: "import { z } from 'zod'; const Q = z.object({ min: z.number().refine((n) => n >= 0), max: z.number() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'min', second: 'max', comparison: 'greater than', fix: ZOD_FIX },
          line: 1,
          column: 47,
        },
      ],
    },
    {
      code: "import * as v from 'valibot'; const Stay = v.object({ checkIn: v.date(), checkOut: v.date(), guests: v.number() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'checkIn', second: 'checkOut', comparison: 'after', fix: VALIBOT_FIX },
          line: 1,
          column: 55,
        },
      ],
    },
    {
      // A pipe with only a transform relates nothing.
      code: "import { object, pipe, number, transform } from 'valibot'; const Range = pipe(object({ min: number(), max: number() }), transform((r) => r));",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'min', second: 'max', comparison: 'greater than', fix: VALIBOT_FIX },
          line: 1,
          column: 88,
        },
      ],
    },
    {
      code: "import * as yup from 'yup'; const s = yup.object().shape({ from: yup.date().required(), to: yup.date().required() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'from', second: 'to', comparison: 'after', fix: "`.min(yup.ref('from'))` on `to`" },
          line: 1,
          column: 60,
        },
      ],
    },
    {
      code: "import { object, string } from 'yup'; const s = object({ password: string().required(), confirmPassword: string().required() });",
      errors: [
        {
          messageId: 'unconfirmedPair',
          data: { first: 'password', second: 'confirmPassword', fix: "`.oneOf([yup.ref('password')])` on `confirmPassword`" },
          line: 1,
          column: 58,
        },
      ],
    },
    {
      code: "const Joi = require('joi'); const s = Joi.object({ minAge: Joi.number().integer(), maxAge: Joi.number().integer() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'minAge', second: 'maxAge', comparison: 'greater than', fix: "`.min(Joi.ref('minAge'))` on `maxAge`" },
          line: 1,
          column: 52,
        },
      ],
    },
    {
      code: "import Joi from 'joi'; const s = Joi.object().keys({ startTime: Joi.date().iso(), endTime: Joi.date().iso() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'startTime', second: 'endTime', comparison: 'after', fix: "`.min(Joi.ref('startTime'))` on `endTime`" },
          line: 1,
          column: 54,
        },
      ],
    },
    {
      // Two pairs in one schema, each reported on its first field.
      code: "import { z } from 'zod'; const Search = z.object({ minPrice: z.number(), maxPrice: z.number(), from: z.coerce.date(), to: z.coerce.date() });",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'minPrice', second: 'maxPrice', comparison: 'greater than', fix: ZOD_FIX },
          line: 1,
          column: 52,
        },
        {
          messageId: 'unorderedPair',
          data: { first: 'from', second: 'to', comparison: 'after', fix: ZOD_FIX },
          line: 1,
          column: 96,
        },
      ],
    },
    {
      // Handing the schema to a framework validator does not relate the fields.
      code: "import { z } from 'zod'; import { zValidator } from '@hono/zod-validator'; app.post('/events', zValidator('json', z.object({ startsAt: z.coerce.date(), endsAt: z.coerce.date() })), handler);",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'startsAt', second: 'endsAt', comparison: 'after', fix: ZOD_FIX },
          line: 1,
          column: 126,
        },
      ],
    },
    {
      // The project's own validation middleware uses the schema as it is.
      code: "import { z } from 'zod'; import { validate } from './middleware/validate'; const CreateEvent = z.object({ startsAt: z.coerce.date(), endsAt: z.coerce.date() }); router.post('/events', validate(CreateEvent), create);",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'startsAt', second: 'endsAt', comparison: 'after', fix: ZOD_FIX },
          line: 1,
          column: 107,
        },
      ],
    },
    {
      // Parsing is not refining.
      code: "import { z } from 'zod'; const Range = z.object({ start: z.number(), end: z.number() }); export function read(body: unknown) { return Range.parse(body); }",
      errors: [
        {
          messageId: 'unorderedPair',
          data: { first: 'start', second: 'end', comparison: 'greater than', fix: ZOD_FIX },
          line: 1,
          column: 51,
        },
      ],
    },
  ],
});
