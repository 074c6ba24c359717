// Library copies and reader registration on MikroORM: a pessimistic lock for the count, an upsert for the reader.
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
import { Reader } from './reader.entity';

export class LendingService {
  constructor(private readonly em: EntityManager) {}

  async lend(bookId: string) {
    await this.em.transactional(async (em) => {
      const book = await em.findOneOrFail(Book, { id: bookId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (book.available <= 0) throw new Error('no copies left');
      book.available -= 1;
      await em.flush();
    });
  }

  async register(email: string, name: string) {
    return this.em.upsert(Reader, { email, name });
  }
}
