import { api, download, withQuery } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { reasonBox } from '../forms.js';
import { amount, dateRange } from '../format.js';
import { t } from '../i18n.js';
import { errorText, section } from '../ui.js';

/**
 * The Excel round trip on the grid page: download the year's template, upload it filled in,
 * "Preveri" shows what the import would do (a dry run: new, changed, unchanged, and every error by
 * row and column), and "Uvozi" applies exactly that file, all or nothing. A reason is asked for
 * when stored values change; partners' parts above the total can be confirmed with a reason.
 */
export function importPanel({ detail, year, onImported }) {
  const code = encodeURIComponent(detail.project.code);
  const partnerNames = new Map(detail.partners.map((p) => [p.organisationId, p.organisation.name]));
  const fileId = uid('import-file');
  const fileInput = h('input', { id: fileId, type: 'file', name: 'file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'aria-describedby': `${fileId}-hint` });
  const fileError = h('p', { class: 'field-error', id: `${fileId}-error`, hidden: true });
  const status = h('p', { class: 'form-status', role: 'status', tabindex: '-1' });
  const result = h('div', { class: 'import-result', tabindex: '-1' });
  const reason = reasonBox('import-reason', t('grid.reason'), t('grid.reasonHint'));
  const excess = reasonBox('import-excess', t('grid.excessReason'), t('grid.excessHint'));
  const excessPart = h('div', { class: 'notice notice-locked', hidden: true }, h('p', {}, t('grid.excessIntro')), excess.wrapper, h('button', { type: 'button', class: 'secondary', onclick: confirmExcess }, t('grid.excessConfirm')));
  excess.wrapper.hidden = false;
  const checkButton = h('button', { type: 'button', class: 'secondary', onclick: () => run(true) }, t('import.check'));
  const importButton = h('button', { type: 'button', class: 'primary', hidden: true, onclick: () => run(false) }, t('import.commit'));
  /** The file the last dry run checked: "Uvozi" sends exactly this one. */
  let checked = null;
  let checkedExcess = '';

  fileInput.addEventListener('change', () => {
    checked = null;
    reset();
  });

  const element = section(
    t('import.title'),
    h('p', { class: 'muted' }, t('import.intro', { year })),
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: fetchTemplate }, t('import.template'))),
    h(
      'div',
      { class: 'field', dataset: { field: 'file' } },
      h('label', { for: fileId }, t('import.file')),
      h('p', { class: 'field-hint', id: `${fileId}-hint` }, t('import.fileHint')),
      fileError,
      fileInput,
    ),
    h('div', { class: 'actions' }, checkButton, status),
    result,
    excessPart,
    reason.wrapper,
    h('div', { class: 'actions' }, importButton),
  );
  element.classList.add('import-panel');

  async function fetchTemplate() {
    status.textContent = '';
    try {
      const file = await download(withQuery(`/api/projects/${code}/values/template`, { year }));
      status.textContent = t('import.downloaded', { name: file.fileName });
    } catch (error) {
      showFileError(error.fieldErrors?.[0]?.message ?? errorText(error));
    }
  }

  function reset() {
    replace(result);
    importButton.hidden = true;
    reason.wrapper.hidden = true;
    reason.clear();
    excessPart.hidden = true;
    excess.clear();
    fileError.hidden = true;
    fileInput.removeAttribute('aria-invalid');
    status.textContent = '';
  }

  function showFileError(message) {
    fileError.textContent = message;
    fileError.hidden = false;
    fileInput.setAttribute('aria-invalid', 'true');
    fileInput.setAttribute('aria-describedby', `${fileId}-hint ${fileError.id}`);
    fileInput.focus();
  }

  function confirmExcess() {
    if (excess.input.value.trim().length < 3) {
      excess.show(t('grid.reasonRequired'));
      excess.input.focus();
      return;
    }
    run(true);
  }

  async function run(dryRun) {
    const file = dryRun ? fileInput.files?.[0] : checked;
    const reasonText = reason.input.value.trim();
    if (!dryRun && !reason.wrapper.hidden && reasonText.length < 3) {
      reason.show(t('grid.reasonRequired'));
      reason.input.focus();
      return;
    }
    // The commit sends what the dry run was checked with, the confirmation of partners' parts included.
    const excessText = dryRun ? (excessPart.hidden ? '' : excess.input.value.trim()) : checkedExcess;
    reset();
    if (!file) return showFileError(t('import.noFile'));
    const form = new FormData();
    form.append('file', file);
    if (reasonText) form.append('reason', reasonText);
    if (excessText) form.append('partnerExcessReason', excessText);
    checkButton.disabled = true;
    importButton.disabled = true;
    try {
      const answer = await api.upload(withQuery(`/api/projects/${code}/values/import`, { dryRun: String(dryRun) }), form);
      if (dryRun) {
        checked = file;
        checkedExcess = excessText;
        showOutcome(answer, { reasonText, excessText });
      } else {
        checked = null;
        fileInput.value = '';
        await onImported();
        status.textContent = t('import.done', { create: answer.counts.create, update: answer.counts.update, unchanged: answer.counts.unchanged });
        status.focus();
      }
    } catch (error) {
      const errors = error.fieldErrors ?? [];
      if (errors.length && errors.every((e) => e.field === 'file')) return showFileError(errors.map((e) => e.message).join(' '));
      if (!errors.length) return showFileError(errorText(error));
      checked = file;
      checkedExcess = excessText;
      showOutcome({ counts: null, rows: error.body.rows ?? [], errors }, { reasonText, excessText, refused: true });
    } finally {
      checkButton.disabled = false;
      importButton.disabled = false;
    }
  }

  /** The dry run's table: one line per sheet row, its action or its errors (by column). */
  function showOutcome(answer, { reasonText, excessText, refused = false }) {
    const { rows, errors } = answer;
    const byRow = new Map();
    for (const r of rows) byRow.set(r.row, { outcome: r, errors: [] });
    for (const e of errors) if (e.row !== null && e.row !== undefined) (byRow.get(e.row) ?? byRow.set(e.row, { outcome: null, errors: [] }).get(e.row)).errors.push(e);
    // A missing reason is not the file's fault: it shows on the reason field, not as an error to fix in the file.
    const general = errors.filter((e) => (e.row === null || e.row === undefined) && e.field !== 'reason');
    const counts = answer.counts ?? { create: rows.filter((r) => r.action === 'create').length, update: rows.filter((r) => r.action === 'update').length, unchanged: rows.filter((r) => r.action === 'unchanged').length };
    const lines = [...byRow.entries()].sort((a, b) => a[0] - b[0]);
    const table = lines.length
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'data compact-table import-table' },
            h('caption', {}, t('import.caption')),
            h('thead', {}, h('tr', {}, ['row', 'indicator', 'part', 'period', 'value', 'action'].map((k) => h('th', { scope: 'col' }, t(`import.col.${k}`))))),
            h('tbody', {}, lines.map(([no, line]) => lineRow(no, line))),
          ),
        )
      : null;
    const errorCount = errors.filter((e) => e.field !== 'reason').length;
    replace(
      result,
      h('h3', {}, t(refused ? 'import.refused' : 'import.checked')),
      h('p', {}, t('import.counts', counts), errorCount ? h('strong', { class: 'warning-text' }, ` ${t('import.errorCount', { count: errorCount })}`) : null),
      general.length ? h('div', { class: 'form-errors', role: 'alert' }, h('ul', {}, general.map((e) => h('li', {}, e.message)))) : null,
      table,
    );
    if (errors.some((e) => e.code === 'partner_excess')) {
      excessPart.hidden = false;
      excess.input.value = excessText;
    }
    const needsReason = counts.update > 0;
    reason.wrapper.hidden = !needsReason;
    reason.input.value = reasonText;
    const reasonError = errors.find((e) => e.field === 'reason' && (e.row === null || e.row === undefined));
    if (reasonError && (refused || reasonText)) reason.show(reasonError.message);
    const onlyReasonMissing = errors.length > 0 && errors.every((e) => e.field === 'reason');
    importButton.hidden = !(errors.length === 0 || onlyReasonMissing) || counts.create + counts.update === 0;
    if (!errorCount && counts.create + counts.update === 0) result.append(h('p', {}, t('import.nothing')));
    result.focus();
  }

  function lineRow(no, { outcome, errors }) {
    const o = outcome;
    const part = o ? [o.partnerOrganisationId ? (partnerNames.get(o.partnerOrganisationId) ?? String(o.partnerOrganisationId)) : t('grid.total'), o.dimensionValue].filter(Boolean).join(' – ') : '';
    const figure = o ? (o.numerator !== null && o.denominator !== null ? t('table.shareOf', { numerator: amount(o.numerator), denominator: amount(o.denominator) }) : amount(o.value)) : '';
    const was = o?.previous ? t('import.was', { value: o.previous.numerator !== null && o.previous.denominator !== null ? t('table.shareOf', { numerator: amount(o.previous.numerator), denominator: amount(o.previous.denominator) }) : amount(o.previous.value) }) : null;
    return h(
      'tr',
      { class: errors.length ? 'has-error' : undefined, dataset: { row: no } },
      h('th', { scope: 'row' }, String(no)),
      h('td', {}, o?.indicatorCode ?? ''),
      h('td', {}, part),
      h('td', {}, o ? dateRange(o.periodStart, o.periodEnd) : ''),
      h('td', {}, figure, was ? h('span', { class: 'sub' }, was) : null),
      errors.length
        ? h('td', { class: 'error-cell' }, errors.map((e) => h('span', { class: 'sub' }, t('import.errorAt', { column: e.field, message: e.message }))))
        : h('td', { class: `action-${o.action}` }, t(`import.action.${o.action}`)),
    );
  }

  return element;
}
