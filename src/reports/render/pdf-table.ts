import type { ReportCell, ReportTable } from '../model/report-model.types';
import { COLORS, PdfContext, SIZES, Struct, artifact, tagged, useFont } from './pdf-layout';

/**
 * A table that breaks across pages: long texts wrap inside their cell, a row taller than half a
 * page continues on the next page rather than being cut (every word of every cell is printed), and
 * the header row is repeated at the top of every continuation page (as an artifact, so a screen
 * reader reads it once, from the tagged first header).
 */
const PAD = 3;
/** A split row starts at the foot of a page only when at least this many lines fit there. */
const MIN_PART_LINES = 3;

interface Column {
  x: number;
  width: number;
  align: 'left' | 'right';
}

interface TableState {
  ctx: PdfContext;
  struct: Struct;
  labels: string[];
  xs: number[];
  widths: number[];
  cols: Column[];
  headerHeight: number;
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

/** Height of a row of `texts` in the current font, every line of every cell included. */
function rowHeight(t: TableState, texts: string[], weight: 'regular' | 'bold'): number {
  useFont(t.ctx, weight, SIZES.table);
  return measure(t, texts, t.widths);
}

function measure(t: TableState, texts: string[], widths: number[]): number {
  return Math.max(...cellHeights(t, texts, widths)) + 2 * PAD;
}

function cellHeights(t: TableState, texts: string[], widths: number[]): number[] {
  return texts.map((text, i) => textHeight(t.ctx, text, widths[i]));
}

/** Room a page has for rows below the repeated header. */
function pageRoom(t: TableState): number {
  return t.ctx.bottom - t.ctx.top - t.headerHeight;
}

/** Up to half a page a row moves to the next page whole; a taller row is split across pages. */
function keptWhole(t: TableState, height: number): boolean {
  return height <= pageRoom(t) / 2;
}

/** The least part of a split row worth starting at the foot of a page: a few lines. */
function minimumPart(t: TableState): number {
  useFont(t.ctx, 'regular', SIZES.table);
  return MIN_PART_LINES * t.ctx.doc.currentLineHeight(true) + 2 * PAD;
}

/** How much of a row must fit below for it to start on this page (for keeping titles with it). */
function leadHeight(t: TableState, height: number): number {
  return keptWhole(t, height) ? height : Math.min(height, minimumPart(t));
}

function frame(t: TableState, y: number, height: number, fill: string | null, cols: Column[]): void {
  const { doc } = t.ctx;
  artifact(t.ctx, () => {
    for (const { x, width } of cols) {
      if (fill) doc.rect(x, y, width, height).fill(fill);
      doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    }
  });
}

/**
 * No height limit and no ellipsis: callers pass only text that fits where it is drawn (whole rows
 * are measured, split rows are cut by `splitToFit` with the same font and width).
 */
function cellText(t: TableState, text: string, col: Column, y: number): void {
  t.ctx.doc.text(text, col.x + PAD, y + PAD, { width: col.width - 2 * PAD, align: col.align });
}

/**
 * The largest k in 0..count for which `fits(k)` holds, where `fits` holds up to some k and not
 * after (and k = 0 always counts as fitting). Probes from `guess` outwards in doubling steps and
 * then halves, so a good guess costs a few probes of about the answer's size.
 */
function largestFitting(count: number, fits: (k: number) => boolean, guess: number): number {
  if (count === 0) return 0;
  const start = Math.min(Math.max(guess, 1), count);
  let lo = 0;
  let hi = count;
  let step = 1;
  if (fits(start)) {
    lo = start;
    while (lo < hi) {
      const probe = Math.min(hi, lo + step);
      if (!fits(probe)) {
        hi = probe - 1;
        break;
      }
      lo = probe;
      step *= 2;
    }
  } else {
    hi = start - 1;
    while (lo < hi) {
      const probe = Math.max(lo + 1, hi - step + 1);
      if (fits(probe)) {
        lo = probe;
        break;
      }
      hi = probe - 1;
      step *= 2;
    }
  }
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The longest start of `text` that is at most `room` high in a cell of `width` (current font), and
 * the rest. Cuts between words (at spaces and line ends, which the cut drops); a word that alone is
 * too tall (a long unbroken string pdfkit breaks between letters) is cut between characters. At
 * least one character is always taken, so a split row always moves on. `height`, when known, is
 * the whole text's height.
 */
export function splitToFit(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  room: number,
  height?: number,
): [string, string] {
  const measureText = (piece: string) => doc.heightOfString(piece, { width: width - 2 * PAD });
  const full = height ?? measureText(text);
  if (text === '' || full <= room) return [text, ''];
  // Heights only grow as words are added; the share of the height that fits is a good first guess.
  const share = Math.max(0, room) / full;
  const cuts = [...text.matchAll(/[ \t\r\n]+/g)].map((m) => m.index).filter((i) => i > 0);
  const guess = cuts.filter((i) => i <= text.length * share).length;
  const words = largestFitting(cuts.length, (k) => measureText(text.slice(0, cuts[k - 1])) <= room, guess);
  if (words > 0) {
    const head = text.slice(0, cuts[words - 1]);
    return [head, text.slice(head.length).replace(/^[ \t\r\n]+/, '')];
  }
  const chars = Array.from(text.slice(0, cuts[0] ?? text.length));
  const fitting = largestFitting(
    chars.length - 1,
    (k) => measureText(chars.slice(0, k).join('')) <= room,
    Math.floor(chars.length * share),
  );
  const head = chars.slice(0, Math.max(1, fitting)).join('');
  return [head, text.slice(head.length)];
}

function drawHeader(t: TableState, repeated: boolean): void {
  const height = rowHeight(t, t.labels, 'bold');
  const y = t.ctx.doc.y;
  frame(t, y, height, COLORS.headerFill, t.cols);
  useFont(t.ctx, 'bold', SIZES.table);
  const draw = (i: number) => cellText(t, t.labels[i], { ...t.cols[i], align: 'left' }, y);
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

function newPage(t: TableState): void {
  t.ctx.doc.addPage();
  t.ctx.doc.y = t.ctx.top;
  drawHeader(t, true);
}

/** Moves to a new page (repeating the header) unless `height` still fits. */
function makeRoom(t: TableState, height: number): void {
  if (t.ctx.doc.y + height > t.ctx.bottom) newPage(t);
}

interface RowStyle {
  cols: Column[];
  cell: 'TD' | 'TH';
  fill: string | null;
  font: () => void;
}

/**
 * One row of cells; `keepWith` more points must fit below its start (a group title keeps its first
 * row). A row up to half a page moves to the next page whole when it does not fit. A taller row is
 * split: each cell gets the lines that fit above the page's foot, the header is repeated on the
 * next page and the cells go on below it, for as many pages as the longest cell needs.
 *
 * Tagging: a split row stays one TR whose TH/TD elements each hold the cell's text from every
 * page it covers (structure elements may span pages), so assistive technology reads one row with
 * whole cells, not a new row of text fragments; frames and repeated headers are artifacts.
 */
function drawCells(t: TableState, style: RowStyle, texts: string[], keepWith = 0): void {
  const { doc } = t.ctx;
  const widths = style.cols.map((c) => c.width);
  style.font();
  let heights = cellHeights(t, texts, widths);
  let height = Math.max(...heights) + 2 * PAD;
  makeRoom(t, leadHeight(t, height) + keepWith);
  const tr = doc.struct('TR');
  t.struct.add(tr);
  const cells = style.cols.map(() => {
    const cell = doc.struct(style.cell);
    tr.add(cell);
    return cell;
  });
  let rest = texts;
  for (let first = true; ; first = false) {
    style.font();
    let part = rest;
    let next: string[] | null = null;
    const room = t.ctx.bottom - doc.y;
    if (height > room) {
      const split = rest.map((text, i) => splitToFit(doc, text, widths[i], room - 2 * PAD, heights[i]));
      part = split.map(([head]) => head);
      next = split.map(([, tail]) => tail);
      if (next.every((tail) => tail === '')) next = null;
      height = measure(t, part, widths);
    }
    const y = doc.y;
    frame(t, y, height, style.fill, style.cols);
    style.font();
    part.forEach((text, i) => {
      if (first || text !== '') cells[i].add(() => cellText(t, text, style.cols[i], y));
    });
    doc.y = y + height;
    if (!next) break;
    rest = next;
    newPage(t);
    style.font();
    heights = cellHeights(t, rest, widths);
    height = Math.max(...heights) + 2 * PAD;
  }
  tr.end();
}

function drawRow(t: TableState, cells: ReportCell[], keepWith = 0): void {
  const style: RowStyle = { cols: t.cols, cell: 'TD', fill: null, font: () => useFont(t.ctx, 'regular', SIZES.table) };
  drawCells(t, style, cells.map((c) => c.text), keepWith);
}

/** A row across all columns: a group title (result area) or a note; kept with `keepWith` below. */
function drawSpanRow(t: TableState, text: string, kind: 'group' | 'note', keepWith: number): void {
  const group = kind === 'group';
  const width = t.widths.reduce((a, b) => a + b, 0);
  const style: RowStyle = {
    cols: [{ x: t.xs[0], width, align: 'left' }],
    cell: group ? 'TH' : 'TD',
    fill: group ? COLORS.groupFill : null,
    font: () => useFont(t.ctx, group ? 'bold' : 'regular', SIZES.table, group ? COLORS.text : COLORS.muted),
  };
  drawCells(t, style, [text], keepWith);
}

function tableState(ctx: PdfContext, table: ReportTable): TableState {
  const widths = columnWidths(ctx, table);
  const xs = widths.map((_, i) => ctx.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const t: TableState = {
    ctx,
    struct: null as unknown as Struct,
    labels: table.columns.map((c) => c.label),
    widths,
    xs,
    cols: table.columns.map((c, i) => ({ x: xs[i], width: widths[i], align: c.align })),
    headerHeight: 0,
  };
  t.headerHeight = rowHeight(t, t.labels, 'bold');
  return t;
}

/** Room below the header row that must be free for the table to start: header and first row. */
function leadOf(t: TableState, table: ReportTable, keepLastWith: number): number {
  const rows = table.groups.flatMap((g) => g.rows);
  const first = rows[0] ? leadHeight(t, rowHeight(t, rows[0].map((c) => c.text), 'regular')) : 20;
  return t.headerHeight + first + (rows.length === 1 ? keepLastWith : 0);
}

/** How much room a table needs to start on a page; its section heading keeps that room below it. */
export function tableLead(ctx: PdfContext, table: ReportTable, keepLastWith = 0): number {
  return leadOf(tableState(ctx, table), table, keepLastWith);
}

/** `keepLastWith` more points must fit below the last row (the signature block that follows). */
export function drawTable(ctx: PdfContext, parent: Struct, table: ReportTable, keepLastWith = 0): void {
  const t = tableState(ctx, table);
  t.struct = ctx.doc.struct('Table');
  parent.add(t.struct);
  if (ctx.doc.y + leadOf(t, table, keepLastWith) > ctx.bottom) {
    ctx.doc.addPage();
    ctx.doc.y = ctx.top;
  }
  drawHeader(t, false);
  table.groups.forEach((group, g) => {
    const lastGroup = g === table.groups.length - 1;
    const next = group.rows[0] ? leadHeight(t, rowHeight(t, group.rows[0].map((c) => c.text), 'regular')) : 0;
    if (group.title) drawSpanRow(t, group.title, 'group', next);
    group.rows.forEach((cells, r) => drawRow(t, cells, lastGroup && !group.note && r === group.rows.length - 1 ? keepLastWith : 0));
    if (group.note) drawSpanRow(t, group.note, 'note', lastGroup ? keepLastWith : 0);
  });
  t.struct.end();
  ctx.doc.y += 8;
}
