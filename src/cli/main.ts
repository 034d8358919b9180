import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { verifyAuditCommand } from '../audit/cli/verify-audit.command';
import { parseReportArgs, REPORT_USAGE, reportCommand } from '../reports/cli/report.command';
import { userCommand } from '../users/cli/user.command';
import { IMPORT_USAGE, importCommand, parseImportArgs } from '../indicators/cli/import-values.command';

const USAGE = `Kazalnik command line
  npm run cli -- report …        annual reports as PDF or Excel (report --help)
  npm run cli -- audit verify    check the audit trail's hash chain
  npm run cli -- user …          create and list users (user --help)
  npm run cli -- import values … import achieved values from a workbook (import --help)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'audit':
      if (args[0] !== 'verify') break;
      return verifyAuditCommand(args.slice(1));
    case 'user':
      return userCommand(args);
    case 'import': {
      if (args.includes('--help') || args.length === 0) {
        process.stdout.write(IMPORT_USAGE);
        return args.length === 0 ? 2 : 0;
      }
      const parsed = parseImportArgs(args);
      const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
      try {
        return await importCommand(app, parsed);
      } finally {
        await app.close();
      }
    }
    case 'report': {
      if (args.includes('--help')) {
        process.stdout.write(REPORT_USAGE);
        return 0;
      }
      const parsed = parseReportArgs(args);
      const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
      try {
        return await reportCommand(app, parsed);
      } finally {
        await app.close();
      }
    }
  }
  process.stdout.write(USAGE);
  return command === undefined || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    new Logger('cli').error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
