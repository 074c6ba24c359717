/**
 * The catalog of external clients, as data: which packages give an SDK, email,
 * messaging or queue client, how a client is reached from the import
 * (`new Stripe(key)`, `twilio(sid, token)`, `nodemailer.createTransport(…)`),
 * and what each method does on the other side. HTTP clients (fetch, axios, got,
 * ky, superagent, undici, `node:http`) live in http.ts with their defaults.
 */

/** What a client talks to. Decides labels and which rules care (payments for idempotency keys, sends for duplicates). */
export type ExternalFamily = 'http' | 'payment' | 'email' | 'sms' | 'chat' | 'ai' | 'cloud' | 'crm' | 'queue';

/** A call on a client: what the other side does. `enqueue` is a durable hand-off to a queue. */
export type CallEffect = { kind: 'external'; mutating: boolean } | { kind: 'enqueue' };

/**
 * One way to reach a client from an import: the imported name (`default` also
 * matches a namespace or CommonJS import) and the steps taken off it, where
 * `new` is a construction, `()` a call and anything else a property read.
 */
export interface ClientEntry {
  imported: string;
  steps: readonly string[];
}

export interface SdkClient {
  /** Short client name used in messages: `stripe`, `resend`. */
  client: string;
  family: ExternalFamily;
  /** Module specifiers; a specifier ending in `*` matches by prefix (`@aws-sdk/client-*`). */
  packages: readonly string[];
  entries: readonly ClientEntry[];
  /** Type names (imported from one of `packages`) that mark a parameter or field as this client. */
  typeNames: readonly string[];
  /** Classifies the path called on the client (`['customers', 'create']`), or null for local helpers (`webhooks.constructEvent`). */
  call: (path: readonly string[]) => CallEffect | null;
}

const READ_VERB = /^(get|list|retrieve|search|fetch|find|read|lookup|describe|head|query|scan|info|history|replies|count|each|page|check|verify|validate|preview)/i;

/** Any method: reads by their verb, everything else changes state on the other side. */
function byVerb(path: readonly string[]): CallEffect | null {
  const method = path[path.length - 1];
  if (!method || method === '()' || method === 'new') return null;
  return { kind: 'external', mutating: !READ_VERB.test(method) };
}

function only(methods: readonly string[], effect: CallEffect): (path: readonly string[]) => CallEffect | null {
  return (path) => (methods.includes(path[path.length - 1] ?? '') ? effect : null);
}

const MUTATING: CallEffect = { kind: 'external', mutating: true };
const NON_MUTATING: CallEffect = { kind: 'external', mutating: false };
const ENQUEUE: CallEffect = { kind: 'enqueue' };

/** Stripe namespaces that run locally: signature checks, error classes, test helpers for fixtures. */
const STRIPE_LOCAL = new Set(['webhooks', 'errors', 'StripeResource', 'setApiVersion', 'setAppInfo', 'on', 'off', 'once', 'getConstant', 'getClientUserAgent', 'createFetchHttpClient', 'createNodeHttpClient', 'createSubtleCryptoProvider']);

/** Methods of the AI SDKs that produce an answer and change nothing the caller's database could disagree with. */
const aiCall = (path: readonly string[]): CallEffect | null => (path.length >= 2 ? NON_MUTATING : null);

