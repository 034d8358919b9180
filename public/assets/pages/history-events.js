import { h } from '../dom.js';
import { date, dateRange, dateTime, num } from '../format.js';
import { t } from '../i18n.js';

/**
 * How audit entries read to a person: which record, what changed from what to what, who, when and
 * why. Bookkeeping fields (ids, versions, who-entered stamps, which the entry itself names) are
 * left out of the changes.
 */
const HIDDEN = new Set(['id', 'version', 'enteredAt', 'enteredBy', 'updatedAt', 'updatedBy', 'createdAt', 'indicatorId', 'projectId', 'sortOrder']);
/** What a created or deleted record is shown with, per type; other types show all their fields. */
const KEY_FIELDS = {
  achieved_value: ['value', 'numerator', 'denominator', 'partnerOrganisationId', 'dimension', 'dimensionValue', 'comment'],
  target: ['value', 'year', 'partnerOrganisationId', 'validFrom', 'reference'],
  deviation_explanation: ['year', 'text'],
  indicator: ['code', 'name', 'unit', 'kind'],
};
const DATE_FIELDS = new Set(['periodStart', 'periodEnd', 'validFrom', 'startDate', 'endDate']);
const NUMBER_FIELDS = new Set(['value', 'numerator', 'denominator', 'baselineValue']);

export function eventItem(event, names) {
  return h(
    'li',
    { class: `event event-${event.action}`, dataset: { entry: event.entryId } },
    h(
      'p',
      { class: 'event-head' },
      h('time', { datetime: event.occurredAt }, dateTime(event.occurredAt)),
      h('span', { class: 'event-action' }, t(`action.${event.action}`)),
      h('span', { class: 'event-record' }, recordLabel(event.entityType, event.after ?? event.before)),
    ),
    h('p', { class: 'event-actor' }, t('history.by'), ' ', h('strong', {}, event.actor), ` (${t(`role.${event.role}`)})`),
    changes(event, names),
    event.reason
      ? h('p', { class: 'event-reason' }, h('span', { class: 'label' }, t('history.reason')), ' ', event.reason, event.reasonCategory ? ` (${t(`reasonCategory.${event.reasonCategory}`)})` : '')
      : null,
  );
}

/** "Dosežena vrednost · 1. 1. 2021 – 31. 12. 2021" */
export function recordLabel(entityType, state) {
  const type = t(`entity.${entityType}`);
  if (!state) return type;
  if (state.periodStart && state.periodEnd) return `${type} · ${dateRange(state.periodStart, state.periodEnd)}`;
  if (state.year) return `${type} · ${state.year}`;
  if (state.code) return `${type} · ${state.code}`;
  return type;
}

function changes(event, names) {
  const { before, after } = event;
  let rows;
  if (before && after) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    rows = keys.map((k) => [k, before[k], after[k]]);
  } else {
    const state = after ?? before;
    if (!state) return null;
    const keys = (KEY_FIELDS[event.entityType] ?? Object.keys(state)).filter((k) => !HIDDEN.has(k) && state[k] !== null && state[k] !== undefined && k in state);
    rows = keys.map((k) => (after ? [k, undefined, state[k]] : [k, state[k], undefined]));
  }
  if (!rows.length) return null;
  return h(
    'dl',
    { class: 'changes' },
    rows.map(([key, from, to]) => [
      h('dt', {}, t(`field.${key}`) === `field.${key}` ? key : t(`field.${key}`)),
      h(
        'dd',
        {},
        from === undefined ? show(key, to, names) : null,
        from !== undefined ? h('del', {}, h('span', { class: 'visually-hidden' }, `${t('history.before')} `), show(key, from, names)) : null,
        from !== undefined && to !== undefined ? h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → ') : null,
        from !== undefined && to !== undefined ? h('ins', {}, h('span', { class: 'visually-hidden' }, `${t('history.after')} `), show(key, to, names)) : null,
      ),
    ]),
  );
}

/** One field's value as text: numbers and dates formatted, partners by name. */
export function show(key, value, names = new Map()) {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'partnerOrganisationId') return names.get(value) ?? `#${value}`;
  if (key === 'unit' || key === 'kind') return t(`${key}.${value}`);
  if (DATE_FIELDS.has(key) && typeof value === 'string') return date(value);
  if (NUMBER_FIELDS.has(key) && /^-?\d+(\.\d+)?$/.test(String(value))) return num(value, decimalsOf(value));
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Keep the decimals that were stored (0.125 stays 0,125), up to the API's six. */
function decimalsOf(value) {
  const fraction = String(value).split('.')[1] ?? '';
  return Math.min(6, fraction.length);
}

/** A record's state for the "as of" table: its key fields, as "field: value" pairs. */
export function stateSummary(entityType, state, names) {
  const keys = (KEY_FIELDS[entityType] ?? Object.keys(state)).filter((k) => !HIDDEN.has(k) && state[k] !== null && state[k] !== undefined && state[k] !== '');
  return keys.map((k) => `${t(`field.${k}`) === `field.${k}` ? k : t(`field.${k}`)}: ${show(k, state[k], names)}`).join(' · ');
}
