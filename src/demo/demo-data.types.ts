import type { FunderKind } from '../funders/funder.entity';
import type { Aggregation, Direction, IndicatorKind, IndicatorUnit, ValueQualifier } from '../indicators/indicator-summary.types';
import type { OrganisationKind } from '../organisations/organisation.entity';
import type { PartnerRole } from '../projects/entities/project-partner.entity';
import type { ProjectStatus } from '../projects/entities/project.entity';

/** The demo dataset as plain data: every figure is copied from the source documents in shared/seeds. */
export interface DemoOrganisation {
  name: string;
  shortName?: string;
  kind: OrganisationKind;
  place?: string;
}

export interface DemoFunder {
  code: string;
  name: string;
  kind: FunderKind;
}

export interface DemoValue {
  /** Defaults to the calendar year 2020 clipped to the funding period. */
  periodStart?: string;
  periodEnd?: string;
  /** Organisation name of a partner's part; omitted for the whole partnership. */
  partner?: string;
  value?: string;
  numerator?: string;
  denominator?: string;
  comment?: string;
  /** As the source qualifies the figure: "vsaj 1.000", "cca 120", "več kot 47", "preko 884". */
  qualifier?: ValueQualifier;
}

export interface DemoIndicator {
  code: string;
  name: string;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  unitLabel?: string;
  aggregation?: Aggregation;
  direction?: Direction;
  resultArea?: string;
  numeratorDefinition?: string;
  denominatorDefinition?: string;
  targets?: { year?: number; value: string }[];
  values: DemoValue[];
}

/** A narrative of the demo year as the source writes it; `resultArea` by code, absent for the general part. */
export interface DemoNarrative {
  resultArea?: string;
  text: string;
}

export interface DemoProject {
  code: string;
  name: string;
  description: string;
  lead: string;
  partners: { organisation: string; role: Exclude<PartnerRole, 'lead'>; note?: string }[];
  places: string[];
  region?: string;
  /** As the sources name them; absent where they do not. */
  operation?: { name?: string; priorityAxis?: string; cohesionRegion?: string };
  status: ProjectStatus;
  periods: {
    startDate: string;
    endDate: string;
    amountEur?: string;
    publicCall?: string;
    contractReference?: string;
    funders: { code: string; sharePercent?: string; amountEur?: string }[];
  }[];
  objectives?: { code: string; name: string }[];
  resultAreas?: { code: string; name: string; objective?: string }[];
  indicators: DemoIndicator[];
  /** Only where a source writes about the demo year (per result area where it does so). */
  narratives?: DemoNarrative[];
}
