import { INestApplicationContext } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SYSTEM_ACTOR } from '../../auth/actor';
import JSZip from 'jszip';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobsService } from '../../jobs/jobs.service';
import { ANNUAL_REPORTS_JOB } from '../annual-reports.job';
import { ReportFormat } from '../report-files';
import { ReportsService } from '../reports.service';
import { isIsoDate } from '../../projects/reporting-years';

export const REPORT_USAGE = `Usage:
  report --project AS --year 2020 --format pdf|xlsx [--template ess-kazalniki] [--lang sl|en] --out as-2020.pdf
  report --all --year 2020 --format pdf|xlsx [--template …] [--lang …] --out reports/
  [--date 2021-01-15]   report date (signature and document dates); today by default

Without --template each project gets its funder's own template; with --all and --template, only
the projects that template is a form for are written.
`;

export interface ReportArgs {
  project?: string;
  all: boolean;
  year: number;
  format: ReportFormat;
  template?: string;
  lang?: 'sl' | 'en';
  date?: string;
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
  const date = get('date');
  if (date !== undefined && !isIsoDate(date)) throw new Error('--date must be a calendar date, e.g. --date 2021-01-15');
  return { project: get('project'), all, year, format, template: get('template'), lang: lang as 'sl' | 'en' | undefined, date, out: get('out')! };
}

/** Writes one project's annual report, or every project's of the year into a folder with a progress bar. */
export async function reportCommand(app: INestApplicationContext, args: ReportArgs): Promise<number> {
  const reports = app.get(ReportsService);
  const request = { year: args.year, format: args.format, templateId: args.template, lang: args.lang, date: args.date };
  if (!args.all) {
    const file = await reports.generate({ ...request, code: args.project! }, SYSTEM_ACTOR);
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, file.body);
    process.stdout.write(`${args.out}  ${file.body.length} B  sha256 ${file.sha256}\n`);
    return 0;
  }
  return allReports(app, args);
}

/**
 * `--all` is a job like "Izvozi vse" on the reports page: submitted to the queue (run by the
 * workers with REDIS_URL, by this process without), followed with a progress bar, and its ZIP
 * unpacked into the folder.
 */
async function allReports(app: INestApplicationContext, args: ReportArgs): Promise<number> {
  const jobs = app.get(JobsService);
  // No template: each project's own (its funder's form).
  const input = { year: args.year, formats: [args.format], templates: args.template ? [args.template] : [], langs: args.lang ? [args.lang] : undefined, date: args.date };
  let job = await jobs.submit(ANNUAL_REPORTS_JOB, input, SYSTEM_ACTOR);
  const bar = new SingleBar({ format: 'Poročila {bar} {percentage} % {state}', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 1000 });
  bar.start(100, 0, { state: job.state });
  while (job.state === 'waiting' || job.state === 'active') {
    await sleep(250);
    job = await jobs.get(job.id, SYSTEM_ACTOR);
    bar.update(job.progress, { state: job.state });
  }
  bar.stop();
  if (job.state !== 'completed') {
    process.stderr.write(`Job ${job.id} ${job.state}: ${job.failedReason ?? ''}\n`);
    return 1;
  }
  const result = await jobs.result(job.id, SYSTEM_ACTOR);
  const chunks: Buffer[] = [];
  for await (const chunk of result.body) chunks.push(chunk);
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  mkdirSync(args.out, { recursive: true });
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  for (const name of names) {
    const target = join(args.out, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await zip.files[name].async('nodebuffer'));
  }
  process.stdout.write(`${names.length} reports for ${args.year} written to ${args.out}\n`);
  return 0;
}
