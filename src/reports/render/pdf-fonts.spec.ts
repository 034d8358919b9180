import PDFDocument from 'pdfkit';
import { inspectPdf } from '../../../test/support/pdf-text';
import { FONT_BOLD, FONT_REGULAR, useSharedFonts } from './pdf-fonts';

jest.setTimeout(30_000);

/** A one-line PDF in bold, over the process's parsed fonts or opening its own; dated, so its bytes are fixed. */
function onePdf(line: string, shared: boolean): Promise<Buffer> {
  const date = new Date('2021-02-15T00:00:00Z');
  const doc = new PDFDocument({ size: 'A4', font: shared ? (null as unknown as string) : FONT_REGULAR, info: { CreationDate: date, ModDate: date } });
  if (shared) useSharedFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  doc.font(FONT_BOLD).fontSize(12).text(line, 50, 50);
  doc.end();
  return done;
}

describe('useSharedFonts', () => {
  it('reads back "Status" after a document that drew only "Šifra" (S first met as a part of Š)', async () => {
    await onePdf('Šifra', true);
    const read = await inspectPdf(await onePdf('Status', true));
    expect(read.text).toContain('Status');
  });

  it('gives the bytes of documents that open their own fonts, whatever was drawn before, words shared or not', async () => {
    const lines = [
      'Šifra Status: Čas – 40,32 % Žiga Šuštar',
      'Število oseb iz ranljivih ciljnih skupin, vključenih v program: 382.188,56 €',
      'Status Šifra – 23. 9. 2019 ffi fl Ωµμ',
    ];
    // Every line after every other, so that the words each meets were shaped for another document first.
    for (const order of [lines, [...lines].reverse(), [lines[1], lines[0], lines[2]]]) {
      for (const line of order) {
        const shared = await onePdf(line, true);
        expect(shared.equals(await onePdf(line, false))).toBe(true);
      }
    }
  });

  it('gives the bytes of a document that opens its own fonts, after other documents', async () => {
    await onePdf('Žiga Šuštar', true);
    const shared = await onePdf('Zap. Status: Čas – 40,32 %', true);
    const own = await onePdf('Zap. Status: Čas – 40,32 %', false);
    expect(shared.equals(own)).toBe(true);
  });
});
