import type { IndicatorSummary } from '../../indicators/indicator-summary.types';
import type { ValueQualifier } from './value-cells';

/** Everything a report is built from, already loaded and calculated. Dates are `YYYY-MM-DD`. */
export interface ReportPartner {
  name: string;
  role: string;
}

export interface ReportFunder {
  /** The funder's code (ESS, MJU, …), which templates name in `appliesTo`. */
  code: string;
  name: string;
  /** Decimal string, e.g. "80.00"; null when the source gives no share. */
  sharePercent: string | null;
}

export interface ReportProject {
  code: string;
  name: string;
  description: string;
  leadOrganisation: string;
  partners: ReportPartner[];
  funders: ReportFunder[];
  publicCall: string | null;
  contractReference: string | null;
  /** The operation as the managing authority registers it (e-MA): its number, if known. */
  operationId: string | null;
  operationName: string | null;
  priorityAxis: string | null;
  investmentPriority: string | null;
  specificObjective: string | null;
  cohesionRegion: string | null;
  fundingPeriod: { startDate: string; endDate: string; amountEur: string | null };
}

/** An indicator's summary with how the source qualifies its figures ("vsaj 1.000"). */
export interface ReportIndicator extends IndicatorSummary {
  achievedQualifier?: ValueQualifier | null;
  achievedToDateQualifier?: ValueQualifier | null;
  /** Qualifiers of partners' parts, by organisation id ("več kot 884" for one unit). */
  partnerQualifiers?: Record<number, ValueQualifier>;
}

export interface ReportResultArea {
  id: number;
  code: string;
  name: string;
}

export interface ReportNarrative {
  /** null: a general text, not tied to a result area. */
  resultAreaId: number | null;
  text: string;
}

/** From the lead organisation's record; what it does not hold is left blank to fill in by hand. */
export interface ReportSignature {
  place: string | null;
  date: string | null;
  responsiblePerson: string | null;
  responsibleRole: string | null;
}

export interface ReportInput {
  project: ReportProject;
  year: number;
  reportingPeriod: { start: string; end: string };
  indicators: ReportIndicator[];
  resultAreas: ReportResultArea[];
  narratives: ReportNarrative[];
  signature: ReportSignature;
  /** ISO timestamp of the report date; the documents' creation date, so equal inputs give equal files. */
  generatedAt: string;
}
