import type { Lang } from '../../common/format/format';
import type {
  IndicatorKind,
  IndicatorStatus,
  IndicatorUnit,
} from '../../indicators/indicator-summary.types';
import type {
  ColumnKey,
  HeaderField,
  LocalizedText,
  SectionKind,
  SignatureField,
  TemplateItem,
} from '../templates/report-template.types';

/** The report's fixed wording in Slovene and English. Templates may override labels. */
export const HEADER_LABELS: Record<HeaderField, LocalizedText> = {
  nosilec: { sl: 'Nosilec', en: 'Lead organisation' },
  partnerji: { sl: 'Partnerji', en: 'Partners' },
  financer: { sl: 'Financer', en: 'Funder' },
  javniRazpis: { sl: 'Javni razpis', en: 'Public call' },
  pogodba: { sl: 'Pogodba', en: 'Contract' },
  operacija: { sl: 'Operacija', en: 'Operation' },
  prednostnaOs: { sl: 'Prednostna os', en: 'Priority axis' },
  prednostnaNalozba: { sl: 'Prednostna naložba', en: 'Investment priority' },
  specificniCilj: { sl: 'Specifični cilj', en: 'Specific objective' },
  kohezijskaRegija: { sl: 'Kohezijska regija', en: 'Cohesion region' },
  obdobjeFinanciranja: { sl: 'Obdobje financiranja', en: 'Funding period' },
  porocevalskoObdobje: { sl: 'Poročevalsko obdobje', en: 'Reporting period' },
  znesek: { sl: 'Znesek', en: 'Amount' },
};

export const COLUMN_LABELS: Record<ColumnKey, LocalizedText> = {
  zapSt: { sl: 'Zap. št.', en: 'No.' },
  sifra: { sl: 'Šifra', en: 'Code' },
  naziv: { sl: 'Naziv kazalnika', en: 'Indicator' },
  vrsta: { sl: 'Vrsta kazalnika', en: 'Type of indicator' },
  merskaEnota: { sl: 'Merska enota', en: 'Unit' },
  izhodiscnaVrednost: { sl: 'Izhodiščna vrednost', en: 'Baseline' },
  predvidenaLeto: { sl: 'Predvidena vrednost v letu', en: 'Target for the year' },
  predvidenaObdobje: { sl: 'Predvidena vrednost za celotno obdobje', en: 'Target for the whole period' },
  dosezenaLeto: { sl: 'Dosežena vrednost v letu', en: 'Achieved in the year' },
  zenske: { sl: 'Ženske', en: 'Women' },
  moski: { sl: 'Moški', en: 'Men' },
  kumulativno: { sl: 'Kumulativno doseženo', en: 'Achieved to date' },
  odstotekDoseganja: { sl: '% doseganja', en: '% achieved' },
  status: { sl: 'Status', en: 'Status' },
  obrazlozitev: { sl: 'Obrazložitev odstopanj', en: 'Explanation of deviations' },
  stevecImenovalec: { sl: 'Števec / imenovalec', en: 'Numerator / denominator' },
};

export const SECTION_LABELS: Record<SectionKind, LocalizedText> = {
  indicatorTable: { sl: 'Kazalniki', en: 'Indicators' },
  partnerParts: { sl: 'Prispevki partnerjev', en: "Partners' contributions" },
  disaggregations: { sl: 'Razčlenitve', en: 'Breakdowns' },
  chart: { sl: 'Doseganje predvidenih vrednosti', en: 'Achievement of planned values' },
  narrative: { sl: 'Vsebinsko poročilo', en: 'Narrative report' },
  resultAreas: { sl: 'Opis izvedenih aktivnosti po področjih', en: 'Activities by result area' },
  explanations: { sl: 'Obrazložitev odstopanj', en: 'Explanation of deviations' },
  signature: { sl: 'Podpis', en: 'Signature' },
};

export const SIGNATURE_LABELS: Record<SignatureField, LocalizedText> = {
  krajInDatum: { sl: 'Kraj in datum', en: 'Place and date' },
  odgovornaOseba: { sl: 'Odgovorna oseba', en: 'Responsible person' },
  podpis: { sl: 'Podpis', en: 'Signature' },
  zig: { sl: 'Žig', en: 'Stamp' },
};

export const KIND_LABELS: Record<IndicatorKind, LocalizedText> = {
  output: { sl: 'Učinek', en: 'Output' },
  result: { sl: 'Rezultat', en: 'Result' },
};

