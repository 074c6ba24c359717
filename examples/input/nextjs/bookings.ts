// Next.js App Router: a route handler and a server action that trust what the browser sends.
import { NextResponse } from 'next/server';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function POST(request: Request) {
  const { roomId, checkIn, checkOut, guests } = await request.json();
  // `checkOut` before `checkIn`, `guests: -3`, a room id that is an object: all stored.
  const booking = await prisma.booking.create({
    data: { roomId, checkIn: new Date(checkIn), checkOut: new Date(checkOut), guests },
  });
  return NextResponse.json(booking, { status: 201 });
}

export async function updateGuestDetails(bookingId: string, formData: FormData) {
  'use server';
  await prisma.booking.update({ where: { id: bookingId }, data: Object.fromEntries(formData) });
}
