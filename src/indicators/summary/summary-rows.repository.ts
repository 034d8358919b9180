import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Aggregation, Direction, IndicatorKind, IndicatorUnit } from '../indicator-summary.types';

/**
 * The summaries' reads, as plain rows (no entity is built): projects, indicators, periods and
 * targets as stored, and achieved values already grouped by the database. Each method is one
 * query whatever the number of projects, and the same SQL runs on SQLite and PostgreSQL.
 *
 * Grouping is exact on both engines because the database adds nothing: SQLite has no exact decimal
 * type, so a group's values come back as one comma-joined text and decimal.js adds them (see
 * summary-builder.ts); "latest" and running totals come back as the one row that counts.
 */
export interface ProjectRow {
  id: number;
  code: string;
  name: string;
  leadOrganisation: string | null;
}

export interface PeriodRow {
  id: number;
  projectId: number;
  startDate: string;
  endDate: string;
}

export interface IndicatorRow {
  id: number;
  projectId: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  unitLabel: string | null;
  aggregation: Aggregation;
  direction: Direction;
  baselineValue: string | null;
  baselineYear: number | null;
  dimensions: string;
  resultAreaId: number | null;
  resultAreaCode: string | null;
  resultAreaName: string | null;
}

export interface TargetRow {
  indicatorId: number;
  year: number | null;
  fundingPeriodId: number | null;
  partnerOrganisationId: number | null;
  value: string;
  validFrom: string;
}

/**
 * One group of achieved values: an indicator's entries for one calendar year, one partner (or the
 * partnership) and one dimension value (or none). `first*` name the group's first entry in entry
 * order (periodStart, id), which decides where a dimension value is listed; `latest*` is the entry
 * that counts for "latest" and running totals; `sumValues` the values to add for a sum.
 */
export interface AchievedGroupRow {
  indicatorId: number;
  year: number;
  partnerOrganisationId: number | null;
  dimension: string | null;
  dimensionValue: string | null;
  firstStart: string;
  firstId: number;
  lastEnd: string;
  latestStart: string;
  latestEnd: string;
  latestValue: string;
  latestNumerator: string | null;
  latestDenominator: string | null;
  sumValues: string | null;
}

/** One achieved value as stored (shares summed by their counts are not grouped: see `achievedShareSums`). */
export interface AchievedRow {
  id: number;
  indicatorId: number;
  partnerOrganisationId: number | null;
  dimension: string | null;
  dimensionValue: string | null;
  periodStart: string;
  periodEnd: string;
  value: string;
  numerator: string | null;
  denominator: string | null;
}

export interface ExplanationRow {
  indicatorId: number;
  text: string;
}

/** Which projects: every one, or these ids. */
export type ProjectScope = number[] | 'all';

export interface AchievedQuery {
  scope: ProjectScope;
  year: number;
  asOf: string;
  /** The contract chosen by the caller; otherwise the newest one overlapping the year. */
  fundingPeriodId?: number;
}

