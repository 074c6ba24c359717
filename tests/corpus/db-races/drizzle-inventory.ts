// @corpus-rules no-lost-update, no-check-then-create
// Inventory and catalogue module of a shop on Drizzle (node-postgres), called from Hono routes.
import { and, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Hono } from 'hono';
import { categories, products, stockMovements, wishlists } from '../db/schema';

const db = drizzle(process.env.DATABASE_URL!);
export const app = new Hono();

// @expect no-lost-update
export async function adjustStock(productId: number, delta: number, reason: string) {
  const [product] = await db.select().from(products).where(eq(products.id, productId)).limit(1);
  if (!product) throw new Error(`product ${productId} not found`);
  const stock = Math.max(0, product.stock + delta);
  await db.update(products).set({ stock, updatedAt: new Date() }).where(eq(products.id, productId));
  await db.insert(stockMovements).values({ productId, delta, reason });
  return stock;
}

// @expect none
export async function adjustStockAtomically(productId: number, delta: number, reason: string) {
  const [product] = await db.select({ id: products.id, archived: products.archived }).from(products).where(eq(products.id, productId));
  if (!product || product.archived) throw new Error('product not available');
  await db
    .update(products)
    .set({ stock: sql`greatest(0, ${products.stock} + ${delta})`, updatedAt: new Date() })
    .where(eq(products.id, productId));
  await db.insert(stockMovements).values({ productId, delta, reason });
}

// @expect none
export async function reservePessimistically(productId: number, qty: number) {
  return db.transaction(async (tx) => {
    const [product] = await tx.select().from(products).where(eq(products.id, productId)).for('update');
    if (product.stock < qty) throw new Error('out of stock');
    await tx.update(products).set({ stock: product.stock - qty }).where(eq(products.id, productId));
    return product.stock - qty;
  });
}

// @expect none
export async function renameWithVersion(productId: number, name: string) {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  const updated = await db
    .update(products)
    .set({ name, version: product.version + 1 })
    .where(and(eq(products.id, productId), eq(products.version, product.version)))
    .returning({ id: products.id });
  if (updated.length === 0) throw new Error('product was edited concurrently');
}

// @expect no-check-then-create
export async function ensureCategory(slug: string, title: string) {
  const [existing] = await db.select().from(categories).where(eq(categories.slug, slug));
  if (existing) return existing;
  const [created] = await db.insert(categories).values({ slug, title }).returning();
  return created;
}

// @expect none
export async function ensureCategoryOnConflict(slug: string, title: string) {
  await db.insert(categories).values({ slug, title }).onConflictDoNothing({ target: categories.slug });
  const [category] = await db.select().from(categories).where(eq(categories.slug, slug));
  return category;
}

// @expect no-check-then-create
app.post('/wishlist/:productId', async (c) => {
  const userId = c.get('userId') as string;
  const productId = Number(c.req.param('productId'));
  const [already] = await db
    .select()
    .from(wishlists)
    .where(and(eq(wishlists.userId, userId), eq(wishlists.productId, productId)));
  if (!already) {
    await db.insert(wishlists).values({ userId, productId });
  }
  return c.json({ ok: true });
});

// @expect none
app.delete('/wishlist/:productId', async (c) => {
  const userId = c.get('userId') as string;
  const productId = Number(c.req.param('productId'));
  await db.delete(wishlists).where(and(eq(wishlists.userId, userId), eq(wishlists.productId, productId)));
  return c.json({ ok: true });
});
