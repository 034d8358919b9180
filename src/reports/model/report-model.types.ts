import type { Lang } from '../../common/format/format';
import type { HeaderField, Orientation, SignatureField } from '../templates/report-template.types';

/**
 * A report resolved for drawing: every label localized, every number formatted. Renderers read
 * `text` for display and `number`/`date` for spreadsheet cells; they decide nothing about numbers.
 */
export type CellFormat = 'text' | 'integer' | 'decimal' | 'percent' | 'eur' | 'date';

export interface ReportCell {
  /** What a reader sees, in the report's language ("40,32 %", "vsaj 25,00 %", "–"). */
  text: string;
  /** What a spreadsheet stores: percent cells hold the fraction (40,32 % → 0.4032). */
  number: number | null;
  format: CellFormat;
  /** Date cells only: midnight UTC of the day (exceljs writes Dates as UTC). */
  date?: Date;
  /** A qualifier shown before the number ("vsaj", "največ"); spreadsheets put it in the number format. */
  prefix?: string;
}

export interface ReportColumn {
  /** A template column key, or a fixed key of a built-in table (partner, dimension, …). */
  key: string;
  label: string;
  /** Relative width: long texts get more room than numbers. */
  weight: number;
  /** Numbers are aligned right, texts left. */
  align: 'left' | 'right';
}

export interface ReportRowGroup {
  /** A result area's name, or an indicator's name in partner tables; null for an ungrouped table. */
  title: string | null;
  rows: ReportCell[][];
  /** A warning shown under the group (partners' parts exceed the total, …). */
  note: string | null;
}

export interface ReportTable {
  columns: ReportColumn[];
  groups: ReportRowGroup[];
  /** Shown instead of rows when there are none. */
  emptyText: string;
}

export interface HeaderRow {
  key: HeaderField;
  label: string;
  value: string;
  /** The value as spreadsheet cells (a period is two date cells, an amount one EUR cell). */
  cells: ReportCell[];
}

export interface TableSection {
  kind: 'indicatorTable' | 'partnerParts' | 'disaggregations' | 'explanations';
  title: string;
  table: ReportTable;
}

export interface ChartBar {
  label: string;
  planned: number | null;
  achieved: number | null;
  plannedText: string;
  achievedText: string;
}

/**
 * Planned vs achieved per indicator in the indicator's own unit; each bar pair is drawn on its own
 * scale, because persons and percentages share no axis. `table` is the same data for spreadsheets
 * and `description` the text alternative for screen readers.
 */
export interface ChartSection {
  kind: 'chart';
  title: string;
  description: string;
  legend: { planned: string; achieved: string };
  bars: ChartBar[];
  table: ReportTable;
}

export interface NarrativeBlock {
  heading: string | null;
  paragraphs: string[];
}

export interface NarrativeSection {
  kind: 'narrative';
  title: string;
  blocks: NarrativeBlock[];
  emptyText: string;
  /** Column labels for a spreadsheet: result area, text. */
  columns: { heading: string; text: string };
}

export interface SignatureRow {
  key: SignatureField;
  label: string;
  /** Empty when the field is filled in by hand (signature, stamp). */
  value: string;
  cells: ReportCell[];
}

export interface SignatureSection {
  kind: 'signature';
  title: string;
  fields: SignatureRow[];
}

export type ReportSection = TableSection | ChartSection | NarrativeSection | SignatureSection;

export interface ReportMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag for the document language: sl-SI or en-GB. */
  lang: string;
  creationDate: Date;
}

export interface ReportModel {
  templateId: string;
  lang: Lang;
  title: string;
  subtitle: string;
  orientation: Orientation;
  metadata: ReportMetadata;
  /** Title of the spreadsheet sheet that holds the title and header rows. */
  headerTitle: string;
  header: HeaderRow[];
  sections: ReportSection[];
  /** Page footer with `{page}` and `{pages}` placeholders: "stran {page} od {pages}". */
  pageLabel: string;
}
