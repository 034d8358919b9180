import { Logger } from '@nestjs/common';
import { userInfo } from 'node:os';
import { DataSource } from 'typeorm';
import { FundersRepository } from '../../funders/funders.repository';
import { AuditEntryRepository } from '../../audit/audit-entry.repository';
import { AuditService } from '../../audit/audit.service';
import { Actor } from '../../auth/actor';
import { DomainError } from '../../common/errors';
import { loadConfig } from '../../config/app-config';
import { dataSourceOptions } from '../../database/data-source-options';
import { Transactions } from '../../database/transactions';
import { OrganisationsRepository } from '../../organisations/organisations.repository';
import { ProjectsRepository } from '../../projects/projects.repository';
import { UserAssignmentsRepository } from '../user-assignments.repository';
import { UserView } from '../user-view';
import { UsersRepository } from '../users.repository';
import { UsersService } from '../users.service';
import { CreateUserArgs, parseCreateArgs, USAGE } from './user-args';

/**
 * `user create …` and `user list`, against the configured database (pending migrations run
 * first). Creating goes through UsersService, so the audit trail records it, by `cli:<os user>`.
 * Exit code 0 on success, 1 when the database refuses the change, 2 for bad arguments.
 */
export async function userCommand(args: string[], readStdin: () => Promise<string> = readAllStdin): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    process.stdout.write(USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'create' && sub !== 'list') return usageError(`Unknown command: user ${sub}`);
  if (sub === 'list' && rest.length > 0) return usageError(`Unexpected arguments: ${rest.join(' ')}`);
  let parsed: CreateUserArgs | null = null;
  if (sub === 'create') {
    try {
      parsed = await parseCreateArgs(rest, readStdin);
    } catch (error) {
      return usageError((error as Error).message);
    }
  }
  const dataSource = new DataSource(dataSourceOptions(loadConfig()));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    Logger.overrideLogger(['error', 'warn']);
    const projects = new ProjectsRepository(dataSource);
    const assignments = new UserAssignmentsRepository(dataSource, projects);
    const transactions = new Transactions(dataSource);
    const audit = new AuditService(new AuditEntryRepository(dataSource));
    const funders = new FundersRepository(dataSource);
    const service = new UsersService(new UsersRepository(dataSource), assignments, transactions, audit, funders, projects, new OrganisationsRepository(dataSource));
    if (!parsed) {
      printList(await service.list());
      return 0;
    }
    const ids = await projects.idsByCode(parsed.projectCodes);
    const unknown = parsed.projectCodes.filter((code) => !ids.has(code));
    if (unknown.length > 0) return usageError(`Unknown project code(s): ${unknown.join(', ')}`);
    if (ids.size > 0) parsed.dto.projectIds = [...ids.values()];
    const user = await service.create(parsed.dto, cliActor());
    process.stdout.write(`Created user ${user.username} (${user.role}), id ${user.id}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

function cliActor(): Actor {
  let osUser = 'unknown';
  try {
    osUser = userInfo().username;
  } catch {
    // No passwd entry (some containers): the audit entry still says it came from the CLI.
  }
  return { userId: null, username: `cli:${osUser}`.slice(0, 100), role: 'admin' };
}

function printList(users: UserView[]): void {
  const rows = users.map((u) => [
    u.username,
    u.role,
    u.active ? 'active' : 'inactive',
    u.displayName,
    u.projectIds.length > 0 ? `projects ${u.projectIds.join(',')}` : u.organisationIds.length > 0 ? `organisations ${u.organisationIds.join(',')}` : '',
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 0));
  for (const row of rows) process.stdout.write(`${row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd()}\n`);
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}`);
  return 2;
}

function readAllStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}
