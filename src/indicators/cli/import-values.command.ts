import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { render } from '../../common/i18n/text';
import { BatchRejectedError } from '../use-cases/batch-errors';
import { ImportValuesHandler } from '../use-cases/import-values.handler';
import type { RecordValuesResult, RowError } from '../use-cases/record-values.input';

export const IMPORT_USAGE = `Usage:
  import values --project AS --file vrednosti.xlsx [--dry-run] [--reason "…"]
  (the workbook is the template from GET /api/projects/AS/values/template?year=2021, filled in)
`;

export interface ImportArgs {
  project: string;
  file: string;
  dryRun: boolean;
  reason: string | null;
}

export function parseImportArgs(args: string[]): ImportArgs {
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (args[0] !== 'values') throw new Error('usage: import values --project CODE --file FILE.xlsx [--dry-run]');
  const project = get('project');
  const file = get('file');
  if (!project) throw new Error('--project is required, e.g. --project AS');
  if (!file) throw new Error('--file is required, e.g. --file vrednosti.xlsx');
  return { project, file, dryRun: args.includes('--dry-run'), reason: get('reason') ?? null };
}

/**
 * Imports a filled-in values workbook through the same handler as the API, as the system actor
 * (recorded as such in the audit trail). Prints what was (or would be) created, changed and left
 * alone, and every error by row and column; exits 1 when anything was refused.
 */
export async function importCommand(app: INestApplicationContext, args: ImportArgs): Promise<number> {
  const importer = app.get(ImportValuesHandler);
  let result: RecordValuesResult;
  try {
    result = await importer.execute({ projectCode: args.project, file: readFileSync(args.file), fileName: basename(args.file), dryRun: args.dryRun, reason: args.reason }, SYSTEM_ACTOR);
  } catch (error) {
    if (!(error instanceof BatchRejectedError)) throw error;
    printErrors(error.errors);
    process.stdout.write('Nič ni shranjeno.\n');
    return 1;
  }
  const { create, update, unchanged } = result.counts;
  const verb = result.applied ? 'Shranjeno' : 'Preverjeno (nič ni shranjeno)';
  process.stdout.write(`${verb}: novih ${create}, spremenjenih ${update}, enakih ${unchanged}\n`);
  printErrors(result.errors);
  return result.errors.length ? 1 : 0;
}

function printErrors(errors: RowError[]): void {
  for (const e of errors) process.stdout.write(`  ${e.row === null ? '' : `vrstica ${e.row}, `}${e.field}: ${render(e.message, 'sl')}\n`);
}
