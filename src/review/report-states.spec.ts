import { nextState, possibleActions, TransitionRefused } from './report-states';

describe('report states', () => {
  it('goes draft → parts ready when the last partner part is ready', () => {
    expect(nextState('draft', 'part_ready', false)).toBe('draft');
    expect(nextState('draft', 'part_ready', true)).toBe('parts_ready');
  });

  it('submits from draft (with an override) or parts ready, and resubmits a returned report', () => {
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(nextState('parts_ready', 'submit')).toBe('submitted');
    expect(nextState('returned', 'submit')).toBe('resubmitted');
  });

  it('lets the reviewer return or approve only a report under review', () => {
    expect(nextState('submitted', 'return')).toBe('returned');
    expect(nextState('resubmitted', 'approve')).toBe('approved');
    expect(() => nextState('returned', 'approve')).toThrow(TransitionRefused);
    expect(() => nextState('draft', 'return')).toThrow(TransitionRefused);
  });

  it('refuses to submit a report under review or approved', () => {
    expect(() => nextState('submitted', 'submit')).toThrow(TransitionRefused);
    expect(() => nextState('approved', 'submit')).toThrow(TransitionRefused);
  });

  it('lists the possible actions per state', () => {
    expect(possibleActions('draft')).toEqual(['part_ready', 'submit']);
    expect(possibleActions('submitted')).toEqual(['return', 'approve']);
    expect(possibleActions('approved')).toEqual([]);
  });
});
