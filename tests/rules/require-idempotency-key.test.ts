import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/require-idempotency-key.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

const STRIPE = `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
`;

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('require-idempotency-key', rule as never, {
  valid: [
    // a key derived from the order id
    `${STRIPE}async function pay(order: Order) {
  return stripe.paymentIntents.create({ amount: order.total, currency: 'eur' }, { idempotencyKey: \`order-\${order.id}-payment\` });
}`,
    // update with the options in third position
    `${STRIPE}async function f(id: string, orderId: string) {
  return stripe.paymentIntents.update(id, { metadata: { orderId } }, { idempotencyKey: \`pi-update-\${orderId}\` });
}`,
    // a key handed in by the caller (a job id persisted with the job)
    `${STRIPE}async function refund(job: { id: string; data: { charge: string } }) {
  await stripe.refunds.create({ charge: job.data.charge }, { idempotencyKey: job.id });
}`,
    // a stored key read back from the database, with a fresh fallback only when none exists
    `${STRIPE}async function capture(id: string, key: string | undefined) {
  await stripe.paymentIntents.capture(id, {}, { idempotencyKey: key ?? crypto.randomUUID() });
}`,
    // reads and deletes take no key
    `${STRIPE}async function f(id: string) {
  await stripe.customers.retrieve(id);
  await stripe.paymentIntents.list({ customer: id });
  await stripe.subscriptions.cancel(id);
  stripe.webhooks.constructEvent(body, sig, secret);
}`,
    // request options built elsewhere: cannot tell
    `${STRIPE}async function f(params: Stripe.ChargeCreateParams, opts: Stripe.RequestOptions) {
  return stripe.charges.create(params, opts);
}`,
    // a look-alike: an in-house service with the same method names
    `async function f(payments: PaymentService) {
  await payments.paymentIntents.create({ amount: 1 });
}`,
    // Square with a key from the order
    `import { SquareClient } from 'square';
const square = new SquareClient({ token: process.env.SQUARE_TOKEN });
async function f(order: Order) {
  await square.payments.create({ sourceId: order.nonce, idempotencyKey: order.id, amountMoney: { amount: BigInt(order.total), currency: 'USD' } });
}`,
    // a POST to the Stripe API with an Idempotency-Key header
    `async function f(orderId: string, body: URLSearchParams) {
  await fetch('https://api.stripe.com/v1/refunds', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${key}\`, 'Idempotency-Key': \`refund-\${orderId}\` },
    body,
    signal: AbortSignal.timeout(10_000),
  });
}`,
    // a POST to another API is none of this rule's business
    `async function f() { await fetch('https://hooks.example.com/deploy', { method: 'POST' }); }`,
    // POSTs to Stripe that read: an analytics query and an unlocked FX quote
    `async function mrr(body: string) {
  await fetch('https://api.stripe.com/v2/data/analytics/metric_query', { method: 'POST', headers: { Authorization: \`Bearer \${key}\` }, body, signal: AbortSignal.timeout(10_000) });
  await fetch('https://api.stripe.com/v1/fx_quotes', { method: 'POST', headers: { Authorization: \`Bearer \${key}\` }, body, signal: AbortSignal.timeout(10_000) });
}`,
    // a GET to Stripe needs no key
    `async function f() { await fetch('https://api.stripe.com/v1/balance'); }`,
    // PayPal server SDK with a request id
    `import { OrdersController } from '@paypal/paypal-server-sdk';
const orders = new OrdersController(client);
async function f(cartId: string, body: object) {
  await orders.createOrder({ body, paypalRequestId: \`cart-\${cartId}\` });
}`,
    // test files run against test mode
    {
      code: `${STRIPE}beforeAll(async () => { await stripe.customers.create({ email: 'a@example.com' }); });`,
      filename: 'test/billing.spec.ts',
    },
  ],
  invalid: [
    {
      // the package's name spelled with a unicode escape is still Stripe
      code: `import Payments from 'str\\u0069pe';
const payments = new Payments(process.env.PAYMENTS_KEY!);
export async function pay(total: number) {
  return payments.paymentIntents.create({ amount: total, currency: 'eur' });
}`,
      errors: [{ messageId: 'missingKey', line: 4 }],
    },
    {
      code: `${STRIPE}async function pay(order: Order) {
  return stripe.paymentIntents.create({ amount: order.total, currency: 'eur' });
}`,
      errors: [
        {
          messageId: 'missingKey',
          line: 4,
          column: 10,
          endColumn: 38,
          data: { label: 'stripe.paymentIntents.create', client: 'Stripe', key: 'idempotencyKey' },
        },
      ],
    },
    {
      // a fresh UUID per call is no key at all
      code: `${STRIPE}import { randomUUID } from 'node:crypto';
async function charge(customer: string, amount: number) {
  await stripe.charges.create({ customer, amount, currency: 'usd' }, { idempotencyKey: randomUUID() });
}`,
      errors: [
        {
          messageId: 'freshKey',
          line: 5,
          column: 88,
          data: { label: 'stripe.charges.create', client: 'Stripe', fresh: 'randomUUID()' },
        },
      ],
    },
    {
      // Date.now() inside a template
      code: `${STRIPE}async function refund(chargeId: string) {
  await stripe.refunds.create({ charge: chargeId }, { idempotencyKey: \`refund-\${chargeId}-\${Date.now()}\` });
}`,
      errors: [
        {
          messageId: 'freshKey',
          line: 4,
          column: 71,
          data: { label: 'stripe.refunds.create', client: 'Stripe', fresh: 'Date.now()' },
        },
      ],
    },
    {
      // a key in a variable made from Math.random()
      code: `${STRIPE}async function f(amount: number) {
  const key = Math.random().toString(36).slice(2);
  await stripe.transfers.create({ amount, currency: 'eur', destination: 'acct_1' }, { idempotencyKey: key });
}`,
      errors: [
        {
          messageId: 'freshKey',
          line: 5,
          column: 103,
          data: { label: 'stripe.transfers.create', client: 'Stripe', fresh: 'Math.random()' },
        },
      ],
    },
    {
      // update with an id: options would be the third argument
      code: `${STRIPE}async function f(subscriptionId: string, price: string) {
  await stripe.subscriptions.update(subscriptionId, { items: [{ price }] });
}`,
      errors: [{ messageId: 'missingKey', line: 4, column: 9, data: { label: 'stripe.subscriptions.update', client: 'Stripe', key: 'idempotencyKey' } }],
    },
    {
      // confirm and capture in a webhook handler (Stripe redelivers webhooks)
      code: `${STRIPE}export async function handle(intentId: string) {
  await stripe.paymentIntents.confirm(intentId);
  await stripe.paymentIntents.capture(intentId);
}`,
      errors: [
        { messageId: 'missingKey', line: 4, column: 9, data: { label: 'stripe.paymentIntents.confirm', client: 'Stripe', key: 'idempotencyKey' } },
        { messageId: 'missingKey', line: 5, column: 9, data: { label: 'stripe.paymentIntents.capture', client: 'Stripe', key: 'idempotencyKey' } },
      ],
    },
    {
      // an injected client typed as Stripe
      code: `import Stripe from 'stripe';
export class Billing {
  constructor(private readonly stripe: Stripe) {}
  async invoice(customer: string) {
    return this.stripe.invoices.create({ customer, auto_advance: true });
  }
}`,
      errors: [{ messageId: 'missingKey', line: 5, column: 12, data: { label: 'this.stripe.invoices.create', client: 'Stripe', key: 'idempotencyKey' } }],
    },
    {
      // Checkout Sessions created per click
      code: `const Stripe = require('stripe');
const stripe = Stripe(process.env.STRIPE_SECRET_KEY);
async function checkout(cart: Cart) {
  return stripe.checkout.sessions.create({ mode: 'payment', line_items: cart.items });
}`,
      errors: [{ messageId: 'missingKey', line: 4, column: 10, data: { label: 'stripe.checkout.sessions.create', client: 'Stripe', key: 'idempotencyKey' } }],
    },
    {
      // Square: the key is required in the body, and a fresh one defeats it
      code: `import { SquareClient } from 'square';
import { randomUUID } from 'crypto';
const square = new SquareClient({ token: process.env.SQUARE_TOKEN });
async function pay(nonce: string, cents: bigint) {
  await square.payments.create({ sourceId: nonce, idempotencyKey: randomUUID(), amountMoney: { amount: cents, currency: 'USD' } });
}`,
      errors: [{ messageId: 'freshKey', line: 5, column: 67, data: { label: 'square.payments.create', client: 'Square', fresh: 'randomUUID()' } }],
    },
    {
      code: `import { SquareClient } from 'square';
const square = new SquareClient({ token: process.env.SQUARE_TOKEN });
async function refund(paymentId: string, cents: bigint) {
  await square.refunds.refundPayment({ paymentId, amountMoney: { amount: cents, currency: 'USD' } });
}`,
      errors: [{ messageId: 'missingKey', line: 4, column: 9, data: { label: 'square.refunds.refundPayment', client: 'Square', key: 'idempotencyKey' } }],
    },
    {
      // a raw POST to the Stripe API without the header
      code: `async function refund(charge: string) {
  await fetch('https://api.stripe.com/v1/refunds', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.STRIPE_SECRET_KEY}\` },
    body: new URLSearchParams({ charge }),
  });
}`,
      errors: [{ messageId: 'missingHeader', line: 2, column: 9, data: { client: 'Stripe', key: 'Idempotency-Key' } }],
    },
    {
      // axios POST to PayPal without PayPal-Request-Id
      code: `import axios from 'axios';
async function capture(orderId: string, token: string) {
  await axios.post(\`https://api-m.paypal.com/v2/checkout/orders/\${orderId}/capture\`, {}, { headers: { Authorization: \`Bearer \${token}\` }, timeout: 10000 });
}`,
      errors: [{ messageId: 'missingHeader', line: 3, column: 9, data: { client: 'PayPal', key: 'PayPal-Request-Id' } }],
    },
  ],
});