export const STATUS_LABELS: Record<IndicatorStatus, LocalizedText> = {
  met: { sl: 'doseženo', en: 'met' },
  on_track: { sl: 'v skladu z načrtom', en: 'on track' },
  at_risk: { sl: 'ogroženo', en: 'at risk' },
  not_met: { sl: 'ni doseženo', en: 'not met' },
  no_target: { sl: 'brez cilja', en: 'no target' },
};

export const UNIT_LABELS: Record<IndicatorUnit, LocalizedText> = {
  persons: { sl: 'število oseb', en: 'number of persons' },
  events: { sl: 'število dogodkov', en: 'number of events' },
  hours: { sl: 'število ur', en: 'number of hours' },
  eur: { sl: 'EUR', en: 'EUR' },
  percent: { sl: 'delež (%)', en: 'share (%)' },
  other: { sl: 'število', en: 'number' },
};

/** Everything else the report says. */
export const TEXT = {
  generalSheet: { sl: 'Osnovni podatki', en: 'General information' },
  year: { sl: 'leto', en: 'year' },
  pageLabel: { sl: 'stran {page} od {pages}', en: 'page {page} of {pages}' },
  atLeast: { sl: 'vsaj', en: 'at least' },
  atMost: { sl: 'največ', en: 'at most' },
  approximately: { sl: 'približno', en: 'about' },
  moreThan: { sl: 'več kot', en: 'more than' },
  otherIndicators: { sl: 'Drugi kazalniki', en: 'Other indicators' },
  general: { sl: 'Splošno', en: 'General' },
  partner: { sl: 'Partner', en: 'Partner' },
  dimension: { sl: 'Razčlenitev', en: 'Breakdown' },
  dimensionValue: { sl: 'Vrednost razčlenitve', en: 'Category' },
  partsExceedTotal: { sl: 'Vsota delov presega skupno vrednost.', en: 'The parts add up to more than the total.' },
  planned: { sl: 'Predvideno', en: 'Planned' },
  achieved: { sl: 'Doseženo', en: 'Achieved' },
  resultArea: { sl: 'Področje', en: 'Result area' },
  text: { sl: 'Besedilo', en: 'Text' },
  chartDescription: {
    sl: 'Graf doseganja predvidenih vrednosti kazalnikov v odstotkih',
    en: 'Chart of indicator achievement as a percentage of the planned value',
  },
  chartAxis: { sl: '100 % = predvidena vrednost', en: '100% = planned value' },
  chartOmitted: {
    sl: 'Kazalniki brez predvidene vrednosti niso prikazani: {count}.',
    en: 'Indicators without a planned value are not shown: {count}.',
  },
  responsibleRole: { sl: 'ime in priimek, funkcija', en: 'name and position' },
} satisfies Record<string, LocalizedText>;

/** Sheet names: at most 31 characters, so a workbook never shows a title cut mid-word. */
export const SHEET_LABELS: Record<SectionKind, LocalizedText> = {
  indicatorTable: { sl: 'Kazalniki', en: 'Indicators' },
  partnerParts: { sl: 'Prispevki partnerjev', en: 'Partner contributions' },
  disaggregations: { sl: 'Razčlenitve', en: 'Breakdowns' },
  chart: { sl: 'Doseganje načrta', en: 'Achievement' },
  narrative: { sl: 'Vsebinsko poročilo', en: 'Narrative' },
  resultAreas: { sl: 'Aktivnosti po področjih', en: 'Activities by area' },
  explanations: { sl: 'Obrazložitve', en: 'Explanations' },
  signature: { sl: 'Podpis', en: 'Signature' },
};

/** One label in the report's language, or in both ("Nosilec / Lead organisation"). */
export function localize(text: LocalizedText, lang: Lang, bilingual: boolean): string {
  if (!bilingual || text.sl === text.en) return text[lang];
  const other: Lang = lang === 'sl' ? 'en' : 'sl';
  return `${text[lang]} / ${text[other]}`;
}

/** A template item's own label, or the default one for its key. */
export function itemLabel<K extends string>(
  item: TemplateItem<K>,
  defaults: Record<K, LocalizedText>,
  lang: Lang,
  bilingual: boolean,
): string {
  return localize(item.label ?? defaults[item.key], lang, bilingual);
}
