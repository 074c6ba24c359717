// Next.js App Router: the route handler and the server action parse their input first.
import { NextResponse } from 'next/server';
import { PrismaClient } from '@prisma/client';
import { z } from 'zod';

const prisma = new PrismaClient();

const BookingInput = z
  .object({
    roomId: z.string().uuid(),
    checkIn: z.coerce.date(),
    checkOut: z.coerce.date(),
    guests: z.number().int().min(1).max(12),
  })
  .refine((b) => b.checkOut > b.checkIn, { path: ['checkOut'], message: 'Check-out must be after check-in' });

const GuestDetails = z.object({ guestName: z.string().min(1), phone: z.string().min(6) });

export async function POST(request: Request) {
  const parsed = BookingInput.safeParse(await request.json());
  if (!parsed.success) return NextResponse.json(parsed.error.flatten(), { status: 400 });
  const booking = await prisma.booking.create({ data: parsed.data });
  return NextResponse.json(booking, { status: 201 });
}

export async function updateGuestDetails(bookingId: string, formData: FormData) {
  'use server';
  const details = GuestDetails.parse(Object.fromEntries(formData));
  await prisma.booking.update({ where: { id: bookingId }, data: details });
}
