// A NestJS orders service on TypeORM: each use case runs in one transaction through its manager.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Order, OrderLine, OrderStatusChange } from './entities';

export interface NewLine {
  productId: string;
  quantity: number;
}

@Injectable()
export class OrdersService {
  constructor(private readonly dataSource: DataSource) {}

  async create(customerId: string, lines: NewLine[]): Promise<Order> {
    return this.dataSource.transaction(async (manager) => {
      const order = await manager.save(Order, { customerId, status: 'pending' });
      await manager.insert(OrderLine, lines.map((l) => ({ ...l, orderId: order.id })));
      return order;
    });
  }

  async ship(orderId: string, carrier: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Order, { id: orderId }, { status: 'shipped', carrier });
      await manager.insert(OrderStatusChange, { orderId, status: 'shipped' });
    });
  }
}
