import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Funder } from './funder.entity';
import { FundersController, PublicCallsController } from './funders.controller';
import { FundersService } from './funders.service';
import { PublicCall } from './public-call.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Funder, PublicCall])],
  controllers: [FundersController, PublicCallsController],
  providers: [FundersService],
  exports: [FundersService],
})
export class FundersModule {}
