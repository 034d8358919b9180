import type { Lang } from '../../common/format/format';

/**
 * A report layout as data: which header fields, columns and sections a funder's report has, in
 * which order, under which labels. Shipped as `templates/*.yaml`; see `template-parser.ts`.
 */
export const HEADER_FIELDS = [
  'nosilec',
  'partnerji',
  'financer',
  'javniRazpis',
  'pogodba',
  'operacija',
  'prednostnaOs',
  'prednostnaNalozba',
  'specificniCilj',
  'kohezijskaRegija',
  'obdobjeFinanciranja',
  'porocevalskoObdobje',
  'znesek',
] as const;

export const COLUMN_KEYS = [
  'zapSt',
  'sifra',
  'naziv',
  'vrsta',
  'merskaEnota',
  'izhodiscnaVrednost',
  'predvidenaLeto',
  'predvidenaObdobje',
  'dosezenaLeto',
  'zenske',
  'moski',
  'kumulativno',
  'odstotekDoseganja',
  'status',
  'obrazlozitev',
  'stevecImenovalec',
] as const;

export const SECTION_KINDS = [
  'indicatorTable',
  'partnerParts',
  'disaggregations',
  'chart',
  'narrative',
  'resultAreas',
  'explanations',
  'signature',
] as const;

export const SIGNATURE_FIELDS = ['krajInDatum', 'odgovornaOseba', 'podpis', 'zig'] as const;

export const GROUPINGS = ['none', 'resultArea'] as const;
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export const LANGS = ['sl', 'en'] as const;

export type HeaderField = (typeof HEADER_FIELDS)[number];
export type ColumnKey = (typeof COLUMN_KEYS)[number];
export type SectionKind = (typeof SECTION_KINDS)[number];
export type SignatureField = (typeof SIGNATURE_FIELDS)[number];
export type Grouping = (typeof GROUPINGS)[number];
export type Orientation = (typeof ORIENTATIONS)[number];

export type LocalizedText = Record<Lang, string>;

/** A field, column or section chosen by a template, with an optional label of its own. */
export interface TemplateItem<K extends string> {
  key: K;
  label: LocalizedText | null;
}

/**
 * Which projects a template is the funder's form for: any of these funders (by code) or public
 * calls (by name) on the reported contract. Null: a general template, for every project.
 */
export interface TemplateScope {
  funders: string[];
  calls: string[];
}

export interface ReportTemplate {
  id: string;
  appliesTo: TemplateScope | null;
  title: LocalizedText;
  defaultLanguage: Lang;
  /** Labels in both languages ("Nosilec / Lead organisation"), the chosen language first. */
  bilingual: boolean;
  orientation: Orientation;
  header: TemplateItem<HeaderField>[];
  columns: TemplateItem<ColumnKey>[];
  grouping: Grouping;
  sections: TemplateItem<SectionKind>[];
  /** An indicator needs an explanation when achievement departs from 100 % by more than this. */
  deviationThresholdPercent: number;
  signature: TemplateItem<SignatureField>[];
}
