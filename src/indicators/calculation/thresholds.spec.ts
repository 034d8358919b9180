import { DEFAULT_THRESHOLDS, makeThresholds } from './thresholds';

describe('thresholds', () => {
  it('default to ±15 % for on track and 10 % for explanations', () => {
    expect([DEFAULT_THRESHOLDS.onTrackMarginPercent.toString(), DEFAULT_THRESHOLDS.deviationThresholdPercent.toString()]).toEqual([
      '15',
      '10',
    ]);
  });

  it('are built from configured strings', () => {
    const t = makeThresholds('12.5', '5');
    expect([t.onTrackMarginPercent.toString(), t.deviationThresholdPercent.toString()]).toEqual(['12.5', '5']);
  });

  it('refuse a margin of 100 % or more, which would put everything on track', () => {
    expect(() => makeThresholds(100, 10)).toThrow('onTrackMarginPercent must be at least 0 and below 100, got 100');
  });

  it('refuse a negative explanation threshold', () => {
    expect(() => makeThresholds(15, -1)).toThrow('deviationThresholdPercent must not be negative, got -1');
  });
});
