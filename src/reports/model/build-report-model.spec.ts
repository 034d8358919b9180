import { loadTemplate } from '../templates/template-loader';
import { buildReportModel } from './build-report-model';
import { indicatorSummaryFactory, reportInputFactory, shareIndicatorFactory } from './report-input.factory';
import type { ChartSection, ReportModel, SignatureSection, TableSection } from './report-model.types';

const NBSP = '\u00A0';

function table(model: ReportModel, kind: TableSection['kind']): TableSection {
  const section = model.sections.find((s) => s.kind === kind);
  if (!section) throw new Error(`no ${kind} section`);
  return section as TableSection;
}

/** Cells of the first group's rows, keyed by column label. */
function rowsByLabel(section: TableSection) {
  const labels = section.table.columns.map((c) => c.label);
  return section.table.groups[0].rows.map((row) => Object.fromEntries(row.map((cell, i) => [labels[i], cell])));
}

describe('buildReportModel with the ESS template (AS 2020)', () => {
  const model = buildReportModel(reportInputFactory(), loadTemplate('ess-kazalniki'), 'sl');

  it('orders the sections as the template does', () => {
    expect(model.sections.map((s) => s.kind)).toEqual(['indicatorTable', 'partnerParts', 'chart', 'explanations', 'signature']);
  });

  it('uses the AS table headings', () => {
    expect(table(model, 'indicatorTable').table.columns.map((c) => c.label).slice(0, 4)).toEqual([
      'Naziv kazalnika',
      'Vrsta kazalnika',
      'Predvidene vrednosti',
      'Dosežene vrednosti',
    ]);
  });

  it('shows the output indicator as 60 planned, 62 achieved, 103,33 %', () => {
    const [output] = rowsByLabel(table(model, 'indicatorTable'));
    expect(output['Vrsta kazalnika'].text).toBe('Učinek');
    expect(output['Predvidene vrednosti']).toEqual({ text: '60', number: 60, format: 'integer' });
    expect(output['Dosežene vrednosti']).toEqual({ text: '62', number: 62, format: 'integer' });
    expect(output['% doseganja']).toEqual({ text: `103,33${NBSP}%`, number: 1.0333, format: 'percent' });
  });

  it('shows the share as "vsaj 25,00 %" stored as 0.25, achieved 40,32 % as 0.4032', () => {
    const [, share] = rowsByLabel(table(model, 'indicatorTable'));
    expect(share['Vrsta kazalnika'].text).toBe('Rezultat');
    expect(share['Predvidene vrednosti']).toEqual({
      text: `vsaj 25,00${NBSP}%`,
      number: 0.25,
      format: 'percent',
      prefix: 'vsaj',
    });
    expect(share['Dosežene vrednosti']).toEqual({ text: `40,32${NBSP}%`, number: 0.4032, format: 'percent' });
    expect(share['Števec / imenovalec'].text).toBe('25 / 62');
  });

  it('formats the header: lead, partners, period with real dates', () => {
    const byKey = Object.fromEntries(model.header.map((row) => [row.key, row]));
    expect(byKey.nosilec.value).toBe('Društvo NOVUS');
    expect(byKey.partnerji.value).toContain('Andragoški zavod Ljudska univerza Velenje');
    expect(byKey.obdobjeFinanciranja.value).toBe('23. 9. 2019 – 30. 9. 2022');
    expect(byKey.obdobjeFinanciranja.cells[0].date?.toISOString()).toBe('2019-09-23T00:00:00.000Z');
    expect(byKey.znesek.value).toBe('–');
  });

  it('asks to explain the share (161,29 % is beyond ±15) but not the output (103,33 %)', () => {
    const rows = table(model, 'explanations').table.groups[0].rows;
    expect(rows).toHaveLength(1);
    expect(rows[0][0].text).toContain('Delež oseb');
    expect(rows[0][4].text).toBe('Obrazložitev manjka.');
  });

  it('charts both indicators in their own units', () => {
    const chart = model.sections.find((s) => s.kind === 'chart') as ChartSection;
    expect(chart.bars.map((b) => [b.planned, b.achieved, b.achievedText])).toEqual([
      [60, 62, '62'],
      [25, 40.32, `40,32${NBSP}%`],
    ]);
    expect(chart.description).toContain('predvideno 60, doseženo 62');
  });

  it('fills place and date, leaves signature and stamp for the pen', () => {
    const signature = model.sections.find((s) => s.kind === 'signature') as SignatureSection;
    expect(signature.fields.map((f) => [f.label, f.value])).toEqual([
      ['Kraj in datum', 'Velenje, 15. 1. 2021'],
      ['Odgovorna oseba', ''],
      ['Podpis', ''],
      ['Žig', ''],
    ]);
  });

  it('describes the document for the PDF/XLSX properties', () => {
    expect(model.metadata).toMatchObject({ author: 'Društvo NOVUS', lang: 'sl-SI' });
    expect(model.metadata.creationDate.toISOString()).toBe('2021-01-15T09:00:00.000Z');
    expect(model.pageLabel).toBe('stran {page} od {pages}');
  });
});

