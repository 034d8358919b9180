import { api, withQuery } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { reasonBox } from '../forms.js';
import { amount, dateRange } from '../format.js';
import { indicatorName, t } from '../i18n.js';
import { errorNotice, errorText, loading, notice, pageHeading, setTitle, yearSelect } from '../ui.js';
import { gridRows, inputColumns, originalText, readRow } from './grid-rows.js';
import { importPanel } from './import-panel.js';

/**
 * Grid entry: every indicator × part (whole partnership, each partner, dimension parts) of one
 * year in one table, planned beside achieved. Changed cells are saved together in ONE batch
 * (POST /api/projects/{code}/values), all or nothing; the server's errors come back on their cells.
 *
 * Keyboard: Tab / Shift+Tab move right / left (the browser's own order), Enter / Shift+Enter (and
 * ↓ / ↑) move down / up in the same column, Esc restores a cell, Ctrl+Enter saves. The page's help
 * text says so.
 */
export async function gridPage(ctx) {
  const [code] = ctx.params;
  const path = encodeURIComponent(code);
  const detail = await api.get(`/api/projects/${path}`);
  if (!ctx.isCurrent()) return;
  const { project, reportingYears } = detail;
  const year = reportingYears.some((y) => y.year === Number(ctx.query.year)) ? Number(ctx.query.year) : (reportingYears.at(-1)?.year ?? null);
  const title = t('grid.title');
  setTitle(title, `${project.code} ${year ?? ''}`);
  const yearPart = h('div', { class: 'year-part' });
  replace(
    ctx.el,
    pageHeading(title, `${project.code} · ${project.name}`),
    h('p', {}, h('a', { href: `#/projects/${path}${year ? `?year=${year}` : ''}` }, t('grid.backToProject', { code: project.code }))),
    reportingYears.length
      ? h(
          'div',
          {},
          yearSelect({
            years: reportingYears,
            value: year,
            label: t('project.reportingYear'),
            onchange: (value) => {
              ctx.setQuery({ year: value });
              setTitle(title, `${project.code} ${value}`);
              show(value);
            },
          }),
          yearPart,
        )
      : notice('info', h('p', {}, t('project.noYears'))),
  );
  if (year) await show(year);

  async function show(selected) {
    replace(yearPart, loading());
    try {
      await yearGrid({ detail, yearInfo: reportingYears.find((y) => y.year === selected), target: yearPart });
    } catch (error) {
      replace(yearPart, errorNotice(error));
    }
  }
}

async function load(detail, year) {
  const code = encodeURIComponent(detail.project.code);
  const [summary, definitions, locks] = await Promise.all([
    api.get(withQuery(`/api/projects/${code}/indicators/summary`, { year })),
    api.get(`/api/projects/${code}/indicators`),
    api.get(`/api/projects/${code}/locks`),
  ]);
  const lists = await Promise.all(summary.indicators.map((i) => api.get(withQuery(`/api/indicators/${i.indicatorId}/values`, { year }))));
  const values = new Map(summary.indicators.map((i, n) => [i.indicatorId, lists[n]]));
  return { summary, definitions: new Map(definitions.map((d) => [d.id, d])), locks, values };
}

