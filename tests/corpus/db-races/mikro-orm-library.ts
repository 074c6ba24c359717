// @corpus-rules no-lost-update, no-check-then-create
// Book loans of a library service on MikroORM (PostgreSQL driver).
import { EntityManager, LockMode, raw, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Book } from './entities/book.entity';
import { Loan } from './entities/loan.entity';
import { Reader } from './entities/reader.entity';

export class LoanService {
  constructor(private readonly em: EntityManager) {}

  // @expect no-lost-update
  async lend(bookId: string, readerId: string) {
    const book = await this.em.findOneOrFail(Book, { id: bookId });
    if (book.available <= 0) throw new Error('no copies left');
    book.available -= 1;
    await this.em.flush();
    return book.available;
  }

  // @expect none
  async lendLocked(bookId: string) {
    return this.em.transactional(async (em) => {
      const book = await em.findOneOrFail(Book, { id: bookId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (book.available <= 0) throw new Error('no copies left');
      book.available -= 1;
      await em.flush();
      return book.available;
    });
  }

  // @expect no-lost-update
  async returnBook(bookId: string) {
    return this.em.transactional(async (em) => {
      const book = await em.findOneOrFail(Book, { id: bookId });
      book.available = book.available + 1;
      await em.flush();
    });
  }

  // @expect none
  async returnBookAtomically(bookId: string) {
    const book = await this.em.findOneOrFail(Book, { id: bookId });
    if (book.retired) return;
    await this.em.nativeUpdate(Book, { id: bookId }, { available: raw('available + 1') });
  }

  // @expect no-check-then-create
  async register(email: string, name: string) {
    const existing = await this.em.findOne(Reader, { email });
    if (existing) throw new Error('already registered');
    await this.em.insert(Reader, { email, name });
  }

  // @expect none
  async registerOnce(email: string, name: string) {
    try {
      await this.em.insert(Reader, { email, name });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new Error('already registered');
      throw error;
    }
  }

  // @expect none
  async renewReaderCard(email: string) {
    return this.em.upsert(Reader, { email, cardRenewedAt: new Date() });
  }

  // @expect none
  async openLoan(bookId: string, readerId: string) {
    const reader = await this.em.findOneOrFail(Reader, { id: readerId });
    if (reader.blocked) throw new Error('reader blocked');
    await this.em.insert(Loan, { book: bookId, reader: readerId, dueAt: new Date(Date.now() + 14 * 86_400_000) });
  }
}
