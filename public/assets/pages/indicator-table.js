import { h } from '../dom.js';
import { amount, date, num, pct } from '../format.js';
import { indicatorName, t } from '../i18n.js';
import { statusBadge } from '../ui.js';

/**
 * The indicators of a project year: planned, achieved, % of plan, status, partners' parts,
 * numerator and denominator of shares, cumulative figure and forecast. On narrow screens each row
 * becomes a card (the cells' data-label names them).
 */
export function indicatorTable({ summary, onEnter }) {
  const headers = ['indicator', 'planned', 'achieved', 'percent', 'status', 'toDate', 'forecast'].map((k) => t(`table.${k}`));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data responsive indicators' },
      h('caption', {}, t('table.caption', { year: summary.year, asOf: date(summary.asOf) })),
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)), onEnter ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('table.actions'))) : null)),
      h(
        'tbody',
        {},
        summary.indicators.map((ind) => row(ind, headers, summary.project.code, onEnter)),
      ),
    ),
  );
}

function row(ind, headers, projectCode, onEnter) {
  const cell = (i, ...content) => h('td', { 'data-label': headers[i] }, ...content);
  return h(
    'tr',
    { dataset: { indicator: ind.code } },
    h(
      'th',
      { scope: 'row', 'data-label': headers[0] },
      h('a', { class: 'code', href: `#/history?project=${encodeURIComponent(projectCode)}&indicator=${ind.indicatorId}`, title: t('table.historyOf', { code: ind.code }) }, ind.code),
      ' ',
      h('span', { class: 'ind-name' }, indicatorName(ind)),
      h('span', { class: 'ind-meta' }, [t(`kind.${ind.kind}`), unitText(ind), ind.resultArea ? ind.resultArea.name : null].filter(Boolean).join(' · ')),
      partnerParts(ind),
      ind.partnerWarning ? h('span', { class: 'warning-text' }, ind.partnerWarning) : null,
    ),
    cell(1, amount(ind.planned, ind.unit), ind.plannedTotal !== null ? h('span', { class: 'sub' }, t('table.plannedTotal', { value: amount(ind.plannedTotal, ind.unit) })) : null),
    cell(2, h('span', { class: 'figure' }, amount(ind.achieved, ind.unit)), shareParts(ind.numerator, ind.denominator)),
    cell(3, pct(ind.achievementPercent)),
    cell(4, statusBadge(ind.status), ind.explanationMissing ? h('span', { class: 'sub warning-text' }, t('table.explanationMissing')) : null),
    cell(5, amount(ind.achievedToDate, ind.unit), shareParts(ind.numeratorToDate, ind.denominatorToDate)),
    cell(6, forecastText(ind)),
    onEnter
      ? h(
          'td',
          { class: 'actions-cell' },
          h('button', { type: 'button', class: 'secondary small', 'aria-label': t('table.enterFor', { code: ind.code }), onclick: () => onEnter(ind.indicatorId) }, t('table.enter')),
        )
      : null,
  );
}

function unitText(ind) {
  if (ind.unit === 'other') return ind.unitLabel ?? null;
  return t(`unit.${ind.unit}`);
}

/** "25 od 62" under a share's percentage: both numbers, as the funders want them. */
function shareParts(numerator, denominator) {
  if (numerator === null || denominator === null) return null;
  return h('span', { class: 'sub' }, t('table.shareOf', { numerator: num(numerator), denominator: num(denominator) }));
}

function partnerParts(ind) {
  if (!ind.partners.length) return null;
  return h(
    'ul',
    { class: 'parts', 'aria-label': t('table.partnerParts') },
    ind.partners.map((p) =>
      h(
        'li',
        {},
        t('table.ofWhich', { name: p.organisationName }),
        ' ',
        h('strong', {}, amount(p.achieved, ind.unit)),
        p.numerator !== null && p.denominator !== null ? ` (${t('table.shareOf', { numerator: num(p.numerator), denominator: num(p.denominator) })})` : '',
        p.planned !== null ? ` ${t('table.partPlanned', { value: amount(p.planned, ind.unit) })}` : '',
      ),
    ),
  );
}

function forecastText(ind) {
  const f = ind.forecast;
  if (!f || f.valueAtEnd === null) return '—';
  const verdict = f.willMeetTarget === true ? t('forecast.will') : f.willMeetTarget === false ? t('forecast.willNot') : null;
  return h(
    'span',
    {},
    amount(f.valueAtEnd, ind.unit),
    f.target !== null ? h('span', { class: 'sub' }, t('forecast.target', { value: amount(f.target, ind.unit) })) : null,
    verdict ? h('span', { class: `sub ${f.willMeetTarget ? 'good-text' : 'warning-text'}` }, verdict) : null,
  );
}
