import { h, uid } from './dom.js';
import { t } from './i18n.js';

/** Building blocks shared by the pages. */

/** Status with its colour AND its text (and a shape), never colour alone. */
const STATUS_MARKS = { met: '✓', on_track: '➚', at_risk: '!', not_met: '✗', no_target: '–' };
export const STATUSES = ['met', 'on_track', 'at_risk', 'not_met', 'no_target'];

export function statusBadge(status) {
  return h('span', { class: `status status-${status}` }, h('span', { class: 'status-mark', 'aria-hidden': 'true' }, STATUS_MARKS[status] ?? ''), t(`status.${status}`));
}

/** What each indicator status means, next to the badges. */
export function statusLegend() {
  return h(
    'details',
    { class: 'legend' },
    h('summary', {}, t('statusLegend.title')),
    h('dl', { class: 'facts' }, STATUSES.flatMap((s) => [h('dt', {}, statusBadge(s)), h('dd', {}, t(`statusLegend.${s}`))])),
  );
}

/** The page's h1; focusable so that the router can move focus to it after a navigation. */
export function pageHeading(title, subtitle) {
  return h('div', { class: 'page-heading' }, h('h1', { tabindex: '-1' }, title), subtitle ? h('p', { class: 'subtitle' }, subtitle) : null);
}

/** A section with an h2 that names it for assistive technology. */
export function section(title, ...children) {
  const id = uid('sec');
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function notice(kind, ...children) {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : undefined }, ...children);
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}

/** What to tell a person about a failed request, in their language. */
export function errorText(error) {
  const status = error?.status ?? 0;
  const body = error?.body ?? {};
  if (status === 0) return t('error.network');
  if (status === 401) return t('error.session');
  if (status === 403) return t('error.forbidden');
  if (status === 404) return t('error.notFound');
  if (status === 409 && body.current) return t('error.stale');
  if (status === 409) return t('error.conflict', { detail: body.message ?? '' });
  if (status === 423) return t('error.locked', { year: body.lockedYear ?? '' });
  if (status === 429) return t('error.tooMany', { seconds: error.retryAfter ?? 60 });
  if (status === 400 || status === 422) return t('error.invalid');
  return t('error.server');
}

export function errorNotice(error) {
  return notice('error', h('p', {}, errorText(error)));
}

/** A year <select> with its label; partial years say which dates they cover. */
export function yearSelect({ years, value, label, onchange, describe }) {
  const id = uid('year');
  const select = h(
    'select',
    { id, onchange: () => onchange(Number(select.value)) },
    years.map((y) => h('option', { value: y.year ?? y, selected: Number(y.year ?? y) === Number(value) }, describe ? describe(y) : String(y.year ?? y))),
  );
  return h('div', { class: 'field inline-field' }, h('label', { for: id }, label), select);
}

/**
 * For loads that a person can start again before the last one answered (changing a selector
 * quickly): `const isLatest = begin();` … `if (!isLatest()) return;` drops the older answers.
 */
export function latestOnly() {
  let counter = 0;
  return () => {
    const mine = ++counter;
    return () => mine === counter;
  };
}

export function setTitle(...parts) {
  document.title = [...parts.filter(Boolean), 'Kazalnik'].join(' – ');
}

