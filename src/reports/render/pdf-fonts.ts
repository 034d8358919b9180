import * as fs from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` npm package, embedded (subset) into every PDF. Never the
 * built-in Helvetica: its WinAnsi encoding has no Č, Ć, Đ or −, and PDF/A needs embedded fonts.
 */
function fontPath(file: string): string {
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) throw new Error(`Font ${file} is missing from ${dir}`);
  return full;
}

export const FONT_REGULAR = fontPath('DejaVuSans.ttf');
export const FONT_BOLD = fontPath('DejaVuSans-Bold.ttf');

/** A glyph's place in a laid-out run, as pdfkit keeps it (scaled to 1,000 units per em). */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
/** What fontkit makes of a glyph (only what pdfkit reads of it here). */
interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
/** A fontkit font: the glyphs it has made so far, and its layout (the OpenType shaping). */
interface FontkitFont {
  _glyphs: Record<number, Glyph | undefined>;
  getGlyph(id: number, codePoints: number[]): Glyph;
  layout(text: string): { glyphs: Glyph[]; positions: Omit<Position, 'advanceWidth'>[] };
}
/** A word as pdfkit's `layoutCached` answers it. */
interface Run {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}
/** What pdfkit keeps of an opened font (its `EmbeddedFont`): the fontkit font it wraps, and its words laid out. */
interface OpenedFont {
  font: FontkitFont;
  name: string;
  scale: number;
  layoutCache?: Record<string, Run>;
  layoutCached(text: string): Run;
}
type OpenedFontClass = new (doc: PDFKit.PDFDocument, font: unknown, id: string) => OpenedFont;
/** pdfkit's per-document font registry, which `doc.font(path)` looks fonts up in first. */
interface FontRegistry {
  _fontFamilies: Record<string, OpenedFont>;
  _fontCount: number;
}

let parsed: { open: OpenedFontClass; fonts: Map<string, ParsedFont> } | null = null;

/**
 * A parsed font with the words shaped in it so far, as plain data: the glyph ids, the characters
 * each glyph stands for, and their positions. `pristine` is the font that shapes them, over no
 * glyphs of any document.
 */
interface ParsedFont {
  font: object;
  pristine: FontkitFont;
  words: Map<string, { ids: number[]; codePoints: number[][]; positions: Position[]; advanceWidth: number }>;
  /** What fontkit decodes of each glyph, decoded once per process for every document (see `documentFont`). */
  glyphs: Map<number, DecodedGlyph>;
  /** The font those are decoded in, over no document's glyphs. */
  decoder: FontkitFont;
}

/** fontkit's TrueType glyph: its outline, as `_decode` reads it from the glyf table, and its metrics, which `_metrics` caches. */
interface TrueTypeGlyph extends Glyph {
  _decode(): unknown;
  _getMetrics(): unknown;
  _metrics?: unknown;
}
interface DecodedGlyph {
  outline: unknown;
  metrics: unknown;
}

/** DejaVu regular and bold parsed once per process, by pdfkit itself on a document never written. */
function parsedFonts(): NonNullable<typeof parsed> {
  if (parsed) return parsed;
  const probe = new PDFDocument({ font: FONT_REGULAR, autoFirstPage: false });
  probe.font(FONT_BOLD);
  const families = (probe as unknown as FontRegistry)._fontFamilies;
  const fonts = new Map(
    [FONT_REGULAR, FONT_BOLD].map((file) => {
      const font = families[file].font as object;
      return [file, { font, pristine: fontOver(font), words: new Map(), glyphs: new Map(), decoder: fontOver(font) }];
    }),
  );
  parsed = { open: families[FONT_REGULAR].constructor as OpenedFontClass, fonts };
  return parsed;
}

/** A fontkit font over the process's parsed one, with glyphs of its own (see `documentFont`). */
function fontOver(font: object): FontkitFont {
  return Object.assign(Object.create(font) as FontkitFont, { _glyphs: {} });
}

/**
 * One document's fontkit font over the process's parsed one: the tables fontkit decodes (cmap,
 * GSUB, GPOS, hmtx, glyf) are cached in the parsed font and shared, while glyph objects are the
 * document's own. A glyph keeps the characters it was first made for, and those go into the PDF's
 * ToUnicode map: shared glyphs would let a "S" first met as a part of "Š" in an earlier document
 * lose its character in every later one. fontkit decodes a glyph's outline (which the font's
 * subset copies, and its box, which its metrics need) from the glyf table again for every glyph
 * object; a document's glyph is answered what the process decoded of that glyph once, and is
 * otherwise fontkit's own (a glyph the document already has is answered as it is).
 */
function documentFont(parsedFont: ParsedFont): FontkitFont {
  const font = fontOver(parsedFont.font);
  const make = font.getGlyph;
  font.getGlyph = (id: number, codePoints: number[] = []): Glyph => {
    const known = font._glyphs[id];
    if (known) return known;
    const glyph = make.call(font, id, codePoints) as TrueTypeGlyph | null;
    if (!glyph) return glyph as unknown as Glyph;
    const decoded = decodedGlyph(parsedFont, id);
    glyph._metrics = decoded.metrics;
    glyph._decode = () => decoded.outline;
    return glyph;
  };
  return font;
}

function decodedGlyph(parsedFont: ParsedFont, id: number): DecodedGlyph {
  let decoded = parsedFont.glyphs.get(id);
  if (!decoded) {
    const glyph = parsedFont.decoder.getGlyph(id, []) as TrueTypeGlyph;
    decoded = { outline: glyph._decode(), metrics: glyph._getMetrics() };
    parsedFont.glyphs.set(id, decoded);
  }
  return decoded;
}

/** Distinct words kept laid out per font; past it the words are forgotten and laid out afresh (a few hundred bytes each). */
const SHARED_WORDS = 20_000;

/**
 * pdfkit lays out each word of a document once (fontkit's OpenType shaping: GSUB, GPOS), in a
 * cache of that document's font: about a third of drawing a report, and most of its garbage,
 * for the same words in every report. Here a word is shaped once per process, in a font over no
 * document's glyphs, and kept as glyph ids, characters and positions; a document makes its glyphs
 * of them as fontkit itself does after shaping (`getGlyph(id, codePoints)`: a glyph the document
 * already has stays as it is), so its subset, widths and ToUnicode map are the same. pdfkit's own
 * per-document cache still answers a word the second time.
 */
function shareWords(opened: OpenedFont, parsedFont: ParsedFont): void {
  const { pristine, words } = parsedFont;
  const cache = opened.layoutCache;
  if (!cache) return;
  opened.layoutCached = (text: string): Run => {
    const known = cache[text];
    if (known) return known;
    let word = words.get(text);
    if (!word) {
      pristine._glyphs = {};
      const run = pristine.layout(text);
      // pdfkit's layoutRun: positions scaled to 1,000 units per em, each with its glyph's advance.
      // Frozen: every document reads the same ones (pdfkit copies a position it changes).
      const positions = run.positions.map((p, i) => Object.freeze({
        xAdvance: p.xAdvance * opened.scale,
        yAdvance: p.yAdvance * opened.scale,
        xOffset: p.xOffset * opened.scale,
        yOffset: p.yOffset * opened.scale,
        advanceWidth: run.glyphs[i].advanceWidth * opened.scale,
      }));
      word = { ids: run.glyphs.map((g) => g.id), codePoints: run.glyphs.map((g) => g.codePoints), positions, advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0) };
      if (words.size >= SHARED_WORDS) words.clear();
      words.set(text, word);
    }
    const { ids, codePoints } = word;
    const made: Run = { glyphs: ids.map((id, i) => opened.font.getGlyph(id, codePoints[i])), positions: word.positions, advanceWidth: word.advanceWidth };
    cache[text] = made;
    return made;
  };
}

/**
 * Gives `doc` DejaVu regular and bold without parsing them again. pdfkit opens a font per document:
 * it reads the TTF, fontkit parses it, and the first line of text decodes the shaping tables (GSUB,
 * GPOS) — about half the time of a short report. Each document still gets its own pdfkit font
 * object (its own subset, widths and layout cache, ids F1 and F2 as `doc.font` would give them)
 * over its own glyphs, so it embeds exactly what it used and the bytes are the same as before.
 * Leaves the regular font current. Create the document with `font: null` so pdfkit opens none itself.
 */
export function useSharedFonts(doc: PDFKit.PDFDocument): void {
  const { open, fonts } = parsedFonts();
  const registry = doc as unknown as FontRegistry;
  for (const [file, parsedFont] of fonts) {
    const opened = new open(doc, documentFont(parsedFont), `F${++registry._fontCount}`);
    shareWords(opened, parsedFont);
    registry._fontFamilies[file] = opened;
    registry._fontFamilies[opened.name] = opened;
  }
  doc.font(FONT_REGULAR);
}

/**
 * Parses the fonts and decodes their shaping tables now, by drawing a line in each into a PDF
 * that is thrown away, so that the first report of a process (a worker's first part) does not pay.
 */
export function warmUpFonts(): Promise<void> {
  const doc = new PDFDocument({ font: null as unknown as string });
  useSharedFonts(doc);
  doc.text('Kazalnik – Šifra, Čas, Žiga: 40,32 %');
  doc.font(FONT_BOLD).text('Kazalnik – Šifra, Čas, Žiga: 40,32 %');
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.on('data', () => undefined);
  doc.end();
  return ended;
}
