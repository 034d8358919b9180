import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';
import { notice, pageHeading, section, setTitle } from '../ui.js';
import { reportStateBadge, reportStateLegend } from './report-cycle.js';

/** The reviewer's queue: the reports under review first, then those returned and approved. */
const ORDER = ['submitted', 'resubmitted', 'returned', 'approved'];

export async function reviewPage(ctx) {
  setTitle(t('review.title'));
  const queue = await api.get('/api/reports/review-queue');
  if (!ctx.isCurrent()) return;
  const rows = [...queue].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.updatedAt.localeCompare(b.updatedAt));
  replace(
    ctx.el,
    pageHeading(t('review.title'), t('review.intro')),
    section(
      t('nav.review'),
      reportStateLegend(),
      rows.length === 0
        ? notice('info', h('p', {}, t('review.none')))
        : h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'data responsive review-queue' },
              h('thead', {}, h('tr', {}, ['project', 'year', 'state', 'since'].map((k) => h('th', { scope: 'col' }, t(`review.${k}`))), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('review.open'))))),
              h(
                'tbody',
                {},
                rows.map((r) =>
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'row' }, r.projectCode, ' ', h('span', { class: 'sub' }, r.projectName)),
                    h('td', { 'data-label': t('review.year') }, String(r.year)),
                    h('td', { 'data-label': t('review.state') }, reportStateBadge(r.state)),
                    h('td', { 'data-label': t('review.since') }, dateTime(r.updatedAt)),
                    h('td', {}, h('a', { href: `#/projects/${encodeURIComponent(r.projectCode)}?year=${r.year}` }, t('review.open'), h('span', { class: 'visually-hidden' }, ` ${r.projectCode} ${r.year}`))),
                  ),
                ),
              ),
            ),
          ),
    ),
  );
}
