// Orders on MikroORM: create both entities and flush once; the unit of work commits them together.
import { EntityManager } from '@mikro-orm/postgresql';

import { Order, OrderLine } from './entities';

export class OrderService {
  constructor(private readonly em: EntityManager) {}

  async place(customerId: string, sku: string, quantity: number) {
    const order = this.em.create(Order, { customerId, status: 'pending' });
    this.em.create(OrderLine, { order, sku, quantity });
    await this.em.flush();
    return order;
  }
}
