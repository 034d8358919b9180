import { concernsIndicator, HistoryEvent, stateAsOf } from './history-replay';

const event = (over: Partial<HistoryEvent>): HistoryEvent => ({
  entryId: 1,
  occurredAt: '2021-01-15T09:00:00.000Z',
  actor: 'vodja',
  role: 'project_manager',
  action: 'create',
  entityType: 'achieved_value',
  entityId: '7',
  projectId: 1,
  before: null,
  after: { indicatorId: 3, value: '62' },
  reason: null,
  reasonCategory: null,
  ...over,
});

describe('stateAsOf', () => {
  const events = [
    event({ entryId: 1 }),
    event({ entryId: 2, occurredAt: '2021-02-01T10:00:00.000Z', action: 'update', before: { indicatorId: 3, value: '62' }, after: { indicatorId: 3, value: '64' } }),
    event({ entryId: 3, occurredAt: '2021-03-01T10:00:00.000Z', action: 'delete', before: { indicatorId: 3, value: '64' }, after: null }),
  ];

  it('returns the value as it was before a later change', () => {
    expect(stateAsOf(events, '2021-01-20T00:00:00.000Z').records).toEqual([{ entityType: 'achieved_value', entityId: '7', state: { indicatorId: 3, value: '62' } }]);
  });

  it('returns the changed value after the change', () => {
    expect(stateAsOf(events, '2021-02-15T00:00:00.000Z').records[0].state).toEqual({ indicatorId: 3, value: '64' });
  });

  it('drops a record deleted before the moment', () => {
    expect(stateAsOf(events, '2021-04-01T00:00:00.000Z').records).toEqual([]);
  });

  it('knows nothing before the first entry', () => {
    expect(stateAsOf(events, '2020-12-31T23:59:59.999Z').records).toEqual([]);
  });
});

describe('concernsIndicator', () => {
  it('matches the indicator itself and records pointing at it, also deleted ones', () => {
    expect(concernsIndicator(event({ entityType: 'indicator', entityId: '3' }), 3)).toBe(true);
    expect(concernsIndicator(event({ after: null, before: { indicatorId: 3 } }), 3)).toBe(true);
    expect(concernsIndicator(event({ after: { indicatorId: 4 } }), 3)).toBe(false);
  });
});
