import { EntityManager } from 'typeorm';
import { FundersRepository } from '../funders/funders.repository';
import { DeadlineRule } from './entities/deadline-rule.entity';

/**
 * The demo's deadline rules. The ESS date is e-MA's (the draft for the previous year until
 * 15 January) and the ZNOrg date is the law's (31 March); the MDDSZ final report 30 days after
 * a contract ends is an assumption of the demo, as a contract would state it.
 */
type DemoRule = Partial<Pick<DeadlineRule, 'month' | 'day' | 'daysAfterEnd'>> & { funderCode: string; kind: DeadlineRule['kind']; title: string };

export const DEMO_DEADLINE_RULES: DemoRule[] = [
  { funderCode: 'ESS', kind: 'annual_report', month: 1, day: 15, title: 'Letno poročilo ESS (e-MA)' },
  { funderCode: 'MJU', kind: 'public_interest_report', month: 3, day: 31, title: 'Poročilo o delovanju v javnem interesu (ZNOrg)' },
  { funderCode: 'MDDSZ', kind: 'final_report', daysAfterEnd: 30, title: 'Končno poročilo MDDSZ' },
];

export async function seedDemoDeadlineRules(em: EntityManager): Promise<void> {
  const funderIds = await new FundersRepository(em.connection).funderIdsByCode(DEMO_DEADLINE_RULES.map((r) => r.funderCode), em);
  for (const { funderCode: code, ...rule } of DEMO_DEADLINE_RULES) {
    const funderId = funderIds.get(code);
    if (funderId === undefined) throw new Error(`Demo deadline rule for unknown funder ${code}`);
    await em.save(DeadlineRule, em.create(DeadlineRule, { publicCallId: null, fundingPeriodId: null, month: null, day: null, daysAfterEnd: null, dueDate: null, forYear: null, ...rule, funderId }));
  }
}
