import PDFDocument from 'pdfkit';
import type { ReportModel, ReportSection } from '../model/report-model.types';
import { drawHeaderBlock, drawNarrative, drawSignature, drawTitle, signatureHeight } from './pdf-blocks';
import { drawResultAreas } from './pdf-areas';
import { drawChart } from './pdf-chart';
import { useSharedFonts } from './pdf-fonts';
import { COLORS, MARGINS, PdfContext, SIZES, artifact, createContext, startSection, useFont } from './pdf-layout';
import { drawTable, tableLead } from './pdf-table';

/**
 * The report as a tagged PDF 1.7 declaring PDF/A-2b: A4, DejaVu Sans embedded, header block,
 * sections in the template's order, "stran 2 od 5" on every page. The creation date comes from the
 * model, so the same model always gives the same bytes.
 */
/** `keepLastWith`: room the next section (the signature) needs beside this one's last lines. */
function drawSection(ctx: PdfContext, section: ReportSection, keepLastWith: number): void {
  if (section.kind === 'signature') {
    const sect = ctx.doc.struct('Sect');
    ctx.root.add(sect);
    drawSignature(ctx, sect, section);
    sect.end();
    return;
  }
  const below = section.kind === 'chart' || section.kind === 'narrative' || section.kind === 'resultAreas' ? 60 : Math.min(tableLead(ctx, section.table, keepLastWith), ctx.bottom - ctx.top - 40);
  const sect = startSection(ctx, section.title, below);
  switch (section.kind) {
    case 'chart':
      drawChart(ctx, sect, section, keepLastWith);
      break;
    case 'narrative':
      drawNarrative(ctx, sect, section, keepLastWith);
      break;
    case 'resultAreas':
      drawResultAreas(ctx, sect, section, keepLastWith);
      break;
    default:
      drawTable(ctx, sect, section.table, keepLastWith);
  }
  sect.end();
}

/** The signature block is never alone on a page: what comes before keeps its last lines with it. */
function keepWithNext(sections: ReportSection[], i: number): number {
  const next = sections[i + 1];
  return next?.kind === 'signature' ? signatureHeight(next) : 0;
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

/** XMP dates as PDF/A wants them: seconds, UTC, the same instant as the Info dictionary's. */
function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}

/**
 * Two things pdfkit gets wrong in the XMP metadata stream of a PDF/A file. It writes a lower-case
 * `/length` (the text's length in characters) beside the real `/Length` (its bytes, which differ
 * for Slovene letters): one Length per stream is allowed. And it writes no xmp:ModifyDate or
 * xmp:MetadataDate, which must match the Info dictionary's ModDate. Both are fixed while pdfkit
 * writes the stream at the end of the document; everything stays deterministic.
 */
function fixMetadataStream(doc: PDFKit.PDFDocument, date: Date): void {
  type WithMetadata = { endMetadata(): void; ref(data?: Record<string, unknown>): unknown; appendXML(xml: string): void };
  const pdf = doc as unknown as WithMetadata;
  const endMetadata = pdf.endMetadata.bind(doc);
  const ref = pdf.ref.bind(doc);
  pdf.endMetadata = () => {
    pdf.appendXML(
      `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` +
        `<xmp:ModifyDate>${xmpDate(date)}</xmp:ModifyDate><xmp:MetadataDate>${xmpDate(date)}</xmp:MetadataDate>` +
        `</rdf:Description>`,
    );
    pdf.ref = (data) => {
      const { length: _characters, ...rest } = data ?? {};
      return ref(rest);
    };
    try {
      endMetadata();
    } finally {
      pdf.ref = ref;
    }
  };
}

export function renderPdf(model: ReportModel): Promise<Buffer> {
  const { metadata } = model;
  const doc = new PDFDocument({
    size: 'A4',
    layout: model.orientation,
    margins: MARGINS,
    // Opened from the process's parsed fonts below rather than parsed again for this document.
    font: null as unknown as string,
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
      ModDate: metadata.creationDate,
    },
  });
  useSharedFonts(doc);
  fixMetadataStream(doc, metadata.creationDate);
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
  model.sections.forEach((section, i) => drawSection(ctx, section, keepWithNext(model.sections, i)));
  root.end();
  drawPageNumbers(ctx);
  doc.end();
  return done;
}
