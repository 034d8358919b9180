import { api, withQuery } from '../api.js';
import { h, replace } from '../dom.js';
import { date, dateRange, eur } from '../format.js';
import { t } from '../i18n.js';
import { errorNotice, latestOnly, loading, notice, pageHeading, section, setTitle, STATUSES, statusBadge, statusLegend, yearSelect } from '../ui.js';
import { indicatorTable } from './indicator-table.js';
import { explanationsSection, narrativesSection } from './project-texts.js';
import { reportCycleSection } from './report-cycle.js';
import { valueForm } from './value-form.js';

/**
 * A project: its funding periods and partners, and per reporting year the indicators with the
 * forms to enter achieved values, explanations of deviations and the narrative. A locked year
 * says so and offers no edit.
 */
export async function projectPage(ctx) {
  const [code] = ctx.params;
  const [detail, deadlines] = await Promise.all([api.get(`/api/projects/${encodeURIComponent(code)}`), api.get(withQuery('/api/deadlines', { project: code }))]);
  if (!ctx.isCurrent()) return;
  const { project, reportingYears } = detail;
  const year = chooseYear(reportingYears, Number(ctx.query.year), deadlines.attentionYear);
  const yearPart = h('div', { class: 'year-part' });
  // Grid entry and the Excel import of the chosen year, for those who may record values.
  const gridLink = h('a', { class: 'button-link', href: gridHref(code, year) }, t('grid.open'));
  const gridPart = detail.permissions.includes('value.record') ? h('p', { class: 'grid-link' }, gridLink, ' ', h('span', { class: 'muted' }, t('grid.openHint'))) : null;

  replace(
    ctx.el,
    pageHeading(project.name, `${project.code} · ${project.leadOrganisation?.name ?? ''} · ${t(`projectStatus.${project.status}`)}`),
    project.description ? h('p', { class: 'description' }, project.description) : null,
    aboutSection(detail),
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
          gridPart,
          yearPart,
        )
      : notice('info', h('p', {}, t('project.noYears'))),
  );
  const beginYear = latestOnly();
  if (year) await showYear(year);

  async function showYear(selected) {
    setTitle(`${project.code} ${selected}`);
    gridLink.href = gridHref(code, selected);
    const isLatest = beginYear();
    replace(yearPart, loading());
    try {
      await renderYear(ctx, detail, reportingYears.find((y) => y.year === selected), yearPart, () => showYear(selected), isLatest);
    } catch (error) {
      replace(yearPart, errorNotice(error));
    }
  }
}

function gridHref(code, year) {
  return `#/projects/${encodeURIComponent(code)}/grid${year ? `?year=${year}` : ''}`;
}

/**
 * The year asked for; else the latest that needs attention (a report overdue or due soon); else
 * this calendar year when the project reports on it; else its last year.
 */
function chooseYear(years, wanted, attention) {
  if (years.some((y) => y.year === wanted)) return wanted;
  if (years.some((y) => y.year === attention)) return attention;
  const thisYear = new Date().getFullYear();
  if (years.some((y) => y.year === thisYear)) return thisYear;
  return years.at(-1)?.year ?? null;
}

async function renderYear(ctx, detail, yearInfo, target, reload, isLatest) {
  const code = encodeURIComponent(detail.project.code);
  const year = yearInfo.year;
  const fetchSummary = () => api.get(withQuery(`/api/projects/${code}/indicators/summary`, { year }));
  const [summary, locks, narratives] = await Promise.all([
    fetchSummary(),
    api.get(`/api/projects/${code}/locks`),
    api.get(withQuery(`/api/projects/${code}/narratives`, { year })),
  ]);
  if (!target.isConnected || !isLatest()) return;
  const lock = locks.find((l) => l.year === year);
  const editable = !lock && detail.permissions.includes('value.record');
  // A locked year: a coordinator may still correct a value, with a reason and its kind.
  const correctable = Boolean(lock) && detail.permissions.includes('value.correct');
  const statusPart = h('div');
  const tablePart = h('div');
  const form = editable || correctable ? valueForm({ detail, yearInfo, indicators: summary.indicators, onSaved: refresh, lockedCorrection: correctable }) : null;
  const cycle = reportCycleSection({ code: detail.project.code, year });
  showFigures(summary);

  function showFigures(data) {
    replace(statusPart, statusSummary(data));
    replace(tablePart, indicatorTable({ summary: data, onEnter: form ? (id) => form.selectIndicator(id, true) : null }));
  }

  // After a save only the figures are drawn again: the form keeps its state, its message and focus.
  // A save refused because the year got locked meanwhile draws the whole year again, without forms.
  async function refresh(outcome) {
    if (outcome?.locked) return reload();
    showFigures(await fetchSummary());
  }

  replace(
    target,
    lock ? lockNotice(lock, year, correctable) : null,
    cycle.element,
    statusPart,
    tablePart,
    form?.element,
    explanationsSection({ summary, year, editable, onSaved: refresh }),
    narrativesSection({ detail, year, narratives, editable }),
  );
}

function lockNotice(lock, year, correctable) {
  return notice(
    'locked',
    h('p', { class: 'notice-title' }, h('span', { 'aria-hidden': 'true' }, '🔒 '), t('project.locked', { year })),
    h('p', {}, t('project.lockedBy', { who: lock.lockedBy, when: date(lock.lockedAt) }), lock.reason ? ` ${t('project.lockedReason', { reason: lock.reason })}` : ''),
    correctable ? null : h('p', {}, t('project.lockedNoEdit')),
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
    statusLegend(),
  );
}

/** Funding periods, funders, public calls and partners, compact: the indicators matter most here. */
function aboutSection(detail) {
  const periods = detail.fundingPeriods;
  return section(
    t('project.about'),
    h(
      'dl',
      { class: 'facts about' },
      h('dt', {}, t('project.funding')),
      h(
        'dd',
        {},
        periods.length
          ? periods.map((p) =>
              h(
                'p',
                { class: 'period' },
                h('strong', {}, dateRange(p.startDate, p.endDate)),
                p.amountEur ? ` · ${eur(p.amountEur)}` : '',
                ' · ',
                p.funders.map((f) => f.funder.name).join(', ') || '—',
                p.publicCall ? h('span', { class: 'sub' }, t('project.publicCall', { name: p.publicCall.name })) : null,
              ),
            )
          : t('project.noFunding'),
      ),
      h('dt', {}, t('project.partners')),
      h(
        'dd',
        {},
        h(
          'ul',
          { class: 'inline-list' },
          detail.partners.map((p) => h('li', {}, p.organisation.name, ' ', h('span', { class: 'muted' }, `(${t(`partnerRole.${p.role}`)})`))),
        ),
      ),
    ),
  );
}
