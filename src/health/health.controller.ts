import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 while the service can reach its database. */
  @Get()
  @Public()
  async check(): Promise<{ status: 'ok'; database: string }> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok', database: this.dataSource.options.type };
  }
}