@Injectable()
export class SummaryRowsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Runs SQL written with `?` placeholders on either engine. */
  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    let n = 0;
    const text = this.postgres ? sql.replace(/\?/g, () => `$${++n}`) : sql;
    return this.dataSource.query(text, params);
  }

  /**
   * Up to `limit` projects in code order after `afterCode` (a keyset page): the next page starts
   * where this one ended, so no OFFSET scan grows with the portfolio.
   */
  projectsPage(scope: ProjectScope, afterCode: string | null, limit: number): Promise<ProjectRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (scope !== 'all') where.push(inList('p.id', scope, params));
    if (afterCode !== null) {
      where.push('p.code > ?');
      params.push(afterCode);
    }
    params.push(limit);
    return this.query(
      `SELECT p.id, p.code, p.name, o.name AS "leadOrganisation"
         FROM project p LEFT JOIN organisation o ON o.id = p."leadOrganisationId"
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.code LIMIT ?`,
      params,
    );
  }

  periods(scope: ProjectScope): Promise<PeriodRow[]> {
    const params: unknown[] = [];
    return this.query(
      `SELECT f.id, f."projectId", f."startDate", f."endDate" FROM funding_period f
        ${scope === 'all' ? '' : `WHERE ${inList('f."projectId"', scope, params)}`}
        ORDER BY f."projectId", f.id`,
      params,
    );
  }

  indicators(scope: ProjectScope): Promise<IndicatorRow[]> {
    const params: unknown[] = [];
    return this.query(
      `SELECT i.id, i."projectId", i.code, i.name, i."nameEn", i.kind, i.unit, i."unitLabel", i.aggregation, i.direction,
              i."baselineValue", i."baselineYear", i.dimensions, i."resultAreaId",
              ra.code AS "resultAreaCode", ra.name AS "resultAreaName"
         FROM indicator i LEFT JOIN result_area ra ON ra.id = i."resultAreaId"
        ${scope === 'all' ? '' : `WHERE ${inList('i."projectId"', scope, params)}`}
        ORDER BY i."projectId", i."sortOrder", i.code`,
      params,
    );
  }

  targets(scope: ProjectScope): Promise<TargetRow[]> {
    const params: unknown[] = [];
    return this.query(
      `SELECT t."indicatorId", t.year, t."fundingPeriodId", t."partnerOrganisationId", t.value, t."validFrom"
         FROM target t JOIN indicator i ON i.id = t."indicatorId"
        ${scope === 'all' ? '' : `WHERE ${inList('i."projectId"', scope, params)}`}
        ORDER BY t."validFrom", t.id`,
      params,
    );
  }

  explanations(scope: ProjectScope, year: number): Promise<ExplanationRow[]> {
    const params: unknown[] = [year];
    return this.query(
      `SELECT e."indicatorId", e.text FROM deviation_explanation e JOIN indicator i ON i.id = e."indicatorId"
        WHERE e.year = ? ${scope === 'all' ? '' : `AND ${inList('i."projectId"', scope, params)}`}`,
      params,
    );
  }

  /**
   * Achieved values grouped per indicator, year, partner and dimension value: those that count
   * under the chosen contract by `asOf` (they overlap it and have begun), up to `year`. Shares
   * summed by their counts come from `achievedShareSums` instead.
   */
  achievedGroups(q: AchievedQuery): Promise<AchievedGroupRow[]> {
    const { cte, params } = this.counted(q, `NOT (i.unit = 'percent' AND i.aggregation = 'sum')`);
    const concat = this.postgres ? `string_agg(CASE WHEN sum_rows THEN value END, ',')` : `group_concat(CASE WHEN sum_rows THEN value END, ',')`;
    return this.query(
      `${cte}
       SELECT "indicatorId", year, "partnerOrganisationId", dimension, "dimensionValue",
              MIN("periodStart") AS "firstStart",
              MIN(CASE WHEN first_rank = 1 THEN id END) AS "firstId",
              MAX("periodEnd") AS "lastEnd",
              MAX(CASE WHEN latest_rank = 1 THEN "periodStart" END) AS "latestStart",
              MAX(CASE WHEN latest_rank = 1 THEN "periodEnd" END) AS "latestEnd",
              MAX(CASE WHEN latest_rank = 1 THEN value END) AS "latestValue",
              MAX(CASE WHEN latest_rank = 1 THEN numerator END) AS "latestNumerator",
              MAX(CASE WHEN latest_rank = 1 THEN denominator END) AS "latestDenominator",
              ${concat} AS "sumValues"
         FROM counted
        GROUP BY "indicatorId", year, "partnerOrganisationId", dimension, "dimensionValue"`,
      params,
    );
  }

  /**
   * Shares summed by their counts, entry by entry: whether several of them combine depends on
   * every entry carrying its counts, which the calculation core decides (percentages are never added).
   */
  achievedShareSums(q: AchievedQuery): Promise<AchievedRow[]> {
    const { cte, params } = this.counted(q, `i.unit = 'percent' AND i.aggregation = 'sum'`);
    return this.query(
      `${cte}
       SELECT id, "indicatorId", "partnerOrganisationId", dimension, "dimensionValue", "periodStart", "periodEnd", value, numerator, denominator
         FROM counted ORDER BY "periodStart", id`,
      params,
    );
  }

  /**
   * `chosen`: per project, the contract the year is summarised under (the newest overlapping the
   * year, ties to the higher id, as `periodForYear`); `counted`: the values that count under it.
   */
  private counted(q: AchievedQuery, indicatorFilter: string): { cte: string; params: unknown[] } {
    const params: unknown[] = [`${q.year}-12-31`, `${q.year}-01-01`];
    const periodFilters = [`f."startDate" <= ?`, `f."endDate" >= ?`];
    if (q.fundingPeriodId !== undefined) {
      periodFilters.push('f.id = ?');
      params.push(q.fundingPeriodId);
    }
    if (q.scope !== 'all') periodFilters.push(inList('f."projectId"', q.scope, params));
    params.push(q.year, q.asOf);
    const cte = `
      WITH ranked_periods AS (
        SELECT f.id, f."projectId", f."startDate", f."endDate",
               ROW_NUMBER() OVER (PARTITION BY f."projectId" ORDER BY f."startDate" DESC, f.id DESC) AS period_rank
          FROM funding_period f WHERE ${periodFilters.join(' AND ')}
      ),
      counted AS (
        SELECT v.id, v."indicatorId", v.year, v."partnerOrganisationId", v.dimension, v."dimensionValue",
               v."periodStart", v."periodEnd", v.value, v.numerator, v.denominator,
               (i.aggregation = 'sum') AS sum_rows,
               ROW_NUMBER() OVER (PARTITION BY v."indicatorId", v.year, v."partnerOrganisationId", v.dimension, v."dimensionValue"
                                  ORDER BY v."periodStart", v.id) AS first_rank,
               ROW_NUMBER() OVER (PARTITION BY v."indicatorId", v.year, v."partnerOrganisationId", v.dimension, v."dimensionValue"
                                  ORDER BY v."periodEnd" DESC, v."periodStart" DESC, v.id DESC) AS latest_rank
          FROM achieved_value v
          JOIN indicator i ON i.id = v."indicatorId"
          JOIN ranked_periods c ON c."projectId" = i."projectId" AND c.period_rank = 1
         WHERE v.year <= ? AND v."periodEnd" >= c."startDate"
           AND v."periodStart" <= c."endDate" AND v."periodStart" <= ?
           AND ${indicatorFilter}
      )`;
    return { cte, params };
  }
}

/** `column IN (?, ?, …)`, pushing the ids; an empty list matches nothing. */
function inList(column: string, ids: number[], params: unknown[]): string {
  if (ids.length === 0) return '1 = 0';
  params.push(...ids);
  return `${column} IN (${ids.map(() => '?').join(', ')})`;
}
