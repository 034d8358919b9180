import { api, withQuery } from '../api.js';
import { h, replace } from '../dom.js';
import { date, dateRange, eur } from '../format.js';
import { t } from '../i18n.js';
import { errorNotice, loading, notice, pageHeading, ROLE_CAN_EDIT, section, setTitle, STATUSES, statusBadge, yearSelect } from '../ui.js';
import { indicatorTable } from './indicator-table.js';
import { explanationsSection, narrativesSection } from './project-texts.js';
import { valueForm } from './value-form.js';

/**
 * A project: its funding periods and partners, and per reporting year the indicators with the
 * forms to enter achieved values, explanations of deviations and the narrative. A locked year
 * says so and offers no edit.
 */
export async function projectPage(ctx) {
  const [code] = ctx.params;
  const detail = await api.get(`/api/projects/${encodeURIComponent(code)}`);
  if (!ctx.isCurrent()) return;
  const { project, reportingYears } = detail;
  const year = chooseYear(reportingYears, Number(ctx.query.year));
  const yearPart = h('div', { class: 'year-part' });

  replace(
    ctx.el,
    pageHeading(project.name, `${project.code} · ${project.leadOrganisation?.name ?? ''}`),
    h('div', { class: 'grid-2' }, fundingSection(detail), partnersSection(detail)),
    reportingYears.length
      ? section(
          t('project.yearSection'),
          yearSelect({
            years: reportingYears,
            value: year,
            label: t('project.reportingYear'),
            describe: (y) => (y.partial ? t('project.partialYear', { year: y.year, range: dateRange(y.start, y.end) }) : String(y.year)),
            onchange: (value) => {
              ctx.setQuery({ year: value });
              showYear(value);
            },
          }),
          yearPart,
        )
      : notice('info', h('p', {}, t('project.noYears'))),
  );
  if (year) await showYear(year);

  async function showYear(selected) {
    setTitle(project.code, String(selected));
    replace(yearPart, loading());
    try {
      await renderYear(ctx, detail, reportingYears.find((y) => y.year === selected), yearPart, () => showYear(selected));
    } catch (error) {
      replace(yearPart, errorNotice(error));
    }
  }
}

/** The year asked for; else this calendar year when the project reports on it; else its last year. */
function chooseYear(years, wanted) {
  if (years.some((y) => y.year === wanted)) return wanted;
  const thisYear = new Date().getFullYear();
  if (years.some((y) => y.year === thisYear)) return thisYear;
  return years.at(-1)?.year ?? null;
}

async function renderYear(ctx, detail, yearInfo, target, reload) {
  const code = encodeURIComponent(detail.project.code);
  const year = yearInfo.year;
  const fetchSummary = () => api.get(withQuery(`/api/projects/${code}/indicators/summary`, { year }));
  const [summary, locks, narratives] = await Promise.all([
    fetchSummary(),
    api.get(`/api/projects/${code}/locks`),
    api.get(withQuery(`/api/projects/${code}/narratives`, { year })),
  ]);
  if (!target.isConnected) return;
  const lock = locks.find((l) => l.year === year);
  const editable = !lock && ROLE_CAN_EDIT.includes(ctx.user.role);
  const statusPart = h('div');
  const tablePart = h('div');
  // After a save only the figures are drawn again: the form keeps its state, its message and focus.
  const refresh = async (outcome) => {
    if (outcome?.locked) return reload();
    showFigures(await fetchSummary());
  };
  const form = editable ? valueForm({ detail, yearInfo, indicators: summary.indicators, onSaved: refresh }) : null;
  const showFigures = (data) => {
    replace(statusPart, statusSummary(data));
    replace(tablePart, indicatorTable({ summary: data, onEnter: form ? (id) => form.selectIndicator(id, true) : null }));
  };
  showFigures(summary);

  replace(
    target,
    lock ? lockNotice(lock, year) : null,
    statusPart,
    tablePart,
    form?.element,
    explanationsSection({ summary, year, editable, onSaved: refresh }),
    narrativesSection({ detail, year, narratives, editable }),
  );
}

function lockNotice(lock, year) {
  return notice(
    'locked',
    h('p', { class: 'notice-title' }, h('span', { 'aria-hidden': 'true' }, '🔒 '), t('project.locked', { year })),
    h('p', {}, t('project.lockedBy', { who: lock.lockedBy, when: date(lock.lockedAt) }), lock.reason ? ` ${t('project.lockedReason', { reason: lock.reason })}` : ''),
    h('p', {}, t('project.lockedNoEdit')),
  );
}

function statusSummary(summary) {
  const total = summary.indicators.length;
  return h(
    'div',
    { class: 'status-summary' },
    h('p', {}, t('project.indicatorCount', { count: total, year: summary.year }), ' ', summary.explanationsMissing ? h('strong', {}, t('project.explanationsMissing', { count: summary.explanationsMissing })) : null),
    h(
      'ul',
      { class: 'chips', 'aria-label': t('project.statusCounts') },
      STATUSES.filter((s) => summary.statusCounts[s] > 0).map((s) => h('li', {}, statusBadge(s), h('span', { class: 'chip-count' }, String(summary.statusCounts[s])))),
    ),
  );
}

function fundingSection(detail) {
  const periods = detail.fundingPeriods;
  return section(
    t('project.funding'),
    periods.length
      ? h(
          'ul',
          { class: 'plain-list' },
          periods.map((p) =>
            h(
              'li',
              {},
              h('strong', {}, dateRange(p.startDate, p.endDate)),
              p.amountEur ? ` · ${eur(p.amountEur)}` : '',
              h('br'),
              p.funders.map((f) => f.funder.name).join(', ') || '—',
              p.publicCall ? h('span', { class: 'muted' }, h('br'), t('project.publicCall', { name: p.publicCall.name })) : null,
            ),
          ),
        )
      : h('p', {}, t('project.noFunding')),
  );
}

function partnersSection(detail) {
  return section(
    t('project.partners'),
    h(
      'ul',
      { class: 'plain-list' },
      detail.partners.map((p) => h('li', {}, p.organisation.name, ' ', h('span', { class: 'muted' }, `(${t(`partnerRole.${p.role}`)})`))),
    ),
  );
}
