// Warehouse stock and SKU registration on Mongoose: conditional $inc, and an upsert on a unique SKU.
import mongoose, { Schema } from 'mongoose';

const Item = mongoose.model('Item', new Schema({ sku: { type: String, unique: true }, onHand: Number }));

export async function pick(itemId: string, qty: number) {
  const item = await Item.findOneAndUpdate({ _id: itemId, onHand: { $gte: qty } }, { $inc: { onHand: -qty } }, { new: true });
  if (!item) throw new Error('not enough stock');
  return item.onHand;
}

export async function registerSku(sku: string) {
  return Item.findOneAndUpdate({ sku }, { $setOnInsert: { sku, onHand: 0 } }, { upsert: true, new: true });
}
