import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Prints workbooks as LibreOffice does (`soffice --headless --convert-to pdf`) and reads the pages
 * back with poppler (pdfinfo, pdftotext -bbox): page sizes, and every word with its box. A label
 * cut by its cell loses letters in the PDF; text that runs over another cell or row puts its words
 * on top of others, which intersecting boxes show.
 */
export const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

export interface PrintedWord {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PrintedDocument {
  /** Width × height of each page in points. */
  pages: { width: number; height: number }[];
  words: PrintedWord[];
}

/** Converts each workbook to PDF in one LibreOffice run; returns the PDFs by the workbooks' names. */
export function printWorkbooks(files: { name: string; body: Buffer }[]): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'kazalnik-print-'));
  const paths = files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.body);
    return path;
  });
  // A profile of its own, so a LibreOffice the user has open does not take the job over.
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...paths], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  return new Map(files.map((f) => [f.name, readFileSync(join(dir, 'pdf', basename(f.name).replace(/\.xlsx$/, '.pdf')))]));
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function readPrinted(pdf: Buffer): PrintedDocument {
  const dir = mkdtempSync(join(tmpdir(), 'kazalnik-printed-'));
  const path = join(dir, 'doc.pdf');
  writeFileSync(path, pdf);
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const pages: PrintedDocument['pages'] = [];
  const words: PrintedWord[] = [];
  for (const match of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[1]) pages.push({ width: Number(match[1]), height: Number(match[2]) });
    else words.push({ page: pages.length, text: decode(match[7]), x0: Number(match[3]), y0: Number(match[4]), x1: Number(match[5]), y1: Number(match[6]) });
  }
  return { pages, words };
}

/** A4 in either orientation, to the point. */
export function isA4(page: { width: number; height: number }): boolean {
  const [short, long] = [page.width, page.height].sort((a, b) => a - b);
  return Math.abs(short - 595.3) < 1.5 && Math.abs(long - 841.9) < 1.5;
}

/**
 * Pairs of words on one page drawn over each other: boxes that share more than a point across and
 * more than 40 % of the smaller height (the lines of one wrapped cell share a sliver of their font
 * boxes, which is not an overlap).
 */
export function overlappingWords(doc: PrintedDocument): [PrintedWord, PrintedWord][] {
  const found: [PrintedWord, PrintedWord][] = [];
  const byPage = new Map<number, PrintedWord[]>();
  for (const w of doc.words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const words of byPage.values()) {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i];
        const b = words[j];
        const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (dx > 1 && dy > 0.4 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) found.push([a, b]);
      }
    }
  }
  return found;
}

/**
 * The words of `text` that the print does not hold whole. A word LibreOffice broke over two lines
 * (a long address at a slash) counts as whole when its pieces follow one another.
 */
export function missingWords(doc: PrintedDocument, text: string): string[] {
  const printed = new Set(doc.words.map((w) => w.text));
  const joined = doc.words.map((w) => w.text).join('');
  return text.split(/\s+/).filter((word) => word !== '' && !printed.has(word) && !joined.includes(word));
}