describe('buildReportModel in other layouts', () => {
  it('writes English numbers and labels', () => {
    const model = buildReportModel(reportInputFactory(), loadTemplate('ess-kazalniki'), 'en');
    const [output, share] = table(model, 'indicatorTable').table.groups[0].rows;
    expect(output[1].text).toBe('Output');
    expect(share[2].text).toBe('at least 25.00%');
    expect(model.header.find((h) => h.key === 'obdobjeFinanciranja')?.value).toBe('23 Sep 2019 – 30 Sep 2022');
  });

  it('labels the general template in both languages', () => {
    const model = buildReportModel(reportInputFactory(), loadTemplate('splosno-dvojezicno'), 'sl');
    expect(model.header[0].label).toBe('Nosilec / Lead organisation');
    expect(model.pageLabel).toBe('stran {page} od {pages} / page {page} of {pages}');
  });

  it('groups the MJU table by result area, other indicators last, numbering throughout', () => {
    const area = { id: 7, code: '1', name: 'Informiranje' };
    const input = reportInputFactory({
      resultAreas: [area],
      indicators: [indicatorSummaryFactory(), shareIndicatorFactory({ resultArea: area })],
      narratives: [{ resultAreaId: 7, text: 'Čakalna vrsta za svetovanje se je skrajšala.' }],
    });
    const model = buildReportModel(input, loadTemplate('mju-sticisce'), 'sl');
    const groups = table(model, 'indicatorTable').table.groups;
    expect(groups.map((g) => [g.title, g.rows.map((r) => r[0].text)])).toEqual([
      ['1 Informiranje', ['1.']],
      ['Drugi kazalniki', ['2.']],
    ]);
    const narrative = model.sections[0];
    expect(narrative).toMatchObject({
      kind: 'narrative',
      title: 'Opis izvedenih aktivnosti po področjih',
      blocks: [{ heading: '1 Informiranje', paragraphs: ['Čakalna vrsta za svetovanje se je skrajšala.'] }],
    });
  });

  it('lists partners\u2019 parts with the summary\u2019s warning', () => {
    const part = { organisationId: 1, organisationName: 'Društvo NOVUS', planned: null, achieved: 42, numerator: null, denominator: null };
    const input = reportInputFactory({
      indicators: [indicatorSummaryFactory({ partners: [part], partnerWarning: 'Deli presegajo skupno vrednost za 3.' })],
    });
    const model = buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl');
    const [group] = table(model, 'partnerParts').table.groups;
    expect(group.rows[0].map((c) => c.text)).toEqual(['Društvo NOVUS', '–', '42', '']);
    expect(group.note).toBe('Deli presegajo skupno vrednost za 3.');
  });

  it('says at most for a ceiling target', () => {
    const input = reportInputFactory({ indicators: [indicatorSummaryFactory({ direction: 'at_most', planned: 10 })] });
    const model = buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl');
    expect(table(model, 'indicatorTable').table.groups[0].rows[0][2].text).toBe('največ 10');
  });

  it('refuses a generatedAt that is not a timestamp', () => {
    expect(() => buildReportModel(reportInputFactory({ generatedAt: 'včeraj' }), loadTemplate('ess-kazalniki'), 'sl')).toThrow(
      RangeError,
    );
  });
});
