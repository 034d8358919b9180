import { reportingYears } from '../projects/reporting-years';

/**
 * The reporting calendar as data: deadline rules per funder, public call or contract (funding
 * period), turned into dated deadlines per project and year by plain functions.
 *
 * - `annual_report`: the report on year Y is due on `month`/`day` of Y + 1 (ESS: 15 January);
 * - `public_interest_report`: the same shape (ZNOrg: 31 March of the next year);
 * - `final_report`: due `daysAfterEnd` days after the funding period ends, for its last year;
 * - `contract_date`: a contract's own date (`dueDate`), for `forYear` or the year before the date.
 */
export const DEADLINE_KINDS = ['annual_report', 'public_interest_report', 'final_report', 'contract_date'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DeadlineRuleData {
  id: number;
  kind: DeadlineKind;
  funderId: number | null;
  publicCallId: number | null;
  fundingPeriodId: number | null;
  month: number | null;
  day: number | null;
  daysAfterEnd: number | null;
  dueDate: string | null;
  forYear: number | null;
  title: string;
}

export interface PeriodForDeadlines {
  id: number;
  startDate: string;
  endDate: string;
  funderIds: number[];
  publicCallId: number | null;
}

export interface Deadline {
  ruleId: number;
  kind: DeadlineKind;
  fundingPeriodId: number;
  /** The reporting year the report covers. */
  year: number;
  dueDate: string;
  title: string;
}

/** How specific a rule is for a period: a contract's own rule beats its call's, which beats a funder's. */
function specificity(rule: DeadlineRuleData, period: PeriodForDeadlines): number {
  if (rule.fundingPeriodId !== null) return rule.fundingPeriodId === period.id ? 3 : 0;
  if (rule.publicCallId !== null) return rule.publicCallId === period.publicCallId ? 2 : 0;
  if (rule.funderId !== null) return period.funderIds.includes(rule.funderId) ? 1 : 0;
  return 0;
}

/**
 * The rules that apply to a period: for each kind, only the most specific level's rules (a call's
 * annual rule replaces its funder's). A contract's own dates always add to the others.
 */
export function rulesForPeriod(period: PeriodForDeadlines, rules: DeadlineRuleData[]): DeadlineRuleData[] {
  const applicable = rules.map((rule) => ({ rule, level: specificity(rule, period) })).filter((r) => r.level > 0);
  const best = new Map<DeadlineKind, number>();
  for (const { rule, level } of applicable) best.set(rule.kind, Math.max(best.get(rule.kind) ?? 0, level));
  return applicable.filter(({ rule, level }) => rule.kind === 'contract_date' || level === best.get(rule.kind)).map((r) => r.rule);
}

export function deadlinesForPeriod(period: PeriodForDeadlines, rules: DeadlineRuleData[]): Deadline[] {
  const out: Deadline[] = [];
  const add = (rule: DeadlineRuleData, year: number, dueDate: string) =>
    out.push({ ruleId: rule.id, kind: rule.kind, fundingPeriodId: period.id, year, dueDate, title: rule.title });
  for (const rule of rulesForPeriod(period, rules)) {
    switch (rule.kind) {
      case 'annual_report':
      case 'public_interest_report':
        for (const { year } of reportingYears(period.startDate, period.endDate)) add(rule, year, isoDate(year + 1, rule.month ?? 1, rule.day ?? 1));
        break;
      case 'final_report':
        add(rule, Number(period.endDate.slice(0, 4)), addDays(period.endDate, rule.daysAfterEnd ?? 0));
        break;
      case 'contract_date':
        if (rule.dueDate) add(rule, rule.forYear ?? Number(rule.dueDate.slice(0, 4)) - 1, rule.dueDate);
        break;
    }
  }
  return dedupe(out);
}

/** Every deadline of a project's funding periods, by due date. Two funders' identical rules give one deadline. */
export function deadlinesForProject(periods: PeriodForDeadlines[], rules: DeadlineRuleData[], year?: number): Deadline[] {
  return dedupe(periods.flatMap((p) => deadlinesForPeriod(p, rules)))
    .filter((d) => year === undefined || d.year === year)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.fundingPeriodId - b.fundingPeriodId || a.kind.localeCompare(b.kind));
}

function dedupe(deadlines: Deadline[]): Deadline[] {
  const seen = new Set<string>();
  return deadlines.filter((d) => {
    const key = `${d.fundingPeriodId}|${d.kind}|${d.year}|${d.dueDate}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whole days from `today` to `dueDate`: 0 on the day, negative once it has passed. */
export function daysLeft(dueDate: string, today: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type DeadlineStatus = 'done' | 'overdue' | 'due_soon' | 'upcoming';

export function deadlineStatus(dueDate: string, today: string, done: boolean, soonDays = 30): DeadlineStatus {
  if (done) return 'done';
  const left = daysLeft(dueDate, today);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'due_soon' : 'upcoming';
}

/**
 * The year a dashboard should open on: the latest reporting year with a deadline that is not done
 * and is overdue or due soon; without one, the latest year whose reporting period has ended
 * (never an empty future year).
 */
export function attentionYear(deadlines: (Deadline & { done: boolean })[], today: string, soonDays = 30): number | null {
  const pending = deadlines.filter((d) => !d.done && daysLeft(d.dueDate, today) <= soonDays);
  const currentYear = Number(today.slice(0, 4));
  const pool = pending.length > 0 ? pending : deadlines.filter((d) => d.year < currentYear);
  return pool.length === 0 ? null : Math.max(...pool.map((d) => d.year));
}

export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
