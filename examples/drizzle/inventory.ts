// Stock levels on Drizzle: adjusting stock and registering a SKU.
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { products } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

// Two adjustments read the same stock; the one that writes last wins and the other is gone.
export async function adjustStock(productId: number, delta: number) {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  await db.update(products).set({ stock: product.stock + delta }).where(eq(products.id, productId));
}

// Two imports of the same feed both find no SKU and both insert it.
export async function registerSku(sku: string, name: string) {
  const [existing] = await db.select().from(products).where(eq(products.sku, sku));
  if (existing) return existing.id;
  const [created] = await db.insert(products).values({ sku, name, stock: 0 }).returning({ id: products.id });
  return created.id;
}
