import ExcelJS from 'exceljs';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { clientFor } from '../support/http';
import { isA4, missingWords, overlappingWords, printWorkbooks, PrintedDocument, readPrinted } from '../support/office-print';

/**
 * The demo reports' workbooks (every project, its own form and the general one, in Slovene and
 * English) printed by LibreOffice: every page A4, every text cell's words whole on the page (labels
 * and values, none cut by its cell), no number shown as ###, no text over other text, and no text
 * shrunk below a readable size by fit-to-width. Needs LibreOffice and poppler (`.ci/run` installs
 * them); `npm run test:office`.
 */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Smallest word height (points) a printed page may have: about a 6-point font. */
const READABLE = 6;

interface Printed {
  name: string;
  workbook: ExcelJS.Workbook;
  doc: PrintedDocument;
}

function textsOf(workbook: ExcelJS.Workbook): { sheet: string; text: string }[] {
  const texts: { sheet: string; text: string }[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // A merged range holds its text in its first cell only.
        if (typeof cell.value === 'string' && (!cell.isMerged || cell.master === cell)) texts.push({ sheet: sheet.name, text: cell.value });
      }),
    );
  }
  return texts;
}

describe('demo workbooks printed by LibreOffice', () => {
  let t: TestApp;
  const printed: Printed[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await clientFor(t.app, 'admin');
    const projects = (await admin.get('/api/projects').expect(200)).body as { code: string }[];
    const files: { name: string; body: Buffer }[] = [];
    for (const { code } of projects) {
      for (const template of ['', 'splosno-dvojezicno']) {
        for (const lang of ['sl', 'en']) {
          const res = await admin
            .get(`/api/projects/${code}/reports/annual?year=2020&format=xlsx&lang=${lang}&date=2021-01-15${template ? `&template=${template}` : ''}`)
            .buffer(true)
            .parse(binary)
            .expect(200);
          files.push({ name: `${code}-${template || 'lastni'}-${lang}.xlsx`, body: res.body as Buffer });
        }
      }
    }
    const pdfs = printWorkbooks(files);
    for (const file of files) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as unknown as ExcelJS.Buffer);
      printed.push({ name: file.name, workbook, doc: readPrinted(pdfs.get(file.name)!) });
    }
  }, 600_000);
  afterAll(() => t?.close());

  it('prints every demo workbook, every sheet on A4 pages', () => {
    expect(printed.length).toBeGreaterThanOrEqual(30);
    for (const p of printed) {
      expect({ file: p.name, pages: p.doc.pages.length > 0 }).toEqual({ file: p.name, pages: true });
      expect({ file: p.name, notA4: p.doc.pages.filter((page) => !isA4(page)) }).toEqual({ file: p.name, notA4: [] });
      // The sheet name is in every page's header: each sheet was printed.
      for (const sheet of p.workbook.worksheets) expect({ file: p.name, sheet: sheet.name, missing: missingWords(p.doc, sheet.name) }).toEqual({ file: p.name, sheet: sheet.name, missing: [] });
    }
  });

  it('holds every label and text value whole, and no number as ###', () => {
    const problems = printed.flatMap((p) => [
      ...textsOf(p.workbook)
        .map(({ sheet, text }) => ({ sheet, text, missing: missingWords(p.doc, text) }))
        .filter((x) => x.missing.length > 0)
        .map((x) => `${p.name} / ${x.sheet}: ${x.missing.join(' ')} (of "${x.text.slice(0, 60)}")`),
      ...p.doc.words.filter((w) => /^#{2,}$/.test(w.text)).map((w) => `${p.name} page ${w.page}: ${w.text}`),
    ]);
    expect(problems).toEqual([]);
  });

  it('puts no text over other text, at a readable size', () => {
    const problems = printed.flatMap((p) => [
      ...overlappingWords(p.doc).map(([a, b]) => `${p.name} page ${a.page}: "${a.text}" over "${b.text}"`),
      ...p.doc.words.filter((w) => w.y1 - w.y0 < READABLE).map((w) => `${p.name} page ${w.page}: "${w.text}" ${(w.y1 - w.y0).toFixed(1)} pt high`),
    ]);
    expect(problems.slice(0, 40)).toEqual([]);
  });
});
