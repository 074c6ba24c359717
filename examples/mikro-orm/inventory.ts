// Library copies and reader registration on MikroORM.
import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
import { Reader } from './reader.entity';

export class LendingService {
  constructor(private readonly em: EntityManager) {}

  // Two loans load the same book; the second flush writes back the copy count it loaded, minus only its own loan.
  async lend(bookId: string) {
    const book = await this.em.findOneOrFail(Book, { id: bookId });
    if (book.available <= 0) throw new Error('no copies left');
    book.available -= 1;
    await this.em.flush();
  }

  // Two registrations with the same email both find nobody and both insert.
  async register(email: string, name: string) {
    const existing = await this.em.findOne(Reader, { email });
    if (existing) throw new Error('already registered');
    await this.em.insert(Reader, { email, name });
  }
}
