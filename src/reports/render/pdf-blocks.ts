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

/** A subsection's heading (a result area), kept on a page with `below` points under it. */
export function drawSubheading(ctx: PdfContext, sect: Struct, heading: string, below = 30): void {
  const { doc } = ctx;
  ensureSpace(ctx, 20 + below);
  useFont(ctx, 'bold', SIZES.subheading);
  tagged(ctx, sect, 'H3', () => doc.text(heading, ctx.left, doc.y + 4, { width: ctx.width }));
  doc.y += 2;
}

/** `keepLastWith` more points must fit below the last paragraph (what follows it). */
export function drawParagraphs(ctx: PdfContext, sect: Struct, paragraphs: string[], keepLastWith = 0): void {
  const { doc } = ctx;
  paragraphs.forEach((paragraph, i) => {
    useFont(ctx, 'regular', SIZES.body);
    const height = doc.heightOfString(paragraph, { width: ctx.width, lineGap: 1.5 });
    const last = i === paragraphs.length - 1;
    ensureSpace(ctx, last && height < (ctx.bottom - ctx.top) / 3 ? height + keepLastWith : 24);
    useFont(ctx, 'regular', SIZES.body);
    // Long paragraphs flow onto the next page by themselves; pdfkit carries the tag across.
    tagged(ctx, sect, 'P', () => doc.text(paragraph, ctx.left, doc.y, { width: ctx.width, lineGap: 1.5 }));
    doc.y += 5;
  });
}

/** `keepLastWith` more points must fit below the last paragraph (the signature block that follows). */
export function drawNarrative(ctx: PdfContext, sect: Struct, section: NarrativeSection, keepLastWith = 0): void {
  section.blocks.forEach((block, i) => {
    if (block.heading) drawSubheading(ctx, sect, block.heading);
    drawParagraphs(ctx, sect, block.paragraphs, i === section.blocks.length - 1 ? keepLastWith : 0);
  });
}

const SIGNATURE_ROW = 24;
const WRITING_LINE = 170;

/** Height of the signature block, so the content before it can keep its last lines with it. */
export function signatureHeight(section: SignatureSection): number {
  return section.fields.length * SIGNATURE_ROW + 16;
}

/**
 * Kept on one page, without a heading of its own (its labels say what it is). A field filled in by
 * hand gets a line to write on: the whole field (signature), or before what the records do hold
 * ("____, 15. 1. 2021" without a place; a line above "(ime in priimek, funkcija)" without a name).
 */
export function drawSignature(ctx: PdfContext, sect: Struct, section: SignatureSection): void {
  const { doc } = ctx;
  ensureSpace(ctx, signatureHeight(section));
  doc.y += 16;
  const x = ctx.left + LABEL_WIDTH;
  const line = (y: number, from: number) =>
    artifact(ctx, () => doc.moveTo(from, y + 11).lineTo(from + WRITING_LINE, y + 11).lineWidth(0.5).strokeColor(COLORS.text).stroke());
  for (const field of section.fields) {
    const y = doc.y;
    const valueX = field.lineBefore ? x + WRITING_LINE + 4 : x;
    tagged(ctx, sect, 'P', () => {
      useFont(ctx, 'bold', SIZES.body);
      doc.text(`${field.label}:`, ctx.left, y, { width: LABEL_WIDTH - 8 });
      useFont(ctx, 'regular', SIZES.body, field.lineBefore && field.key === 'odgovornaOseba' ? COLORS.muted : COLORS.text);
      if (field.value) doc.text(field.value, valueX, y, { width: ctx.left + ctx.width - valueX });
    });
    // The stamp goes beside the signature, on no line.
    if ((!field.value && field.key !== 'zig') || field.lineBefore) line(y, x);
    doc.y = y + SIGNATURE_ROW;
  }
}
