import PDFDocument from 'pdfkit';
import { buildReportModel } from '../../src/reports/model/build-report-model';
import { reportInputFactory } from '../../src/reports/model/report-input.factory';
import type { ReportModel } from '../../src/reports/model/report-model.types';
import { FONT_REGULAR } from '../../src/reports/render/pdf-fonts';
import { renderPdf } from '../../src/reports/render/pdf-renderer';
import { loadTemplate } from '../../src/reports/templates/template-loader';

/**
 * One project's PDF through renderPdf (tables, chart, tagging, PDF/A, page numbers) against bare
 * pdfkit writing the same lines of text one after another with the same embedded font.
 */
export interface PdfResult {
  runs: number;
  oursMedianMs: number;
  bareMedianMs: number;
  ratio: number;
  oursBytes: number;
  bareBytes: number;
}

/** Every string the report prints, in order. */
export function reportLines(model: ReportModel): string[] {
  const lines = [model.title, model.subtitle, ...model.header.flatMap((h) => [h.label, h.value])];
  for (const section of model.sections) {
    lines.push(section.title);
    if (section.kind === 'narrative') lines.push(...section.blocks.flatMap((b) => [b.heading ?? '', ...b.paragraphs]));
    else if (section.kind === 'signature') lines.push(...section.fields.flatMap((f) => [f.label, f.value]));
    else {
      const table = section.table;
      lines.push(...table.columns.map((c) => c.label));
      for (const group of table.groups) lines.push(group.title ?? '', ...group.rows.flat().map((c) => c.text), group.note ?? '');
    }
  }
  return lines.filter((line) => line !== '');
}

function barePdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', font: FONT_REGULAR });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  doc.fontSize(9);
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}

async function timed(run: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  const started = process.hrtime.bigint();
  const buffer = await run();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: buffer.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function runPdfBenchmark(runs = 30, warmup = 3): Promise<PdfResult> {
  const model = buildReportModel(reportInputFactory(), loadTemplate('ess-kazalniki'), 'sl');
  const lines = reportLines(model);
  const ours: number[] = [];
  const bare: number[] = [];
  let bytes = { ours: 0, bare: 0 };
  for (let i = 0; i < warmup + runs; i++) {
    // Alternate, so drift in the machine's speed hits both alike.
    const a = await timed(() => renderPdf(model));
    const b = await timed(() => barePdf(lines));
    if (i < warmup) continue;
    ours.push(a.ms);
    bare.push(b.ms);
    bytes = { ours: a.bytes, bare: b.bytes };
  }
  const oursMedianMs = Math.round(median(ours) * 10) / 10;
  const bareMedianMs = Math.round(median(bare) * 10) / 10;
  return {
    runs,
    oursMedianMs,
    bareMedianMs,
    ratio: Math.round((oursMedianMs / bareMedianMs) * 100) / 100,
    oursBytes: bytes.ours,
    bareBytes: bytes.bare,
  };
}
