import type { Thresholds } from '../calculation';
import { buildHeadlines, chosenPeriods, IndicatorHeadlineRow } from './summary-builder';
import type { ProjectRow, ProjectScope, SummaryReads } from './summary-reads';

/** One page of the portfolio's headlines: its projects in code order, each with its indicators' figures. */
export type HeadlinePage = { project: ProjectRow; indicators: IndicatorHeadlineRow[] }[];

export interface HeadlineQuery {
  scope: ProjectScope;
  year: number;
  asOf: string;
  pageSize: number;
}

/**
 * The headline figures (planned, achieved, achievement, status) of the projects in scope, a keyset
 * page of projects at a time: what the portfolio export writes. Five queries a page (its projects,
 * their contracts, then indicators, targets and achieved values of only the kinds a headline
 * reads); the same figures as the summaries, without what the export does not show. A project
 * whose contracts do not cover the year is left out.
 */
export async function* headlinePages(rows: SummaryReads, q: HeadlineQuery, thresholds: Thresholds): AsyncGenerator<HeadlinePage> {
  let after: string | null = null;
  for (;;) {
    const page = await rows.projectsPage(q.scope, after, q.pageSize);
    if (page.length === 0) return;
    const ids = page.map((p) => p.id);
    const periods = chosenPeriods(await rows.periods(ids), q.year);
    const [indicators, targets, groups] = await Promise.all([
      rows.headlineIndicators(ids),
      rows.headlineTargets(ids, q.year),
      rows.headlineGroups([...periods.values()].map((p) => p.id), q.year, q.asOf),
    ]);
    const byProject = buildHeadlines({ indicators, periods, targets, groups }, q.year, q.asOf, thresholds);
    yield page.flatMap((project) => {
      const list = byProject.get(project.id);
      return list ? [{ project, indicators: list }] : [];
    });
    if (page.length < q.pageSize) return;
    after = page[page.length - 1].code;
  }
}
