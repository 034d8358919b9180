import { Global, Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AccessPolicy } from './access-policy';

/** The one access policy, available to every feature. */
@Global()
@Module({
  imports: [UsersModule],
  providers: [AccessPolicy],
  exports: [AccessPolicy],
})
export class AccessModule {}
