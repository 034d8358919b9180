import { api, withQuery } from '../api.js';
import { bulletChart } from '../chart.js';
import { deadlinesSection } from './deadlines-section.js';
import { h, replace } from '../dom.js';
import { amount, date, pct } from '../format.js';
import { indicatorName, t } from '../i18n.js';
import { errorNotice, latestOnly, loading, pageHeading, section, setTitle, STATUSES, statusBadge, statusLegend, yearSelect } from '../ui.js';

/**
 * The coordinator's portfolio for a year: status counts, indicators at risk, missing
 * explanations, report deadlines and a chart of planned vs achieved. It opens on the latest
 * year that needs attention (a report overdue or due soon), never on an empty future year.
 */
export async function dashboardPage(ctx) {
  const projects = await api.get('/api/projects');
  // The list has no funding periods; the details have (and the reporting years, for the selector).
  const [details, deadlines] = await Promise.all([Promise.all(projects.map((p) => api.get(`/api/projects/${encodeURIComponent(p.code)}`))), api.get('/api/deadlines')]);
  if (!ctx.isCurrent()) return;
  const years = [...new Set(details.flatMap((d) => d.reportingYears.map((y) => y.year)))].sort((a, b) => a - b);
  const year = chooseYear(years, Number(ctx.query.year), deadlines.attentionYear);
  const body = h('div', { class: 'dashboard-body' });

  const heading = pageHeading(t('dashboard.title', { year }));
  replace(
    ctx.el,
    heading,
    h(
      'div',
      { class: 'toolbar' },
      yearSelect({
        years,
        value: year,
        label: t('dashboard.year'),
        onchange: (value) => {
          ctx.setQuery({ year: value });
          heading.querySelector('h1').textContent = t('dashboard.title', { year: value });
          show(value);
        },
      }),
    ),
    body,
  );
  const beginYear = latestOnly();
  if (year) await show(year);

  async function show(selected) {
    setTitle(t('dashboard.title', { year: selected }));
    const isLatest = beginYear();
    replace(body, loading());
    try {
      const portfolio = await api.get(withQuery('/api/indicators/summary', { year: selected }));
      if (!body.isConnected || !isLatest()) return;
      replace(body, ...renderPortfolio(portfolio, deadlines, selected));
    } catch (error) {
      replace(body, errorNotice(error));
    }
  }
}

/** The year asked for; else the latest that needs attention; else last year; else the latest with data. */
function chooseYear(years, wanted, attention) {
  if (years.includes(wanted)) return wanted;
  if (years.includes(attention)) return attention;
  const lastYear = new Date().getFullYear() - 1;
  if (years.includes(lastYear)) return lastYear;
  return years.filter((y) => y <= lastYear).at(-1) ?? years.at(-1) ?? null;
}

function renderPortfolio(portfolio, deadlines, year) {
  const all = portfolio.projects.flatMap((p) => p.indicators.map((ind) => ({ ...ind, project: p.project })));
  const totals = Object.fromEntries(STATUSES.map((s) => [s, portfolio.projects.reduce((n, p) => n + (p.statusCounts[s] ?? 0), 0)]));
  const missing = all.filter((i) => i.explanationMissing);
  const atRisk = all.filter((i) => i.status === 'at_risk' || i.status === 'not_met');
  const withPlan = all.filter((i) => i.planned !== null && i.achieved !== null);
  return [
    h(
      'ul',
      { class: 'stat-cards', 'aria-label': t('dashboard.counts') },
      h('li', { class: 'stat-card' }, h('span', { class: 'stat-number' }, String(all.length)), h('span', {}, t('dashboard.indicators', { projects: portfolio.projects.length }))),
      STATUSES.map((s) => h('li', { class: `stat-card stat-${s}` }, h('span', { class: 'stat-number' }, String(totals[s])), statusBadge(s))),
      h('li', { class: `stat-card ${missing.length ? 'stat-warning' : ''}` }, h('span', { class: 'stat-number' }, String(missing.length)), h('span', {}, t('dashboard.missingExplanations'))),
    ),
    statusLegend(),
    h(
      'div',
      { class: 'grid-2' },
      section(t('dashboard.atRisk'), atRisk.length ? indicatorList(atRisk, year, true) : h('p', {}, t('dashboard.noneAtRisk'))),
      section(t('dashboard.missingTitle'), missing.length ? indicatorList(missing, year, false) : h('p', {}, t('dashboard.noneMissing'))),
    ),
    section(t('dashboard.chartTitle', { year }), withPlan.length ? chart(withPlan, year) : h('p', {}, t('dashboard.noPlans', { year }))),
    deadlinesSection(deadlines, year),
    projectsTable(portfolio, year),
  ];
}

