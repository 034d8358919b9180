import * as fs from 'node:fs';
import * as path from 'node:path';

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
