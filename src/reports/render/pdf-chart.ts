import type { ChartBar, ChartSection } from '../model/report-model.types';
import { COLORS, PdfContext, SIZES, Struct, tagged, useFont } from './pdf-layout';

/**
 * Horizontal bars of achievement as % of plan, all on one axis from 0 to `axisMax`, with the
 * 100 % line marked; the figures themselves ("103,33 % (62 / 60)") beside each bar. Vector shapes
 * only. Tagged as a Figure whose alternative text is the model's description; a chart longer than
 * the rest of a page continues as a new Figure on the next page.
 */
const BAR = 9;
const ROW_GAP = 6;
const VALUE_ROOM = 150;
const AXIS_ROOM = 14;
const PALETTE = { bar: '#2F5597', over: '#548235', plan: '#C00000' };

function labelWidth(ctx: PdfContext): number {
  return Math.round(ctx.width * 0.4);
}

function rowHeight(ctx: PdfContext, bar: ChartBar): number {
  useFont(ctx, 'regular', SIZES.table);
  return Math.max(ctx.doc.heightOfString(bar.label, { width: labelWidth(ctx) - 8 }), BAR) + ROW_GAP;
}

function geometry(ctx: PdfContext, section: ChartSection) {
  const x0 = ctx.left + labelWidth(ctx);
  const room = ctx.width - labelWidth(ctx) - VALUE_ROOM;
  return { x0, room, at: (percent: number) => x0 + (Math.max(0, Math.min(percent, section.axisMax)) / section.axisMax) * room };
}

function drawBar(ctx: PdfContext, section: ChartSection, bar: ChartBar, y: number): void {
  const { doc } = ctx;
  const { x0, at } = geometry(ctx, section);
  useFont(ctx, 'regular', SIZES.table);
  doc.text(bar.label, ctx.left, y, { width: labelWidth(ctx) - 8 });
  const end = at(bar.percent);
  if (end > x0) doc.rect(x0, y, end - x0, BAR).fill(bar.percent >= 100 ? PALETTE.over : PALETTE.bar);
  useFont(ctx, 'regular', SIZES.small);
  doc.text(`${bar.percentText} (${bar.achievedText} / ${bar.plannedText})`, end + 4, y + 1, { lineBreak: false });
}

/**
 * The 0 and 100 % lines over the rows' height, and the axis label with 0 % and the end below.
 * Inside the Figure's marked content, so no artifacts here: pdfkit would close the Figure's
 * marked content when an artifact starts.
 */
function drawAxis(ctx: PdfContext, section: ChartSection, top: number, bottom: number): void {
  const { doc } = ctx;
  const { x0, room, at } = geometry(ctx, section);
  doc.moveTo(x0, top - 2).lineTo(x0, bottom).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  doc.moveTo(at(100), top - 2).lineTo(at(100), bottom).lineWidth(0.8).dash(2, { space: 2 }).strokeColor(PALETTE.plan).stroke().undash();
  useFont(ctx, 'regular', SIZES.small, COLORS.muted);
  doc.text('0 %', x0 - 6, bottom + 2, { lineBreak: false });
  doc.text('100 %', at(100) - 10, bottom + 2, { lineBreak: false });
  if (section.axisMax > 100) doc.text(`${section.axisMax} %`, x0 + room - 12, bottom + 2, { lineBreak: false });
  useFont(ctx, 'regular', SIZES.small, COLORS.muted);
  doc.text(section.axisLabel, ctx.left, bottom + 2, { width: labelWidth(ctx) - 8 });
  doc.y = bottom + AXIS_ROOM;
}

export function drawChart(ctx: PdfContext, parent: Struct, section: ChartSection, keepLastWith = 0): void {
  const { doc } = ctx;
  const last = section.bars.length - 1;
  const needs = (i: number) => rowHeight(ctx, section.bars[i]) + (i === last ? keepLastWith + (section.note ? 14 : 0) : 0);
  let start = 0;
  while (start < section.bars.length) {
    const top = doc.y;
    let end = start;
    let height = AXIS_ROOM;
    while (end < section.bars.length && top + height + needs(end) <= ctx.bottom) {
      height += rowHeight(ctx, section.bars[end]);
      end += 1;
    }
    if (end === start && top > ctx.top) {
      doc.addPage();
      doc.y = ctx.top;
      continue;
    }
    end = Math.max(end, start + 1);
    const chunk = section.bars.slice(start, end);
    tagged(ctx, parent, 'Figure', () => {
      const first = doc.y;
      for (const bar of chunk) {
        const y = doc.y;
        drawBar(ctx, section, bar, y);
        doc.y = y + rowHeight(ctx, bar);
      }
      drawAxis(ctx, section, first, doc.y - ROW_GAP / 2);
    }, { alt: section.description });
    start = end;
    if (start < section.bars.length) {
      doc.addPage();
      doc.y = ctx.top;
    }
  }
  if (section.note) {
    useFont(ctx, 'regular', SIZES.small, COLORS.muted);
    tagged(ctx, parent, 'P', () => doc.text(section.note ?? '', ctx.left, doc.y + 2, { width: ctx.width }));
  }
  doc.y += 4;
}
