import { Injectable } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { SummaryOptions, SummaryService } from '../indicators/summary/summary.service';
import { ProjectsService } from '../projects/projects.service';
import { reportingYearOf } from '../projects/reporting-years';
import { withQualifiers } from './model/qualifiers';
import { ReportInput } from './model/report-input.types';
import { NarrativesService } from './narratives.service';

const PARTNER_ROLE_LABELS: Record<string, string> = { lead: 'nosilec', partner: 'partner', stakeholder: 'drug deležnik' };

/** Gathers everything one annual report is built from: project, period, figures, narratives. */
@Injectable()
export class ReportInputService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly summaries: SummaryService,
    private readonly narratives: NarrativesService,
    private readonly indicators: IndicatorsRepository,
  ) {}

  async build(code: string, year: number, actor: Actor, now: Date = new Date(), options: SummaryOptions = {}): Promise<ReportInput> {
    // detail() checks read access once; the summary and narratives below rely on it.
    const detail = await this.projects.detail(code, actor);
    // The summary refuses a year (or contract) that does not fit, naming the field.
    const summary = await this.summaries.forReadableProject(detail.project, year, now.toISOString().slice(0, 10), options);
    const period = detail.fundingPeriods.find((p) => p.id === summary.fundingPeriod.id)!;
    // The summary has checked that the period covers the year.
    const window = reportingYearOf(period.startDate, period.endDate, year)!;
    const narratives = await this.narratives.forReadableProject(detail.project.id, year);
    const qualified = await this.indicators.findQualifiedByProjectUpToYear(detail.project.id, year);
    const { project } = detail;
    const lead = project.leadOrganisation;
    return {
      project: {
        code: project.code,
        name: project.name,
        description: project.description ?? '',
        leadOrganisation: project.leadOrganisation?.name ?? '',
        partners: detail.partners
          .filter((p) => p.role !== 'lead')
          .map((p) => ({ name: p.organisation?.name ?? '', role: PARTNER_ROLE_LABELS[p.role] ?? p.role })),
        funders: (period.funders ?? []).map((f) => ({ code: f.funder?.code ?? '', name: f.funder?.name ?? '', sharePercent: f.sharePercent })),
        publicCall: period.publicCall?.name ?? null,
        contractReference: period.contractReference,
        operationId: project.operationId,
        operationName: project.operationName,
        priorityAxis: project.priorityAxis,
        investmentPriority: project.investmentPriority,
        specificObjective: project.specificObjective,
        cohesionRegion: project.cohesionRegion,
        fundingPeriod: { startDate: period.startDate, endDate: period.endDate, amountEur: period.amountEur },
      },
      year,
      reportingPeriod: { start: window.start, end: window.end },
      indicators: withQualifiers(summary.indicators, qualified, year),
      resultAreas: detail.resultAreas.map((a) => ({ id: a.id, code: a.code, name: a.name })),
      narratives: narratives.map((n) => ({ resultAreaId: n.resultAreaId, text: n.text })),
      signature: {
        place: lead?.place ?? null,
        date: now.toISOString().slice(0, 10),
        responsiblePerson: lead?.responsiblePerson ?? null,
        responsibleRole: lead?.responsibleRole ?? null,
      },
      generatedAt: now.toISOString(),
    };
  }
}
