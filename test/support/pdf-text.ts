import { spawn } from 'node:child_process';
import * as path from 'node:path';

/**
 * Reads a PDF back for tests, with pdfjs-dist's legacy build. pdfjs-dist 5 is ESM-only and jest
 * runs CommonJS here, so the work happens in `pdf-text-child.mjs` in a child Node process that gets the
 * PDF on stdin and answers with JSON on stdout.
 */
export interface PdfFont {
  name: string;
  /** False for a font the PDF only names (the standard 14, Helvetica…), without its file. */
  embedded: boolean;
  type: string | null;
}

export interface PdfInspection {
  /** Text of each page; lines end with "\n". */
  pages: string[];
  /** All pages, separated by form feeds. */
  text: string;
  /** Every font a page's content actually selects. */
  fonts: PdfFont[];
  /** The document information (Title, Author, Language, PDFFormatVersion, …) as pdfjs reads it. */
  info: Record<string, unknown>;
}

const SCRIPT = path.join(__dirname, 'pdf-text-child.mjs');

export function inspectPdf(pdf: Buffer): Promise<PdfInspection> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`pdf-text-child.mjs exited with ${code}: ${Buffer.concat(err).toString('utf8')}`));
        return;
      }
      try {
        resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as PdfInspection);
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(pdf);
  });
}

/** The PDF's text, pages separated by form feeds. */
export async function extractPdfText(pdf: Buffer): Promise<string> {
  return (await inspectPdf(pdf)).text;
}

/** Text with every run of whitespace (line ends, no-break spaces) as one space, for `toContain`. */
export function flattenWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}