async function yearGrid({ detail, yearInfo, target }) {
  const year = yearInfo.year;
  const code = encodeURIComponent(detail.project.code);
  const partners = detail.partners.filter((p) => p.role === 'partner');
  let data = await load(detail, year);
  if (!target.isConnected) return;
  // A locked year is frozen, and so is every earlier one (its figures reach the locked year's totals).
  const lockedBy = data.locks.filter((l) => l.year >= year).sort((a, b) => a.year - b.year);
  const editable = lockedBy.length === 0 && detail.permissions.includes('value.record');
  const status = h('p', { class: 'form-status grid-status', role: 'status', tabindex: '-1' });
  const summaryBox = h('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
  const changedNote = h('span', { id: uid('grid-changed'), class: 'visually-hidden' }, t('grid.changed'));
  const reason = reasonBox('grid-reason', t('grid.reason'), t('grid.reasonHint'));
  const excess = excessBox();
  const tablePart = h('div', { class: 'table-wrap grid-wrap' });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, t('grid.save'));
  const counter = h('span', { class: 'muted grid-counter' });
  let cells = new Map();
  let rows = [];

  const form = h(
    'form',
    { class: 'stack grid-form', novalidate: true, onsubmit: (event) => (event.preventDefault(), save()) },
    summaryBox,
    tablePart,
    reason.wrapper,
    excess.wrapper,
    h('div', { class: 'actions' }, saveButton, counter, status),
  );
  draw();

  replace(
    target,
    lockedBy.length ? lockedNotice(lockedBy, year, detail) : null,
    editable ? h('details', { class: 'legend grid-help' }, h('summary', {}, t('grid.helpTitle')), h('p', {}, t('grid.help')), h('p', {}, t('grid.helpNumbers'))) : null,
    changedNote,
    editable ? form : tablePart,
    editable ? importPanel({ detail, year, onImported: refresh }) : null,
  );

  function draw() {
    rows = gridRows({ summary: data.summary, definitions: data.definitions, partners, values: data.values, yearInfo });
    cells = new Map();
    const anyShare = rows.some((r) => r.indicator.isShare);
    const cols = ['planned', 'value', ...(anyShare ? ['numerator', 'denominator'] : [])];
    const table = h(
      'table',
      { class: 'data grid', onkeydown: onKey, oninput: onInput },
      h('caption', {}, t('grid.caption', { year, range: dateRange(yearInfo.start, yearInfo.end) })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('grid.col.part')), cols.map((c) => h('th', { scope: 'col', class: 'num' }, t(`grid.col.${c}`))))),
      data.summary.indicators.map((ind) =>
        h(
          'tbody',
          { dataset: { indicator: ind.code } },
          h('tr', { class: 'grid-group' }, h('th', { scope: 'colgroup', colspan: cols.length + 1 }, h('span', { class: 'code' }, ind.code), ' ', indicatorName(ind), unitNote(ind))),
          rows.filter((r) => r.indicator.indicatorId === ind.indicatorId).map((r) => rowElement(r, cols)),
        ),
      ),
    );
    replace(tablePart, table);
    updateChanged();
  }

  function rowElement(row, cols) {
    const label = `${row.indicator.code} – ${row.partName}`;
    const tr = h('tr', { dataset: { row: row.no, part: row.partName } }, h('th', { scope: 'row' }, row.partName, row.wholeYear ? null : h('span', { class: 'sub' }, dateRange(row.periodStart, row.periodEnd))));
    for (const col of cols) {
      if (col === 'planned') {
        tr.append(h('td', { class: 'num', 'data-label': t('grid.col.planned') }, amount(row.planned, row.indicator.unit)));
      } else if (editable && inputColumns(row).includes(col)) {
        tr.append(inputCell(row, col, label));
      } else if (col === 'value') {
        tr.append(h('td', { class: 'num', 'data-label': t('grid.col.value') }, row.stored ? amount(row.stored.value, row.indicator.isShare ? 'percent' : row.indicator.unit) : '—'));
      } else {
        tr.append(h('td', { class: 'num', 'data-label': t(`grid.col.${col}`) }, row.stored?.[col] != null ? amount(row.stored[col]) : row.indicator.isShare ? '—' : ''));
      }
    }
    return tr;
  }

  function inputCell(row, col, label) {
    const id = uid('cell');
    const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    const input = h('input', {
      id,
      class: 'grid-input',
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      size: 9,
      'aria-label': `${label}: ${t(`grid.cell.${col}`)}`,
      value: originalText(row, col),
      dataset: { row: row.no, col },
    });
    const td = h('td', { class: 'num grid-cell', 'data-label': t(`grid.col.${col}`) }, input, error);
    cells.set(`${row.no}|${col}`, { input, error, td, row, col });
    return td;
  }

  function onInput(event) {
    if (event.target.classList?.contains('grid-input')) updateChanged();
  }

  /** Spreadsheet keys: Enter/↓ down, Shift+Enter/↑ up, Esc restores, Ctrl+Enter saves; Tab is the browser's. */
  function onKey(event) {
    const input = event.target;
    if (!input.classList?.contains('grid-input')) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
      return;
    }
    const down = (event.key === 'Enter' && !event.shiftKey) || event.key === 'ArrowDown';
    const up = (event.key === 'Enter' && event.shiftKey) || event.key === 'ArrowUp';
    if (event.key === 'Escape') {
      const cell = cells.get(`${input.dataset.row}|${input.dataset.col}`);
      input.value = originalText(cell.row, cell.col);
      updateChanged();
      return;
    }
    if (!down && !up) return;
    event.preventDefault();
    const inColumn = [...cells.values()].filter((c) => c.col === input.dataset.col).map((c) => c.input);
    const next = inColumn[inColumn.indexOf(input) + (down ? 1 : -1)];
    next?.focus();
    next?.select();
  }

  function changedRows() {
    const out = new Map();
    for (const c of cells.values()) {
      const changed = c.input.value.trim() !== originalText(c.row, c.col);
      c.td.classList.toggle('changed', changed);
      const ids = new Set((c.input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
      if (changed) ids.add(changedNote.id);
      else ids.delete(changedNote.id);
      if (ids.size) c.input.setAttribute('aria-describedby', [...ids].join(' '));
      else c.input.removeAttribute('aria-describedby');
      if (changed) out.set(c.row.no, c.row);
    }
    return [...out.values()];
  }

  function updateChanged() {
    const changed = changedRows();
    counter.textContent = changed.length ? t('grid.changedCount', { count: changed.length }) : '';
    reason.wrapper.hidden = !changed.some((r) => r.stored);
  }

  function clearErrors() {
    summaryBox.hidden = true;
    summaryBox.replaceChildren();
    for (const c of cells.values()) {
      c.error.hidden = true;
      c.error.textContent = '';
      c.input.removeAttribute('aria-invalid');
      c.td.classList.remove('invalid');
      const ids = (c.input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== c.error.id);
      if (ids.length) c.input.setAttribute('aria-describedby', ids.join(' '));
      else c.input.removeAttribute('aria-describedby');
    }
    reason.clear();
  }

  /** Errors `[{ row, field, message }]` on their cells (row = the grid's row number) and in the summary. */
  function showErrors(errors, heading) {
    const items = [];
    let first = null;
    for (const e of errors) {
      const row = rows.find((r) => r.no === e.row);
      const cell = row ? (cells.get(`${row.no}|${e.field}`) ?? cells.get(`${row.no}|${inputColumns(row)[0]}`)) : null;
      if (cell) {
        cell.error.textContent = cell.error.textContent ? `${cell.error.textContent} ${e.message}` : e.message;
        cell.error.hidden = false;
        cell.input.setAttribute('aria-invalid', 'true');
        cell.td.classList.add('invalid');
        cell.input.setAttribute('aria-describedby', [...new Set([...(cell.input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean), cell.error.id])].join(' '));
        if (!first || cellOrder(cell) < cellOrder(first)) first = cell;
        items.push(h('li', {}, h('a', { href: `#${cell.input.id}`, onclick: (ev) => (ev.preventDefault(), cell.input.focus()) }, `${row.indicator.code} – ${row.partName}`), `: ${e.message}`));
      } else {
        if (e.field === 'reason') reason.show(e.message);
        items.push(h('li', {}, e.message));
      }
    }
    replace(summaryBox, h('p', {}, heading), items.length ? h('ul', {}, items) : null);
    summaryBox.hidden = false;
    const focusTarget = first?.input ?? (errors.some((e) => e.field === 'reason') ? reason.input : summaryBox);
    focusTarget.focus();
  }

  function cellOrder(cell) {
    return cell.row.no * 10 + ['value', 'numerator', 'denominator'].indexOf(cell.col);
  }

  async function save() {
    clearErrors();
    status.textContent = '';
    const changed = changedRows();
    if (!changed.length) {
      status.textContent = t('grid.nothingChanged');
      status.focus();
      return;
    }
    const problems = [];
    const batch = [];
    for (const row of changed) {
      const typed = Object.fromEntries(inputColumns(row).map((col) => [col, cells.get(`${row.no}|${col}`).input.value]));
      const read = readRow(row, typed);
      if (read.problems) problems.push(...read.problems.map((p) => ({ row: row.no, field: p.col, message: p.message })));
      else batch.push(read.input);
    }
    const reasonText = reason.input.value.trim();
    if (changed.some((r) => r.stored) && reasonText.length < 3) problems.push({ row: null, field: 'reason', message: t('grid.reasonRequired') });
    if (problems.length) return showErrors(problems, t('grid.notSaved', { count: problems.length }));

    saveButton.disabled = true;
    try {
      const excessReason = excess.reason();
      const result = await api.post(`/api/projects/${code}/values`, {
        rows: batch,
        ...(reasonText ? { reason: reasonText } : {}),
        ...(excessReason ? { partnerExcessReason: excessReason } : {}),
      });
      const message = t('grid.saved', { create: result.counts.create, update: result.counts.update });
      reason.input.value = '';
      excess.reset();
      await refresh();
      status.textContent = message;
      status.focus();
    } catch (error) {
      const errors = error.fieldErrors ?? [];
      if (errors.some((e) => e.code === 'partner_excess')) excess.offer();
      if (errors.length) showErrors(errors, t('grid.notSaved', { count: errors.length }));
      else showErrors([{ row: null, field: '', message: errorText(error) }], t('grid.notSavedAtAll'));
    } finally {
      saveButton.disabled = false;
    }
  }

  /** Loads the year again (after a save or an import) and draws the table with what is stored now. */
  async function refresh() {
    data = await load(detail, year);
    if (target.isConnected) draw();
  }

  /** Partners' parts above the total: the server's message on the cells, and a way to confirm them. */
  function excessBox() {
    const box = reasonBox('grid-excess', t('grid.excessReason'), t('grid.excessHint'));
    const confirm = () => {
      if (box.input.value.trim().length < 3) {
        box.show(t('grid.reasonRequired'));
        box.input.focus();
      } else save();
    };
    const button = h('button', { type: 'button', class: 'secondary', onclick: confirm }, t('grid.excessConfirm'));
    const wrapper = h('div', { class: 'notice notice-locked grid-excess', hidden: true }, h('p', {}, t('grid.excessIntro')), box.wrapper, button);
    box.wrapper.hidden = false;
    return {
      wrapper,
      offer: () => {
        wrapper.hidden = false;
      },
      reset: () => {
        box.input.value = '';
        box.clear();
        wrapper.hidden = true;
      },
      reason: () => (wrapper.hidden ? '' : box.input.value.trim()),
    };
  }
}

function unitNote(ind) {
  const unit = ind.unit === 'other' ? ind.unitLabel : t(`unit.${ind.unit}`);
  const rule = ind.isShare ? t('grid.shareRule') : ['persons', 'events'].includes(ind.unit) ? t('grid.wholeRule') : null;
  return h('span', { class: 'ind-meta' }, [unit, rule].filter(Boolean).join(' · '));
}

function lockedNotice(locks, year, detail) {
  const own = locks.find((l) => l.year === year);
  const correct = detail.permissions.includes('value.correct');
  return notice(
    'locked',
    h('p', { class: 'notice-title' }, h('span', { 'aria-hidden': 'true' }, '🔒 '), own ? t('project.locked', { year }) : t('grid.frozen', { year, years: locks.map((l) => l.year).join(', ') })),
    h('p', {}, t('grid.readOnly')),
    correct ? h('p', {}, t('grid.correctHint'), ' ', h('a', { href: `#/projects/${encodeURIComponent(detail.project.code)}?year=${year}` }, t('grid.correctLink'))) : null,
  );
}
