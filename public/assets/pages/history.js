import { api, withQuery } from '../api.js';
import { h, replace } from '../dom.js';
import { field } from '../forms.js';
import { date, shorten } from '../format.js';
import { indicatorName, t } from '../i18n.js';
import { may } from '../routes.js';
import { errorNotice, latestOnly, loading, notice, pageHeading, section, setTitle } from '../ui.js';
import { eventItem, recordLabel, stateSummary } from './history-events.js';
import { submissionsTable } from './submissions.js';

/**
 * The audit view of one indicator: its history (who, when, before → after, why), its state on a
 * chosen date, the audit chain's integrity check, the project's submitted reports with their
 * SHA-256, and exports of the history for a spreadsheet.
 */
export async function historyPage(ctx) {
  setTitle(t('history.title'));
  const projects = await api.get('/api/projects');
  if (!ctx.isCurrent()) return;
  if (!projects.length) return replace(ctx.el, pageHeading(t('history.title')), notice('info', h('p', {}, t('projects.none'))));
  const code = projects.some((p) => p.code === ctx.query.project) ? ctx.query.project : projects[0].code;

  const projectField = field({ name: 'project', label: t('history.project'), value: code, options: projects.map((p) => ({ value: p.code, label: `${p.code} – ${p.name}` })) });
  const indicatorField = field({ name: 'indicator', label: t('history.indicator'), options: [] });
  const body = h('div', { class: 'history-body' });
  const projectPart = h('div');
  const canSeeChain = may(ctx.user, 'audit.verify');
  let names = new Map();
  const beginProject = latestOnly();
  const beginIndicator = latestOnly();

  replace(
    ctx.el,
    pageHeading(t('history.title'), t('history.intro')),
    canSeeChain ? chainSection() : null,
    section(t('history.choose'), h('form', { class: 'field-row', onsubmit: (e) => e.preventDefault() }, projectField.wrapper, indicatorField.wrapper)),
    body,
    projectPart,
  );
  projectField.input.addEventListener('change', () => loadProject());
  indicatorField.input.addEventListener('change', () => showIndicator());
  await loadProject(Number(ctx.query.indicator));

  async function loadProject(wantedIndicator) {
    const selected = projectField.input.value;
    const isLatest = beginProject();
    replace(body, loading());
    const [detail, indicators] = await Promise.all([
      api.get(`/api/projects/${encodeURIComponent(selected)}`),
      api.get(`/api/projects/${encodeURIComponent(selected)}/indicators`),
    ]);
    if (!isLatest()) return;
    names = new Map(detail.partners.map((p) => [p.organisationId, p.organisation.name]));
    const chosen = indicators.some((i) => i.id === wantedIndicator) ? wantedIndicator : indicators[0]?.id;
    replace(indicatorField.input, indicators.map((i) => h('option', { value: i.id, selected: i.id === chosen }, `${i.code} – ${shorten(indicatorName(i), 80)}`)));
    replace(projectPart, may(ctx.user, 'submission.read') ? await submissionsSection(selected) : null);
    await showIndicator();
  }

  async function showIndicator() {
    const id = Number(indicatorField.input.value);
    ctx.setQuery({ project: projectField.input.value, indicator: id || '' });
    if (!id) return replace(body, notice('info', h('p', {}, t('history.noIndicators'))));
    const isLatest = beginIndicator();
    replace(body, loading());
    try {
      const history = await api.get(`/api/indicators/${id}/history`);
      if (!body.isConnected || !isLatest()) return;
      setTitle(t('history.title'), history.indicator.code);
      replace(body, indicatorHistory(history, names, ctx));
    } catch (error) {
      replace(body, errorNotice(error));
    }
  }
}

