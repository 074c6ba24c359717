// Sign-up and welcome credits in a NestJS service on TypeORM: the unique email and the database do the deciding.
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { Account } from './account.entity';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class SignupService {
  constructor(@InjectRepository(Account) private readonly accountRepository: Repository<Account>) {}

  async signup(email: string, displayName: string) {
    try {
      await this.accountRepository.insert({ email, displayName, credits: 0 });
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException('email already registered');
      }
      throw error;
    }
  }

  async grantCredits(accountId: string, credits: number) {
    await this.accountRepository.increment({ id: accountId }, 'credits', credits);
  }
}
