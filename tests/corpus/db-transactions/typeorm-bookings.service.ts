// @corpus-rules require-transaction, no-transaction-bypass
// Room bookings in a NestJS service on TypeORM.
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { Booking, BookingNight, Payment, Room } from './entities';

@Injectable()
export class BookingsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Booking) private readonly bookingRepository: Repository<Booking>,
    @InjectRepository(BookingNight) private readonly nightRepository: Repository<BookingNight>,
    @InjectRepository(Payment) private readonly paymentRepository: Repository<Payment>,
    @InjectRepository(Room) private readonly roomRepository: Repository<Room>,
  ) {}

  // @expect require-transaction
  async book(roomId: string, guestId: string, nights: string[]) {
    const booking = await this.bookingRepository.save({ roomId, guestId, status: 'confirmed' });
    await this.nightRepository.insert(nights.map((night) => ({ bookingId: booking.id, roomId, night })));
    return booking;
  }

  // @expect none
  async bookInTransaction(roomId: string, guestId: string, nights: string[]) {
    return this.dataSource.transaction(async (manager) => {
      const booking = await manager.save(Booking, { roomId, guestId, status: 'confirmed' });
      await manager.insert(BookingNight, nights.map((night) => ({ bookingId: booking.id, roomId, night })));
      return booking;
    });
  }

  // @expect no-transaction-bypass
  async cancel(bookingId: string) {
    await this.dataSource.transaction(async (manager) => {
      const booking = await manager.findOne(Booking, { where: { id: bookingId } });
      if (!booking) throw new NotFoundException();
      await manager.update(Booking, { id: bookingId }, { status: 'cancelled' });
      await this.nightRepository.delete({ bookingId });
    });
  }

  // @expect require-transaction
  async recordPayment(bookingId: string, amountCents: number, provider: string) {
    await this.paymentRepository.insert({ bookingId, amountCents, provider });
    await this.bookingRepository.update({ id: bookingId }, { status: 'paid', paidCents: amountCents });
  }

  // @expect none
  async rename(roomId: string, name: string) {
    const room = await this.roomRepository.findOneBy({ id: roomId });
    if (!room) throw new NotFoundException();
    await this.roomRepository.update({ id: roomId }, { name });
    return { ...room, name };
  }

  // @expect none
  async closeRoom(roomId: string, reason: string) {
    if (reason === 'maintenance') {
      await this.roomRepository.update({ id: roomId }, { available: false });
    } else {
      await this.roomRepository.softDelete({ id: roomId });
    }
  }
}
