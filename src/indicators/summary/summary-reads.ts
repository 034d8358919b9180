import { listOf } from '../../database/placeholders';
import type { SqlReader } from '../../database/sql-reader';
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
 * order (periodStart, id), which decides where a dimension value is listed (`firstId` is 0 for a
 * group that is not disaggregated: see `achievedGroups`); `latest*` is the entry
 * that counts for "latest" and running totals (null for a sum, which never looks at it); `sumValues`
 * the values to add for a sum (null otherwise).
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
  latestStart: string | null;
  latestEnd: string | null;
  latestValue: string | null;
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

/** An indicator as the portfolio export shows it and computes its headline (no baseline or result area). */
export type HeadlineIndicatorRow = Pick<
  IndicatorRow,
  'id' | 'projectId' | 'code' | 'name' | 'nameEn' | 'kind' | 'unit' | 'unitLabel' | 'aggregation' | 'direction' | 'dimensions'
>;

/** A target of the whole partnership for the year or for the whole period: all a headline asks for. */
export type HeadlineTargetRow = Omit<TargetRow, 'partnerOrganisationId'>;

/**
 * One group of achieved values as a headline counts them: an indicator's entries of the
 * partnership (or of one partner) for one calendar year, disaggregated ones left out. For a sum of
 * counts, `sumValues` are the values to add and the dates are the group's first start and last
 * end; otherwise the group is the entry that counts for "latest" and running totals (a share
 * summed by its counts is a group of one entry).
 */
export interface HeadlineGroupRow {
  indicatorId: number;
  /** The calendar year of the group's entries, and the contract they were counted under. */
  year: number;
  periodId: number;
  partnerOrganisationId: number | null;
  periodStart: string;
  periodEnd: string;
  sumValues: string | null;
  value: string | null;
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

/**
 * The summaries' SQL, on whichever connection runs it: the app's (SummaryRowsRepository, through
 * TypeORM) or the portfolio's reading threads' own (ReadingThreads). It imports neither Nest nor
 * TypeORM, so that the thread loads neither.
 */
export class SummaryReads {
  constructor(private readonly sql: SqlReader) {}

  private get postgres(): boolean {
    return this.sql.postgres;
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.sql.rows<T>(sql, params);
  }

