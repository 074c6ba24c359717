// Stock levels on Drizzle: the database computes the new stock, and the unique SKU decides what exists.
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { products } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function adjustStock(productId: number, delta: number) {
  await db.update(products).set({ stock: sql`${products.stock} + ${delta}` }).where(eq(products.id, productId));
}

export async function registerSku(sku: string, name: string) {
  await db.insert(products).values({ sku, name, stock: 0 }).onConflictDoNothing({ target: products.sku });
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku));
  return product.id;
}
