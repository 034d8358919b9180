import type { NarrativeSection, ReportModel, SignatureSection } from '../model/report-model.types';
import { COLORS, PdfContext, SIZES, Struct, artifact, ensureSpace, tagged, useFont } from './pdf-layout';

/** The parts of the PDF that are text rather than tables: title, header block, narrative, signature. */
const LABEL_WIDTH = 150;

export function drawTitle(ctx: PdfContext, model: ReportModel): void {
  const { doc } = ctx;
  useFont(ctx, 'bold', SIZES.title);
  tagged(ctx, ctx.root, 'H1', () => doc.text(model.title, ctx.left, ctx.top, { width: ctx.width }));
  doc.y += 2;
  useFont(ctx, 'regular', SIZES.subtitle, COLORS.muted);
  tagged(ctx, ctx.root, 'P', () => doc.text(model.subtitle, ctx.left, doc.y, { width: ctx.width }));
  doc.y += 10;
}

/** Label and value side by side, tagged as a two-column table (TH, TD). */
export function drawHeaderBlock(ctx: PdfContext, model: ReportModel): void {
  const { doc } = ctx;
  const table = doc.struct('Table');
  ctx.root.add(table);
  const valueWidth = ctx.width - LABEL_WIDTH;
  for (const row of model.header) {
    useFont(ctx, 'bold', SIZES.body);
    const labelHeight = doc.heightOfString(row.label, { width: LABEL_WIDTH - 8 });
    useFont(ctx, 'regular', SIZES.body);
    const height = Math.max(doc.heightOfString(row.value || ' ', { width: valueWidth }), labelHeight, 12) + 3;
    ensureSpace(ctx, height);
    const y = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    useFont(ctx, 'bold', SIZES.body);
    tagged(ctx, tr, 'TH', () => doc.text(row.label, ctx.left, y, { width: LABEL_WIDTH - 8 }));
    useFont(ctx, 'regular', SIZES.body);
    tagged(ctx, tr, 'TD', () => doc.text(row.value, ctx.left + LABEL_WIDTH, y, { width: valueWidth }));
    tr.end();
    doc.y = y + height;
  }
  table.end();
  doc.y += 8;
}

export function drawNarrative(ctx: PdfContext, sect: Struct, section: NarrativeSection): void {
  const { doc } = ctx;
  if (section.blocks.length === 0) {
    useFont(ctx, 'regular', SIZES.body, COLORS.muted);
    tagged(ctx, sect, 'P', () => doc.text(section.emptyText, ctx.left, doc.y, { width: ctx.width }));
    return;
  }
  for (const block of section.blocks) {
    if (block.heading) {
      ensureSpace(ctx, 50);
      useFont(ctx, 'bold', SIZES.subheading);
      tagged(ctx, sect, 'H3', () => doc.text(block.heading ?? '', ctx.left, doc.y + 4, { width: ctx.width }));
      doc.y += 2;
    }
    for (const paragraph of block.paragraphs) {
      ensureSpace(ctx, 24);
      useFont(ctx, 'regular', SIZES.body);
      // Long paragraphs flow onto the next page by themselves; pdfkit carries the tag across.
      tagged(ctx, sect, 'P', () => doc.text(paragraph, ctx.left, doc.y, { width: ctx.width, lineGap: 1.5 }));
      doc.y += 5;
    }
  }
}

/** Kept on one page; fields filled in by hand get a line to write on. */
export function drawSignature(ctx: PdfContext, sect: Struct, section: SignatureSection): void {
  const { doc } = ctx;
  const rowHeight = 26;
  ensureSpace(ctx, section.fields.length * rowHeight + 10);
  doc.y += 6;
  for (const field of section.fields) {
    const y = doc.y;
    tagged(ctx, sect, 'P', () => {
      useFont(ctx, 'bold', SIZES.body);
      doc.text(`${field.label}:`, ctx.left, y, { width: LABEL_WIDTH - 8 });
      useFont(ctx, 'regular', SIZES.body);
      if (field.value) doc.text(field.value, ctx.left + LABEL_WIDTH, y, { width: ctx.width - LABEL_WIDTH });
    });
    if (!field.value) {
      artifact(ctx, () =>
        doc.moveTo(ctx.left + LABEL_WIDTH, y + 11).lineTo(ctx.left + LABEL_WIDTH + 200, y + 11).lineWidth(0.5).strokeColor(COLORS.text).stroke(),
      );
    }
    doc.y = y + rowHeight;
  }
}