  private tuples(sql: string, params: unknown[]): Promise<unknown[][]> {
    return this.sql.tuples(sql, params);
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

  /** One array per row (`selectTuples`): a portfolio reads tens of thousands of them. */
  async indicators(scope: ProjectScope): Promise<IndicatorRow[]> {
    const params: unknown[] = [];
    const rows = await this.tuples(
      `SELECT ${HEADLINE_INDICATOR_COLUMNS}, i."baselineValue", i."baselineYear", i."resultAreaId", ra.code AS "resultAreaCode", ra.name AS "resultAreaName"
         FROM indicator i LEFT JOIN result_area ra ON ra.id = i."resultAreaId"
        ${scope === 'all' ? '' : `WHERE ${inList('i."projectId"', scope, params)}`}
        ORDER BY i."projectId", i."sortOrder", i.code`,
      params,
    );
    return rows.map((r) => {
      const row = headlineIndicatorRow(r) as IndicatorRow;
      row.baselineValue = r[11] as string | null;
      row.baselineYear = r[12] as number | null;
      row.resultAreaId = r[13] as number | null;
      row.resultAreaCode = r[14] as string | null;
      row.resultAreaName = r[15] as string | null;
      return row;
    });
  }

  /** Every target of the projects' indicators (every project's: no join to the indicators), one array per row. */
  async targets(scope: ProjectScope): Promise<TargetRow[]> {
    const params: unknown[] = [];
    const rows = await this.tuples(
      `SELECT t."indicatorId", t.year, t."fundingPeriodId", t."partnerOrganisationId", t.value, t."validFrom"
         FROM target t ${scope === 'all' ? '' : `JOIN indicator i ON i.id = t."indicatorId" WHERE ${inList('i."projectId"', scope, params)}`}
        ORDER BY t."validFrom", t.id`,
      params,
    );
    return rows.map((r) => ({
      indicatorId: r[0] as number,
      year: r[1] as number | null,
      fundingPeriodId: r[2] as number | null,
      partnerOrganisationId: r[3] as number | null,
      value: r[4] as string,
      validFrom: r[5] as string,
    }));
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
   *
   * No window functions: SQLite runs them several times slower than a plain GROUP BY. The first
   * and the latest entry of a group are found with MIN/MAX over a sort key of fixed width (dates,
   * then the id padded to 12 digits); the latest's figures ride along behind its key and are split
   * off in `groupRow`.
   *
   * Only a dimension value's groups need their first entry's id: it orders the values first
   * entered on the same day. The other groups of an indicator that the core ever takes together
   * (the partnership's, or one partner's) are of different years, so their first days differ, and
   * the padded id was a fifth of the query.
   */
  async achievedGroups(q: AchievedQuery): Promise<AchievedGroupRow[]> {
    const { cte, params } = this.counted(q, `NOT (i.unit = 'percent' AND i.aggregation = 'sum')`);
    const pg = this.postgres;
    const concat = pg ? `string_agg(CASE WHEN sum_rows THEN value END, ',')` : `group_concat(CASE WHEN sum_rows THEN value END, ',')`;
    const id = pg ? `lpad(id::text, 12, '0')` : `printf('%012d', id)`;
    const bytes = byteOrder(pg);
    // The latest entry's key only where it counts: building it is most of the query's own work.
    const rows = await this.tuples(
      `${cte}
       SELECT "indicatorId", year, "partnerOrganisationId", dimension, "dimensionValue",
              MIN((CASE WHEN dimension IS NULL THEN "periodStart" ELSE "periodStart" || ${id} END)${bytes}) AS "firstKey",
              MAX("periodEnd") AS "lastEnd",
              MAX(CASE WHEN NOT sum_rows THEN ${latestKey(pg, '')} END) AS "latestKey",
              ${concat} AS "sumValues"
         FROM counted
        GROUP BY "indicatorId", year, "partnerOrganisationId", dimension, "dimensionValue"`,
      params,
    );
    return rows.map(groupRow);
  }

  /** The export's indicators of these projects, in the summaries' order (one array per row: see `selectTuples`). */
  async headlineIndicators(projectIds: number[]): Promise<HeadlineIndicatorRow[]> {
    const params: unknown[] = [];
    const rows = await this.tuples(
      `SELECT ${HEADLINE_INDICATOR_COLUMNS}
         FROM indicator i WHERE ${inList('i."projectId"', projectIds, params)}
        ORDER BY i."projectId", i."sortOrder", i.code`,
      params,
    );
    return rows.map(headlineIndicatorRow);
  }

  /**
   * The partnership's targets for the years `from` to `to` and for the whole period, in the order
   * `targets` gives them: a headline holds the year's value against the one and the value to date
   * against the other.
   */
  async headlineTargets(projectIds: number[], from: number, to: number): Promise<HeadlineTargetRow[]> {
    const params: unknown[] = [];
    const scope = inList('i."projectId"', projectIds, params);
    params.push(from, to);
    const rows = await this.tuples(
      `SELECT t."indicatorId", t.year, t."fundingPeriodId", t.value, t."validFrom"
         FROM target t JOIN indicator i ON i.id = t."indicatorId"
        WHERE ${scope} AND t."partnerOrganisationId" IS NULL AND (t.year BETWEEN ? AND ? OR t.year IS NULL)
        ORDER BY t."validFrom", t.id`,
      params,
    );
    return rows.map((r) => ({ indicatorId: r[0] as number, year: r[1] as number | null, fundingPeriodId: r[2] as number | null, value: r[3] as string, validFrom: r[4] as string }));
  }

  /**
   * What a headline counts of the achieved values (see `HeadlineGroupRow`) under these contracts,
   * chosen by the caller (`periodForYear`, one a project for each year it reads): the values that
   * overlap a contract and have begun by `asOf`, up to `upToYear`, as `achievedGroups` and
   * `achievedShareSums` select them, without the disaggregated ones (a headline never looks at
   * them), in one query; grouped by year and by contract, so that each year's headline takes the
   * groups of its own contract up to its year. The latest entry's figures ride along behind its
   * sort key, as in `achievedGroups`.
   *
   * The contracts come by id rather than chosen in SQL as `counted` does: the page has chosen
   * them already. (Chosen in the same join as the values, SQLite tested the "no newer contract"
   * subquery once per value, and the query took 0.65 s instead of 0.46 s for 400,000 values.)
   */
  async headlineGroups(periodIds: number[], upToYear: number, asOf: string): Promise<HeadlineGroupRow[]> {
    const pg = this.postgres;
    const concat = pg ? 'string_agg' : 'group_concat';
    const params: unknown[] = [];
    const periods = inList('c.id', periodIds, params);
    params.push(upToYear, asOf);
    const added = `i.aggregation = 'sum' AND i.unit <> 'percent'`;
    const rows = await this.tuples(
      `SELECT v."indicatorId", v."partnerOrganisationId", MIN(v."periodStart") AS "firstStart", MAX(v."periodEnd") AS "lastEnd",
              ${concat}(CASE WHEN ${added} THEN v.value END, ',') AS "sumValues",
              MAX(CASE WHEN NOT (${added}) THEN ${latestKey(pg, 'v.')} END) AS "latestKey", v.year, c.id AS "periodId"
         FROM funding_period c
         JOIN indicator i ON i."projectId" = c."projectId"
         JOIN achieved_value v ON v."indicatorId" = i.id
        WHERE ${periods} AND v.year <= ? AND v."periodEnd" >= c."startDate" AND v."periodStart" <= c."endDate" AND v."periodStart" <= ?
          AND v.dimension IS NULL
        GROUP BY v."indicatorId", v.year, v."partnerOrganisationId", CASE WHEN i.aggregation = 'sum' AND i.unit = 'percent' THEN v.id END, c.id`,
      params,
    );
    return rows.map(headlineGroupRow);
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
   * `counted`: the values that count under the contract the year is summarised under, per
   * project the newest overlapping the year, ties to the higher id, as `periodForYear` (no newer
   * overlapping one exists), or the one the caller chose.
   *
   * The contracts are chosen first (`chosen`, materialised) and the values reached from them:
   * CROSS JOIN keeps SQLite to that order (its documented join-order hint; PostgreSQL plans it as
   * an inner join). Joined the other way round, SQLite scanned every stored value of every year and
   * tested the "no newer contract" subquery once per value, which cost about a third more.
   */
  private counted(q: AchievedQuery, indicatorFilter: string): { cte: string; params: unknown[] } {
    const yearEnd = `${q.year}-12-31`;
    const yearStart = `${q.year}-01-01`;
    const params: unknown[] = [yearEnd, yearStart];
    const periodFilters = [`c."startDate" <= ?`, `c."endDate" >= ?`];
    if (q.fundingPeriodId !== undefined) {
      periodFilters.push('c.id = ?');
      params.push(q.fundingPeriodId);
    } else {
      periodFilters.push(`NOT EXISTS (SELECT 1 FROM funding_period n
                                       WHERE n."projectId" = c."projectId" AND n."startDate" <= ? AND n."endDate" >= ?
                                         AND (n."startDate" > c."startDate" OR (n."startDate" = c."startDate" AND n.id > c.id)))`);
      params.push(yearEnd, yearStart);
    }
    if (q.scope !== 'all') periodFilters.push(inList('c."projectId"', q.scope, params));
    params.push(q.year, q.asOf);
    const cte = `
      WITH chosen AS MATERIALIZED (
        SELECT c.id, c."projectId", c."startDate", c."endDate" FROM funding_period c
         WHERE ${periodFilters.join(' AND ')}
      ),
      counted AS (
        SELECT v.id, v."indicatorId", v.year, v."partnerOrganisationId", v.dimension, v."dimensionValue",
               v."periodStart", v."periodEnd", v.value, v.numerator, v.denominator,
               (i.aggregation = 'sum') AS sum_rows
          FROM chosen c
          CROSS JOIN indicator i
          CROSS JOIN achieved_value v
         WHERE i."projectId" = c."projectId" AND v."indicatorId" = i.id
           AND v.year <= ? AND v."periodEnd" >= c."startDate"
           AND v."periodStart" <= c."endDate" AND v."periodStart" <= ?
           AND ${indicatorFilter}
      )`;
    return { cte, params };
  }
}

/**
 * Splits the sort keys (columns of `achievedGroups` in select-list order): `periodStart` (10) + id (12);
 * `periodEnd` (10) + `periodStart` (10) + id (12) + value|numerator|denominator, absent for a sum.
 */
function groupRow(r: unknown[]): AchievedGroupRow {
  const firstKey = r[5] as string;
  const latestKey = r[7] as string | null;
  const latest = latestKey === null ? null : splitLatestKey(latestKey);
  return {
    indicatorId: r[0] as number,
    year: r[1] as number,
    partnerOrganisationId: r[2] as number | null,
    dimension: r[3] as string | null,
    dimensionValue: r[4] as string | null,
    firstStart: firstKey.slice(0, 10),
    firstId: Number(firstKey.slice(10)),
    lastEnd: r[6] as string,
    latestEnd: latest && latest.periodEnd,
    latestStart: latest && latest.periodStart,
    latestValue: latest && latest.value,
    latestNumerator: latest && latest.numerator,
    latestDenominator: latest && latest.denominator,
    sumValues: r[8] as string | null,
  };
}

/** An indicator's columns as the export shows them; `indicators` reads these first, then the rest. */
const HEADLINE_INDICATOR_COLUMNS = `i.id, i."projectId", i.code, i.name, i."nameEn", i.kind, i.unit, i."unitLabel", i.aggregation, i.direction, i.dimensions`;

function headlineIndicatorRow(r: unknown[]): HeadlineIndicatorRow {
  return {
    id: r[0] as number,
    projectId: r[1] as number,
    code: r[2] as string,
    name: r[3] as string,
    nameEn: r[4] as string | null,
    kind: r[5] as IndicatorKind,
    unit: r[6] as IndicatorUnit,
    unitLabel: r[7] as string | null,
    aggregation: r[8] as Aggregation,
    direction: r[9] as Direction,
    dimensions: r[10] as string,
  };
}

/** A headline group's columns; the latest entry's figures from its key (`splitLatestKey`). */
function headlineGroupRow(r: unknown[]): HeadlineGroupRow {
  const sumValues = r[4] as string | null;
  const indicatorId = r[0] as number;
  const partnerOrganisationId = r[1] as number | null;
  const year = r[6] as number;
  const periodId = r[7] as number;
  if (sumValues !== null) {
    return { indicatorId, year, periodId, partnerOrganisationId, periodStart: r[2] as string, periodEnd: r[3] as string, sumValues, value: null, numerator: null, denominator: null };
  }
  return { indicatorId, year, periodId, partnerOrganisationId, sumValues: null, ...splitLatestKey(r[5] as string) };
}

/** Byte order for a sort key, whatever the database's collation (PostgreSQL's may skip punctuation). */
function byteOrder(postgres: boolean): string {
  return postgres ? ' COLLATE "C"' : '';
}

/**
 * The sort key whose MAX is a group's latest entry, with that entry's figures riding behind it:
 * end date, start date, the id in twelve digits (the newer of two entries of the same days wins),
 * then `value|numerator|denominator`. `alias` is the value table's prefix in the query ('v.' or '').
 */
function latestKey(postgres: boolean, alias: string): string {
  const id = postgres ? `lpad(${alias}id::text, 12, '0')` : `printf('%012d', ${alias}id)`;
  return `(${alias}"periodEnd" || ${alias}"periodStart" || ${id} || ${alias}value || '|' || COALESCE(${alias}numerator, '') || '|' || COALESCE(${alias}denominator, ''))${byteOrder(postgres)}`;
}

/** A `latestKey` taken apart again. */
function splitLatestKey(key: string): { periodStart: string; periodEnd: string; value: string; numerator: string | null; denominator: string | null } {
  const [value, numerator, denominator] = key.slice(32).split('|');
  return { periodEnd: key.slice(0, 10), periodStart: key.slice(10, 20), value, numerator: numerator === '' ? null : numerator, denominator: denominator === '' ? null : denominator };
}

/** `column IN (?, ?, …)`, pushing the ids; an empty list matches nothing. */
function inList(column: string, ids: number[], params: unknown[]): string {
  if (ids.length === 0) return '1 = 0';
  params.push(...ids);
  return `${column} IN (${listOf(ids.length)})`;
}
