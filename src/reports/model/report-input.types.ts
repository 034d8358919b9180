import type { IndicatorSummary } from '../../indicators/indicator-summary.types';

/** Everything a report is built from, already loaded and calculated. Dates are `YYYY-MM-DD`. */
export interface ReportPartner {
  name: string;
  role: string;
}

export interface ReportFunder {
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
  fundingPeriod: { startDate: string; endDate: string; amountEur: string | null };
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

export interface ReportSignature {
  place: string | null;
  date: string | null;
  responsiblePerson: string | null;
}

export interface ReportInput {
  project: ReportProject;
  year: number;
  reportingPeriod: { start: string; end: string };
  indicators: IndicatorSummary[];
  resultAreas: ReportResultArea[];
  narratives: ReportNarrative[];
  signature: ReportSignature;
  /** ISO timestamp; becomes the documents' creation date, so equal inputs give equal files. */
  generatedAt: string;
}
