import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/no-hardcoded-config.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

const LOCAL = 'a developer machine';

ruleTester.run<MessageId, Options>('no-hardcoded-config', rule as never, {
  valid: [
    // Read from configuration, failing loudly when missing.
    "const apiUrl = process.env.API_URL ?? fail('API_URL');",
    "const port = Number(process.env.PORT || 3000);",
    // Production endpoints of well-known services are the same everywhere.
    "const stripeApi = axios.create({ baseURL: 'https://api.stripe.com/v1', timeout: 10_000 });",
    "await fetch('https://hooks.slack.com/triggers', { method: 'POST', signal });",
    "const githubApiUrl = 'https://api.github.com';",
    // A production default behind an environment variable is configurable.
    "const apiUrl = process.env.API_URL ?? 'https://api.acme-shop.com';",
    // A third-party URL that is not in a base-URL binding.
    "const res = await fetch('https://api.weather.gov/points/39.7,-104.9', { signal });",
    // Bind addresses for a server are not services to call.
    "await app.listen({ host: '0.0.0.0', port: 3000 });",
    "server.listen(3000, 'localhost');",
    "const HOST = process.env.HOST || '0.0.0.0';",
    // Comparisons and membership tests.
    "if (req.hostname === 'localhost') next();",
    "const isLocal = ['localhost', '127.0.0.1'].includes(url.hostname);",
    "if (origin.startsWith('http://localhost:')) allow();",
    "if (id === '00000000-0000-0000-0000-000000000000') throw new NotFound();",
    "switch (env) { case 'http://localhost:3000': break; }",
    // Parsing a relative URL with a throwaway base.
    "const { pathname } = new URL(req.url!, 'http://localhost');",
    // Log lines.
    "app.listen(port, () => console.log(`Listening on http://localhost:${port}`));",
    "logger.info('http://localhost:3000');",
    // Branches that tell environments apart.
    "const apiUrl = process.env.NODE_ENV === 'production' ? 'https://api.acme.com' : 'http://localhost:3000';",
    "if (isDev) { client = createClient({ url: 'redis://localhost:6379' }); }",
    "const urls = { development: { api: 'http://localhost:4000' }, production: { api: process.env.API_URL } };",
    // A server list that labels its development entry.
    "const servers = [{ url: 'http://localhost:3000', description: 'Local development server' }, { url: 'https://api.acme.com' }];",
    // Descriptive text.
    "const schema = { email: { type: 'string', example: 'user@example.com' } };",
    "const field = { name: 'email', placeholder: 'you@example.com' };",
    // `TODO` as a task state and `xxxx` as a mask.
    "const task = { title, status: 'TODO' };",
    "const masked = 'xxxx' + card.last4;",
    // A container or cluster service name used directly works in production too.
    "const redis = createClient({ url: 'redis://cache:6379' });",
    // Third-party endpoints under a generic name.
    "const providers = { openrouter: { endpoint: 'https://openrouter.ai/api/v1/chat/completions' }, acme: { endpoint: 'https://llm.acme-ai.com/v1' } };",
    // The nil UUID as a named sentinel, or passed along.
    "export const EMPTY_ID = '00000000-0000-0000-0000-000000000000';",
    "exports.empty = new ValueUUID('00000000-0000-0000-0000-000000000000');",
    // CLI help placeholders.
    "const option = { rawName: '<name>', description: 'Project name' };",
    // A list of placeholders to test against.
    "const PLACEHOLDERS = new Set(['changeme', 'YOUR_API_KEY']);",
    "const PLACEHOLDER_WORDS = ['changeme', 'your-api-key', 'xxx'];",
    // Private network ranges as trusted-proxy CIDRs.
    "app.set('trust proxy', ['10.0.0.0/8', 'loopback']);",
    // Placeholders in secret positions belong to no-hardcoded-secrets.
    "const jwtSecret = process.env.JWT_SECRET || 'changeme';",
    "import jwt from 'jsonwebtoken'; jwt.sign(payload, 'your-secret-key');",
    // Module specifiers, keys and types.
    "import config from 'http://localhost:3000/config.js';",
    "type Env = 'http://localhost:3000' | 'https://api.acme.com';",
    "const hosts = { 'http://localhost:3000': 'local' };",
    // JSX: descriptive attributes.
    {
      code: 'const Field = () => <input type="email" placeholder="you@example.com" aria-label="Email" />;',
      filename: 'src/components/field.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    // Allowed hosts.
    {
      code: "const partnerApiUrl = 'https://partner-sandbox.payments.io/v2';",
      options: [{ allowHosts: ['*.payments.io'] }],
    },
    // Tests, stories, seeds, tool configs and scripts are skipped by default.
    { code: "const baseURL = 'http://localhost:3000';", filename: 'src/api/client.test.ts' },
    { code: "const baseURL = 'http://localhost:3000';", filename: 'e2e/checkout.ts' },
    { code: "const user = { email: 'admin@example.com' };", filename: 'prisma/seed.ts' },
    { code: "export default { server: { proxy: { '/api': 'http://localhost:4000' } } };", filename: 'vite.config.ts' },
    { code: "const apiKey = 'YOUR_API_KEY';", filename: 'src/components/Button.stories.tsx' },
    { code: "await fetch('http://localhost:3000/api/reindex');", filename: 'scripts/reindex.ts' },
  ],
  invalid: [
    {
      code: "const API_URL = process.env.API_URL || 'http://localhost:3000';",
      errors: [{ messageId: 'envFallback', data: { env: 'API_URL', value: 'http://localhost:3000', where: LOCAL }, line: 1, column: 40 }],
    },
    {
      code: "exports.DATABASE_URL = process.env.DATABASE_URL || global.DATABASE_URL || 'mongodb://localhost/app';",
      errors: [{ messageId: 'envFallback', data: { env: 'DATABASE_URL', value: 'mongodb://localhost/app', where: LOCAL }, line: 1, column: 75 }],
    },
    {
      code: "const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');",
      errors: [{ messageId: 'envFallback', data: { env: 'REDIS_URL', value: 'redis://localhost:6379', where: LOCAL }, line: 1, column: 50 }],
    },
    {
      code: "const pool = new Pool({ host: process.env.DB_HOST || 'localhost', port: 5432 });",
      errors: [{ messageId: 'envFallback', data: { env: 'DB_HOST', value: 'localhost', where: LOCAL }, line: 1, column: 54 }],
    },
    {
      code: "const api = axios.create({ baseURL: 'http://localhost:3000/api' });",
      errors: [{ messageId: 'environmentUrl', data: { value: 'http://localhost:3000/api', where: LOCAL }, line: 1, column: 37 }],
    },
    {
      code: "const res = await fetch(`http://localhost:${port}/graphql`, { method: 'POST', body });",
      errors: [{ messageId: 'environmentUrl', data: { value: 'http://localhost:${port}/graphql', where: LOCAL }, line: 1, column: 25 }],
    },
    {
      code: "const db = new Pool({ host: 'localhost', port: 5432, database: 'app' });",
      errors: [{ messageId: 'environmentUrl', data: { value: 'localhost', where: LOCAL }, line: 1, column: 29 }],
    },
    {
      code: "app.use(cors({ origin: ['https://shop.acme.com', 'http://localhost:5173'], credentials: true }));",
      errors: [{ messageId: 'corsOrigin', data: { value: 'http://localhost:5173' }, line: 1, column: 50 }],
    },
    {
      code: "const allowedOrigins = 'http://localhost:3000';",
      errors: [{ messageId: 'corsOrigin', data: { value: 'http://localhost:3000' }, line: 1, column: 24 }],
    },
    {
      code: "const pg = postgres('127.0.0.1:5432');",
      errors: [{ messageId: 'environmentUrl', data: { value: '127.0.0.1:5432', where: LOCAL }, line: 1, column: 21 }],
    },
    {
      code: "await mongoose.connect('mongodb://127.0.0.1:27017/shop');",
      errors: [{ messageId: 'environmentUrl', data: { value: 'mongodb://127.0.0.1:27017/shop', where: LOCAL }, line: 1, column: 24 }],
    },
    {
      code: "const conn = await amqp.connect(process.env.AMQP_URL ?? 'amqp://rabbitmq:5672');",
      errors: [{ messageId: 'envFallback', data: { env: 'AMQP_URL', value: 'amqp://rabbitmq:5672', where: 'a private network' }, line: 1, column: 57 }],
    },
    {
      // A database image's default credentials: a development value, reported here rather than as a secret.
      code: "const db = postgres('postgresql://postgres:postgres@db:5432/app');",
      errors: [{ messageId: 'placeholder', data: { value: 'postgresql://postgres:postgres@db:5432/app' }, line: 1, column: 21 }],
    },
    {
      code: "const conn = await amqp.connect('amqp://guest:guest@rabbitmq:5672');",
      errors: [{ messageId: 'placeholder', data: { value: 'amqp://guest:guest@rabbitmq:5672' }, line: 1, column: 33 }],
    },
    {
      code: "const res = await fetch('http://inventory-svc.internal:8080/reserve', { method: 'POST', body });",
      errors: [{ messageId: 'environmentUrl', data: { value: 'http://inventory-svc.internal:8080/reserve', where: 'a private network' }, line: 1, column: 25 }],
    },
    {
      code: "const inventory = 'http://10.0.1.5:8080/api';",
      errors: [{ messageId: 'environmentUrl', data: { value: 'http://10.0.1.5:8080/api', where: 'a private network' }, line: 1, column: 19 }],
    },
    {
      code: "const webhookUrl = 'https://3f9a-81-2-69-142.ngrok-free.app/webhooks/stripe';",
      errors: [
        {
          messageId: 'environmentUrl',
          data: { value: 'https://3f9a-81-2-69-142.ngrok-free.app/webhooks/stripe', where: 'a tunnel to a developer machine' },
          line: 1,
          column: 20,
        },
      ],
    },
    {
      code: "const orders = await fetch('https://api.staging.acme.com/v1/orders', { signal });",
      errors: [{ messageId: 'nonProductionHost', data: { host: 'api.staging.acme.com', word: 'staging' }, line: 1, column: 28 }],
    },
    {
      code: "const client = new GraphQLClient('https://api.example-internal.dev/graphql');",
      errors: [{ messageId: 'nonProductionHost', data: { host: 'api.example-internal.dev', word: 'internal' }, line: 1, column: 34 }],
    },
    {
      code: "const PAYPAL_API = 'https://api-m.sandbox.paypal.com';",
      errors: [{ messageId: 'nonProductionHost', data: { host: 'api-m.sandbox.paypal.com', word: 'sandbox' }, line: 1, column: 20 }],
    },
    {
      code: "export const apiClient = axios.create({ baseURL: 'https://api.acme.com/v2', timeout: 5000 });",
      errors: [{ messageId: 'hardcodedBaseUrl', data: { name: 'baseURL', value: 'https://api.acme.com/v2' }, line: 1, column: 50 }],
    },
    {
      code: "const API_BASE_URL = 'https://backend.acme.io';",
      errors: [{ messageId: 'hardcodedBaseUrl', data: { name: 'API_BASE_URL', value: 'https://backend.acme.io' }, line: 1, column: 22 }],
    },
    {
      code: "const stripe = new Stripe('YOUR_API_KEY');",
      errors: [{ messageId: 'placeholder', data: { value: 'YOUR_API_KEY' }, line: 1, column: 27 }],
    },
    {
      code: "const mailer = new Mailgun({ apiKey: 'your-api-key', domain: 'mg.acme.com' });",
      errors: [{ messageId: 'placeholder', data: { value: 'your-api-key' }, line: 1, column: 38 }],
    },
    {
      code: "const admin = { password: 'changeme' };",
      errors: [{ messageId: 'placeholder', data: { value: 'changeme' }, line: 1, column: 27 }],
    },
    {
      code: "headers.set('Authorization', '<token>');",
      errors: [{ messageId: 'placeholder', data: { value: '<token>' }, line: 1, column: 30 }],
    },
    {
      code: "await sendgrid.send({ to: user.email, from: 'noreply@example.com', subject, html });",
      errors: [{ messageId: 'placeholder', data: { value: 'noreply@example.com' }, line: 1, column: 45 }],
    },
    {
      code: "const order = await prisma.order.create({ data: { customerId: 'test-id', total } });",
      errors: [{ messageId: 'placeholder', data: { value: 'test-id' }, line: 1, column: 63 }],
    },
    {
      code: "const tenant = { tenantId: '00000000-0000-0000-0000-000000000000' };",
      errors: [{ messageId: 'placeholder', data: { value: '00000000-0000-0000-0000-000000000000' }, line: 1, column: 28 }],
    },
    {
      code: "const s3 = { bucket: 'TODO', region: 'REPLACE_ME' };",
      errors: [
        { messageId: 'placeholder', data: { value: 'TODO' }, line: 1, column: 22 },
        { messageId: 'placeholder', data: { value: 'REPLACE_ME' }, line: 1, column: 38 },
      ],
    },
    {
      code: "const PUSHER_KEY = 'xxx';",
      errors: [{ messageId: 'placeholder', data: { value: 'xxx' }, line: 1, column: 20 }],
    },
    {
      code: "const callbackUrl = 'https://example.com/oauth/callback';",
      errors: [{ messageId: 'placeholder', data: { value: 'https://example.com/oauth/callback' }, line: 1, column: 21 }],
    },
    {
      code: "const uri = 'mongodb+srv://<username>:<password>@cluster0.abcd.mongodb.net/app';",
      errors: [
        { messageId: 'placeholder', data: { value: 'mongodb+srv://<username>:<password>@cluster0.abcd.mongodb.n…' }, line: 1, column: 13 },
      ],
    },
    // JSX attributes that are values.
    {
      code: 'const Docs = () => <a href="http://localhost:3000/docs">API docs</a>;',
      filename: 'src/components/docs-link.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [{ messageId: 'environmentUrl', data: { value: 'http://localhost:3000/docs', where: LOCAL }, line: 1, column: 28 }],
    },
    // An allowed host elsewhere does not silence this one.
    {
      code: "const url = 'http://localhost:8080';",
      options: [{ allowHosts: ['api.partner.com'] }],
      errors: [{ messageId: 'environmentUrl', data: { value: 'http://localhost:8080', where: LOCAL }, line: 1, column: 13 }],
    },
    // Application config modules are production code.
    {
      code: "export default registerAs('database', () => ({ url: process.env.DATABASE_URL || 'postgres://localhost:5432/app' }));",
      filename: 'src/config/database.config.ts',
      errors: [
        {
          messageId: 'envFallback',
          data: { env: 'DATABASE_URL', value: 'postgres://localhost:5432/app', where: LOCAL },
          line: 1,
          column: 81,
        },
      ],
    },
    // A project that wants its scripts checked.
    {
      code: "await fetch('http://localhost:3000/api/reindex');",
      filename: 'scripts/reindex.ts',
      options: [{ ignoreFiles: ['**/*.test.ts'] }],
      errors: [{ messageId: 'environmentUrl', data: { value: 'http://localhost:3000/api/reindex', where: LOCAL }, line: 1, column: 13 }],
    },
  ],
});
