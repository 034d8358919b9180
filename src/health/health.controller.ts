import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';
import { isSqlite } from '../database/data-source-options';
import { REDIS } from '../redis/redis.module';

type Check = 'ok' | 'not configured' | string;

/**
 * Health for a load balancer: `live` says the process answers (restart it if not); `ready` says
 * it can serve (send it traffic only then): the database answers, Redis answers when configured,
 * and no migration is pending.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  /** 200 while the service can reach its database. */
  @Get()
  @Public()
  async check(): Promise<{ status: 'ok'; database: string }> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok', database: isSqlite(this.dataSource.options.type) ? 'sqlite' : this.dataSource.options.type };
  }

  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  async ready(): Promise<{ status: 'ok'; database: Check; redis: Check; migrations: Check }> {
    const [database, redis, migrations] = await Promise.all([
      attempt(() => this.dataSource.query('SELECT 1')),
      this.redis ? attempt(() => withTimeout(this.redis!.ping(), 2000)) : Promise.resolve<Check>('not configured'),
      attempt(async () => {
        if (await this.dataSource.showMigrations()) throw new Error('pending');
      }),
    ]);
    const body = { database, redis, migrations };
    if ([database, redis, migrations].some((c) => c !== 'ok' && c !== 'not configured')) {
      throw new ServiceUnavailableException({ status: 'unavailable', ...body });
    }
    return { status: 'ok', ...body };
  }
}

async function attempt(check: () => Promise<unknown>): Promise<Check> {
  try {
    await check();
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  const timeout = new Promise<T>((_, reject) => {
    setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref();
  });
  return Promise.race([promise, timeout]);
}
