import { formatDate, formatEur, formatNumber, formatPercent } from '../common/format/format';

/**
 * The words an auditor reads in a trail export: actions, records, roles, reason categories and
 * fields in Slovene, and each change field by field ("Vrednost: 12 → 14"), values in their unit.
 * Plain data in, text out; a code nobody gave words to is shown as it is.
 */
export const ACTION_WORDS: Record<string, string> = {
  create: 'vnos',
  update: 'sprememba',
  delete: 'izbris',
  correct: 'popravek zaklenjenega leta',
  lock: 'zaklep leta',
  unlock: 'odklep leta',
  submit: 'oddaja poročila',
  login: 'prijava',
  login_failed: 'neuspešna prijava',
  logout: 'odjava',
  role_change: 'sprememba vloge',
  part_ready: 'del poročila pripravljen',
  return: 'vrnitev v dopolnitev',
  approve: 'potrditev',
};

export const ENTITY_WORDS: Record<string, string> = {
  achieved_value: 'dosežena vrednost',
  target: 'ciljna vrednost',
  indicator: 'kazalnik',
  deviation_explanation: 'obrazložitev odstopanj',
  narrative: 'vsebinsko poročilo',
  project: 'projekt',
  project_partner: 'partner projekta',
  funding_period: 'obdobje financiranja',
  funding_period_funder: 'financer obdobja',
  objective: 'strateški cilj',
  result_area: 'vsebinsko področje',
  organisation: 'organizacija',
  funder: 'financer',
  public_call: 'javni razpis',
  report_submission: 'oddaja poročila',
  report_cycle: 'stanje poročila',
  year_lock: 'zaklep leta',
  lock_exception: 'izjema zaklepa',
  indicator_comment: 'komentar kazalnika',
  calendar_feed: 'koledar',
  user: 'uporabnik',
};

export const ROLE_WORDS: Record<string, string> = {
  admin: 'skrbnik sistema',
  coordinator: 'koordinator',
  project_manager: 'vodja projekta',
  auditor: 'revizor',
  reviewer: 'skrbnik pogodbe',
  system: 'sistem',
};

export const REASON_WORDS: Record<string, string> = {
  data_entry_error: 'napaka pri vnosu',
  late_evidence: 'naknadno prejeta dokazila',
  funder_request: 'zahteva financerja',
  other: 'drugo',
};

const FIELD_WORDS: Record<string, string> = {
  value: 'Vrednost',
  numerator: 'Števec',
  denominator: 'Imenovalec',
  year: 'Leto',
  periodStart: 'Začetek obdobja',
  periodEnd: 'Konec obdobja',
  comment: 'Opomba',
  qualifier: 'Opredelitev',
  dimension: 'Razčlenitev',
  dimensionValue: 'Vrednost razčlenitve',
  partnerOrganisationId: 'Partner (ID)',
  text: 'Besedilo',
  name: 'Naziv',
  nameEn: 'Naziv (angl.)',
  code: 'Šifra',
  kind: 'Vrsta',
  unit: 'Merska enota',
  unitLabel: 'Oznaka enote',
  aggregation: 'Seštevanje',
  direction: 'Smer cilja',
  baselineValue: 'Izhodiščna vrednost',
  baselineYear: 'Leto izhodišča',
  validFrom: 'Velja od',
  reference: 'Vir',
  startDate: 'Začetek',
  endDate: 'Konec',
  amountEur: 'Znesek',
  contractReference: 'Pogodba',
  description: 'Opis',
  status: 'Stanje',
  role: 'Vloga',
  place: 'Kraj',
  reason: 'Razlog',
  username: 'Uporabniško ime',
  templateId: 'Predloga',
  lang: 'Jezik',
  shortName: 'Kratko ime',
  registrationNumber: 'Matična številka',
  numeratorDefinition: 'Opredelitev števca',
  denominatorDefinition: 'Opredelitev imenovalca',
  dimensions: 'Razčlenitve',
  places: 'Kraji',
  region: 'Regija',
  note: 'Opomba',
  sharePercent: 'Delež financiranja',
  responsiblePerson: 'Odgovorna oseba',
  responsibleRole: 'Funkcija odgovorne osebe',
  operationId: 'Številka operacije',
  operationName: 'Operacija',
  priorityAxis: 'Prednostna os',
  investmentPriority: 'Prednostna naložba',
  specificObjective: 'Specifični cilj',
  cohesionRegion: 'Kohezijska regija',
  fundingPeriodId: 'Obdobje financiranja (ID)',
  organisationId: 'Organizacija (ID)',
  leadOrganisationId: 'Nosilec (ID)',
  resultAreaId: 'Vsebinsko področje (ID)',
  objectiveId: 'Strateški cilj (ID)',
  publicCallId: 'Javni razpis (ID)',
  funderId: 'Financer (ID)',
  files: 'Datoteke',
};

