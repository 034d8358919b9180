import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { date } from '../format.js';
import { t } from '../i18n.js';
import { notice, section } from '../ui.js';

/**
 * Report deadlines from the server's calendar (`/api/deadlines`: the funders' and contracts' rules,
 * with days left and whether the report is in): the next ones over every project, and those of
 * the chosen year. Overdue ones are red, with the days of delay. Below them, the person's own
 * iCalendar feed for Outlook or Google Calendar.
 */
export function deadlinesSection(overview, year) {
  const upcoming = overview.deadlines.filter((d) => !d.done && d.daysLeft >= 0).slice(0, 5);
  const rows = overview.deadlines.filter((d) => d.year === year);
  return section(
    t('deadlines.title', { year }),
    h('p', { class: 'muted' }, t('deadlines.fromRules')),
    h(
      'div',
      { class: 'upcoming' },
      h('h3', {}, t('deadlines.upcoming')),
      upcoming.length
        ? h('ul', { class: 'plain-list' }, upcoming.map((d) => h('li', {}, h('strong', {}, date(d.dueDate)), ` · ${d.projectCode} · ${d.title} ${d.year} · `, deadlineState(d))))
        : h('p', {}, t('deadlines.noneUpcoming')),
    ),
    h('h3', {}, t('deadlines.forYear', { year })),
    rows.length
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'data responsive deadlines-table' },
            h('thead', {}, h('tr', {}, ['due', 'project', 'report', 'state'].map((k) => h('th', { scope: 'col' }, t(`deadlines.${k}`))))),
            h(
              'tbody',
              {},
              rows.map((d) =>
                h(
                  'tr',
                  { class: d.status === 'overdue' ? 'row-overdue' : '' },
                  h('td', { 'data-label': t('deadlines.due') }, date(d.dueDate)),
                  h('th', { scope: 'row' }, h('a', { href: `#/reports?project=${encodeURIComponent(d.projectCode)}&year=${d.year}` }, d.projectCode), ' ', h('span', { class: 'sub' }, d.projectName)),
                  h('td', { 'data-label': t('deadlines.report') }, `${d.title} ${d.year}`),
                  h('td', { 'data-label': t('deadlines.state') }, deadlineState(d)),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, t('deadlines.none', { year })),
    feedPart(),
  );
}

export function deadlineState(d) {
  if (d.done) return h('span', { class: 'state state-done' }, `✓ ${t('deadlines.done')}`);
  if (d.daysLeft < 0) return h('span', { class: 'state state-late' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), t('deadlines.overdueDays', { days: -d.daysLeft }));
  if (d.daysLeft === 0) return h('span', { class: 'state state-soon' }, t('deadlines.today'));
  return h('span', { class: d.daysLeft <= 30 ? 'state state-soon' : 'state' }, t('deadlines.daysLeft', { days: d.daysLeft }));
}

/** The secret calendar URL is shown once, when it is made; making a new one ends the old one. */
function feedPart() {
  const out = h('div', { class: 'feed-status', 'aria-live': 'polite' });
  const make = h('button', { type: 'button', class: 'secondary small' }, t('deadlines.feed'));
  const revoke = h('button', { type: 'button', class: 'secondary small' }, t('deadlines.feedRevoke'));
  make.addEventListener('click', async () => {
    const feed = await api.post('/api/calendar/feed');
    const url = new URL(feed.path, window.location.origin).toString();
    replace(out, notice('info', h('p', {}, t('deadlines.feedUrl', { url }))));
  });
  revoke.addEventListener('click', async () => {
    await api.delete('/api/calendar/feed');
    replace(out, notice('info', h('p', {}, t('deadlines.feedRevoked'))));
  });
  return h('div', { class: 'actions feed' }, make, revoke, out);
}
