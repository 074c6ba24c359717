// @corpus-rules require-input-validation, no-mass-assignment
// app/api/bookings/route.ts-style handlers of a Next.js app on Prisma and Stripe.
import { NextResponse, type NextRequest } from 'next/server';
import Stripe from 'stripe';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { auth } from '@/lib/auth';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

const BookingInput = z
  .object({ roomId: z.string(), checkIn: z.coerce.date(), checkOut: z.coerce.date(), guests: z.number().int().min(1) })
  .refine((b) => b.checkOut > b.checkIn, { path: ['checkOut'] });

// @expect require-input-validation, no-mass-assignment
export async function POST(request: Request) {
  const session = await auth();
  const body = await request.json();
  const booking = await prisma.booking.create({ data: { ...body, userId: session!.user.id } });
  return NextResponse.json(booking, { status: 201 });
}

// @expect none
export async function PUT(request: Request) {
  const parsed = BookingInput.safeParse(await request.json());
  if (!parsed.success) return NextResponse.json(parsed.error.flatten(), { status: 400 });
  const booking = await prisma.booking.create({ data: parsed.data });
  return NextResponse.json(booking);
}

// @expect require-input-validation
export async function PATCH(request: NextRequest) {
  const { checkIn, checkOut, id } = await request.json();
  const booking = await prisma.booking.update({
    where: { id },
    data: { checkIn: new Date(checkIn), checkOut: new Date(checkOut) },
  });
  return NextResponse.json(booking);
}

// @expect require-input-validation
export async function GET(request: NextRequest) {
  const priceId = request.nextUrl.searchParams.get('price');
  const checkout = await stripe.checkout.sessions.create({
    mode: 'subscription',
    line_items: [{ price: priceId!, quantity: 1 }],
    success_url: `${process.env.APP_URL}/billing/success`,
  });
  return NextResponse.redirect(checkout.url!);
}

// @expect none
export async function DELETE(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await prisma.booking.delete({ where: { id } });
  return new NextResponse(null, { status: 204 });
}

// @expect none
export async function HEAD(request: NextRequest) {
  // Reads only: the query string narrows a count.
  const roomId = new URL(request.url).searchParams.get('room') ?? undefined;
  const count = await prisma.booking.count({ where: { roomId } });
  return new NextResponse(null, { headers: { 'x-count': String(count) } });
}

// @expect require-input-validation
export async function OPTIONS(request: Request) {
  const url = new URL(request.url);
  const email = url.searchParams.get('email');
  await fetch('https://api.mailerlite.com/api/v2/subscribers', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
    signal: AbortSignal.timeout(5000),
  });
  return new NextResponse(null, { status: 204 });
}
