import PDFDocument from 'pdfkit';
import { flattenWhitespace, inspectPdf, PdfInspection } from '../../../test/support/pdf-text';
import { buildReportModel } from '../model/build-report-model';
import { indicatorSummaryFactory, reportInputFactory, shareIndicatorFactory } from '../../../test/support/factories/report-input.factory';
import type { ReportModel } from '../model/report-model.types';
import { loadTemplate } from '../templates/template-loader';
import { FONT_REGULAR } from './pdf-fonts';
import { renderPdf } from './pdf-renderer';
import { splitToFit, unbreakablePieces } from './pdf-table';

jest.setTimeout(30_000);

describe('unbreakablePieces', () => {
  it('keeps "/" and "–" with the word before them, as line breaking does', () => {
    expect(unbreakablePieces('Type of indicator / Vrsta kazalnika')).toEqual(['Type ', 'of ', 'indicator / ', 'Vrsta ', 'kazalnika ']);
    expect(unbreakablePieces('ob izhodu – vsaj 25 %.')).toEqual(['ob ', 'izhodu – ', 'vsaj ', '25 %. ']);
  });

  it('does not split at a no-break space', () => {
    expect(unbreakablePieces('vsaj 40,32\u00A0%')).toEqual(['vsaj ', '40,32\u00A0% ']);
  });
});

describe('splitToFit', () => {
  const doc = new PDFDocument({ size: 'A4', font: FONT_REGULAR });
  doc.fontSize(8);
  const lineHeight = doc.currentLineHeight(true);

  it('cuts between words and loses none of them', () => {
    const text = Array.from({ length: 200 }, (_, n) => `beseda${n}`).join(' ');
    const [head, tail] = splitToFit(doc, text, 120, 5 * lineHeight);
    expect(doc.heightOfString(head, { width: 114 })).toBeLessThanOrEqual(5 * lineHeight);
    expect(doc.heightOfString(`${head} ${tail.split(' ')[0]}`, { width: 114 })).toBeGreaterThan(5 * lineHeight);
    expect(`${head} ${tail}`).toBe(text);
  });

  it('keeps line ends inside the part it returns and drops the one it cuts at', () => {
    const text = 'prvi odstavek\n\ndrugi odstavek\n\ntretji odstavek';
    const [head, tail] = splitToFit(doc, text, 400, 3 * lineHeight);
    expect(head).toBe('prvi odstavek\n\ndrugi odstavek');
    expect(tail).toBe('tretji odstavek');
  });

  it('cuts a word longer than the room between letters, taking at least one', () => {
    const word = 'x'.repeat(400);
    const [head, tail] = splitToFit(doc, word, 60, 2 * lineHeight);
    expect(head.length).toBeGreaterThan(0);
    expect(head + tail).toBe(word);
    expect(splitToFit(doc, word, 60, 0)).toEqual(['x', word.slice(1)]);
  });

  it('returns a text that fits whole', () => {
    expect(splitToFit(doc, 'kratko besedilo', 200, lineHeight)).toEqual(['kratko besedilo', '']);
  });
});

/** Every string the PDF prints in its tables and chart labels. */
function printedTexts(model: ReportModel): string[] {
  return model.sections.flatMap((section) => {
    if (section.kind === 'chart') return section.bars.map((b) => b.label);
    if (section.kind === 'narrative' || section.kind === 'signature') return [];
    return section.table.groups.flatMap((g) => [g.title ?? '', ...g.rows.flat().map((c) => c.text), g.note ?? '']);
  });
}

/** How often each word matching `pattern` occurs. */
function wordCounts(texts: string[], pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const [word] of text.matchAll(pattern)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

describe('renderPdf with a very long explanation and indicator name', () => {
  const VOCABULARY = 'zaradi epidemije so udeleženci delavnice začasno prekinili ter nadaljevali prek'.split(' ');
  // 9,534 characters in paragraphs of 40 words, every word numbered (E17udeleženci) so each can be found.
  const words = Array.from({ length: 800 }, (_, n) => `E${n}${VOCABULARY[n % VOCABULARY.length]}${n % 40 === 39 ? '.' : ''}`);
  const paragraphs = Array.from({ length: 20 }, (_, p) => words.slice(40 * p, 40 * p + 40).join(' '));
  const explanation = `${paragraphs.join('\n\n')} KONEC`;
  const name = Array.from({ length: 52 }, (_, n) => `N${n}kazalnik`).join(' ');

  function model(long: boolean): ReportModel {
    const input = reportInputFactory({
      indicators: [
        indicatorSummaryFactory(),
        shareIndicatorFactory(long ? { name, explanation } : { explanation: 'Kratka obrazložitev.' }),
      ],
    });
    return buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl');
  }

  let long: ReportModel;
  let read: PdfInspection;
  let shortPages: number;

  beforeAll(async () => {
    long = model(true);
    read = await inspectPdf(await renderPdf(long));
    shortPages = (await inspectPdf(await renderPdf(model(false)))).pages.length;
  });

  it('is as long as the review reproduction', () => {
    expect(explanation.length).toBeGreaterThan(9_400);
    expect(explanation.length).toBeLessThanOrEqual(10_000);
    expect(name.length).toBeGreaterThanOrEqual(600);
    expect(name.length).toBeLessThan(650);
  });

  it('prints every word of the explanation, as often as the model has it, through "KONEC"', () => {
    const pattern = /E\d+\p{Ll}+|KONEC/gu;
    const expected = wordCounts(printedTexts(long), pattern);
    // Indicator table and explanations table: 801 words each.
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(2 * 801);
    expect(wordCounts([read.text], pattern)).toEqual(expected);
    expect(read.text).toContain('KONEC');
  });

  it('prints every word of the indicator name', () => {
    const pattern = /N\d+kazalnik/g;
    const expected = wordCounts(printedTexts(long), pattern);
    expect(expected.size).toBe(52);
    expect(wordCounts([read.text], pattern)).toEqual(expected);
  });

  it('uses more pages for it and numbers them "stran N od M"', () => {
    expect(read.pages.length).toBeGreaterThan(shortPages);
    read.pages.forEach((page, i) => expect(page).toContain(`stran ${i + 1} od ${read.pages.length}`));
  });

  it('repeats the header row on every page a split row continues on, above the rest of the row', () => {
    const headers = long.sections.flatMap((s) =>
      s.kind === 'indicatorTable' || s.kind === 'explanations' ? [s.table.columns.map((c) => c.label).join(' ')] : [],
    );
    const word = /E\d+\p{Ll}+/u;
    const pages = read.pages.map(flattenWhitespace).filter((page) => word.test(page));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      const header = Math.min(...headers.map((h) => page.indexOf(h)).filter((at) => at >= 0));
      expect(header).toBeLessThan(page.search(word));
    }
  });

  it('gives the same bytes for the same model', async () => {
    expect((await renderPdf(long)).equals(await renderPdf(long))).toBe(true);
  });
});
