import { INestApplicationContext } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { ProjectsService } from '../../projects/projects.service';
import { periodForYear } from '../../indicators/summary/summary-builder';
import { ProjectsRepository } from '../../projects/projects.repository';
import { ReportFormat } from '../report-files';
import { ReportsService } from '../reports.service';

export const REPORT_USAGE = `Usage:
  report --project AS --year 2020 --format pdf|xlsx [--template ess-kazalniki] [--lang sl|en] --out as-2020.pdf
  report --all --year 2020 --format pdf|xlsx [--template …] [--lang …] --out reports/
`;

export interface ReportArgs {
  project?: string;
  all: boolean;
  year: number;
  format: ReportFormat;
  template?: string;
  lang?: 'sl' | 'en';
  out: string;
}

/** Parses the arguments; a mistake is answered with a message naming the option. */
export function parseReportArgs(args: string[]): ReportArgs {
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const year = Number(get('year'));
  const format = get('format');
  const lang = get('lang');
  const all = args.includes('--all');
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new Error('--year must be a year, e.g. --year 2020');
  if (format !== 'pdf' && format !== 'xlsx') throw new Error('--format must be pdf or xlsx');
  if (lang !== undefined && lang !== 'sl' && lang !== 'en') throw new Error('--lang must be sl or en');
  if (!all && !get('project')) throw new Error('give --project CODE or --all');
  if (!get('out')) throw new Error('--out is required (a file, or a folder with --all)');
  return { project: get('project'), all, year, format, template: get('template'), lang: lang as 'sl' | 'en' | undefined, out: get('out')! };
}

/** Writes one project's annual report, or every project's of the year into a folder with a progress bar. */
export async function reportCommand(app: INestApplicationContext, args: ReportArgs): Promise<number> {
  const reports = app.get(ReportsService);
  const request = { year: args.year, format: args.format, templateId: args.template, lang: args.lang };
  if (!args.all) {
    const file = await reports.generate({ ...request, code: args.project! }, SYSTEM_ACTOR);
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, file.body);
    process.stdout.write(`${args.out}  ${file.body.length} B  sha256 ${file.sha256}\n`);
    return 0;
  }
  const projects = await app.get(ProjectsService).list(SYSTEM_ACTOR);
  const periods = await app.get(ProjectsRepository).findFundingPeriods('all');
  const codes = projects.filter((p) => periodForYear(periods.filter((f) => f.projectId === p.id), args.year)).map((p) => p.code);
  mkdirSync(args.out, { recursive: true });
  const bar = new SingleBar({ format: 'Poročila {bar} {value}/{total} {project}', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 1000 });
  bar.start(codes.length, 0, { project: '' });
  for (const code of codes) {
    const file = await reports.generate({ ...request, code }, SYSTEM_ACTOR);
    writeFileSync(join(args.out, file.fileName), file.body);
    bar.increment(1, { project: code });
  }
  bar.stop();
  process.stdout.write(`${codes.length} reports for ${args.year} written to ${args.out}\n`);
  return 0;
}
