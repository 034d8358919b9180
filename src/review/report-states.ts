/**
 * The states of an annual report per project, contract (funding period) and year, and which
 * action moves it where. Plain data and functions: who may take an action is the access
 * policy's answer, not this file's.
 *
 *   draft ──(last partner part ready)──▶ parts_ready ──submit──▶ submitted ──approve──▶ approved
 *     └───────────submit (override)──────────────────────▲           │
 *                                                                   return
 *   resubmitted ◀──submit── returned ◀───────────────────────────────┘
 *        └──approve──▶ approved;  └──return──▶ returned
 */
export const REPORT_STATES = ['draft', 'parts_ready', 'submitted', 'returned', 'resubmitted', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_ACTIONS = ['part_ready', 'submit', 'return', 'approve'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Under review: the funder has the report, the lead waits (and corrects nothing). */
export const UNDER_REVIEW: ReadonlySet<ReportState> = new Set(['submitted', 'resubmitted']);

/** A report that is in (for the calendar: its deadline is met). */
export const REPORT_IN: ReadonlySet<ReportState> = new Set(['submitted', 'resubmitted', 'approved']);

export class TransitionRefused extends Error {
  constructor(
    readonly action: ReportAction,
    readonly state: ReportState,
  ) {
    super(`${action} is not possible in state ${state}`);
  }
}

/** The state after `action`, or a TransitionRefused. `allPartsReady` matters only for part_ready. */
export function nextState(state: ReportState, action: ReportAction, allPartsReady = false): ReportState {
  switch (action) {
    case 'part_ready':
      if (state === 'draft' || state === 'parts_ready') return allPartsReady ? 'parts_ready' : 'draft';
      if (state === 'returned') return 'returned';
      break;
    case 'submit':
      if (state === 'draft' || state === 'parts_ready') return 'submitted';
      if (state === 'returned') return 'resubmitted';
      break;
    case 'return':
    case 'approve':
      if (UNDER_REVIEW.has(state)) return action === 'return' ? 'returned' : 'approved';
      break;
  }
  throw new TransitionRefused(action, state);
}

/** The actions possible in a state, for the pages (the policy then says whether this actor may). */
export function possibleActions(state: ReportState): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => {
    try {
      nextState(state, a);
      return true;
    } catch {
      return false;
    }
  });
}
