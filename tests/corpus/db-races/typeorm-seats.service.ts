// @corpus-rules no-lost-update, no-check-then-create
// Event seating and ticketing services of a NestJS app on TypeORM.
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { Event } from './entities/event.entity';
import { Ticket } from './entities/ticket.entity';
import { Waitlist } from './entities/waitlist.entity';

@Injectable()
export class SeatingService {
  constructor(
    @InjectRepository(Event) private readonly eventRepository: Repository<Event>,
    @InjectRepository(Ticket) private readonly ticketRepository: Repository<Ticket>,
    @InjectRepository(Waitlist) private readonly waitlistRepository: Repository<Waitlist>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  // @expect no-lost-update
  async holdSeats(eventId: string, count: number) {
    const event = await this.eventRepository.findOneBy({ id: eventId });
    if (!event) throw new NotFoundException();
    if (event.seatsLeft < count) throw new ConflictException('not enough seats');
    event.seatsLeft -= count;
    await this.eventRepository.save(event);
    return event.seatsLeft;
  }

  // @expect none
  async holdSeatsLocked(eventId: string, count: number) {
    return this.dataSource.transaction(async (manager) => {
      const event = await manager.findOne(Event, { where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
      if (!event) throw new NotFoundException();
      if (event.seatsLeft < count) throw new ConflictException('not enough seats');
      event.seatsLeft -= count;
      await manager.save(event);
      return event.seatsLeft;
    });
  }

  // @expect no-lost-update
  async renameEvent(eventId: string, title: string) {
    return this.dataSource.transaction(async (manager) => {
      const event = await manager.findOneByOrFail(Event, { id: eventId });
      event.title = title;
      event.revisions = event.revisions + 1;
      await manager.save(event);
      return event;
    });
  }

  // @expect none
  async releaseSeats(eventId: string, count: number) {
    const event = await this.eventRepository.findOneBy({ id: eventId });
    if (!event || event.cancelled) return;
    await this.eventRepository.increment({ id: eventId }, 'seatsLeft', count);
  }

  // @expect none
  async closeSales(eventId: string) {
    const event = await this.eventRepository.findOneByOrFail({ id: eventId });
    const result = await this.eventRepository
      .createQueryBuilder()
      .update(Event)
      .set({ status: 'closed', closedAt: new Date() })
      .where('id = :id', { id: eventId })
      .andWhere('status = :status', { status: event.status })
      .execute();
    if (result.affected === 0) throw new ConflictException('event changed, reload');
  }

  // @expect no-check-then-create
  async joinWaitlist(eventId: string, email: string) {
    const entry = await this.waitlistRepository.findOneBy({ eventId, email });
    if (entry) throw new ConflictException('already on the waitlist');
    await this.waitlistRepository.insert({ eventId, email, joinedAt: new Date() });
  }

  // @expect none
  async joinWaitlistOnce(eventId: string, email: string) {
    try {
      await this.waitlistRepository.insert({ eventId, email, joinedAt: new Date() });
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { code?: string }).code === '23505') {
        throw new ConflictException('already on the waitlist');
      }
      throw error;
    }
  }

  // @expect none
  async issueTicket(eventId: string, holderEmail: string) {
    const event = await this.eventRepository.findOneByOrFail({ id: eventId });
    if (event.status !== 'on_sale') throw new ConflictException('sales closed');
    await this.ticketRepository.insert({ eventId, holderEmail, price: event.price });
  }

  // @expect none
  async subscribeToUpdates(eventId: string, email: string) {
    await this.waitlistRepository.upsert({ eventId, email, notify: true }, ['eventId', 'email']);
  }

  // @expect no-check-then-create
  async createEvent(slug: string, title: string, seats: number) {
    const existing = await this.eventRepository.findOneBy({ slug });
    if (existing) throw new ConflictException(`event ${slug} already exists`);
    const event = this.eventRepository.create({ slug, title, seatsLeft: seats, status: 'draft' });
    return this.eventRepository.save(event);
  }
}
