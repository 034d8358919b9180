import { attentionYear, daysLeft, deadlineStatus, deadlinesForProject, DeadlineRuleData, PeriodForDeadlines } from './deadlines';

const ESS = 1;
const MDDSZ = 2;
const MJU = 3;

function rule(overrides: Partial<DeadlineRuleData>): DeadlineRuleData {
  return { id: 1, kind: 'annual_report', funderId: null, publicCallId: null, fundingPeriodId: null, month: null, day: null, daysAfterEnd: null, dueDate: null, forYear: null, title: 'Letno poročilo', ...overrides };
}

const AS_PERIOD: PeriodForDeadlines = { id: 10, startDate: '2019-09-23', endDate: '2022-09-30', funderIds: [MDDSZ, ESS], publicCallId: null };

describe('reporting calendar', () => {
  it('gives the ESS annual report by 15 January of the next year for each reporting year', () => {
    const rules = [rule({ id: 1, funderId: ESS, month: 1, day: 15, title: 'Letno poročilo ESS' })];
    const due = deadlinesForProject([AS_PERIOD], rules).map((d) => [d.year, d.dueDate]);
    expect(due).toEqual([
      [2019, '2020-01-15'],
      [2020, '2021-01-15'],
      [2021, '2022-01-15'],
      [2022, '2023-01-15'],
    ]);
  });

  it('gives the ZNOrg public-interest report by 31 March', () => {
    const rules = [rule({ id: 2, kind: 'public_interest_report', funderId: MJU, month: 3, day: 31 })];
    const hub: PeriodForDeadlines = { id: 11, startDate: '2019-10-01', endDate: '2023-09-30', funderIds: [MJU], publicCallId: 5 };
    expect(deadlinesForProject([hub], rules, 2021).map((d) => d.dueDate)).toEqual(['2022-03-31']);
  });

  it('gives a final report N days after the funding period ends', () => {
    const rules = [rule({ id: 3, kind: 'final_report', funderId: MDDSZ, daysAfterEnd: 30 })];
    expect(deadlinesForProject([AS_PERIOD], rules)).toEqual([
      { ruleId: 3, kind: 'final_report', fundingPeriodId: 10, year: 2022, dueDate: '2022-10-30', title: 'Letno poročilo' },
    ]);
  });

  it("adds a contract's own dates", () => {
    const rules = [rule({ id: 4, kind: 'contract_date', fundingPeriodId: 10, dueDate: '2021-02-28', title: 'Vmesno poročilo' })];
    expect(deadlinesForProject([AS_PERIOD], rules).map((d) => [d.year, d.dueDate, d.title])).toEqual([[2020, '2021-02-28', 'Vmesno poročilo']]);
  });

  it("lets a call's rule replace its funder's rule of the same kind", () => {
    const period = { ...AS_PERIOD, publicCallId: 7 };
    const rules = [rule({ id: 1, funderId: ESS, month: 1, day: 15 }), rule({ id: 5, publicCallId: 7, month: 2, day: 28 })];
    expect(deadlinesForProject([period], rules, 2020).map((d) => [d.ruleId, d.dueDate])).toEqual([[5, '2021-02-28']]);
  });

  it('gives one deadline when two funders of a period have the same rule', () => {
    const rules = [rule({ id: 1, funderId: ESS, month: 1, day: 15 }), rule({ id: 6, funderId: MDDSZ, month: 1, day: 15 })];
    expect(deadlinesForProject([AS_PERIOD], rules, 2021)).toHaveLength(1);
  });

  it('ignores rules of funders that do not finance the period', () => {
    expect(deadlinesForProject([AS_PERIOD], [rule({ funderId: MJU, month: 3, day: 31 })])).toEqual([]);
  });

  it('counts days left and marks a passed deadline overdue', () => {
    expect(daysLeft('2022-01-15', '2022-01-10')).toBe(5);
    expect(daysLeft('2021-01-15', '2026-12-01')).toBe(-2146);
    expect(deadlineStatus('2021-01-15', '2026-12-01', false)).toBe('overdue');
    expect(deadlineStatus('2021-01-15', '2026-12-01', true)).toBe('done');
    expect(deadlineStatus('2027-01-15', '2026-12-20', false)).toBe('due_soon');
    expect(deadlineStatus('2027-01-15', '2026-12-01', false)).toBe('upcoming');
  });

  it('opens on the latest year that needs attention, never on an empty future year', () => {
    const d = (year: number, dueDate: string, done: boolean) => ({ ruleId: 1, kind: 'annual_report' as const, fundingPeriodId: 1, year, dueDate, title: '', done });
    expect(attentionYear([d(2020, '2021-01-15', true), d(2021, '2022-01-15', false), d(2022, '2023-01-15', true)], '2026-12-01')).toBe(2021);
    expect(attentionYear([d(2020, '2021-01-15', true), d(2026, '2027-01-15', false)], '2026-12-01')).toBe(2020);
    expect(attentionYear([d(2026, '2027-01-15', false)], '2026-12-20')).toBe(2026);
  });
});
