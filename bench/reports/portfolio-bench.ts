import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PortfolioRow, writePortfolioXlsx } from '../../src/reports/render/portfolio-export';

/**
 * One portfolio-export case, meant to run alone in a child process so its peak memory is its own:
 * `ours` goes through writePortfolioXlsx, `bare` through exceljs' streaming writer directly (no
 * styles, no number formats, no labels). Both hand the event loop back every 500 rows, as a
 * streaming writer must for the zip to drain.
 */
export type PortfolioCase = 'ours' | 'bare';

export interface PortfolioResult {
  case: PortfolioCase;
  rows: number;
  ms: number;
  rowsPerSecond: number;
  bytes: number;
  baselineRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

const KINDS = ['output', 'result'] as const;
const STATUSES = ['met', 'on_track', 'at_risk', 'not_met'] as const;

export function* portfolioRows(count: number): Iterable<PortfolioRow> {
  for (let n = 0; n < count; n++) {
    const planned = 50 + (n % 50);
    const achieved = 40 + ((n * 7) % 70);
    yield {
      projectCode: `P${Math.floor(n / 20)}`,
      projectName: `Projekt številka ${Math.floor(n / 20)} – socialna aktivacija in čakalne vrste`,
      year: 2020 + (n % 4),
      indicatorCode: `K${n % 20}`,
      indicatorName: 'Število oseb iz ranljivih ciljnih skupin, vključenih v program.',
      kind: KINDS[n % 2],
      unit: 'število oseb',
      planned,
      achieved,
      achievementPercent: Math.round((achieved / planned) * 10_000) / 100,
      status: STATUSES[n % 4],
    };
  }
}

async function writeBare(rows: Iterable<PortfolioRow>, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = workbook.addWorksheet('Kazalniki');
  let count = 0;
  for (const r of rows) {
    sheet
      .addRow([r.projectCode, r.projectName, r.year, r.indicatorCode, r.indicatorName, r.kind, r.unit,
        r.planned, r.achieved, r.achievementPercent, r.status])
      .commit();
    if (++count % 500 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

const MB = 1024 * 1024;

export async function runPortfolioCase(which: PortfolioCase, count: number): Promise<PortfolioResult> {
  const file = path.join(os.tmpdir(), `kazalnik-bench-${which}-${process.pid}.xlsx`);
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 5);
  const started = process.hrtime.bigint();
  try {
    if (which === 'ours') await writePortfolioXlsx(portfolioRows(count), file);
    else await writeBare(portfolioRows(count), file);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    return {
      case: which,
      rows: count,
      ms: Math.round(ms),
      rowsPerSecond: Math.round(count / (ms / 1000)),
      bytes: fs.statSync(file).size,
      baselineRssMb: Math.round(baseline.rss / MB),
      peakRssMb: Math.round(peakRss / MB),
      peakHeapMb: Math.round(peakHeap / MB),
    };
  } finally {
    clearInterval(sampler);
    fs.rmSync(file, { force: true });
  }
}
