import { api, withQuery } from '../api.js';
import { h, replace } from '../dom.js';
import { clearErrors, errorSummary, field, showErrors } from '../forms.js';
import { amount, dateRange, dateTime, inputNumber, num, readNumber, shorten, UNIT_DECIMALS } from '../format.js';
import { indicatorName, t } from '../i18n.js';
import { errorText, latestOnly, notice, section } from '../ui.js';
import { numberProblem } from './grid-rows.js';

/**
 * Entering an achieved value, or correcting one: when a value already exists for the chosen
 * indicator, period and partner, saving it is a correction (PATCH with its version and a reason,
 * which the audit trail keeps). Shares take a numerator and a denominator; the API computes the %.
 *
 * `lockedCorrection`: the year is locked and the person may correct it (a coordinator's
 * correction, e.g. after the funder returned the report): only stored values can be changed,
 * each with a reason and its kind, through the correction API.
 */
export const REASON_CATEGORIES = ['data_entry_error', 'late_evidence', 'funder_request', 'other'];
/** How a source may qualify a figure ("vsaj 1.000"): the API's `qualifier` values. */
const QUALIFIERS = ['at_least', 'approximately', 'more_than'];

export function valueForm({ detail, yearInfo, indicators, onSaved, lockedCorrection = false }) {
  const year = yearInfo.year;
  let values = [];
  let editing = null;
  const beginLoad = latestOnly();

  const indicatorField = field({
    name: 'indicatorId',
    label: t('value.indicator'),
    options: indicators.map((i) => ({ value: i.indicatorId, label: `${i.code} – ${shorten(indicatorName(i), 90)}` })),
  });
  const partnerField = field({
    name: 'partnerOrganisationId',
    label: t('value.partner'),
    hint: t('value.partnerHint'),
    options: [{ value: '', label: t('value.wholePartnership') }, ...detail.partners.map((p) => ({ value: p.organisationId, label: p.organisation.name }))],
  });
  const bounds = { min: yearInfo.start, max: yearInfo.end };
  const startField = field({ name: 'periodStart', label: t('value.periodStart'), type: 'date', value: yearInfo.start, required: true, attrs: bounds });
  const endField = field({ name: 'periodEnd', label: t('value.periodEnd'), type: 'date', value: yearInfo.end, required: true, attrs: bounds });
  const decimal = { inputmode: 'decimal', autocomplete: 'off' };
  const valueField = field({ name: 'value', label: t('value.value'), hint: t('value.decimalHint'), required: true, attrs: decimal });
  const numeratorField = field({ name: 'numerator', label: t('value.numerator'), hint: t('value.numeratorHint'), required: true, attrs: decimal });
  const denominatorField = field({ name: 'denominator', label: t('value.denominator'), hint: t('value.denominatorHint'), required: true, attrs: decimal });
  const commentField = field({ name: 'comment', label: t('value.comment'), type: 'textarea', rows: 2, hint: t('value.commentHint') });
  const qualifierField = field({
    name: 'qualifier',
    label: t('value.qualifier'),
    hint: t('value.qualifierHint'),
    options: ['', ...QUALIFIERS].map((q) => ({ value: q, label: t(`value.qualifier.${q || 'none'}`) })),
  });
  const reasonField = field({ name: 'reason', label: t('value.reason'), type: 'textarea', rows: 2, hint: t('value.reasonHint'), required: true });
  const categoryField = field({
    name: 'reasonCategory',
    label: t('value.reasonCategory'),
    required: true,
    value: 'funder_request',
    options: REASON_CATEGORIES.map((c) => ({ value: c, label: t(`reasonCategory.${c}`) })),
  });
  categoryField.wrapper.hidden = !lockedCorrection;
  const shareGroup = h('div', { class: 'field-row share-fields' }, numeratorField.wrapper, denominatorField.wrapper);
  const modeNote = h('div', { class: 'mode-note' });
  // Focusable: after a save the focus lands on the message instead of dropping to <body>.
  const status = h('p', { class: 'form-status', role: 'status', tabindex: '-1' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('value.save'));
  const existing = h('div', { class: 'existing-values' });

  const form = h(
    'form',
    { class: 'stack value-form', novalidate: true, onsubmit: save },
    errorSummary(),
    indicatorField.wrapper,
    h(
      'div',
      { class: 'field-row' },
      partnerField.wrapper,
      h('fieldset', { class: 'field-group' }, h('legend', {}, t('value.period', { year })), h('div', { class: 'field-row' }, startField.wrapper, endField.wrapper)),
    ),
    h('div', { class: 'field-row' }, valueField.wrapper, shareGroup, qualifierField.wrapper),
    commentField.wrapper,
    modeNote,
    h('div', { class: 'field-row' }, reasonField.wrapper, categoryField.wrapper),
    h('div', { class: 'actions' }, submit, status),
  );

  indicatorField.input.addEventListener('change', () => loadValues({ anotherIndicator: true }));
  for (const f of [partnerField, startField, endField]) f.input.addEventListener('change', () => setEditing(findMatch(), false));

  const intro = lockedCorrection ? notice('locked', h('p', {}, t('value.correctLocked'))) : h('p', { class: 'muted' }, t('value.intro', { range: dateRange(yearInfo.start, yearInfo.end) }));
  const element = section(t('value.title', { year }), intro, existing, form);
  element.id = 'value-entry';
  loadValues();

  function current() {
    return indicators.find((i) => String(i.indicatorId) === indicatorField.input.value);
  }

  async function loadValues({ keepInput = false, anotherIndicator = false } = {}) {
    const ind = current();
    const isLatest = beginLoad();
    // Another indicator starts afresh: the whole partnership, and no message about the last one.
    if (anotherIndicator) {
      partnerField.input.value = '';
      status.textContent = '';
      clearErrors(form);
    }
    valueField.wrapper.hidden = ind.isShare;
    shareGroup.hidden = !ind.isShare;
    // Another indicator: nothing typed for the previous one carries over. Cleared now, not after
    // the answer, so that what someone types meanwhile is kept.
    if (!keepInput) for (const f of [valueField, numeratorField, denominatorField, commentField, reasonField, qualifierField]) f.input.value = '';
    let answer;
    try {
      answer = await api.get(withQuery(`/api/indicators/${ind.indicatorId}/values`, { year }));
    } catch (error) {
      if (isLatest()) {
        values = [];
        replace(existing, notice('error', h('p', {}, errorText(error))));
      }
      return;
    }
    if (!isLatest()) return;
    values = answer;
    renderExisting(ind);
    setEditing(findMatch(), keepInput ? false : 'empty');
  }

  function findMatch() {
    const partner = partnerField.input.value;
    return (
      values.find(
        (v) => !v.dimension && v.periodStart === startField.input.value && v.periodEnd === endField.input.value && String(v.partnerOrganisationId ?? '') === partner,
      ) ?? null
    );
  }

  function setEditing(record, prefill) {
    editing = record;
    reasonField.wrapper.hidden = !record;
    submit.textContent = record ? t(lockedCorrection ? 'value.correctSave' : 'value.saveCorrection') : t('value.save');
    submit.disabled = lockedCorrection && !record;
    const ind = current();
    replace(
      modeNote,
      record
        ? notice(
            'info',
            h('p', {}, t('value.existsNote', { value: valueText(record, ind), who: record.enteredBy, when: dateTime(record.enteredAt) })),
          )
        : null,
    );
    if (record && prefill) {
      // 'all': the person chose this record to correct; 'empty': show it without overwriting typing.
      const put = (f, value) => {
        if (prefill === 'all' || f.input.value === '') f.input.value = value;
      };
      partnerField.input.value = String(record.partnerOrganisationId ?? '');
      startField.input.value = record.periodStart;
      endField.input.value = record.periodEnd;
      put(valueField, inputNumber(record.value));
      put(numeratorField, inputNumber(record.numerator));
      put(denominatorField, inputNumber(record.denominator));
      put(commentField, record.comment ?? '');
      put(qualifierField, record.qualifier ?? '');
    }
  }

  function renderExisting(ind) {
    if (!values.length) return replace(existing, h('p', { class: 'muted' }, t('value.noneYet', { code: ind.code, year })));
    const headers = ['period', 'partner', 'value', 'enteredBy'].map((k) => h('th', { scope: 'col' }, t(`value.col.${k}`)));
    const rows = values.map((v) =>
      h(
        'tr',
        {},
        h('td', {}, dateRange(v.periodStart, v.periodEnd), v.dimension ? h('span', { class: 'sub' }, `${v.dimension}: ${v.dimensionValue}`) : null),
        h('td', {}, v.partnerOrganisation?.name ?? t('value.wholePartnership')),
        h('td', {}, valueText(v, ind)),
        h('td', {}, v.enteredBy, h('span', { class: 'sub' }, dateTime(v.enteredAt))),
        h(
          'td',
          {},
          v.dimension
            ? null
            : h('button', { type: 'button', class: 'secondary small', onclick: () => correct(v) }, t('value.correct'), h('span', { class: 'visually-hidden' }, ` ${dateRange(v.periodStart, v.periodEnd)}`)),
        ),
      ),
    );
    const table = h(
      'table',
      { class: 'data compact-table' },
      h('caption', {}, t('value.existingCaption', { code: ind.code, year })),
      h('thead', {}, h('tr', {}, headers, h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('table.actions'))))),
      h('tbody', {}, rows),
    );
    replace(existing, h('div', { class: 'table-wrap' }, table));
  }

  function correct(record) {
    clearErrors(form);
    setEditing(record, 'all');
    (current().isShare ? numeratorField : valueField).input.focus();
  }

  /** The one entry rule of the pages (format.js readNumber): the page's notation, whole numbers for persons and events. */
  function readFigures(ind, errors) {
    const decimals = ind.isShare ? 0 : (UNIT_DECIMALS[ind.unit] ?? 6);
    const read = (f, name) => {
      const result = readNumber(f.input.value, { decimals });
      if (result.error) errors.push({ field: name, message: numberProblem(result.error, f.input.value, decimals) });
      return result.value;
    };
    if (!ind.isShare) return { value: read(valueField, 'value') };
    const numerator = read(numeratorField, 'numerator');
    const denominator = read(denominatorField, 'denominator');
    if (denominator !== null && Number(denominator) === 0) errors.push({ field: 'denominator', message: t('value.denominatorZero') });
    if (numerator !== null && denominator !== null && Number(numerator) > Number(denominator)) errors.push({ field: 'numerator', message: t('value.numeratorTooBig') });
    return { numerator, denominator };
  }

  async function save(event) {
    event.preventDefault();
    clearErrors(form);
    status.textContent = '';
    const ind = current();
    const errors = [];
    const figures = readFigures(ind, errors);
    const periodStart = startField.input.value;
    const periodEnd = endField.input.value;
    if (!editing) {
      if (!periodStart) errors.push({ field: 'periodStart', message: t('value.required') });
      if (!periodEnd) errors.push({ field: 'periodEnd', message: t('value.required') });
      if (periodStart && periodEnd && periodStart > periodEnd) errors.push({ field: 'periodEnd', message: t('value.endBeforeStart') });
      if (periodStart && (periodStart < yearInfo.start || periodStart > yearInfo.end)) errors.push({ field: 'periodStart', message: t('value.outsideYear', { year }) });
      if (periodEnd && (periodEnd < yearInfo.start || periodEnd > yearInfo.end)) errors.push({ field: 'periodEnd', message: t('value.outsideYear', { year }) });
    }
    const reason = reasonField.input.value.trim();
    if (editing && reason.length < 3) errors.push({ field: 'reason', message: t('value.reasonRequired') });
    if (errors.length) return showErrors(form, errors);

    const comment = commentField.input.value.trim();
    const qualifier = qualifierField.input.value || null;
    submit.disabled = true;
    try {
      // A change always says the qualifier: choosing "natančno" clears a stored one.
      const change = { version: editing?.version, reason, ...figures, qualifier, ...(comment ? { comment } : {}) };
      const saved = lockedCorrection
        ? await api.post(`/api/values/${editing.id}/corrections`, { ...change, reasonCategory: categoryField.input.value })
        : editing
        ? await api.patch(`/api/values/${editing.id}`, change)
        : await api.post(`/api/indicators/${ind.indicatorId}/values`, {
            periodStart,
            periodEnd,
            ...figures,
            ...(partnerField.input.value ? { partnerOrganisationId: Number(partnerField.input.value) } : {}),
            ...(comment ? { comment } : {}),
            ...(qualifier ? { qualifier } : {}),
          });
      const message = t(editing ? 'value.corrected' : 'value.saved', { code: ind.code, year, value: valueText(saved, ind) });
      reasonField.input.value = '';
      commentField.input.value = '';
      qualifierField.input.value = '';
      await onSaved();
      await loadValues();
      status.textContent = message;
      status.focus();
    } catch (error) {
      await handleError(error);
    } finally {
      submit.disabled = false;
    }
  }

  async function handleError(error) {
    if (error.status === 423) {
      await onSaved({ locked: true });
      return;
    }
    showErrors(form, error.fieldErrors, errorText(error));
    if (error.status === 409) {
      // Someone changed it meanwhile, or it exists already: show what is stored now and correct that.
      await loadValues({ keepInput: true });
      if (error.body.current) setEditing(error.body.current, false);
    }
  }

  return {
    element,
    /** Chooses an indicator (from the table's "Enter" button) and moves focus into the form. */
    async selectIndicator(id, focus) {
      indicatorField.input.value = String(id);
      await loadValues({ anotherIndicator: true });
      if (focus) {
        element.scrollIntoView({ block: 'start' });
        (current().isShare ? numeratorField : valueField).input.focus();
      }
    },
  };
}

function valueText(record, ind) {
  const figure = amount(record.value, ind.unit === 'percent' || ind.isShare ? 'percent' : ind.unit);
  if (record.numerator !== null && record.numerator !== undefined && record.denominator !== null && record.denominator !== undefined) {
    return `${figure} (${t('table.shareOf', { numerator: num(record.numerator), denominator: num(record.denominator) })})`;
  }
  return record.qualifier ? `${t(`value.qualifier.${record.qualifier}`)} ${figure}` : figure;
}

