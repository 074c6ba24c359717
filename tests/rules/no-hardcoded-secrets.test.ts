import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import { VALUE_PATTERNS, findCredentialUrl, findToken, isPlaceholder, parseUrlish, wordsOf } from '../../src/analysis/secrets.js';
import rule, { type MessageId, type Options } from '../../src/rules/no-hardcoded-secrets.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

ruleTester.run<MessageId, Options>('no-hardcoded-secrets', rule as never, {
  valid: [
    // Read from the environment.
    "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);",
    "const key = process.env.OPENAI_API_KEY ?? '';",
    // A fallback that fails loudly instead of using a literal key.
    "const secret = process.env.JWT_SECRET ?? throwMissing('JWT_SECRET');",
    // Random-looking strings that are not credentials: commit permalinks, hashes, ids.
    "const source = 'https://github.com/acme/shop/blob/3f9a2c7e1b8d4f6a0c5e9b2d7f1a3c8e9b2d7f1a/src/orders.ts#L42';",
    "const ETAG = 'W/\"5e9b2d7f1a3c8e3f9a2c7e1b8d4f6a0c\"'; const requestId = 'req_8fJ2kL9mNq4RtV7wXy1Zb3Cd';",
    // Public ids and publishable keys.
    "const stripePublishableKey = 'pk_live_51Hb3kLmN0pQrStUvWxYz12abcdef';",
    "await stripe.checkout.sessions.create({ line_items: [{ price: 'price_1Ny2kLmN0pQrStUvWxYz12ab', quantity: 1 }] });",
    "const PRODUCT = 'prod_NWjs8kKbJWmuuc';",
    // Documentation placeholders inside provider prefixes.
    "const key = 'sk_test_XXXXXXXXXXXXXXXXXXXXXXXX';",
    "const aws = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };",
    "const hook = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';",
    "const pem = '-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----';",
    // Secret-named places that hold something else.
    "const passwordField = 'hunter2';",
    "const tokenType = 'Bearer';",
    "const secretName = 'prod/stripe/secret-key';",
    "const passwordResetUrl = 'https://app.acme.com/reset';",
    "const apiKeyHeader = 'x-api-key';",
    "const TOKEN_COOKIE = 'session_token';",
    "const headers = { Authorization: `Bearer ${token}` };",
    "const body = { grant_type: 'refresh_token', token: 'access_token' };",
    "const nextPageToken = 'eyJvZmZzZXQiOjUwfQ';",
    "const SECRET_ENV = 'STRIPE_SECRET_KEY';",
    "export const HEADER_CLIENT_SECRET = 'ClientSecret'; export const HEADER_INTERNAL_API_KEY = 'internalApiKey';",
    "export const REQUEST_HEADERS = { API_KEY: 'x-api-key', AUTHORIZATION: 'authorization' } as const;",
    // Seed data is made up: a token named like a secret is a demo value there.
    {
      filename: 'packages/db/src/seed.mts',
      code: "await db.insert(privateLocation).values({ id: 1, name: 'My Home', token: 'my-secret-key', workspaceId: 3 });",
    },
    // Message keys, storage keys and error codes, dotted or slashed.
    "const messages = { changePassword: 'label.change-password' }; export const AUTH_TOKEN = 'umami.auth';",
    "export const INVALID_ACCESS_TOKEN = 'auth/invalid_access_token' as const; export const INVALID_REFRESH_TOKEN = 'auth/invalid_refresh_token' as const;",
    // fetch's credentials mode.
    "const init: RequestInit = { credentials: 'same-origin' }; await fetch(url, { credentials: 'omit' });",
    // A PostHog project key is public: every page that sends events embeds it.
    "class Analytics { private POSTHOG_API_KEY = 'phc_4kT9bQ2mXz7LrV1cN8sW3pY6hJ0dF5gA2eKuT9bQ2mX'; }",
    // i18n labels and form state.
    "const labels = { password: 'Password', apiKey: 'API key', confirmPassword: 'Confirm password' };",
    "const de = { password: 'Passwort' };",
    "const ja = { password: 'パスワード' }; const es = { password: 'contraseña' };",
    "const [form, setForm] = useState({ email: '', password: '' });",
    "const fields = { password: 'password' };",
    // Field definitions in schemas.
    "import { z } from 'zod'; const Login = z.object({ password: z.string().min(8) });",
    // Placeholders belong to no-hardcoded-config.
    "const config = { apiKey: 'YOUR_API_KEY', secret: 'changeme', token: '<token>' };",
    // Credentials for a developer machine belong to no-hardcoded-config.
    "const url = 'postgres://postgres:postgres@localhost:5432/app';",
    "const url = 'mongodb+srv://<username>:<password>@cluster0.abcd.mongodb.net/app';",
    "const url = `postgres://${user}:${password}@${host}/app`;",
    "const url = 'postgresql://postgres:postgres@db:5432/app';",
    "const url = 'mysql://app:app@mysql:3306/app';",
    // Public demo keys.
    "const apiKey = process.env.ALPHAVANTAGE_KEY ? process.env.ALPHAVANTAGE_KEY : 'demo';",
    // Firebase web config is public by design.
    "const firebaseConfig = { apiKey: 'AIzaSyD8k2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8Mn', authDomain: 'acme.firebaseapp.com' };",
    // Browser Maps keys are public, restricted by referrer.
    {
      code: 'const Map = () => <Script src="https://maps.googleapis.com/maps/api/js?key=AIzaSyD8k2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8Mn&libraries=places" />;',
      filename: 'src/components/map.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    // jwt.sign with a key from the environment.
    "import jwt from 'jsonwebtoken'; jwt.sign(payload, process.env.JWT_SECRET!, { expiresIn: '1h' });",
    // `sign` from another library is not a JWT signing call.
    "import { sign } from 'cookie-signature'; sign(value, process.env.COOKIE_SECRET!); const s = sign('v', 'k');",
    // Non-secret fallbacks.
    "const region = process.env.AWS_REGION || 'eu-west-1';",
    // Test files are skipped by default.
    {
      code: "const stripe = new Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc');",
      filename: 'src/payments/stripe.test.ts',
    },
    {
      code: "const password = 'hunter2';",
      filename: 'tests/fixtures/users.ts',
    },
  ],
  invalid: [
    {
      code: "const stripe = new Stripe('sk_live_51Hb3kLmN0pQrStUvWxYz12abc');",
      errors: [{ messageId: 'providerToken', data: { label: 'a Stripe secret key' }, line: 1, column: 27 }],
    },
    {
      code: "const endpointSecret = 'whsec_8fJ2kL9mNq4RtV7wXy1Zb3Cd';",
      errors: [{ messageId: 'providerToken', data: { label: 'a Stripe webhook signing secret' }, line: 1, column: 24 }],
    },
    {
      code: "const s3 = new S3Client({ credentials: { accessKeyId: 'AKIA4QH7RZ2LMXK9TB3W', secretAccessKey: 'q8Wm2Lx9Tr4Vb7Nc1Zs6Kd3F/h5Jp0Gy2Ua8Ei4O' } });",
      errors: [
        { messageId: 'providerToken', data: { label: 'an AWS access key ID' }, line: 1, column: 55 },
        { messageId: 'providerToken', data: { label: 'an AWS secret access key' }, line: 1, column: 96 },
      ],
    },
    {
      code: "const octokit = new Octokit({ auth: 'ghp_4kT9bQ2mXz7LrV1cN8sW3pY6hJ0dF5gA2eKu' });",
      errors: [{ messageId: 'providerToken', data: { label: 'a GitHub token' }, line: 1, column: 37 }],
    },
    {
      code: "const headers = { 'PRIVATE-TOKEN': `glpat-x7Rk2NqL9vT4mB8wZc3D` };",
      errors: [{ messageId: 'providerToken', data: { label: 'a GitLab personal access token' }, line: 1, column: 36 }],
    },
    {
      code: "const slack = new WebClient('xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy');",
      errors: [{ messageId: 'providerToken', data: { label: 'a Slack token' }, line: 1, column: 29 }],
    },
    {
      code: "await fetch('https://hooks.slack.com/services/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', { method: 'POST' });",
      errors: [{ messageId: 'providerToken', data: { label: 'a Slack incoming-webhook URL' }, line: 1, column: 13 }],
    },
    {
      code: "const maps = `https://maps.googleapis.com/maps/api/geocode/json?key=AIzaSyD8k2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8Mn&address=${q}`;",
      errors: [{ messageId: 'providerToken', data: { label: 'a Google API key' }, line: 1, column: 14 }],
    },
    {
      code: "const openai = new OpenAI({ apiKey: 'sk-proj-Xk2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8Mn' });",
      errors: [{ messageId: 'providerToken', data: { label: 'an OpenAI API key' }, line: 1, column: 37 }],
    },
    {
      code: "const anthropic = new Anthropic({ apiKey: 'sk-ant-api03-Xk2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8MnPq' });",
      errors: [{ messageId: 'providerToken', data: { label: 'an Anthropic API key' }, line: 1, column: 43 }],
    },
    {
      code: "sgMail.setApiKey('SG.Xk2Lm9Qx4Rt7Vw1Zb3Cd6e.Fg0Hj5Kl8MnPqRsTuVwXy2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5K');",
      errors: [{ messageId: 'providerToken', data: { label: 'a SendGrid API key' }, line: 1, column: 18 }],
    },
    {
      code: "const client = twilio('AC3f9a2c7e1b8d4f6a0c5e9b2d7f1a3c8e', '3f9a2c7e1b8d4f6a0c5e9b2d7f1a3c8e');",
      errors: [{ messageId: 'providerToken', data: { label: 'a Twilio auth token' }, line: 1, column: 61 }],
    },
    {
      code: "const TWILIO_AUTH = '3f9a2c7e1b8d4f6a0c5e9b2d7f1a3c8e';",
      errors: [{ messageId: 'providerToken', data: { label: 'a Twilio auth token' }, line: 1, column: 21 }],
    },
    {
      code: "const TWILIO_API_KEY_SID = 'SK3f9a2c7e1b8d4f6a0c5e9b2d7f1a3c8e';",
      errors: [{ messageId: 'providerToken', data: { label: 'a Twilio API key SID' }, line: 1, column: 28 }],
    },
    {
      code: [
        'const signingKey = `-----BEGIN RSA PRIVATE KEY-----',
        'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB',
        'aNl0k0ahmP3tKDB9Nd4mCO5oqZg1d7Uz2Y6t6ZiZNqdZcp1xZWRsY2dXB7aLfRzM',
        '-----END RSA PRIVATE KEY-----`;',
      ].join('\n'),
      errors: [{ messageId: 'providerToken', data: { label: 'a private key' }, line: 1, column: 20 }],
    },
    {
      code: "const pool = new Pool({ connectionString: 'postgres://app:Zq8x2Lk9@db.prod.acme.com:5432/app' });",
      errors: [{ messageId: 'credentialUrl', data: { host: 'db.prod.acme.com' }, line: 1, column: 43 }],
    },
    {
      code: "await mongoose.connect('mongodb+srv://admin:Tr4Vb7Nc1Zs6@cluster0.abcd.mongodb.net/shop');",
      errors: [{ messageId: 'credentialUrl', data: { host: 'cluster0.abcd.mongodb.net' }, line: 1, column: 24 }],
    },
    {
      // A real password for a container host is still a real password.
      code: "const pool = new Pool({ connectionString: 'postgres://app:Zq8x2Lk9pW4t@db:5432/app' });",
      errors: [{ messageId: 'credentialUrl', data: { host: 'db' }, line: 1, column: 43 }],
    },
    {
      code: "const redis = new Redis('redis://:k9Lm2Qx4Rt@cache.acme.io:6379');",
      errors: [{ messageId: 'credentialUrl', data: { host: 'cache.acme.io' }, line: 1, column: 25 }],
    },
    {
      code: "const password = 'hunter2';",
      errors: [{ messageId: 'secretName', data: { name: 'password' }, line: 1, column: 18 }],
    },
    {
      code: "const transport = nodemailer.createTransport({ auth: { user: 'mailer', pass: 'm4ilP4ss!' } });",
      errors: [{ messageId: 'secretName', data: { name: 'pass' }, line: 1, column: 78 }],
    },
    {
      code: "class PaymentsClient { private clientSecret = 'c1i3nt-s3cr3t-9f8e'; }",
      errors: [{ messageId: 'secretName', data: { name: 'clientSecret' }, line: 1, column: 47 }],
    },
    {
      code: "class Vault { #masterKey = 'mK9x2Lq7Wz'; }",
      errors: [{ messageId: 'secretName', data: { name: 'masterKey' }, line: 1, column: 28 }],
    },
    {
      code: "config.jwtSecret = 'supersecret';",
      errors: [{ messageId: 'secretName', data: { name: 'jwtSecret' }, line: 1, column: 20 }],
    },
    {
      code: "const headers = { 'x-api-key': 'a8f5f167f44f4964e6c998dee827110c' };",
      errors: [{ messageId: 'secretName', data: { name: 'x-api-key' }, line: 1, column: 32 }],
    },
    {
      code: "app.use(session({ secret: 'keyboard cat', resave: false }));",
      errors: [{ messageId: 'secretName', data: { name: 'secret' }, line: 1, column: 27 }],
    },
    {
      // A provider's key is real in a seed file too.
      filename: 'prisma/seed/initial-seed.ts',
      code: "const stripe = new Stripe('sk_live_51Hb3kLmN0pQrStUvWxYz12abc');",
      errors: [{ messageId: 'providerToken', data: { label: 'a Stripe secret key' }, line: 1, column: 27 }],
    },
    {
      // A secret with slashes is still a secret when it mixes cases and digits.
      code: "const jwtSecret = 'q8Wm2Lx9/Tr4Vb7Nc1/Zs6Kd3F';",
      errors: [{ messageId: 'secretName', data: { name: 'jwtSecret' }, line: 1, column: 19 }],
    },
    {
      // A PostHog personal API key reads and changes the whole account.
      code: "const posthogApiKey = 'phx_4kT9bQ2mXz7LrV1cN8sW3pY6hJ0dF5gA2eKuT9bQ2mX';",
      errors: [{ messageId: 'secretName', data: { name: 'posthogApiKey' }, line: 1, column: 23 }],
    },
    {
      code: "function connect({ password = 'admin123' } = {}) {}",
      errors: [{ messageId: 'secretName', data: { name: 'password' }, line: 1, column: 31 }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; const token = jwt.sign({ sub: user.id }, 'super-secret', { expiresIn: '1h' });",
      errors: [{ messageId: 'signingKey', data: { call: 'jwt.sign()' }, line: 1, column: 74 }],
    },
    {
      code: "const { verify } = require('jsonwebtoken'); const claims = verify(token, 'your-secret-key');",
      errors: [{ messageId: 'signingKey', data: { call: 'jwt.verify()' }, line: 1, column: 74 }],
    },
    {
      code: "import { SignJWT } from 'jose'; const t = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('my-jwt-key'));",
      errors: [{ messageId: 'signingKey', data: { call: 'sign()' }, line: 1, column: 136 }],
    },
    {
      code: "super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'nest-jwt-secret' });",
      errors: [{ messageId: 'signingKey', data: { call: 'secretOrKey' }, line: 1, column: 80 }],
    },
    {
      code: "const secretKey = new TextEncoder().encode('changeme');",
      errors: [{ messageId: 'signingKey', data: { call: 'new TextEncoder().encode()' }, line: 1, column: 44 }],
    },
    {
      code: "JwtModule.register({ secret: 'changeme', signOptions: { expiresIn: '60s' } });",
      errors: [{ messageId: 'signingKey', data: { call: 'JwtModule.register()' }, line: 1, column: 30 }],
    },
    {
      code: "const secret = process.env.JWT_SECRET || 'secret';",
      errors: [{ messageId: 'envFallback', data: { env: 'JWT_SECRET' }, line: 1, column: 42 }],
    },
    {
      code: "const sessionSecret = process.env.SESSION_SECRET ?? 'dev-secret';",
      errors: [{ messageId: 'envFallback', data: { env: 'SESSION_SECRET' }, line: 1, column: 53 }],
    },
    {
      code: "const { JWT_SECRET = 'dev' } = process.env;",
      errors: [{ messageId: 'envFallback', data: { env: 'JWT_SECRET' }, line: 1, column: 22 }],
    },
    {
      code: "const apiKey = this.configService.get('MAILGUN_API_KEY', 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0');",
      errors: [{ messageId: 'envFallback', data: { env: 'MAILGUN_API_KEY' }, line: 1, column: 58 }],
    },
    // Test files are checked when the project asks for it.
    {
      code: "const stripe = new Stripe('sk_live_51Hb3kLmN0pQrStUvWxYz12abc');",
      filename: 'src/payments/stripe.test.ts',
      options: [{ ignoreFiles: [] }],
      errors: [{ messageId: 'providerToken', data: { label: 'a Stripe secret key' }, line: 1, column: 27 }],
    },
  ],
});

describe('value patterns run in linear time', () => {
  const N = 100_000;
  const fillers = ['a', 'A', '0', 'x', 'X', '-', '_', '.', ':', '/', '@', ' ', '=', '+', '*'];

  function adversarial(example: string): string[] {
    const half = example.slice(0, Math.ceil(example.length / 2));
    const nearMiss = example.slice(0, -1);
    const inputs = fillers.map((c) => c.repeat(N));
    inputs.push(example.repeat(Math.ceil(N / example.length)).slice(0, N));
    inputs.push(`${nearMiss} `.repeat(Math.ceil(N / example.length)).slice(0, N));
    inputs.push(half.repeat(Math.ceil(N / half.length)).slice(0, N));
    for (const c of ['a', 'A', '0', '/', ':', '-']) inputs.push(`${half}${c.repeat(N)}!`);
    inputs.push(`${'a'.repeat(N)}${example}`);
    inputs.push(`a://${':'.repeat(N)}`, `a://a:${'a'.repeat(N)}`, `https://${'a.'.repeat(N / 2)}`, `a@`.repeat(N / 2));
    return inputs;
  }

  it.each(VALUE_PATTERNS.map((p) => [p.id, p] as const))('%s matches its example and carries no stateful flags', (_id, p) => {
    expect(p.pattern.test(p.example)).toBe(true);
    expect(p.pattern.flags).not.toMatch(/[gy]/);
  });

  it.each(VALUE_PATTERNS.map((p) => [p.id, p] as const))('%s finishes within 200 ms on 100,000-character adversarial input', (_id, p) => {
    for (const input of adversarial(p.example)) {
      const start = performance.now();
      p.pattern.test(input);
      const elapsed = performance.now() - start;
      expect(elapsed, `${p.id} on ${JSON.stringify(input.slice(0, 40))}…`).toBeLessThan(200);
    }
  });

  it('the value classifiers finish within 200 ms on the same input', () => {
    for (const p of VALUE_PATTERNS) {
      for (const input of adversarial(p.example)) {
        const start = performance.now();
        findToken(input);
        findCredentialUrl(input);
        isPlaceholder(input);
        parseUrlish(input);
        wordsOf(input);
        expect(performance.now() - start).toBeLessThan(200);
      }
    }
  });
});
