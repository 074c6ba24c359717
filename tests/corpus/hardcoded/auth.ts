// @corpus-rules no-hardcoded-secrets, no-hardcoded-config
/* eslint prodguard/no-hardcoded-secrets: ["error", { "ignoreFiles": [] }], prodguard/no-hardcoded-config: ["error", { "ignoreFiles": [] }] -- this folder models production code, so the test-folder exemption is off */
import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import type { Request, Response, NextFunction } from 'express';
import session from 'express-session';
import { SignJWT, jwtVerify } from 'jose';
import jwt from 'jsonwebtoken';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { z } from 'zod';

// @expect no-hardcoded-secrets
export function signAccessToken(userId: string) {
  return jwt.sign({ sub: userId }, 'super-secret-key-123', { expiresIn: '15m' });
}

// @expect none
export function signAccessTokenFromEnv(userId: string) {
  return jwt.sign({ sub: userId }, process.env.JWT_SECRET!, { expiresIn: '15m', algorithm: 'HS256' });
}

// @expect no-hardcoded-secrets
export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization ?? '';
  try {
    (req as Request & { user?: unknown }).user = jwt.verify(header.replace('Bearer ', ''), 'your-secret-key');
    next();
  } catch {
    res.status(401).json({ error: 'unauthorized' });
  }
}

// @expect none
export function requireAuthFromEnv(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.status(401).json({ error: 'unauthorized' });
  jwt.verify(token, process.env.JWT_SECRET!, (err) => (err ? res.status(401).end() : next()));
}

// @expect no-hardcoded-secrets
export async function issueMagicLinkToken(email: string) {
  return new SignJWT({ email })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode('magic-link-signing-key'));
}

// @expect none
export async function verifyMagicLinkToken(token: string) {
  const key = new TextEncoder().encode(process.env.MAGIC_LINK_SECRET);
  const { payload } = await jwtVerify(token, key);
  return payload.email as string;
}

// @expect no-hardcoded-secrets
export function sessionMiddleware() {
  return session({ secret: 'keyboard cat', resave: false, saveUninitialized: false, cookie: { secure: true } });
}

// @expect none
export function sessionMiddlewareFromEnv() {
  const secret = process.env.SESSION_SECRET;
  if (!secret) throw new Error('SESSION_SECRET is not set');
  return session({ secret, resave: false, saveUninitialized: false, name: 'sid', cookie: { secure: true } });
}

// @expect no-hardcoded-secrets
export function buildJwtModule() {
  return JwtModule.register({ secret: 'changeme', signOptions: { expiresIn: '60s' } });
}

// @expect none
export function buildJwtModuleFromEnv() {
  return JwtModule.registerAsync({
    useFactory: () => ({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '60s' } }),
  });
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  // @expect no-hardcoded-secrets
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'nest-jwt-secret-2024' });
  }

  // @expect none
  validate(payload: { sub: string; email: string }) {
    return { userId: payload.sub, email: payload.email };
  }
}

// @expect no-hardcoded-secrets
export function verifyWebhookSignature(body: string, signature: string) {
  const webhookSecret = 'whsec_8fJ2kL9mNq4RtV7wXy1Zb3Cd';
  const expected = createHmac('sha256', webhookSecret).update(body).digest('hex');
  return expected === signature;
}

// @expect none
export function verifyWebhookSignatureFromEnv(body: string, signature: string) {
  const expected = createHmac('sha256', process.env.WEBHOOK_SECRET ?? '').update(body).digest('hex');
  return expected === signature;
}

// @expect no-hardcoded-secrets
export function adminSeedUser() {
  return { email: 'ops@acme-shop.com', password: 'Adm1n!2024', role: 'admin' };
}

// @expect none
export function loginFormLabels() {
  return {
    email: 'Email address',
    password: 'Password',
    confirmPassword: 'Confirm password',
    passwordField: 'password',
    forgotPasswordUrl: '/auth/forgot',
  };
}

// @expect none
export function loginSchema() {
  return z.object({ email: z.string().email(), password: z.string().min(12) });
}

// @expect none
export function authHeaders(token: string) {
  return { Authorization: `Bearer ${token}`, tokenType: 'Bearer', 'X-Api-Key-Header': 'x-api-key' };
}

// @expect no-hardcoded-secrets
export function partnerHeaders() {
  return { 'x-api-key': 'a8f5f167f44f4964e6c998dee827110c', accept: 'application/json' };
}

// @expect no-hardcoded-config
export function partnerHeadersFromTutorial() {
  return { 'x-api-key': '<your-api-key>', accept: 'application/json' };
}

// @expect no-hardcoded-config
export function oauthClient() {
  return {
    clientId: process.env.GOOGLE_CLIENT_ID,
    clientSecret: process.env.GOOGLE_CLIENT_SECRET,
    callbackUrl: 'https://example.com/auth/google/callback',
  };
}

// @expect none
export function isLocalRequest(req: Request) {
  return ['localhost', '127.0.0.1', '::1'].includes(req.hostname) || req.hostname.endsWith('.localhost');
}
