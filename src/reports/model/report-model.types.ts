import type { Lang } from '../../common/format/format';
import type { HeaderField, Orientation, SignatureField } from '../templates/report-template.types';

/**
 * A report resolved for drawing: every label localized, every number formatted. Renderers read
 * `text` for display and `number`/`date` for spreadsheet cells; they decide nothing about numbers.
 */
export type CellFormat = 'text' | 'integer' | 'decimal' | 'percent' | 'eur' | 'date';

export interface ReportCell {
  /** What a reader sees, in the report's language ("40,32 %", "vsaj 25 %", "–"). */
  text: string;
  /** What a spreadsheet stores: percent cells hold the fraction (40,32 % → 0.4032). */
  number: number | null;
  format: CellFormat;
  /** Date cells only: midnight UTC of the day (exceljs writes Dates as UTC). */
  date?: Date;
  /** A qualifier shown before the number ("vsaj", "največ"); spreadsheets put it in the number format. */
  prefix?: string;
  /** Percent cells: decimals shown (a target "vsaj 25 %" has none); two when not given. */
  decimals?: number;
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

/** A table always has rows: a section whose table would be empty is left out of the report. */
export interface ReportTable {
  columns: ReportColumn[];
  groups: ReportRowGroup[];
}

export interface HeaderRow {
  key: HeaderField;
  label: string;
  value: string;
  /** The value as spreadsheet cells (a period is two date cells, an amount one EUR cell). */
  cells: ReportCell[];
}

interface SectionBase {
  title: string;
  /** The section's sheet name in a workbook: at most 31 characters, whole words. */
  sheetTitle: string;
}

export interface TableSection extends SectionBase {
  kind: 'indicatorTable' | 'partnerParts' | 'disaggregations' | 'explanations';
  table: ReportTable;
}

export interface ChartBar {
  label: string;
  /** Achieved as % of plan (103.33); every bar is on the same axis. */
  percent: number;
  percentText: string;
  plannedText: string;
  achievedText: string;
}

/**
 * Achievement as % of plan, one bar per indicator that has both a plan and an achieved value, on
 * one axis with the 100 % line marked. Indicators without a plan are left out and `note` says so.
 * `table` is the same data for spreadsheets and `description` the text alternative.
 */
export interface ChartSection extends SectionBase {
  kind: 'chart';
  description: string;
  /** Axis end in %: at least 100, else the largest bar rounded up to a multiple of 25. */
  axisMax: number;
  /** "100 % = predvidena vrednost" and the like, under the axis. */
  axisLabel: string;
  bars: ChartBar[];
  note: string | null;
  table: ReportTable;
}

export interface NarrativeBlock {
  heading: string | null;
  paragraphs: string[];
}

export interface NarrativeSection extends SectionBase {
  kind: 'narrative';
  blocks: NarrativeBlock[];
  /** Column labels for a spreadsheet: result area, text. */
  columns: { heading: string; text: string };
}

/** One result area of the call: its heading, what was written about it, and its indicators. */
export interface AreaBlock {
  /** "RP1 Informiranje"; null for the general text written for no area. */
  heading: string | null;
  paragraphs: string[];
  /** The area's rows of the indicator table (numbered through the report); null when it has none. */
  table: ReportTable | null;
}

/**
 * The narrative laid out per result area, as the MJU hub report has it: one subsection per area
 * (in the project's order) with its text and its figures. An area with neither is left out, and
 * an area with figures but no text shows its figures only: never a placeholder.
 */
export interface ResultAreasSection extends SectionBase {
  kind: 'resultAreas';
  areas: AreaBlock[];
  /**
   * Every area's rows in one table grouped by area (the areas' tables share its columns, so they
   * line up): the figures alone, for readers of the model that do not lay out the text.
   */
  table: ReportTable;
}

export interface SignatureRow {
  key: SignatureField;
  label: string;
  /** What is printed; empty when the whole field is filled in by hand (signature, stamp). */
  value: string;
  /** A line to write on before the value: a place or a name the records do not hold. */
  lineBefore: boolean;
  cells: ReportCell[];
}

/** Drawn without a heading of its own, and never alone on a page. */
export interface SignatureSection extends SectionBase {
  kind: 'signature';
  fields: SignatureRow[];
}

export type ReportSection = TableSection | ChartSection | NarrativeSection | ResultAreasSection | SignatureSection;

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
  /** Only the fields that have a value: an official document prints no "–" for a missing contract. */
  header: HeaderRow[];
  sections: ReportSection[];
  /** Page footer with `{page}` and `{pages}` placeholders: "stran {page} od {pages}". */
  pageLabel: string;
}
