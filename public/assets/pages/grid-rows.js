import { inputNumber, readNumber, UNIT_DECIMALS } from '../format.js';
import { t } from '../i18n.js';

/**
 * The rows of the grid, as plain data: one per indicator × part (the whole partnership, each
 * partner, each dimension part) and per stored value of the year (a part with monthly values has
 * a row for each month); a part with nothing stored yet gets one row for the whole reporting
 * year. The same rows as the Excel template (src/indicators/use-cases/import-values.handler.ts),
 * so that the grid and a filled workbook mean the same thing.
 */
export function gridRows({ summary, definitions, partners, values, yearInfo }) {
  const rows = [];
  for (const ind of summary.indicators) {
    const stored = values.get(ind.indicatorId) ?? [];
    const dimensions = definitions.get(ind.indicatorId)?.dimensions ?? [];
    const parts = [
      { partnerId: null, partName: t('grid.total'), dimension: null, dimensionValue: null, planned: ind.planned },
      ...partners.map((p) => ({
        partnerId: p.organisationId,
        partName: p.organisation.name,
        dimension: null,
        dimensionValue: null,
        planned: ind.partners.find((x) => x.organisationId === p.organisationId)?.planned ?? null,
      })),
      ...dimensionParts(dimensions, stored),
    ];
    for (const part of parts) {
      const mine = stored.filter((v) => sameKey(v, part));
      const base = { indicator: ind, ...part };
      if (mine.length === 0) rows.push({ ...base, periodStart: yearInfo.start, periodEnd: yearInfo.end, stored: null });
      for (const v of mine) rows.push({ ...base, periodStart: v.periodStart, periodEnd: v.periodEnd, stored: v });
    }
  }
  return rows.map((row, i) => ({ ...row, no: i + 1, wholeYear: row.periodStart === yearInfo.start && row.periodEnd === yearInfo.end }));
}

function sameKey(v, part) {
  return (v.partnerOrganisationId ?? null) === part.partnerId && (v.dimension ?? null) === part.dimension && (v.dimensionValue ?? null) === part.dimensionValue;
}

/** Women and men where an indicator is broken down by gender, and whatever parts are stored. */
function dimensionParts(dimensions, stored) {
  const parts = new Map();
  if (dimensions.includes('gender')) for (const v of ['ženske', 'moški']) parts.set(`gender|${v}`, { dimension: 'gender', dimensionValue: v });
  for (const s of stored) if (s.dimension && s.dimensionValue) parts.set(`${s.dimension}|${s.dimensionValue}`, { dimension: s.dimension, dimensionValue: s.dimensionValue });
  return [...parts.values()].map((p) => ({ partnerId: null, partName: `${t('grid.total')} – ${p.dimensionValue}`, planned: null, ...p }));
}

/** The columns a row is entered in: the value, or a share's numerator and denominator. */
export function inputColumns(row) {
  return row.indicator.isShare ? ['numerator', 'denominator'] : ['value'];
}

/** What a cell showed when loaded, as a person would type it. */
export function originalText(row, col) {
  return row.stored ? inputNumber(row.stored[col]) : '';
}

/**
 * Reads the typed cells of a changed row into one batch row, or the problems found on the page
 * (`[{ col, message }]`). The page applies the same entry rules as the server (which decides):
 * the page's number notation, whole numbers where the unit counts persons or events.
 */
export function readRow(row, typed) {
  const problems = [];
  const figures = {};
  const decimals = row.indicator.isShare ? 0 : (UNIT_DECIMALS[row.indicator.unit] ?? 6);
  for (const col of inputColumns(row)) {
    const text = typed[col] ?? '';
    const read = readNumber(text, { decimals });
    if (read.error) problems.push({ col, message: numberProblem(read.error, text, decimals, row.stored !== null) });
    else figures[col] = read.value;
  }
  if (row.indicator.isShare && !problems.length) {
    if (Number(figures.denominator) === 0) problems.push({ col: 'denominator', message: t('value.denominatorZero') });
    else if (Number(figures.numerator) > Number(figures.denominator)) problems.push({ col: 'numerator', message: t('value.numeratorTooBig') });
  }
  if (problems.length) return { problems };
  return {
    input: {
      row: row.no,
      ...(row.stored ? { id: row.stored.id, version: row.stored.version } : {}),
      indicatorId: row.indicator.indicatorId,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      ...(row.partnerId !== null ? { partnerOrganisationId: row.partnerId } : {}),
      ...(row.dimension ? { dimension: row.dimension, dimensionValue: row.dimensionValue } : {}),
      ...figures,
    },
  };
}

/** The message for a number the page refuses (format.js readNumber's error). */
export function numberProblem(error, text, decimals, stored = false) {
  const shown = String(text).trim();
  if (error === 'empty') return t(stored ? 'entry.noDelete' : 'entry.required');
  if (error === 'negative') return t('entry.negative');
  if (error === 'whole') return t('entry.whole', { text: shown });
  if (error === 'decimals') return t('entry.decimals', { text: shown, decimals });
  return t('entry.format', { text: shown });
}
