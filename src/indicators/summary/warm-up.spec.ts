import { makeThresholds } from '../calculation';
import type { ProjectSummary } from './project-summaries';
import { warmUp } from './warm-up';

describe('warm-up of a reading thread', () => {
  it('summarises a made-up portfolio that reaches every part of the calculation', async () => {
    const thresholds = makeThresholds('10', '20');
    const json = await warmUp(thresholds, 2);
    const projects = JSON.parse(`[${Buffer.from(json).toString('utf8')}]`) as ProjectSummary[];
    expect(projects).toHaveLength(12);
    const indicators = projects.flatMap((p) => p.indicators);
    expect(indicators).toHaveLength(12 * 7);
    // Every indicator has a target and an achieved figure: nothing fell through to "no data".
    expect(indicators.every((i) => i.planned !== null && i.achieved !== null && i.achievementPercent !== null)).toBe(true);
    expect(new Set(indicators.map((i) => i.status)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(indicators.map((i) => i.aggregation))).toEqual(new Set(['sum', 'latest', 'cumulative']));
    expect(indicators.some((i) => i.isShare && i.aggregation === 'sum' && i.numerator !== null && i.denominator !== null)).toBe(true);
    expect(indicators.some((i) => i.isShare && i.aggregation === 'latest' && i.numerator !== null)).toBe(true);
    expect(indicators.some((i) => i.partners.length === 2 && i.partners.every((p) => p.planned !== null && p.achieved !== null))).toBe(true);
    expect(indicators.some((i) => i.dimensions.length === 2 && i.dimensions.every((d) => d.parts.length > 0))).toBe(true);
    expect(indicators.some((i) => i.forecast?.valueAtEnd != null)).toBe(true);
    expect(indicators.some((i) => i.explanation !== null) && indicators.some((i) => i.explanationMissing)).toBe(true);
    expect(projects.some((p) => p.otherFundingPeriods.length === 1)).toBe(true);
  });
});