export const SDK_CLIENTS: readonly SdkClient[] = [
  {
    client: 'stripe',
    family: 'payment',
    packages: ['stripe'],
    entries: [
      { imported: 'default', steps: ['new'] },
      { imported: 'default', steps: ['()'] },
      { imported: 'Stripe', steps: ['new'] },
      { imported: 'default', steps: ['Stripe', 'new'] },
    ],
    typeNames: ['Stripe', 'default'],
    call: (path) => (path.length < 2 || STRIPE_LOCAL.has(path[0]) ? null : byVerb(path)),
  },
  {
    client: 'square',
    family: 'payment',
    packages: ['square', 'squareup'],
    entries: [
      { imported: 'SquareClient', steps: ['new'] },
      { imported: 'Client', steps: ['new'] },
    ],
    typeNames: ['SquareClient', 'Client'],
    call: (path) => (path.length < 2 ? null : byVerb(path)),
  },
  {
    client: 'adyen',
    family: 'payment',
    packages: ['@adyen/api-library'],
    entries: [
      { imported: 'CheckoutAPI', steps: ['new'] },
      { imported: 'default', steps: ['CheckoutAPI', 'new'] },
    ],
    typeNames: ['CheckoutAPI'],
    call: (path) => (path.length < 2 ? null : byVerb(path)),
  },
  {
    client: 'checkout.com',
    family: 'payment',
    packages: ['checkout-sdk-node'],
    entries: [
      { imported: 'Checkout', steps: ['new'] },
      { imported: 'default', steps: ['new'] },
    ],
    typeNames: ['Checkout'],
    call: (path) => (path.length < 2 ? null : byVerb(path)),
  },
  {
    client: 'paypal',
    family: 'payment',
    packages: ['@paypal/paypal-server-sdk'],
    entries: [
      { imported: 'OrdersController', steps: ['new'] },
      { imported: 'PaymentsController', steps: ['new'] },
    ],
    typeNames: ['OrdersController', 'PaymentsController'],
    call: byVerb,
  },
  {
    client: 'resend',
    family: 'email',
    packages: ['resend'],
    entries: [{ imported: 'Resend', steps: ['new'] }],
    typeNames: ['Resend'],
    call: (path) => (path.length < 2 ? null : byVerb(path)),
  },
  {
    client: 'sendgrid',
    family: 'email',
    packages: ['@sendgrid/mail'],
    entries: [
      { imported: 'default', steps: [] },
      { imported: 'MailService', steps: ['new'] },
    ],
    typeNames: ['MailService'],
    call: only(['send', 'sendMultiple'], MUTATING),
  },
  {
    client: 'nodemailer',
    family: 'email',
    packages: ['nodemailer'],
    entries: [
      { imported: 'default', steps: ['createTransport', '()'] },
      { imported: 'createTransport', steps: ['()'] },
    ],
    typeNames: ['Transporter'],
    call: (path) => (path.length !== 1 ? null : path[0] === 'sendMail' ? MUTATING : path[0] === 'verify' ? NON_MUTATING : null),
  },
  {
    client: 'postmark',
    family: 'email',
    packages: ['postmark'],
    entries: [
      { imported: 'ServerClient', steps: ['new'] },
      { imported: 'default', steps: ['ServerClient', 'new'] },
    ],
    typeNames: ['ServerClient'],
    call: byVerb,
  },
  {
    client: 'mailgun',
    family: 'email',
    packages: ['mailgun.js'],
    entries: [{ imported: 'default', steps: ['new', 'client', '()'] }],
    typeNames: [],
    call: (path) => (path.length < 2 ? null : byVerb(path)),
  },
  {
    client: 'twilio',
    family: 'sms',
    packages: ['twilio'],
    entries: [
      { imported: 'default', steps: ['()'] },
      { imported: 'default', steps: ['new'] },
      { imported: 'default', steps: ['Twilio', 'new'] },
      { imported: 'Twilio', steps: ['new'] },
    ],
    typeNames: ['Twilio'],
    call: (path) => (path.length < 2 ? null : byVerb(path)),
  },
  {
    client: 'slack',
    family: 'chat',
    packages: ['@slack/web-api'],
    entries: [{ imported: 'WebClient', steps: ['new'] }],
    typeNames: ['WebClient'],
    call: (path) => (path.length < 2 ? null : byVerb(path)),
  },
  {
    client: 'slack',
    family: 'chat',
    packages: ['@slack/webhook'],
    entries: [{ imported: 'IncomingWebhook', steps: ['new'] }],
    typeNames: ['IncomingWebhook'],
    call: only(['send'], MUTATING),
  },
  {
    client: 'hubspot',
    family: 'crm',
    packages: ['@hubspot/api-client'],
    entries: [{ imported: 'Client', steps: ['new'] }],
    typeNames: ['Client'],
    call: (path) => (path.length < 2 ? null : byVerb(path)),
  },
  {
    client: 'octokit',
    family: 'crm',
    packages: ['@octokit/rest', 'octokit'],
    entries: [{ imported: 'Octokit', steps: ['new'] }],
    typeNames: ['Octokit'],
    call: (path) => (path.length < 2 ? null : byVerb(path)),
  },
  {
    client: 'openai',
    family: 'ai',
    packages: ['openai'],
    entries: [
      { imported: 'default', steps: ['new'] },
      { imported: 'OpenAI', steps: ['new'] },
    ],
    typeNames: ['OpenAI'],
    call: aiCall,
  },
  {
    client: 'anthropic',
    family: 'ai',
    packages: ['@anthropic-ai/sdk'],
    entries: [
      { imported: 'default', steps: ['new'] },
      { imported: 'Anthropic', steps: ['new'] },
    ],
    typeNames: ['Anthropic'],
    call: aiCall,
  },
  // Queues: a durable hand-off, the work survives this process failing.
  {
    client: 'bullmq',
    family: 'queue',
    packages: ['bullmq', 'bull', 'bee-queue'],
    entries: [
      { imported: 'Queue', steps: ['new'] },
      { imported: 'default', steps: ['new'] },
      { imported: 'default', steps: ['()'] },
    ],
    typeNames: ['Queue'],
    call: only(['add', 'addBulk', 'createJob'], ENQUEUE),
  },
  {
    client: 'inngest',
    family: 'queue',
    packages: ['inngest'],
    entries: [{ imported: 'Inngest', steps: ['new'] }],
    typeNames: ['Inngest'],
    call: only(['send'], ENQUEUE),
  },
  {
    client: 'trigger.dev',
    family: 'queue',
    packages: ['@trigger.dev/sdk'],
    entries: [
      { imported: 'tasks', steps: [] },
      { imported: 'task', steps: ['()'] },
      { imported: 'schemaTask', steps: ['()'] },
      { imported: 'schedules', steps: [] },
    ],
    typeNames: [],
    call: only(['trigger', 'batchTrigger', 'create'], ENQUEUE),
  },
  {
    client: 'pg-boss',
    family: 'queue',
    packages: ['pg-boss'],
    entries: [
      { imported: 'default', steps: ['new'] },
      { imported: 'PgBoss', steps: ['new'] },
    ],
    typeNames: ['PgBoss'],
    call: only(['send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'insert', 'publish'], ENQUEUE),
  },
  {
    client: 'pubsub',
    family: 'queue',
    packages: ['@google-cloud/pubsub'],
    entries: [{ imported: 'PubSub', steps: ['new', 'topic', '()'] }],
    typeNames: ['Topic'],
    call: only(['publish', 'publishMessage', 'publishJSON'], ENQUEUE),
  },
  {
    client: 'kafka',
    family: 'queue',
    packages: ['kafkajs'],
    entries: [{ imported: 'Kafka', steps: ['new', 'producer', '()'] }],
    typeNames: ['Producer'],
    call: only(['send', 'sendBatch'], ENQUEUE),
  },
  {
    client: 'amqp',
    family: 'queue',
    packages: ['amqplib'],
    entries: [
      { imported: 'default', steps: ['connect', '()', 'createChannel', '()'] },
      { imported: 'default', steps: ['connect', '()', 'createConfirmChannel', '()'] },
      { imported: 'connect', steps: ['()', 'createChannel', '()'] },
      { imported: 'connect', steps: ['()', 'createConfirmChannel', '()'] },
    ],
    typeNames: ['Channel', 'ConfirmChannel'],
    call: only(['sendToQueue', 'publish'], ENQUEUE),
  },
  {
    client: 'qstash',
    family: 'queue',
    packages: ['@upstash/qstash'],
    entries: [{ imported: 'Client', steps: ['new'] }],
    typeNames: [],
    call: (path) => (['publish', 'publishJSON', 'enqueue', 'enqueueJSON', 'batch', 'batchJSON'].includes(path[path.length - 1] ?? '') ? ENQUEUE : null),
  },
  {
    client: 'graphile-worker',
    family: 'queue',
    packages: ['graphile-worker'],
    entries: [{ imported: 'makeWorkerUtils', steps: ['()'] }],
    typeNames: ['WorkerUtils'],
    call: only(['addJob', 'addJobs'], ENQUEUE),
  },
];

/** Functions imported from a package that are themselves the call: `quickAddJob(...)`. */
export const SDK_FUNCTIONS: ReadonlyArray<{ packages: readonly string[]; imported: string; client: string; family: ExternalFamily; effect: CallEffect }> = [
  { packages: ['graphile-worker'], imported: 'quickAddJob', client: 'graphile-worker', family: 'queue', effect: ENQUEUE },
  { packages: ['@vercel/functions'], imported: 'invalidateByTag', client: 'vercel', family: 'cloud', effect: MUTATING },
];

/**
 * AWS SDK v3: `client.send(new SendEmailCommand(…))`. The command decides the
 * effect: SQS sends are queue hand-offs, reads are reads, the rest mutate.
 * DynamoDB is a database and left to the data-layer analysis.
 */
export const AWS_PACKAGE_PREFIX = '@aws-sdk/client-';
export const AWS_EXCLUDED_PACKAGES: ReadonlySet<string> = new Set(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/client-rds-data']);
export const AWS_ENQUEUE_COMMANDS: ReadonlySet<string> = new Set(['SendMessageCommand', 'SendMessageBatchCommand']);
export const AWS_ENQUEUE_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'sendMessageBatch']);
const AWS_READ_COMMAND = /^(Get|List|Describe|Head|Query|Scan|BatchGet|Select|Lookup|Search|Receive)/;

export function awsCommandEffect(command: string): CallEffect {
  if (AWS_ENQUEUE_COMMANDS.has(command)) return ENQUEUE;
  return { kind: 'external', mutating: !AWS_READ_COMMAND.test(command) };
}

export function awsMethodEffect(method: string): CallEffect {
  if (AWS_ENQUEUE_METHODS.has(method)) return ENQUEUE;
  return { kind: 'external', mutating: !READ_VERB.test(method) };
}

/** Family of an AWS client package, for labels and idempotency. */
export function awsFamily(pkg: string): ExternalFamily {
  if (pkg.endsWith('-sqs')) return 'queue';
  if (pkg.endsWith('-ses') || pkg.endsWith('-sesv2')) return 'email';
  if (pkg.endsWith('-sns')) return 'sms';
  return 'cloud';
}

// ---------------------------------------------------------------------------
// Idempotency keys

/**
 * Payment SDK calls that accept an idempotency key, and where it goes:
 * `options` = a request-options argument after the params (`{ idempotencyKey }`),
 * `body` = a field of the first argument, `argument` = the key itself as an argument.
 */
export interface IdempotentMethod {
  client: string;
  /** Matches the method path called on the client. */
  test: (path: readonly string[]) => boolean;
  where: 'options' | 'body' | 'argument';
  /** Property (options/body) holding the key. */
  key: string;
  /** For `argument`: the key's position. */
  index?: number;
}

const STRIPE_KEYED = /^(create\w*|update|confirm|capture|pay|finalizeInvoice|sendInvoice|voidInvoice|markUncollectible|incrementAuthorization|attach|apply\w*|reverse|approve|verifyMicrodeposits|resume)$/;
const SQUARE_KEYED = /^(create\w*|complete\w*|refund\w*|pay\w*|batchUpsert\w*|upsert\w*)$/;

export const IDEMPOTENT_METHODS: readonly IdempotentMethod[] = [
  { client: 'stripe', test: (p) => p.length >= 2 && STRIPE_KEYED.test(p[p.length - 1]), where: 'options', key: 'idempotencyKey' },
  { client: 'square', test: (p) => p.length >= 2 && SQUARE_KEYED.test(p[p.length - 1]), where: 'body', key: 'idempotencyKey' },
  {
    client: 'adyen',
    test: (p) => p.length >= 2 && /^(payments|sessions|paymentLinks|refundCapturedPayment|captureAuthorisedPayment|cancelAuthorisedPaymentByPspReference|refundOrCancelPayment|updateAuthorisedAmount)$/.test(p[p.length - 1]),
    where: 'options',
    key: 'idempotencyKey',
  },
  { client: 'checkout.com', test: (p) => p.length === 2 && p[0] === 'payments' && p[1] === 'request', where: 'argument', key: 'idempotencyKey', index: 1 },
  {
    client: 'checkout.com',
    test: (p) => p.length === 2 && p[0] === 'payments' && ['capture', 'refund', 'void'].includes(p[1]),
    where: 'argument',
    key: 'idempotencyKey',
    index: 2,
  },
  { client: 'paypal', test: (p) => p.length === 1 && /^(createOrder|captureOrder|authorizeOrder|refundCapturedPayment|captureAuthorizedPayment)$/.test(p[0]), where: 'body', key: 'paypalRequestId' },
];

/** Payment APIs called over plain HTTP, and the header that carries the key. */
export const IDEMPOTENT_HOSTS: ReadonlyArray<{ host: RegExp; client: string; header: string }> = [
  { host: /^https:\/\/api\.stripe\.com\//, client: 'stripe', header: 'Idempotency-Key' },
  { host: /^https:\/\/api(-m)?(\.sandbox)?\.paypal\.com\//, client: 'paypal', header: 'PayPal-Request-Id' },
  { host: /^https:\/\/(api|api\.sandbox)\.checkout\.com\//, client: 'checkout.com', header: 'Cko-Idempotency-Key' },
  { host: /^https:\/\/[\w.-]*adyen(payments)?\.com\//, client: 'adyen', header: 'Idempotency-Key' },
];

/** Calls that make a value new on every call: a key built from one is not a key. */
export const FRESH_VALUE_CALLS: ReadonlySet<string> = new Set([
  'randomUUID',
  'uuid',
  'uuidv4',
  'uuidv7',
  'v4',
  'v7',
  'v1',
  'nanoid',
  'cuid',
  'createId',
  'cuid2',
  'ulid',
  'ObjectId',
  'randomBytes',
  'random',
  'now',
  'generateId',
]);

// ---------------------------------------------------------------------------
// Names, as a last resort

/** Receivers named like an API client of the project: `externalApi`, `crmApi`, `billingGateway`, `api`. */
export const EXTERNAL_RECEIVER = /^(api|crm|\w*Api|\w*API|\w*Crm|\w*CRM|\w*Gateway|\w*ApiClient|\w*HttpClient|\w*RestClient|\w*Webhooks?(Client)?)$/;

/** Methods on such receivers that are not calls to the other side. */
export const LOCAL_METHODS: ReadonlySet<string> = new Set([
  'then',
  'catch',
  'finally',
  'toString',
  'toJSON',
  'valueOf',
  'on',
  'once',
  'off',
  'emit',
  'bind',
  'call',
  'apply',
  'use',
  'configure',
  'setToken',
  'setHeader',
  'setBaseUrl',
  'interceptors',
  'defaults',
  'getUri',
  'url',
  'withOptions',
  'withAuth',
]);

/** Functions named for a send or charge: `sendWelcomeEmail`, `notifySlack`, `chargeCustomer`. */
export const EXTERNAL_FUNCTION = [
  /^send\w*(Email|Mail|Sms|SMS|Text|Notification|Webhook|Receipt|Invoice|Invite|Invitation|Reminder|Alert|Push)s?$/,
  /^(notify|post|ping|push)(Slack|Discord|Teams|Crm|CRM|Hubspot|HubSpot|Salesforce|Webhook|Pagerduty|PagerDuty)\w*$/,
  /^(charge|refund)(Card|Customer|Payment|User|Account|Order|Subscription)\w*$/,
  /^(sendEmail|sendMail|sendSms|sendSMS)$/,
];

/** Verbs that change state on the other side, for the project's own clients. */
export const MUTATING_VERB = /^(create|update|upsert|delete|remove|destroy|send|notify|charge|post|put|patch|sync|push|publish|dispatch|refund|cancel|capture|submit|trigger|register|invite|subscribe|unsubscribe|add|set|save|archive|assign|enroll|provision|deprovision|transfer|pay|issue|revoke|upload|confirm|approve|reject|close|open|mark|record|track|emit|enqueue)/i;

/** Methods of a project's queue client (`settings.prodguard.clients: { jobs: 'queue' }`) that hand work off. */
export const ENQUEUE_METHODS = /^(add|addBulk|send|sendMessage|publish|enqueue|push|trigger|dispatch|schedule|now|batchTrigger|produce)$/;
