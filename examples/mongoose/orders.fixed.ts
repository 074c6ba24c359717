// Orders on Mongoose: every write of a use case carries the session of one transaction.
import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ customerId: String, total: Number, status: String }));
const Customer = mongoose.model('Customer', new mongoose.Schema({ orderIds: [String], lifetimeValue: Number }));
const AuditEvent = mongoose.model('AuditEvent', new mongoose.Schema({ type: String, orderId: String }));

export async function placeOrder(customerId: string, total: number) {
  const session = await mongoose.startSession();
  try {
    return await session.withTransaction(async () => {
      const [order] = await Order.create([{ customerId, total, status: 'placed' }], { session });
      await Customer.updateOne({ _id: customerId }, { $push: { orderIds: order._id }, $inc: { lifetimeValue: total } }, { session });
      return order;
    });
  } finally {
    await session.endSession();
  }
}

export async function cancelOrder(orderId: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Order.updateOne({ _id: orderId }, { $set: { status: 'cancelled' } }, { session });
      await AuditEvent.create([{ type: 'order.cancelled', orderId }], { session });
    });
  } finally {
    await session.endSession();
  }
}
