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

/** What pdfkit keeps of an opened font (its `EmbeddedFont`): the fontkit font it wraps. */
interface OpenedFont {
  font: unknown;
  name: string;
}
type OpenedFontClass = new (doc: PDFKit.PDFDocument, font: unknown, id: string) => OpenedFont;
/** pdfkit's per-document font registry, which `doc.font(path)` looks fonts up in first. */
interface FontRegistry {
  _fontFamilies: Record<string, OpenedFont>;
  _fontCount: number;
}

let parsed: { open: OpenedFontClass; fonts: Map<string, object> } | null = null;

/** DejaVu regular and bold parsed once per process, by pdfkit itself on a document never written. */
function parsedFonts(): NonNullable<typeof parsed> {
  if (parsed) return parsed;
  const probe = new PDFDocument({ font: FONT_REGULAR, autoFirstPage: false });
  probe.font(FONT_BOLD);
  const families = (probe as unknown as FontRegistry)._fontFamilies;
  const fonts = new Map([FONT_REGULAR, FONT_BOLD].map((file) => [file, families[file].font as object]));
  parsed = { open: families[FONT_REGULAR].constructor as OpenedFontClass, fonts };
  return parsed;
}

/**
 * One document's fontkit font over the process's parsed one: the tables fontkit decodes (cmap,
 * GSUB, GPOS, hmtx, glyf) are cached in the parsed font and shared, while glyph objects, and the
 * layout engine that makes them, are the document's own. A glyph keeps the characters it was
 * first made for, and those go into the PDF's ToUnicode map: shared glyphs would let a "S" first
 * met as a part of "Š" in an earlier document lose its character in every later one.
 */
function documentFont(font: object): object {
  return Object.assign(Object.create(font) as object, { _glyphs: {} });
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
  for (const [file, font] of fonts) {
    const opened = new open(doc, documentFont(font), `F${++registry._fontCount}`);
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
