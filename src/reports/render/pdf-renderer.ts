import PDFDocument from 'pdfkit';
import type { ReportModel, ReportSection } from '../model/report-model.types';
import { drawHeaderBlock, drawNarrative, drawSignature, drawTitle } from './pdf-blocks';
import { drawChart } from './pdf-chart';
import { FONT_REGULAR } from './pdf-fonts';
import { COLORS, MARGINS, PdfContext, SIZES, artifact, createContext, startSection, useFont } from './pdf-layout';
import { drawTable } from './pdf-table';

/**
 * The report as a tagged PDF 1.7 declaring PDF/A-2b: A4, DejaVu Sans embedded, header block,
 * sections in the template's order, "stran 2 od 5" on every page. The creation date comes from the
 * model, so the same model always gives the same bytes.
 */
function drawSection(ctx: PdfContext, section: ReportSection): void {
  const sect = startSection(ctx, section.title);
  switch (section.kind) {
    case 'chart':
      drawChart(ctx, sect, section);
      break;
    case 'narrative':
      drawNarrative(ctx, sect, section);
      break;
    case 'signature':
      drawSignature(ctx, sect, section);
      break;
    default:
      drawTable(ctx, sect, section.table);
  }
  sect.end();
}

/** Written once all pages exist, so the total is known; marked as pagination artifacts. */
function drawPageNumbers(ctx: PdfContext): void {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const label = ctx.model.pageLabel.replaceAll('{page}', String(i + 1)).replaceAll('{pages}', String(range.count));
    useFont(ctx, 'regular', SIZES.small, COLORS.muted);
    const x = (doc.page.width - doc.widthOfString(label)) / 2;
    // Without a width pdfkit writes a single line and never adds a page below the bottom margin.
    artifact(ctx, () => doc.text(label, x, doc.page.height - MARGINS.bottom + 22, { lineBreak: false }), 'Pagination');
  }
}

/** pdfkit copies these into the XMP packet unescaped: keep XML special characters out. */
function xmpSafe(text: string): string {
  return text.replace(/&/g, '+').replace(/[<>]/g, '');
}

export function renderPdf(model: ReportModel): Promise<Buffer> {
  const { metadata } = model;
  const doc = new PDFDocument({
    size: 'A4',
    layout: model.orientation,
    margins: MARGINS,
    font: FONT_REGULAR,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: metadata.lang,
    displayTitle: true,
    info: {
      Title: xmpSafe(metadata.title),
      Author: xmpSafe(metadata.author),
      Subject: xmpSafe(metadata.subject),
      Keywords: xmpSafe(metadata.keywords.join(', ')),
      // XMP names one tool for both; the Info dictionary must say the same for PDF/A.
      Creator: 'Kazalnik',
      Producer: 'Kazalnik',
      CreationDate: metadata.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const ctx = createContext(doc, model, root);
  drawTitle(ctx, model);
  drawHeaderBlock(ctx, model);
  model.sections.forEach((section) => drawSection(ctx, section));
  root.end();
  drawPageNumbers(ctx);
  doc.end();
  return done;
}
