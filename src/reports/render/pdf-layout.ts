import type { ReportModel } from '../model/report-model.types';
import { FONT_BOLD, FONT_REGULAR } from './pdf-fonts';

/**
 * Page geometry and the few drawing helpers every part of the PDF shares: tagged content, artifacts
 * (decoration that screen readers skip) and page breaks.
 */
export type Struct = PDFKit.PDFStructureElement;

export const MARGINS = { top: 48, bottom: 56, left: 42, right: 42 };
export const COLORS = { text: '#000000', muted: '#555555', rule: '#A6A6A6', headerFill: '#D9E2F3', groupFill: '#F2F2F2' };
export const SIZES = { title: 16, subtitle: 11, heading: 12, subheading: 10.5, body: 9.5, table: 8, small: 7.5 };

export interface PdfContext {
  doc: PDFKit.PDFDocument;
  model: ReportModel;
  /** The tagged document's root structure element. */
  root: Struct;
  left: number;
  width: number;
  top: number;
  /** Lowest y content may reach on a page. */
  bottom: number;
}

export function createContext(doc: PDFKit.PDFDocument, model: ReportModel, root: Struct): PdfContext {
  return {
    doc,
    model,
    root,
    left: MARGINS.left,
    width: doc.page.width - MARGINS.left - MARGINS.right,
    top: MARGINS.top,
    bottom: doc.page.height - MARGINS.bottom,
  };
}

export function useFont(ctx: PdfContext, weight: 'regular' | 'bold', size: number, color = COLORS.text): void {
  ctx.doc.font(weight === 'bold' ? FONT_BOLD : FONT_REGULAR).fontSize(size).fillColor(color);
}

/** Starts a new page when `height` more points do not fit; true when it did. */
export function ensureSpace(ctx: PdfContext, height: number): boolean {
  if (ctx.doc.y + height <= ctx.bottom) return false;
  ctx.doc.addPage();
  ctx.doc.y = ctx.top;
  return true;
}

/** Tagged content: `draw` runs now, inside a structure element of `type` under `parent`. */
export function tagged(ctx: PdfContext, parent: Struct, type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
  parent.add(ctx.doc.struct(type, options, draw));
}

/** Decoration (rules, fills, repeated headers, page numbers) marked as an artifact. */
export function artifact(ctx: PdfContext, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  ctx.doc.markContent('Artifact', type ? { type } : undefined);
  draw();
  ctx.doc.endMarkedContent();
}

/** A section: a `Sect` element with its H2 heading, kept on a page with `below` points under it. */
export function startSection(ctx: PdfContext, title: string, below = 60): Struct {
  const sect = ctx.doc.struct('Sect');
  ctx.root.add(sect);
  ensureSpace(ctx, 28 + below);
  ctx.doc.y += 6;
  useFont(ctx, 'bold', SIZES.heading);
  const y = ctx.doc.y;
  tagged(ctx, sect, 'H2', () => ctx.doc.text(title, ctx.left, y, { width: ctx.width }));
  ctx.doc.y += 4;
  return sect;
}
