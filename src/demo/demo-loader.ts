import { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { SYSTEM_ACTOR } from '../auth/actor';
import { AuditContext, auditedCreate } from '../database/audited-writes';
import { Funder } from '../funders/funder.entity';
import { PublicCall } from '../funders/public-call.entity';
import { AchievedValue } from '../indicators/entities/achieved-value.entity';
import { Indicator } from '../indicators/entities/indicator.entity';
import { Target } from '../indicators/entities/target.entity';
import { shareValue } from '../indicators/calculation';
import { Organisation } from '../organisations/organisation.entity';
import { FundingPeriodFunder } from '../projects/entities/funding-period-funder.entity';
import { FundingPeriod } from '../projects/entities/funding-period.entity';
import { Objective } from '../projects/entities/objective.entity';
import { ProjectPartner } from '../projects/entities/project-partner.entity';
import { Project } from '../projects/entities/project.entity';
import { ResultArea } from '../projects/entities/result-area.entity';
import { reportingYearOf } from '../projects/reporting-years';
import { Narrative } from '../reports/entities/narrative.entity';
import { DemoIndicator, DemoProject } from './demo-data.types';
import { DEMO_FUNDERS, DEMO_ORGANISATIONS, DEMO_PUBLIC_CALLS } from './demo-organisations';
import { ESF_PROJECTS } from './demo-projects-esf';
import { HUB_PROJECTS } from './demo-projects-hubs';
import { LOCAL_PROJECTS } from './demo-projects-local';

export const DEMO_PROJECTS: DemoProject[] = [...ESF_PROJECTS, ...HUB_PROJECTS, ...LOCAL_PROJECTS];
export const DEMO_YEAR = 2020;
const DEMO_REASON = 'Demo podatki: Društvo NOVUS, Doseženi rezultati v letu 2020';
const ENTERED_AT = '2021-01-15T09:00:00.000Z';

/**
 * Loads the demo dataset through the same audited writes as the API, so the demo's history starts
 * with who put each figure there. Runs inside the caller's transaction.
 */
export async function loadDemoData(em: EntityManager, audit: AuditService): Promise<{ projects: number; values: number }> {
  const ctx = (entityType: string, projectId: number | null = null): AuditContext => ({
    em,
    audit,
    actor: SYSTEM_ACTOR,
    entityType,
    projectId,
    reason: DEMO_REASON,
  });
  const orgs = new Map<string, number>();
  for (const o of DEMO_ORGANISATIONS) {
    // No source names a responsible person: reports leave a line to sign on.
    const row = await auditedCreate(ctx('organisation'), Organisation, {
      shortName: null,
      registrationNumber: null,
      place: null,
      responsiblePerson: null,
      responsibleRole: null,
      ...o,
    });
    orgs.set(o.name, row.id);
  }
  const funders = new Map<string, number>();
  for (const f of DEMO_FUNDERS) funders.set(f.code, (await auditedCreate(ctx('funder'), Funder, f)).id);
  const calls = new Map<string, number>();
  for (const c of DEMO_PUBLIC_CALLS) {
    calls.set(c.name, (await auditedCreate(ctx('public_call'), PublicCall, { funderId: funders.get(c.funder)!, name: c.name, reference: c.reference })).id);
  }
  const id = (map: Map<string, number>, key: string) => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`Demo data refers to an unknown "${key}"`);
    return value;
  };

  let values = 0;
  for (const p of DEMO_PROJECTS) {
    const project = await auditedCreate(ctx('project'), Project, {
      code: p.code,
      name: p.name,
      description: p.description,
      leadOrganisationId: id(orgs, p.lead),
      places: p.places,
      region: p.region ?? null,
      status: p.status,
      operationId: null,
      operationName: p.operation?.name ?? null,
      priorityAxis: p.operation?.priorityAxis ?? null,
      investmentPriority: null,
      specificObjective: null,
      cohesionRegion: p.operation?.cohesionRegion ?? null,
    });
    const pc = (entityType: string) => ctx(entityType, project.id);
    const partners = [{ organisation: p.lead, role: 'lead' as const, note: undefined }, ...p.partners];
    for (const partner of partners) {
      await auditedCreate(pc('project_partner'), ProjectPartner, {
        projectId: project.id,
        organisationId: id(orgs, partner.organisation),
        role: partner.role,
        note: partner.note ?? null,
      });
    }
    for (const period of p.periods) {
      const fp = await auditedCreate(pc('funding_period'), FundingPeriod, {
        projectId: project.id,
        startDate: period.startDate,
        endDate: period.endDate,
        amountEur: period.amountEur ?? null,
        contractReference: period.contractReference ?? null,
        publicCallId: period.publicCall ? id(calls, period.publicCall) : null,
      });
      for (const f of period.funders) {
        await auditedCreate(pc('funding_period_funder'), FundingPeriodFunder, {
          fundingPeriodId: fp.id,
          funderId: id(funders, f.code),
          sharePercent: f.sharePercent ?? null,
          amountEur: f.amountEur ?? null,
        });
      }
    }
    const objectives = new Map<string, number>();
    for (const [i, o] of (p.objectives ?? []).entries()) {
      objectives.set(o.code, (await auditedCreate(pc('objective'), Objective, { projectId: project.id, code: o.code, name: o.name, sortOrder: i + 1 })).id);
    }
    const areas = new Map<string, number>();
    for (const [i, a] of (p.resultAreas ?? []).entries()) {
      const row = await auditedCreate(pc('result_area'), ResultArea, {
        projectId: project.id,
        code: a.code,
        name: a.name,
        objectiveId: a.objective ? id(objectives, a.objective) : null,
        sortOrder: i + 1,
      });
      areas.set(a.code, row.id);
    }
    const [period] = await em.find(FundingPeriod, { where: { projectId: project.id }, order: { startDate: 'ASC' } });
    for (const [i, ind] of p.indicators.entries()) {
      values += await loadIndicator(ind, i + 1, project.id, period, { ctx: pc, orgs: (n) => id(orgs, n), area: (c) => id(areas, c) });
    }
    for (const n of p.narratives ?? []) {
      await auditedCreate(pc('narrative'), Narrative, {
        projectId: project.id,
        year: DEMO_YEAR,
        resultAreaId: n.resultArea ? id(areas, n.resultArea) : null,
        text: n.text,
        updatedBy: 'system',
        updatedAt: ENTERED_AT,
      });
    }
  }
  return { projects: DEMO_PROJECTS.length, values };
}