/** Fields in the order an auditor reads them: the figure first, then its period and notes. */
const FIELD_ORDER = ['value', 'numerator', 'denominator', 'qualifier', 'year', 'periodStart', 'periodEnd', 'partnerOrganisationId', 'dimension', 'dimensionValue', 'text', 'comment'];

function byReadingOrder(a: string, b: string): number {
  const rank = (k: string) => (FIELD_ORDER.includes(k) ? FIELD_ORDER.indexOf(k) : FIELD_ORDER.length);
  return rank(a) - rank(b) || fieldWord(a).localeCompare(fieldWord(b), 'sl');
}

const VALUE_WORDS: Record<string, Record<string, string>> = {
  qualifier: { at_least: 'vsaj', approximately: 'približno', more_than: 'več kot' },
  kind: {
    output: 'učinek',
    result: 'rezultat',
    ngo: 'nevladna organizacija',
    public_institute: 'javni zavod',
    company: 'podjetje',
    municipality: 'občina',
    ministry: 'ministrstvo',
    eu_fund: 'sklad EU',
    las: 'LAS',
    other: 'drugo',
  },
  unit: { persons: 'število oseb', events: 'število dogodkov', hours: 'število ur', eur: 'EUR', percent: 'delež (%)', other: 'število' },
  aggregation: { sum: 'vsota', cumulative: 'kumulativno', latest: 'zadnja vrednost' },
  direction: { at_least: 'vsaj', at_most: 'največ' },
  role: { ...ROLE_WORDS, lead: 'nosilec', partner: 'partner', stakeholder: 'drug deležnik' },
};

/** Bookkeeping every record carries: not a change anyone made. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'enteredBy', 'enteredAt', 'updatedBy', 'updatedAt', 'indicatorId', 'projectId', 'sortOrder', 'passwordHash', 'hash']);

/** What an indicator's values mean, so that 40.32 reads "40,32 %" and 250109.76 "250.109,76 €". */
export interface UnitOf {
  unit: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MEASURED = new Set(['value', 'baselineValue']);

export function valueText(field: string, value: unknown, unit: UnitOf | null): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'da' : 'ne';
  const words = VALUE_WORDS[field];
  if (words && typeof value === 'string' && words[value]) return words[value];
  if (Array.isArray(value)) return value.map((v) => valueText(field, v, unit)).join(', ') || '–';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (ISO_DATE.test(text)) return formatDate(text, 'sl');
  if (typeof value === 'number' || DECIMAL.test(text)) {
    if (field === 'amountEur') return formatEur(text, { lang: 'sl' });
    if (MEASURED.has(field) && unit?.unit === 'percent') return formatPercent(text, { lang: 'sl', decimals: undefined });
    if (MEASURED.has(field) && unit?.unit === 'eur') return formatEur(text, { lang: 'sl' });
    if (field === 'year' || field.endsWith('Year')) return text;
    return formatNumber(text, { lang: 'sl' });
  }
  return text;
}

function fieldWord(field: string): string {
  return FIELD_WORDS[field] ?? field;
}

/**
 * The change in words, one field after another: "Vrednost: 12 → 14; Opomba: – → popravek" for a
 * change, "Vrednost: 14; Leto: 2020" for what a record was created or deleted with.
 */
export function describeChange(before: Record<string, unknown> | null, after: Record<string, unknown> | null, unit: UnitOf | null): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
    .filter((k) => !HIDDEN_FIELDS.has(k))
    .sort(byReadingOrder);
  if (before && after) {
    return keys
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      .map((k) => `${fieldWord(k)}: ${valueText(k, before[k], unit)} → ${valueText(k, after[k], unit)}`)
      .join('; ');
  }
  const state = after ?? before ?? {};
  return keys
    .filter((k) => state[k] !== null && state[k] !== undefined && state[k] !== '')
    .map((k) => `${fieldWord(k)}: ${valueText(k, state[k], unit)}`)
    .join('; ');
}

export function words(table: Record<string, string>, code: string | null): string {
  if (code === null) return '';
  return table[code] ?? code;
}

/** "število oseb", or the indicator's own unit label ("objave"). */
export function unitWords(unit: string, unitLabel: string | null): string {
  return unitLabel ?? VALUE_WORDS.unit[unit] ?? unit;
}
