import { flattenWhitespace, inspectPdf, PdfInspection } from '../../../test/support/pdf-text';
import { buildReportModel } from '../model/build-report-model';
import { indicatorSummaryFactory, reportInputFactory, shareIndicatorFactory } from '../../../test/support/factories/report-input.factory';
import type { ReportInput } from '../model/report-input.types';
import { loadTemplate } from '../templates/template-loader';
import { renderPdf } from './pdf-renderer';

jest.setTimeout(30_000);

function asInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return reportInputFactory({
    indicators: [
      indicatorSummaryFactory(),
      shareIndicatorFactory({ explanation: '=1+1 je formula, ki ostane besedilo.' }),
      indicatorSummaryFactory({ indicatorId: 3, name: '=SUM(A1:A3) delavnic', planned: 4, achieved: 5, achievementPercent: 125 }),
    ],
    narratives: [{ resultAreaId: null, text: 'Čakalna vrsta za vključitev v program se je v letu 2020 skrajšala.' }],
    ...overrides,
  });
}

describe('renderPdf (AS 2020, ESS template)', () => {
  let pdf: Buffer;
  let read: PdfInspection;
  let text: string;

  beforeAll(async () => {
    pdf = await renderPdf(buildReportModel(asInput(), loadTemplate('ess-kazalniki'), 'sl'));
    read = await inspectPdf(pdf);
    text = flattenWhitespace(read.text);
  });

  it('prints the indicator table with Slovene letters', () => {
    expect(text).toContain('Število oseb iz ranljivih ciljnih skupin');
    expect(text).toContain('Učinek');
    expect(text).toContain('Rezultat');
    expect(text).toContain('vsaj 25 %');
  });

  it('prints the share as 40,32 % (pdfjs reads the no-break space back as a space)', () => {
    expect(text).toContain('40,32 %');
    expect(text).toContain('161,29 %');
  });

  it('prints the header block and the signature block', () => {
    expect(text).toContain('Društvo NOVUS');
    expect(text).toContain('Zavod za izobraževanje in usposabljanje USPEŠEN.SI');
    expect(text).toContain('23. 9. 2019 – 30. 9. 2022');
    expect(text).toContain('Kraj in datum: Velenje, 15. 1. 2021');
  });

  it('writes user text starting with "=" as text', () => {
    expect(text).toContain('=SUM(A1:A3) delavnic');
    expect(text).toContain('=1+1 je formula, ki ostane besedilo.');
  });

  it('numbers the pages "stran N od M"', () => {
    const count = read.pages.length;
    expect(read.pages[0]).toContain(`stran 1 od ${count}`);
    expect(read.pages[count - 1]).toContain(`stran ${count} od ${count}`);
  });

  it('embeds every font it uses, and no standard-14 font', () => {
    expect(read.fonts.length).toBeGreaterThan(0);
    for (const font of read.fonts) expect(font).toMatchObject({ embedded: true, type: 'CIDFontType2' });
    expect(read.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Type1\b/);
  });

  it('declares PDF 1.7, PDF/A-2b, tagging, language and the document information', () => {
    const raw = pdf.toString('latin1');
    expect(read.info).toMatchObject({
      PDFFormatVersion: '1.7',
      Language: 'sl-SI',
      Author: 'Društvo NOVUS',
      Title: 'Poročilo o doseženih vrednostih kazalnikov: Socialna aktivacija »AS – Aktiviraj se!«, 2020',
    });
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/S /Table');
    expect(raw).toContain('/S /Figure');
  });

  it('gives the same bytes for the same model', async () => {
    const again = await renderPdf(buildReportModel(asInput(), loadTemplate('ess-kazalniki'), 'sl'));
    expect(again.equals(pdf)).toBe(true);
  });
});

describe('renderPdf with many indicators', () => {
  it('repeats the table header on every page the table covers', async () => {
    const indicators = Array.from({ length: 60 }, (_, n) =>
      indicatorSummaryFactory({ indicatorId: n + 1, name: `Kazalnik št. ${n + 1}: število udeležencev delavnic` }),
    );
    const model = buildReportModel(asInput({ indicators }), loadTemplate('ess-kazalniki'), 'en');
    const read = await inspectPdf(await renderPdf(model));
    // Pages of the indicator table: its rows say "Output"; the chart and explanations do not.
    const withRows = read.pages.filter((page) => /Kazalnik št\. \d+: število udeležencev delavnic\s+Output/.test(page));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(flattenWhitespace(page)).toContain('Indicator Type of indicator Planned values');
    expect(read.pages[1]).toContain(`page 2 of ${read.pages.length}`);
  });
});

describe('renderPdf as PDF/A-2b, checked with a PDF parser', () => {
  it('has one Length per stream, an output intent, no transparency, and XMP that agrees with the Info dictionary', async () => {
    const { checkPdfa } = await import('../../../test/support/pdfa-check');
    const pdf = await renderPdf(buildReportModel(asInput(), loadTemplate('splosno-dvojezicno'), 'sl'));
    const report = await checkPdfa(pdf);
    expect(report.problems).toEqual([]);
    expect(report.xmp).toMatchObject({
      'xmp:CreateDate': '2021-01-15T09:00:00Z',
      'xmp:ModifyDate': '2021-01-15T09:00:00Z',
      'xmp:MetadataDate': '2021-01-15T09:00:00Z',
      'dc:creator': 'Društvo NOVUS',
    });
  });

  it('keeps /ID and every date fixed by the report date, whatever the clock says', async () => {
    const { checkPdfa } = await import('../../../test/support/pdfa-check');
    const model = () => buildReportModel(asInput(), loadTemplate('ess-kazalniki'), 'sl');
    const first = await renderPdf(model());
    jest.useFakeTimers({ now: new Date('2030-06-01T12:00:00Z'), advanceTimers: true });
    try {
      const second = await renderPdf(model());
      expect(second.equals(first)).toBe(true);
      expect((await checkPdfa(second)).id).toEqual((await checkPdfa(first)).id);
    } finally {
      jest.useRealTimers();
    }
  });
});
