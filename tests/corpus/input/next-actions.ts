// @corpus-rules require-input-validation, no-mass-assignment
'use server';
// Server actions of a listings dashboard (Next.js App Router, Drizzle).
import { revalidatePath } from 'next/cache';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { listings, profiles } from '@/db/schema';

const db = drizzle(process.env.DATABASE_URL!);

const ListingSchema = v.object({
  title: v.pipe(v.string(), v.minLength(3)),
  price: v.pipe(v.number(), v.minValue(0)),
});

type ListingForm = { title: string; price: number; featured?: boolean };

// @expect require-input-validation, no-mass-assignment
export async function createListing(formData: FormData) {
  const values = Object.fromEntries(formData);
  await db.insert(listings).values(values as unknown as ListingForm);
  revalidatePath('/listings');
}

// @expect none
export async function createListingChecked(formData: FormData) {
  const listing = v.parse(ListingSchema, {
    title: formData.get('title'),
    price: Number(formData.get('price')),
  });
  await db.insert(listings).values(listing);
  revalidatePath('/listings');
}

// @expect require-input-validation
export async function updateBio(formData: FormData) {
  const bio = formData.get('bio') as string;
  const userId = formData.get('userId') as string;
  await db.update(profiles).set({ bio }).where(eq(profiles.userId, userId));
}

// @expect require-input-validation, no-mass-assignment
export async function saveListing(id: string, listing: ListingForm) {
  await db.update(listings).set(listing).where(eq(listings.id, id));
  revalidatePath(`/listings/${id}`);
}

// @expect none
export async function archiveListing(id: string) {
  await db.update(listings).set({ archivedAt: new Date() }).where(eq(listings.id, id));
  revalidatePath('/listings');
}
