// Warehouse stock and SKU registration on Mongoose.
import mongoose, { Schema } from 'mongoose';

const Item = mongoose.model('Item', new Schema({ sku: String, onHand: Number }));

// Two pickers load the same document; the second save() puts back the count it loaded, minus only its own pick.
export async function pick(itemId: string, qty: number) {
  const item = await Item.findById(itemId);
  if (!item || (item.onHand ?? 0) < qty) throw new Error('not enough stock');
  item.onHand = (item.onHand ?? 0) - qty;
  await item.save();
}

// Two imports both find no item for the SKU and both create it.
export async function registerSku(sku: string) {
  const existing = await Item.findOne({ sku });
  if (existing) return existing;
  return Item.create({ sku, onHand: 0 });
}
