// Sign-up and welcome credits in a NestJS service on TypeORM.
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Account } from './account.entity';

@Injectable()
export class SignupService {
  constructor(@InjectRepository(Account) private readonly accountRepository: Repository<Account>) {}

  // A double-submitted form both find no account and both insert one.
  async signup(email: string, displayName: string) {
    const existing = await this.accountRepository.findOneBy({ email });
    if (existing) throw new ConflictException('email already registered');
    await this.accountRepository.insert({ email, displayName, credits: 0 });
  }

  // Two grants load the same entity; the second save() writes its stale credits over the first.
  async grantCredits(accountId: string, credits: number) {
    const account = await this.accountRepository.findOneByOrFail({ id: accountId });
    account.credits += credits;
    await this.accountRepository.save(account);
  }
}
