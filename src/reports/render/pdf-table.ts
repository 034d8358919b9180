import type { ReportCell, ReportTable } from '../model/report-model.types';
import { COLORS, PdfContext, SIZES, Struct, artifact, tagged, useFont } from './pdf-layout';

/**
 * A table that breaks across pages: rows never split, long texts wrap inside their cell, and the
 * header row is repeated at the top of every continuation page (as an artifact, so a screen reader
 * reads it once, from the tagged first header).
 */
const PAD = 3;

interface TableState {
  ctx: PdfContext;
  struct: Struct;
  labels: string[];
  aligns: ('left' | 'right')[];
  xs: number[];
  widths: number[];
}

/**
 * The pieces pdfkit will not break between, roughly as Unicode line breaking sees them: no break
 * at a no-break space, nor before "/", "–", "%" or closing punctuation even after a space
 * ("indicator / " is one piece). Each keeps its trailing space, which pdfkit measures too.
 */
export function unbreakablePieces(text: string): string[] {
  const pieces: string[] = [];
  for (const word of text.split(/[ \t\r\n]+/).filter((w) => w !== '')) {
    if (pieces.length > 0 && /^[/)\]}!?,.:;%–—-]/.test(word)) pieces[pieces.length - 1] += `${word} `;
    else pieces.push(`${word} `);
  }
  return pieces;
}

/** The widest unbreakable piece of a column (header in bold), so no word has to split inside. */
function minimumWidth(ctx: PdfContext, table: ReportTable, i: number): number {
  const widest = (texts: string[], weight: 'regular' | 'bold') => {
    useFont(ctx, weight, SIZES.table);
    return Math.max(0, ...texts.flatMap(unbreakablePieces).map((piece) => ctx.doc.widthOfString(piece)));
  };
  const cells = table.groups.flatMap((g) => g.rows.map((row) => row[i].text));
  return Math.max(widest([table.columns[i].label], 'bold'), widest(cells, 'regular')) + 2 * PAD + 1;
}

/**
 * Widths by the columns' weights, except that a column never gets less than its widest word:
 * such columns are pinned at that minimum and the rest share what is left, until nothing changes.
 */
function columnWidths(ctx: PdfContext, table: ReportTable): number[] {
  const minimum = table.columns.map((_, i) => minimumWidth(ctx, table, i));
  const totalMinimum = minimum.reduce((a, b) => a + b, 0);
  if (totalMinimum >= ctx.width) return minimum.map((m) => (m / totalMinimum) * ctx.width);
  const pinned = new Set<number>();
  for (;;) {
    const room = ctx.width - [...pinned].reduce((sum, i) => sum + minimum[i], 0);
    const free = table.columns.reduce((sum, c, i) => (pinned.has(i) ? sum : sum + c.weight), 0);
    const widths = table.columns.map((c, i) => (pinned.has(i) ? minimum[i] : (c.weight / free) * room));
    const short = widths.findIndex((w, i) => !pinned.has(i) && w < minimum[i]);
    if (short < 0) return widths;
    pinned.add(short);
  }
}

function textHeight(ctx: PdfContext, text: string, width: number): number {
  return ctx.doc.heightOfString(text || ' ', { width: width - 2 * PAD });
}

function rowHeight(t: TableState, texts: string[], weight: 'regular' | 'bold'): number {
  useFont(t.ctx, weight, SIZES.table);
  const tallest = Math.max(...texts.map((text, i) => textHeight(t.ctx, text, t.widths[i])));
  // A row taller than a page is cut (with an ellipsis) rather than never fitting anywhere.
  return Math.min(tallest + 2 * PAD, t.ctx.bottom - t.ctx.top - 60);
}

function frame(t: TableState, y: number, height: number, fill: string | null, span = false): void {
  const { doc } = t.ctx;
  const total = t.widths.reduce((a, b) => a + b, 0);
  const cells = span ? [{ x: t.xs[0], w: total }] : t.xs.map((x, i) => ({ x, w: t.widths[i] }));
  artifact(t.ctx, () => {
    for (const { x, w } of cells) {
      if (fill) doc.rect(x, y, w, height).fill(fill);
      doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    }
  });
}

function cellText(t: TableState, text: string, x: number, y: number, width: number, height: number, align: 'left' | 'right'): void {
  t.ctx.doc.text(text, x + PAD, y + PAD, { width: width - 2 * PAD, height: height - 2 * PAD + 1, align, ellipsis: true });
}

