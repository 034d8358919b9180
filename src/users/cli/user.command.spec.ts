import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { dataSourceOptions } from '../../database/data-source-options';
import { verifyPassword } from '../../auth/password-hasher';
import { fixtures } from '../../../test/support/access-fixture';
import { userCommand } from './user.command';

describe('user CLI', () => {
  let dir: string;
  let saved: NodeJS.ProcessEnv;
  let out: string;
  let err: string;

  /** The configured database, opened for a look before or after the command ran. */
  const withDatabase = async <T>(work: (ds: DataSource) => Promise<T>): Promise<T> => {
    const ds = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    try {
      await ds.runMigrations();
      return await work(ds);
    } finally {
      await ds.destroy();
    }
  };

  beforeEach(() => {
    saved = { ...process.env };
    dir = mkdtempSync(join(tmpdir(), 'kazalnik-user-cli-'));
    process.env.DATABASE_PATH = join(dir, 'cli.sqlite');
    delete process.env.DATABASE_URL;
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    Logger.overrideLogger(false);
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a user with a hashed password and assigned projects, recorded in the audit trail by the CLI', async () => {
    const projectId = await withDatabase(async (ds) => fixtures(ds).project('AS', await fixtures(ds).organisation('Društvo NOVUS')));
    const code = await userCommand(['create', '--username', 'Maja', '--password', 'dolgo-geslo-2026', '--role', 'project_manager', '--display-name', 'Maja Novak', '--projects', 'AS']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/^Created user maja \(project_manager\), id \d+\n$/);
    const [user, assigned, audit] = await withDatabase((ds) =>
      Promise.all([
        ds.query("SELECT * FROM app_user WHERE username = 'maja'"),
        ds.query('SELECT "projectId" FROM user_project'),
        ds.query("SELECT * FROM audit_entry WHERE \"entityType\" = 'user'"),
      ]),
    );
    await expect(verifyPassword('dolgo-geslo-2026', user[0].passwordHash)).resolves.toBe(true);
    expect(assigned).toEqual([{ projectId }]);
    expect(audit[0]).toMatchObject({ action: 'create', actorUsername: expect.stringMatching(/^cli:/), actorRole: 'admin' });
  });

  it('reads the password from standard input with --password-stdin', async () => {
    const code = await userCommand(['create', '--username', 'revizor', '--password-stdin', '--role', 'auditor'], async () => 'geslo-iz-stdin-2026\n');
    expect(code).toBe(0);
    const [user] = await withDatabase((ds) => ds.query("SELECT * FROM app_user WHERE username = 'revizor'"));
    await expect(verifyPassword('geslo-iz-stdin-2026', user.passwordHash)).resolves.toBe(true);
  });

  it('lists users without their password hashes', async () => {
    await userCommand(['create', '--username', 'koordinator', '--password', 'dolgo-geslo-2026', '--role', 'coordinator']);
    out = '';
    await expect(userCommand(['list'])).resolves.toBe(0);
    expect(out).toBe('koordinator  coordinator  active  koordinator\n');
  });

  it('answers 2 and the reason for an unknown role, before touching the database', async () => {
    await expect(userCommand(['create', '--username', 'x-user', '--password', 'dolgo-geslo-2026', '--role', 'boss'])).resolves.toBe(2);
    expect(err).toContain('role must be one of: admin, coordinator, project_manager, auditor');
  });

  it('answers 2 for an unknown project code', async () => {
    await expect(userCommand(['create', '--username', 'vodja', '--password', 'dolgo-geslo-2026', '--role', 'project_manager', '--projects', 'NI-TAKEGA'])).resolves.toBe(2);
    expect(err).toContain('Unknown project code(s): NI-TAKEGA');
  });

  it('answers 1 when the username is taken', async () => {
    await userCommand(['create', '--username', 'admin', '--password', 'dolgo-geslo-2026', '--role', 'admin']);
    await expect(userCommand(['create', '--username', 'admin', '--password', 'dolgo-geslo-2026', '--role', 'admin'])).resolves.toBe(1);
    expect(err).toContain('Username admin is already taken');
  });

  it('answers 2 with the usage for an unknown subcommand', async () => {
    await expect(userCommand(['delete'])).resolves.toBe(2);
    expect(err).toContain('Usage:');
  });
});
