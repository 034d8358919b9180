import { fork } from 'node:child_process';
import { runPdfBenchmark } from './pdf-bench';
import { PortfolioCase, PortfolioResult, runPortfolioCase } from './portfolio-bench';

/**
 * Report benchmarks: (a) a 100,000-row portfolio export, ours vs bare exceljs streaming, each in a
 * fresh child process so peak memory is measured alone; (b) one project's PDF, ours vs bare pdfkit.
 * Run after `npm run build`: `node dist/bench/reports/report-benchmarks.js [rows]`.
 */
const DEFAULT_ROWS = 100_000;

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function portfolioInChild(which: PortfolioCase, rows: number): Promise<PortfolioResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--portfolio-case', which, String(rows)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as PortfolioResult));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`${which} case exited with ${code}`)));
  });
}

function describePortfolio(r: PortfolioResult): string {
  return (
    `  ${r.case.padEnd(5)} ${r.rows} rows in ${r.ms} ms = ${r.rowsPerSecond} rows/s; ` +
    `RSS ${r.baselineRssMb} → peak ${r.peakRssMb} MB, heap peak ${r.peakHeapMb} MB; file ${(r.bytes / 1024 / 1024).toFixed(1)} MB`
  );
}

export async function runReportBenchmarks(rows = DEFAULT_ROWS): Promise<void> {
  out(`reports: portfolio export, ${rows} rows (writePortfolioXlsx vs bare exceljs WorkbookWriter)`);
  const ours = await portfolioInChild('ours', rows);
  out(describePortfolio(ours));
  const bare = await portfolioInChild('bare', rows);
  out(describePortfolio(bare));
  out(
    `  ratio ours/bare: time ${(ours.ms / bare.ms).toFixed(2)}×, ` +
      `peak RSS ${(ours.peakRssMb / bare.peakRssMb).toFixed(2)}×, peak heap ${(ours.peakHeapMb / bare.peakHeapMb).toFixed(2)}×`,
  );

  out('reports: one project PDF (renderPdf vs bare pdfkit writing the same lines)');
  const pdf = await runPdfBenchmark();
  out(
    `  renderPdf ${pdf.oursMedianMs} ms (${pdf.oursBytes} bytes), bare ${pdf.bareMedianMs} ms (${pdf.bareBytes} bytes); ` +
      `median of ${pdf.runs}; ratio ${pdf.ratio}×`,
  );
}

async function main(argv: string[]): Promise<void> {
  const caseAt = argv.indexOf('--portfolio-case');
  if (caseAt >= 0) {
    const result = await runPortfolioCase(argv[caseAt + 1] as PortfolioCase, Number(argv[caseAt + 2]));
    // Disconnect once sent, so the child's IPC channel does not keep it alive.
    process.send?.(result, () => process.disconnect());
    return;
  }
  await runReportBenchmarks(argv[0] ? Number(argv[0]) : DEFAULT_ROWS);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