function drawHeader(t: TableState, repeated: boolean): void {
  const height = rowHeight(t, t.labels, 'bold');
  const y = t.ctx.doc.y;
  frame(t, y, height, COLORS.headerFill);
  useFont(t.ctx, 'bold', SIZES.table);
  const draw = (i: number) => cellText(t, t.labels[i], t.xs[i], y, t.widths[i], height, 'left');
  if (repeated) {
    artifact(t.ctx, () => t.labels.forEach((_, i) => draw(i)), 'Pagination');
  } else {
    const tr = t.ctx.doc.struct('TR');
    t.struct.add(tr);
    t.labels.forEach((_, i) => tagged(t.ctx, tr, 'TH', () => draw(i)));
    tr.end();
  }
  t.ctx.doc.y = y + height;
}

/** Moves to a new page (repeating the header) unless `height` still fits. */
function makeRoom(t: TableState, height: number): void {
  if (t.ctx.doc.y + height <= t.ctx.bottom) return;
  t.ctx.doc.addPage();
  t.ctx.doc.y = t.ctx.top;
  drawHeader(t, true);
}

function drawRow(t: TableState, cells: ReportCell[]): void {
  const height = rowHeight(t, cells.map((c) => c.text), 'regular');
  makeRoom(t, height);
  const y = t.ctx.doc.y;
  frame(t, y, height, null);
  useFont(t.ctx, 'regular', SIZES.table);
  const tr = t.ctx.doc.struct('TR');
  t.struct.add(tr);
  cells.forEach((cell, i) =>
    tagged(t.ctx, tr, 'TD', () => cellText(t, cell.text, t.xs[i], y, t.widths[i], height, t.aligns[i])),
  );
  tr.end();
  t.ctx.doc.y = y + height;
}

/** A row across all columns: a group title (result area) or a note; kept with `keepWith` below. */
function drawSpanRow(t: TableState, text: string, style: 'group' | 'note', keepWith: number): void {
  const width = t.widths.reduce((a, b) => a + b, 0);
  const font = () =>
    useFont(t.ctx, style === 'group' ? 'bold' : 'regular', SIZES.table, style === 'group' ? COLORS.text : COLORS.muted);
  font();
  const height = textHeight(t.ctx, text, width) + 2 * PAD;
  makeRoom(t, height + keepWith);
  const y = t.ctx.doc.y;
  frame(t, y, height, style === 'group' ? COLORS.groupFill : null, true);
  font();
  const tr = t.ctx.doc.struct('TR');
  t.struct.add(tr);
  tagged(t.ctx, tr, style === 'group' ? 'TH' : 'TD', () => cellText(t, text, t.xs[0], y, width, height, 'left'));
  tr.end();
  t.ctx.doc.y = y + height;
}

export function drawTable(ctx: PdfContext, parent: Struct, table: ReportTable): void {
  const widths = columnWidths(ctx, table);
  const struct = ctx.doc.struct('Table');
  parent.add(struct);
  const t: TableState = {
    ctx,
    struct,
    labels: table.columns.map((c) => c.label),
    aligns: table.columns.map((c) => c.align),
    widths,
    xs: widths.map((_, i) => ctx.left + widths.slice(0, i).reduce((a, b) => a + b, 0)),
  };
  const firstRow = table.groups.find((g) => g.rows.length > 0)?.rows[0];
  const needed = rowHeight(t, t.labels, 'bold') + (firstRow ? rowHeight(t, firstRow.map((c) => c.text), 'regular') : 20);
  if (ctx.doc.y + needed > ctx.bottom) {
    ctx.doc.addPage();
    ctx.doc.y = ctx.top;
  }
  drawHeader(t, false);
  if (!firstRow) drawSpanRow(t, table.emptyText, 'note', 0);
  for (const group of table.groups) {
    const next = group.rows[0] ? rowHeight(t, group.rows[0].map((c) => c.text), 'regular') : 0;
    if (group.title) drawSpanRow(t, group.title, 'group', next);
    group.rows.forEach((cells) => drawRow(t, cells));
    if (group.note) drawSpanRow(t, group.note, 'note', 0);
  }
  struct.end();
  ctx.doc.y += 8;
}
