// Orders on MikroORM.
import { EntityManager } from '@mikro-orm/postgresql';

import { Order, OrderLine } from './entities';

export class OrderService {
  constructor(private readonly em: EntityManager) {}

  async place(customerId: string, sku: string, quantity: number) {
    const order = this.em.create(Order, { customerId, status: 'pending' });
    await this.em.persistAndFlush(order);
    // A second flush is a second transaction: the order above is already committed.
    await this.em.nativeInsert(OrderLine, { order: order.id, sku, quantity });
    return order;
  }
}
