import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { FONT_REGULAR } from '../../src/reports/render/pdf-fonts';
import { alternate, figure, out, ratio, ROOT, startApp, startBare, timedGet } from '../support/processes';

/**
 * One project's annual report as a PDF, downloaded over HTTP from the app with the demo data (the
 * figures read, the model built, tables, chart, tagging, PDF/A), against a node:http server that
 * draws the same lines of text with bare pdfkit and the same embedded DejaVu font. The lines are
 * read back from our PDF, so both print exactly the same text.
 */
export async function runPdfBenchmark(project: string, year: number, runs: number): Promise<void> {
  out(`\n== One annual PDF over HTTP (${project} ${year}): ours vs bare pdfkit drawing the same lines`);
  const dir = mkdtempSync(join(tmpdir(), 'kazalnik-bench-pdf-'));
  const app = await startApp({ DATABASE_PATH: join(dir, 'demo.sqlite'), DEMO_DATA: 'true' });
  try {
    const token = await app.token();
    const path = `/api/projects/${project}/reports/annual?year=${year}&format=pdf`;
    const sample = await timedGet(app, path, token, true);
    const lines = await pdfLines(sample.body!);
    const linesFile = join(dir, 'lines.json');
    writeFileSync(linesFile, JSON.stringify(lines));
    const bare = await startBare(__filename, [linesFile]);
    try {
      const r = await alternate(runs, 3, () => timedGet(app, path, token), () => timedGet(bare, '/pdf'));
      out(`  ours ${r.ours.ms.toFixed(1)} ms (${r.ours.bytes} bytes), bare ${r.bare.ms.toFixed(1)} ms (${r.bare.bytes} bytes, ${lines.length} lines); median of ${runs}`);
      const x = ratio(r.ours.ms, r.bare.ms);
      figure({ what: 'one annual PDF over HTTP', ours: `${r.ours.ms.toFixed(1)} ms`, bare: `${r.bare.ms.toFixed(1)} ms`, ratio: x, goal: '≤ 1.3×', ok: x <= 1.3 });
    } finally {
      await bare.stop();
    }
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's lines of text, without empty ones. */
export async function pdfLines(pdf: Buffer): Promise<string[]> {
  return (await pdfText(pdf)).split(/[\n\f]/).map((l) => l.trim()).filter(Boolean);
}

/** The PDF's text, read back with pdfjs-dist (ESM only, so in a child process, as the tests do). */
function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'test', 'support', 'pdf-text-child.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string }).text) : fail(new Error(`pdf-text-child exited ${code}`))));
    child.stdin.end(pdf);
  });
}

/** Bare pdfkit: the lines in DejaVu, one after the other, as a PDF. */
export function barePdf(lines: string[]): Promise<Buffer> {
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

if (process.argv[2] === '--serve') {
  const lines = JSON.parse(readFileSync(process.argv[4], 'utf8')) as string[];
  createServer((req, res) => {
    if (req.url === '/ready') return void res.end('ok');
    void barePdf(lines).then((pdf) => {
      res.setHeader('Content-Type', 'application/pdf');
      res.end(pdf);
    });
  }).listen(Number(process.argv[3]), '127.0.0.1');
}