interface Lookups {
  ctx: (entityType: string) => AuditContext;
  orgs: (name: string) => number;
  area: (code: string) => number;
}

async function loadIndicator(ind: DemoIndicator, sortOrder: number, projectId: number, period: FundingPeriod, l: Lookups): Promise<number> {
  const indicator = await auditedCreate(l.ctx('indicator'), Indicator, {
    projectId,
    resultAreaId: ind.resultArea ? l.area(ind.resultArea) : null,
    code: ind.code,
    name: ind.name,
    nameEn: null,
    kind: ind.kind,
    unit: ind.unit,
    unitLabel: ind.unitLabel ?? null,
    aggregation: ind.aggregation ?? (ind.unit === 'percent' ? 'latest' : 'sum'),
    direction: ind.direction ?? 'at_least',
    numeratorDefinition: ind.numeratorDefinition ?? null,
    denominatorDefinition: ind.denominatorDefinition ?? null,
    baselineValue: null,
    baselineYear: null,
    dimensions: [],
    sortOrder,
  });
  for (const t of ind.targets ?? []) {
    await auditedCreate(l.ctx('target'), Target, {
      indicatorId: indicator.id,
      fundingPeriodId: period.id,
      year: t.year ?? null,
      partnerOrganisationId: null,
      value: t.value,
      validFrom: period.startDate,
      reference: null,
    });
  }
  for (const v of ind.values) {
    const demoYear = reportingYearOf(period.startDate, period.endDate, DEMO_YEAR)!;
    const start = v.periodStart ?? demoYear.start;
    const end = v.periodEnd ?? demoYear.end;
    await auditedCreate(l.ctx('achieved_value'), AchievedValue, {
      indicatorId: indicator.id,
      year: Number(start.slice(0, 4)),
      periodStart: start,
      periodEnd: end,
      partnerOrganisationId: v.partner ? l.orgs(v.partner) : null,
      dimension: null,
      dimensionValue: null,
      value: v.value ?? shareValue(v.numerator!, v.denominator!),
      numerator: v.numerator ?? null,
      denominator: v.denominator ?? null,
      comment: v.comment ?? null,
      qualifier: v.qualifier ?? null,
      enteredBy: 'system',
      enteredAt: ENTERED_AT,
    });
  }
  return ind.values.length;
}
