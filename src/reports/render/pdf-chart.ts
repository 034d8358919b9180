import type { ChartBar, ChartSection } from '../model/report-model.types';
import { COLORS, PdfContext, SIZES, Struct, tagged, useFont } from './pdf-layout';

/**
 * Horizontal bars, planned above achieved, one pair per indicator, each pair on its own scale
 * (the model gives values in the indicator's unit). Vector shapes only. Tagged as a Figure whose
 * alternative text is the model's description; a chart longer than a page continues as a new
 * Figure on the next page.
 */
const BAR = 8;
const GAP = 2;
const ROW_GAP = 8;
const VALUE_ROOM = 80;
const PALETTE = { planned: '#A6A6A6', achieved: '#2F5597' };

function labelWidth(ctx: PdfContext): number {
  return Math.round(ctx.width * 0.4);
}

function rowHeight(ctx: PdfContext, bar: ChartBar): number {
  useFont(ctx, 'regular', SIZES.table);
  return Math.max(ctx.doc.heightOfString(bar.label, { width: labelWidth(ctx) - 8 }), 2 * BAR + GAP) + ROW_GAP;
}

function drawLegend(ctx: PdfContext, section: ChartSection): void {
  const { doc } = ctx;
  const y = doc.y;
  let x = ctx.left;
  useFont(ctx, 'regular', SIZES.small);
  for (const [color, text] of [
    [PALETTE.planned, section.legend.planned],
    [PALETTE.achieved, section.legend.achieved],
  ]) {
    doc.rect(x, y + 1, 8, 8).fill(color);
    useFont(ctx, 'regular', SIZES.small);
    doc.text(text, x + 12, y + 1, { lineBreak: false });
    x += 24 + doc.widthOfString(text);
  }
  doc.y = y + 16;
}

function drawBar(ctx: PdfContext, bar: ChartBar, y: number): void {
  const { doc } = ctx;
  const x0 = ctx.left + labelWidth(ctx);
  const room = ctx.width - labelWidth(ctx) - VALUE_ROOM;
  const scale = Math.max(bar.planned ?? 0, bar.achieved ?? 0);
  useFont(ctx, 'regular', SIZES.table);
  doc.text(bar.label, ctx.left, y, { width: labelWidth(ctx) - 8 });
  const pairs: [number | null, string, string, number][] = [
    [bar.planned, bar.plannedText, PALETTE.planned, y],
    [bar.achieved, bar.achievedText, PALETTE.achieved, y + BAR + GAP],
  ];
  for (const [value, text, color, top] of pairs) {
    const length = scale > 0 && value !== null && value > 0 ? (value / scale) * room : 0;
    if (length > 0) doc.rect(x0, top, length, BAR).fill(color);
    useFont(ctx, 'regular', SIZES.small);
    doc.text(text, x0 + length + 4, top, { lineBreak: false });
  }
  doc.moveTo(x0, y - 1).lineTo(x0, y + 2 * BAR + GAP + 1).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
}

export function drawChart(ctx: PdfContext, parent: Struct, section: ChartSection): void {
  const { doc } = ctx;
  if (section.bars.length === 0) {
    useFont(ctx, 'regular', SIZES.body, COLORS.muted);
    tagged(ctx, parent, 'P', () => doc.text(section.table.emptyText, ctx.left, doc.y, { width: ctx.width }));
    return;
  }
  let start = 0;
  while (start < section.bars.length) {
    const top = doc.y;
    let end = start;
    let height = 16;
    while (end < section.bars.length && top + height + rowHeight(ctx, section.bars[end]) <= ctx.bottom) {
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
      drawLegend(ctx, section);
      for (const bar of chunk) {
        const y = doc.y;
        drawBar(ctx, bar, y);
        doc.y = y + rowHeight(ctx, bar);
      }
    }, { alt: section.description });
    start = end;
    if (start < section.bars.length) {
      doc.addPage();
      doc.y = ctx.top;
    }
  }
  doc.y += 4;
}
