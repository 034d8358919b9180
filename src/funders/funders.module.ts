import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Funder } from './funder.entity';
import { FundersController, PublicCallsController } from './funders.controller';
import { FundersRepository } from './funders.repository';
import { FundersService } from './funders.service';
import { PublicCall } from './public-call.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Funder, PublicCall])],
  controllers: [FundersController, PublicCallsController],
  providers: [FundersService, FundersRepository],
  exports: [FundersRepository],
})
export class FundersModule {}
