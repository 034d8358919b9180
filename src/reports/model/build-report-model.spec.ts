import { loadTemplate } from '../templates/template-loader';
import { buildReportModel } from './build-report-model';
import { indicatorSummaryFactory, reportInputFactory, shareIndicatorFactory } from '../../../test/support/factories/report-input.factory';
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

  it('orders the sections as the template does, leaving out those with nothing in them', () => {
    // No partner parts and no explanation written: no "Ni podatkov." tables.
    expect(model.sections.map((s) => s.kind)).toEqual(['indicatorTable', 'chart', 'signature']);
  });

  it('uses the AS table headings', () => {
    expect(table(model, 'indicatorTable').table.columns.map((c) => c.label).slice(0, 5)).toEqual([
      'Šifra',
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

  it('shows the share target as the contract writes it, "vsaj 25 %", and 40,32 % as the exact 25/62', () => {
    const [, share] = rowsByLabel(table(model, 'indicatorTable'));
    expect(share['Vrsta kazalnika'].text).toBe('Rezultat');
    expect(share['Predvidene vrednosti']).toEqual({
      text: `vsaj 25${NBSP}%`,
      number: 0.25,
      format: 'percent',
      prefix: 'vsaj',
      decimals: 0,
    });
    expect(share['Dosežene vrednosti']).toEqual({ text: `40,32${NBSP}%`, number: 25 / 62, format: 'percent' });
    expect(share['Števec / imenovalec'].text).toBe('25 / 62');
  });

  it('formats the header: lead, partners, the period in one cell, no row for what is not known', () => {
    const byKey = Object.fromEntries(model.header.map((row) => [row.key, row]));
    expect(byKey.nosilec.value).toBe('Društvo NOVUS');
    expect(byKey.partnerji.value).toContain('Andragoški zavod Ljudska univerza Velenje');
    expect(byKey.obdobjeFinanciranja.value).toBe('23. 9. 2019 – 30. 9. 2022');
    expect(byKey.obdobjeFinanciranja.cells).toEqual([{ text: '23. 9. 2019 – 30. 9. 2022', number: null, format: 'text' }]);
    expect(Object.keys(byKey)).not.toEqual(expect.arrayContaining(['znesek']));
    expect(Object.keys(byKey)).not.toEqual(expect.arrayContaining(['pogodba']));
  });

  it('prints a written explanation and never a placeholder for a missing one', () => {
    const missing = buildReportModel(
      reportInputFactory({ indicators: [indicatorSummaryFactory(), shareIndicatorFactory({ explanationMissing: true })] }),
      loadTemplate('ess-kazalniki'),
      'sl',
    );
    expect(missing.sections.map((s) => s.kind)).not.toContain('explanations');
    const written = buildReportModel(
      reportInputFactory({ indicators: [indicatorSummaryFactory(), shareIndicatorFactory({ explanation: 'Več vključenih je našlo zaposlitev.' })] }),
      loadTemplate('ess-kazalniki'),
      'sl',
    );
    const rows = table(written, 'explanations').table.groups[0].rows;
    expect(rows.map((r) => [r[0].text.slice(0, 10), r.at(-1)?.text])).toEqual([['Delež oseb', 'Več vključenih je našlo zaposlitev.']]);
  });

  it('charts achievement as % of plan on one axis', () => {
    const chart = model.sections.find((s) => s.kind === 'chart') as ChartSection;
    expect(chart.bars.map((b) => [b.percent, b.percentText, b.achievedText, b.plannedText])).toEqual([
      [103.33, `103,33${NBSP}%`, '62', '60'],
      [161.29, `161,29${NBSP}%`, `40,32${NBSP}%`, `vsaj 25${NBSP}%`],
    ]);
    expect(chart.axisMax).toBe(175);
    expect(chart.note).toBeNull();
    expect(chart.description).toContain('predvideno 60, doseženo 62 (103,33');
  });

  it('leaves indicators without a plan out of the chart and says how many', () => {
    const input = reportInputFactory({
      indicators: [indicatorSummaryFactory(), indicatorSummaryFactory({ indicatorId: 5, planned: null, achieved: 884, achievementPercent: null })],
    });
    const chart = buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl').sections.find((s) => s.kind === 'chart') as ChartSection;
    expect(chart.bars).toHaveLength(1);
    expect(chart.note).toBe('Kazalniki brez predvidene vrednosti niso prikazani: 1.');
    const none = reportInputFactory({ indicators: [indicatorSummaryFactory({ planned: null, achievementPercent: null })] });
    expect(buildReportModel(none, loadTemplate('ess-kazalniki'), 'sl').sections.map((s) => s.kind)).not.toContain('chart');
  });

  it('fills place and date, gives the responsible person a line with what to write, leaves signature and stamp for the pen', () => {
    const signature = model.sections.find((s) => s.kind === 'signature') as SignatureSection;
    expect(signature.fields.map((f) => [f.label, f.value, f.lineBefore])).toEqual([
      ['Kraj in datum', 'Velenje, 15. 1. 2021', false],
      ['Odgovorna oseba', '(ime in priimek, funkcija)', true],
      ['Podpis', '', false],
      ['Žig', '', false],
    ]);
  });

  it('names the responsible person from the lead organisation\u2019s record, and leaves a line for a place it lacks', () => {
    const input = reportInputFactory({ signature: { place: null, date: '2021-01-15', responsiblePerson: 'Ana Novak', responsibleRole: 'predsednica' } });
    const signature = buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl').sections.find((s) => s.kind === 'signature') as SignatureSection;
    expect(signature.fields.slice(0, 2).map((f) => [f.value, f.lineBefore])).toEqual([
      ['15. 1. 2021', true],
      ['Ana Novak, predsednica', false],
    ]);
  });

  it('keeps the source\u2019s qualifier as part of the figure', () => {
    const input = reportInputFactory({
      indicators: [indicatorSummaryFactory({ planned: null, achieved: 1000, achievementPercent: null, achievedQualifier: 'at_least' })],
    });
    const [row] = table(buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl'), 'indicatorTable').table.groups[0].rows;
    expect(row.find((c) => c.number === 1000)).toEqual({ text: 'vsaj 1.000', number: 1000, format: 'integer', prefix: 'vsaj' });
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
    expect(output[2].text).toBe('Output');
    expect(share[3].text).toBe('at least 25%');
    expect(model.header.find((h) => h.key === 'obdobjeFinanciranja')?.value).toBe('23 Sep 2019 – 30 Sep 2022');
  });

  it('labels the general template in both languages', () => {
    const model = buildReportModel(reportInputFactory(), loadTemplate('splosno-dvojezicno'), 'sl');
    expect(model.header[0].label).toBe('Nosilec / Lead organisation');
    expect(model.pageLabel).toBe('stran {page} od {pages} / page {page} of {pages}');
  });

  it('lays the MJU narrative out per result area, each with its indicators, other indicators last, numbering throughout', () => {
    const areas = [
      { id: 7, code: 'RP1', name: 'Informiranje' },
      { id: 8, code: 'RP2', name: 'Krepitev NVO' },
      { id: 9, code: 'RP3', name: 'Zagovorništvo' },
    ];
    const input = reportInputFactory({
      resultAreas: areas,
      indicators: [indicatorSummaryFactory(), shareIndicatorFactory({ resultArea: areas[0] }), indicatorSummaryFactory({ code: 'K3', name: 'Število delavnic', resultArea: areas[1] })],
      narratives: [
        { resultAreaId: 8, text: 'Izvedli smo 26 delavnic.' },
        { resultAreaId: null, text: 'Splošni del.' },
        { resultAreaId: 7, text: 'Čakalna vrsta za svetovanje se je skrajšala.\n\nDrugi odstavek.' },
      ],
    });
    const model = buildReportModel(input, loadTemplate('mju-sticisce'), 'sl');
    const section = model.sections[0];
    if (section.kind !== 'resultAreas') throw new Error(`first section is ${section.kind}`);
    expect(section.title).toBe('Opis izvedenih aktivnosti po področjih');
    // RP3 has neither text nor figures: left out, with no placeholder.
    expect(section.areas.map((a) => [a.heading, a.paragraphs, a.table?.groups.flatMap((g) => g.rows.map((r) => r[0].text)) ?? null])).toEqual([
      [null, ['Splošni del.'], null],
      ['RP1 Informiranje', ['Čakalna vrsta za svetovanje se je skrajšala.', 'Drugi odstavek.'], ['1.']],
      ['RP2 Krepitev NVO', ['Izvedli smo 26 delavnic.'], ['2.']],
      ['Drugi kazalniki', [], ['3.']],
    ]);
    expect(section.areas[1].table?.columns).toBe(section.table.columns);
    expect(model.sections.map((s) => s.kind)).not.toContain('indicatorTable');
  });

  it('shows an area with figures but no text as its figures alone', () => {
    const area = { id: 7, code: 'PR4', name: 'Nove storitve' };
    const input = reportInputFactory({ resultAreas: [area], indicators: [indicatorSummaryFactory({ resultArea: area })], narratives: [] });
    const section = buildReportModel(input, loadTemplate('mju-sticisce'), 'sl').sections[0];
    expect(section).toMatchObject({ kind: 'resultAreas', areas: [{ heading: 'PR4 Nove storitve', paragraphs: [] }] });
  });

  it('lists partners\u2019 parts with the summary\u2019s warning', () => {
    const part = { organisationId: 1, organisationName: 'Društvo NOVUS', planned: null, achieved: 42, numerator: null, denominator: null };
    const input = reportInputFactory({
      indicators: [indicatorSummaryFactory({ partners: [part], partnerWarning: 'Deli presegajo skupno vrednost za 3.' })],
    });
    const model = buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl');
    const [group] = table(model, 'partnerParts').table.groups;
    // Nobody planned a partner's part or has a numerator: those columns are left out.
    expect(group.rows[0].map((c) => c.text)).toEqual(['Društvo NOVUS', '42']);
    expect(group.note).toBe('Deli presegajo skupno vrednost za 3.');
  });

  it('says at most for a ceiling target', () => {
    const input = reportInputFactory({ indicators: [indicatorSummaryFactory({ direction: 'at_most', planned: 10 })] });
    const model = buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl');
    expect(table(model, 'indicatorTable').table.groups[0].rows[0][3].text).toBe('največ 10');
  });

  it('refuses a generatedAt that is not a timestamp', () => {
    expect(() => buildReportModel(reportInputFactory({ generatedAt: 'včeraj' }), loadTemplate('ess-kazalniki'), 'sl')).toThrow(
      RangeError,
    );
  });
});