function indicatorList(indicators, year, withFigures) {
  return h(
    'ul',
    { class: 'plain-list indicator-list' },
    indicators.map((i) =>
      h(
        'li',
        {},
        h('a', { href: `#/projects/${encodeURIComponent(i.project.code)}?year=${year}` }, `${i.project.code} · ${i.code}`),
        ' ',
        indicatorName(i),
        withFigures ? h('span', { class: 'sub' }, statusBadge(i.status), ' ', t('dashboard.figures', { achieved: amount(i.achieved, i.unit), planned: amount(i.planned, i.unit), percent: pct(i.achievementPercent) })) : null,
      ),
    ),
  );
}

function chart(indicators, year) {
  const rows = indicators.map((i) => ({
    label: `${i.project.code} · ${i.code} ${indicatorName(i)}`,
    title: `${i.project.code} · ${i.code} ${indicatorName(i)}: ${t(`status.${i.status}`)}`,
    planned: Number(i.planned),
    achieved: Number(i.achieved),
    status: i.status,
    valueText: t('chart.value', { achieved: amount(i.achieved, i.unit), planned: amount(i.planned, i.unit), percent: pct(i.achievementPercent) }),
  }));
  return h(
    'div',
    {},
    bulletChart(rows, { caption: t('dashboard.chartCaption', { year }) }),
    h('details', { class: 'chart-data' }, h('summary', {}, t('dashboard.chartData')), h('div', { class: 'table-wrap' }, chartTable(indicators))),
  );
}

/** The chart's figures as a table, for screen readers and for anyone who prefers numbers. */
function chartTable(indicators) {
  const rows = indicators.map((i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, `${i.project.code} · ${i.code} ${indicatorName(i)}`),
      h('td', {}, amount(i.planned, i.unit)),
      h('td', {}, amount(i.achieved, i.unit)),
      h('td', {}, pct(i.achievementPercent)),
      h('td', {}, statusBadge(i.status)),
    ),
  );
  return h(
    'table',
    { class: 'data compact-table' },
    h('thead', {}, h('tr', {}, ['indicator', 'planned', 'achieved', 'percent', 'status'].map((k) => h('th', { scope: 'col' }, t(`table.${k}`))))),
    h('tbody', {}, rows),
  );
}

function projectsTable(portfolio, year) {
  return section(
    t('dashboard.projects'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, t('dashboard.project')), h('th', { scope: 'col' }, t('dashboard.indicatorsCol')), STATUSES.map((s) => h('th', { scope: 'col' }, t(`status.${s}`))), h('th', { scope: 'col' }, t('dashboard.missingCol'))),
        ),
        h(
          'tbody',
          {},
          portfolio.projects.map((p) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, h('a', { href: `#/projects/${encodeURIComponent(p.project.code)}?year=${year}` }, p.project.code), h('span', { class: 'sub' }, p.project.name)),
              h('td', { class: 'num' }, String(p.indicators.length)),
              STATUSES.map((s) => h('td', { class: 'num' }, String(p.statusCounts[s] ?? 0))),
              h('td', { class: 'num' }, String(p.explanationsMissing)),
            ),
          ),
        ),
      ),
    ),
  );
}