function indicatorHistory(history, names, ctx) {
  const { indicator, events } = history;
  const exportUrl = (format) => withQuery(`/api/indicators/${indicator.id}/history/export`, { format });
  const asOfPart = h('div', { class: 'as-of-result' });
  const asOfField = field({ name: 'asOf', label: t('history.asOfDate'), type: 'date', value: ctx.query.asOf ?? '', hint: t('history.asOfHint') });
  const asOfForm = h(
    'form',
    { class: 'field-row as-of-form', onsubmit: (e) => (e.preventDefault(), showAsOf()) },
    asOfField.wrapper,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('history.asOfShow'))),
  );
  if (ctx.query.asOf) showAsOf();

  async function showAsOf() {
    const day = asOfField.input.value;
    if (!day) return replace(asOfPart, notice('info', h('p', {}, t('history.asOfPick'))));
    ctx.setQuery({ asOf: day });
    // The end of the chosen day in the computer's time zone: "the state on 15. 2. 2021" includes that day.
    const [y, m, d] = day.split('-').map(Number);
    const moment = new Date(y, m - 1, d, 23, 59, 59, 999).toISOString();
    replace(asOfPart, loading());
    try {
      const result = await api.get(withQuery(`/api/indicators/${indicator.id}/history`, { asOf: moment }));
      replace(asOfPart, asOfTable(result.asOf, day, names));
    } catch (error) {
      replace(asOfPart, errorNotice(error));
    }
  }

  return h(
    'div',
    {},
    section(
      t('history.timeline', { code: indicator.code }),
      h('p', { class: 'ind-title' }, indicatorName(indicator)),
      h(
        'p',
        { class: 'export-links' },
        t('history.export'),
        ' ',
        h('a', { href: exportUrl('csv'), download: '' }, t('history.exportCsv')),
        ' · ',
        h('a', { href: exportUrl('xlsx'), download: '' }, t('history.exportXlsx')),
      ),
      events.length
        ? h('ol', { class: 'timeline', reversed: true }, [...events].reverse().map((e) => eventItem(e, names)))
        : h('p', {}, t('history.noEvents')),
    ),
    section(t('history.asOfTitle'), asOfForm, asOfPart),
  );
}

function asOfTable(asOf, day, names) {
  const caption = t('history.asOfCaption', { date: date(day) });
  if (!asOf || !asOf.records.length) return h('p', {}, t('history.asOfEmpty', { date: date(day) }));
  return h(
    'table',
    { class: 'data compact-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('history.record')), h('th', { scope: 'col' }, t('history.state')))),
    h(
      'tbody',
      {},
      asOf.records.map((r) => h('tr', {}, h('th', { scope: 'row' }, recordLabel(r.entityType, r.state)), h('td', {}, stateSummary(r.entityType, r.state, names)))),
    ),
  );
}

function chainSection() {
  const result = h('div', { class: 'chain-result', 'aria-live': 'polite' }, loading());
  const button = h('button', { type: 'button', class: 'secondary small', onclick: () => check() }, t('chain.again'));
  check();
  return section(t('chain.title'), h('p', { class: 'muted' }, t('chain.intro')), result, button);

  async function check() {
    button.disabled = true;
    replace(result, loading());
    try {
      const outcome = await api.get('/api/audit/verify');
      replace(
        result,
        outcome.ok
          ? notice('success', h('p', {}, h('strong', {}, t('chain.ok')), ' ', t('chain.okDetail', { entries: outcome.entries })))
          : notice('error', h('p', {}, h('strong', {}, t('chain.broken')), ' ', t('chain.brokenDetail', { id: outcome.firstBrokenEntry?.id ?? '?', reason: outcome.firstBrokenEntry?.reason ?? '' }))),
      );
    } catch (error) {
      replace(result, notice('error', h('p', {}, t('chain.failed')), h('p', { class: 'muted' }, errorTextOf(error))));
    } finally {
      button.disabled = false;
    }
  }
}

function errorTextOf(error) {
  return error.body?.message ? `${error.status}: ${error.body.message}` : String(error.status ?? '');
}

async function submissionsSection(code) {
  try {
    const submissions = await api.get(`/api/projects/${encodeURIComponent(code)}/reports/submissions`);
    return section(t('history.submissions', { code }), submissionsTable(submissions));
  } catch (error) {
    return section(t('history.submissions', { code }), errorNotice(error));
  }
}
