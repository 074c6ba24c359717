// Sign-up on Drizzle: the welcome email goes through an outbox, the code is stored before the SMS.
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import twilio from 'twilio';

import { emailOutbox, users, verificationCodes } from '../lib/schema';

const db = drizzle(process.env.DATABASE_URL!);
const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export async function signUp(email: string, passwordHash: string) {
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email, passwordHash }).returning();
    await tx.insert(emailOutbox).values({ userId: user.id, template: 'welcome' });
    return user;
  });
}

export async function sendCode(userId: string, phone: string, code: string) {
  await db.insert(verificationCodes).values({ userId, code });
  try {
    await sms.messages.create({ to: phone, from: process.env.TWILIO_FROM!, body: `Your code is ${code}` });
  } catch (err) {
    await db.delete(verificationCodes).where(and(eq(verificationCodes.userId, userId), eq(verificationCodes.code, code)));
    throw err;
  }
}
