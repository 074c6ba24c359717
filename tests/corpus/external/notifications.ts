// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// Account lifecycle emails, SMS and chat alerts for a SaaS on Drizzle (Postgres) and Mongoose (audit store).
import sgMail from '@sendgrid/mail';
import { WebClient } from '@slack/web-api';
import { and, eq, isNull } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import { Resend } from 'resend';
import twilio from 'twilio';

import { invites, users, verificationCodes } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const resend = new Resend(process.env.RESEND_API_KEY);
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);
const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });
sgMail.setApiKey(process.env.SENDGRID_API_KEY!);

const AuditEvent = mongoose.model('AuditEvent', new mongoose.Schema({ userId: String, action: String, at: Date }));

// @expect no-floating-effect, no-unguarded-dual-write
export async function signUp(email: string, passwordHash: string) {
  const [user] = await db.insert(users).values({ email, passwordHash }).returning();
  resend.emails.send({ from: 'Acme <hello@acme.dev>', to: email, subject: 'Welcome to Acme', html: '<p>Glad you are here.</p>' });
  return user;
}

// @expect none
export async function signUpAndQueueWelcome(email: string, passwordHash: string) {
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email, passwordHash }).returning();
    await tx.insert(emailOutbox).values({ userId: user.id, template: 'welcome' });
    return user;
  });
}

// @expect no-external-call-in-transaction
export async function inviteMember(teamId: string, email: string) {
  await db.transaction(async (tx) => {
    await tx.insert(invites).values({ teamId, email });
    await sgMail.send({ to: email, from: 'team@acme.dev', subject: 'You are invited', text: `Join team ${teamId}` });
  });
}

// @expect no-unguarded-dual-write
export async function sendVerificationCode(userId: string, phone: string) {
  const code = String(Math.floor(100000 + Math.random() * 900000));
  await sms.messages.create({ to: phone, from: process.env.TWILIO_FROM!, body: `Your code is ${code}` });
  await db.insert(verificationCodes).values({ userId, code, expiresAt: new Date(Date.now() + 10 * 60_000) });
}

// @expect none
export async function sendVerificationCodeSafely(userId: string, phone: string) {
  const code = String(Math.floor(100000 + Math.random() * 900000));
  await db.insert(verificationCodes).values({ userId, code, expiresAt: new Date(Date.now() + 10 * 60_000) });
  await sms.messages.create({ to: phone, from: process.env.TWILIO_FROM!, body: `Your code is ${code}` }).catch(async (err) => {
    await db.delete(verificationCodes).where(and(eq(verificationCodes.userId, userId), eq(verificationCodes.code, code)));
    throw err;
  });
}

// @expect none
export async function deactivateUser(userId: string) {
  await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
  await slack.chat.postMessage({ channel: '#accounts', text: `User ${userId} deactivated` });
}

// @expect none
export async function reportDailySignups(count: number) {
  await slack.chat.postMessage({ channel: '#growth', text: `${count} signups today` });
}

// @expect no-floating-effect
export function recordLogin(userId: string) {
  AuditEvent.create({ userId, action: 'login', at: new Date() });
}

// @expect none
export function recordLoginInBackground(userId: string) {
  AuditEvent.create({ userId, action: 'login', at: new Date() }).catch((err: unknown) => console.error('audit write failed', err));
}

// @expect no-floating-effect
export async function notifyAdmins(adminEmails: string[], subject: string) {
  adminEmails.forEach(async (to) => {
    await transporter.sendMail({ from: 'alerts@acme.dev', to, subject, text: subject });
  });
}

// @expect none
export async function notifyAdminsAll(adminEmails: string[], subject: string) {
  const results = await Promise.allSettled(adminEmails.map((to) => transporter.sendMail({ from: 'alerts@acme.dev', to, subject, text: subject })));
  return results.filter((r) => r.status === 'rejected').length;
}

// @expect no-unguarded-dual-write
export async function remindUnverified() {
  const pending = await db.select().from(users).where(isNull(users.verifiedAt));
  for (const user of pending) {
    await transporter.sendMail({ from: 'hello@acme.dev', to: user.email, subject: 'Verify your email', text: 'One click left.' });
    await db.update(users).set({ remindedAt: new Date() }).where(eq(users.id, user.id));
  }
}

// @expect none
export async function passwordResetEmail(email: string, token: string) {
  const { error } = await resend.emails.send({
    from: 'Acme <security@acme.dev>',
    to: email,
    subject: 'Reset your password',
    html: `<a href="${process.env.APP_URL}/reset/${token}">Reset</a>`,
  });
  if (error) throw new Error(error.message);
}

// @expect no-floating-effect
export async function logDeletion(userId: string) {
  const pending = AuditEvent.create({ userId, action: 'delete', at: new Date() });
  await db.delete(users).where(eq(users.id, userId));
  return { deleted: userId };
}

// @expect none
export async function deleteUserWithAudit(userId: string) {
  const audit = AuditEvent.create({ userId, action: 'delete', at: new Date() });
  await db.delete(users).where(eq(users.id, userId));
  await audit;
  return { deleted: userId };
}
