// Orders on Mongoose (replica set, so multi-document transactions are available).
import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ customerId: String, total: Number, status: String }));
const Customer = mongoose.model('Customer', new mongoose.Schema({ orderIds: [String], lifetimeValue: Number }));
const AuditEvent = mongoose.model('AuditEvent', new mongoose.Schema({ type: String, orderId: String }));

export async function placeOrder(customerId: string, total: number) {
  const order = await Order.create({ customerId, total, status: 'placed' });
  // If this fails the customer never lists the order, though it exists.
  await Customer.updateOne({ _id: customerId }, { $push: { orderIds: order._id }, $inc: { lifetimeValue: total } });
  return order;
}

export async function cancelOrder(orderId: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Order.updateOne({ _id: orderId }, { $set: { status: 'cancelled' } }, { session });
      // Without `{ session }` this write is outside the transaction.
      await AuditEvent.create({ type: 'order.cancelled', orderId });
    });
  } finally {
    await session.endSession();
  }
}
