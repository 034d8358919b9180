import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { selectRows, selectTuples } from '../../database/plain-select';
import { SummaryReads } from './summary-reads';

export * from './summary-reads';

/**
 * The summaries' reads (SummaryReads) on the app's connection: hand-written SQL through
 * `selectRows` and `selectTuples`, with `?` placeholders on either engine.
 */
@Injectable()
export class SummaryRowsRepository extends SummaryReads {
  constructor(dataSource: DataSource) {
    super({
      postgres: dataSource.options.type === 'postgres',
      rows: <T>(sql: string, params: readonly unknown[]) => selectRows<T>(dataSource.manager, sql, params),
      tuples: (sql: string, params: readonly unknown[]) => selectTuples(dataSource.manager, sql, params),
    });
  }
}
