import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { dataSourceOptions } from '../../database/data-source-options';
import { AuditEntryRepository } from '../audit-entry.repository';
import { AuditService } from '../audit.service';

const USAGE = 'Usage: audit verify\n  Checks the audit trail hash chain of the configured database and prints the result as JSON.\n';

/**
 * `audit verify`: boots the configured database (running pending migrations), checks the whole
 * chain and prints `{ ok, entries[, firstBrokenEntry] }` as one JSON line on stdout.
 * Exit code 0 when the chain is intact, 1 when it is broken, 2 for unexpected arguments.
 * A database that cannot be opened throws, and the CLI's main reports it.
 */
export async function verifyAuditCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write(`Unexpected arguments: ${args.join(' ')}\n${USAGE}`);
    return 2;
  }
  const dataSource = new DataSource(dataSourceOptions(loadConfig()));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    // Nest's Logger writes to stdout; keep stdout to the one JSON line a script can parse.
    Logger.overrideLogger(['error']);
    const result = await new AuditService(new AuditEntryRepository(dataSource)).verify();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}
