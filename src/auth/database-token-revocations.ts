import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { selectRows } from '../database/plain-select';
import { nowIso } from '../database/columns';
import { RevokedToken } from './entities/revoked-token.entity';
import { TokenRevocations } from './token-revocations';

/** Revoked token ids in the `revoked_token` table, shared by every instance over one database. */
@Injectable()
export class DatabaseTokenRevocations implements TokenRevocations {
  constructor(private readonly dataSource: DataSource) {}

  async revoke(jti: string, expiresAt: number): Promise<void> {
    const repo = this.dataSource.getRepository(RevokedToken);
    // Expired rows are swept here, so the table holds at most one token lifetime of logouts.
    await repo.delete({ expiresAt: LessThan(nowIso()) });
    await repo.upsert({ jti, expiresAt: new Date(expiresAt * 1000).toISOString() }, ['jti']);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await selectRows(this.dataSource.manager, 'SELECT 1 AS "revoked" FROM "revoked_token" WHERE "jti" = ? LIMIT 1', [jti])).length > 0;
  }
}
