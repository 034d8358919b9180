import { h, replace, uid } from './dom.js';
import { t } from './i18n.js';

/**
 * Form fields with a label, an optional hint and a slot for an error, tied together with
 * aria-describedby so that a screen reader reads the hint and the error with the field.
 *
 *   const amount = field({ name: 'value', label: t('value.value'), hint: t('value.decimalHint') });
 *   form.append(amount.wrapper); … amount.input.value
 */
export function field({ name, label, hint, type = 'text', value, required, options, rows, attrs = {} }) {
  const id = uid(`f-${name}`);
  let input;
  if (options) {
    input = h('select', { id, name, required }, options.map((o) => h('option', { value: o.value, selected: String(o.value) === String(value ?? '') }, o.label)));
  } else if (type === 'textarea') {
    input = h('textarea', { id, name, required, rows: rows ?? 4, ...attrs });
    input.value = value ?? '';
  } else {
    input = h('input', { id, name, type, required, value: value ?? '', ...attrs });
  }
  const hintEl = hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null;
  const errorEl = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  const labelEl = h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);
  const wrapper = h('div', { class: 'field', dataset: { field: name } }, labelEl, hintEl, errorEl, input);
  return { wrapper, input, label: labelEl, error: errorEl, hint: hintEl };
}

/** A group of radio buttons in a fieldset with a legend. */
export function radios({ name, legend, options, value }) {
  const id = uid(`r-${name}`);
  const inputs = [];
  const items = options.map((o, i) => {
    const input = h('input', { type: 'radio', id: `${id}-${i}`, name, value: o.value, checked: o.value === value });
    inputs.push(input);
    return h('div', { class: 'radio' }, input, h('label', { for: `${id}-${i}` }, o.label));
  });
  const wrapper = h('fieldset', { class: 'field radios', dataset: { field: name } }, h('legend', {}, legend), h('div', { class: 'radio-row' }, items));
  return { wrapper, inputs, value: () => inputs.find((i) => i.checked)?.value };
}

/** The box above a form's fields that sums up what went wrong; announced when it changes. */
export function errorSummary() {
  return h('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
}

export function clearErrors(form) {
  for (const error of form.querySelectorAll('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  }
  const summary = form.querySelector('.form-errors');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

/**
 * Shows errors next to their fields (`[{ field, message }]`) and sums them up above the form.
 * Errors about fields the form does not have (or none) appear in the summary only. Focuses the
 * first field in error, so that keyboard users land where the fix is.
 */
export function showErrors(form, errors, message) {
  clearErrors(form);
  const loose = [];
  let first = null;
  // A message the server left empty never shows as "null" or a blank line.
  for (const error of errors.filter((e) => e && e.message !== null && e.message !== undefined && String(e.message).trim() !== '')) {
    const wrapper = form.querySelector(`[data-field="${CSS.escape(error.field ?? '')}"]`);
    const errorEl = wrapper?.querySelector('.field-error');
    const input = wrapper?.querySelector('input, select, textarea');
    if (!wrapper || !errorEl || !input) {
      loose.push(error.message);
      continue;
    }
    errorEl.textContent = errorEl.textContent ? `${errorEl.textContent} ${error.message}` : error.message;
    errorEl.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    const ids = new Set((input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
    ids.add(errorEl.id);
    input.setAttribute('aria-describedby', [...ids].join(' '));
    first ??= input;
  }
  const summary = form.querySelector('.form-errors');
  if (summary) {
    // Through replace(), which skips null: the DOM's own replaceChildren(null) writes the word "null".
    replace(summary, h('p', {}, message ?? t('error.fixFields')), loose.length ? h('ul', {}, loose.map((m) => h('li', {}, m))) : null);
    summary.hidden = false;
  }
  (first ?? summary)?.focus?.();
}

/** A labelled textarea for a batch's reason, with a slot for its error. */
export function reasonBox(name, label, hint) {
  const id = uid(name);
  const input = h('textarea', { id, name, rows: 2, 'aria-describedby': `${id}-hint` });
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const wrapper = h('div', { class: 'field', hidden: true, dataset: { field: name } }, h('label', { for: id }, label), h('p', { class: 'field-hint', id: `${id}-hint` }, hint), error, input);
  return {
    wrapper,
    input,
    show(message) {
      wrapper.hidden = false;
      error.textContent = message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
    },
    clear() {
      error.hidden = true;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', `${id}-hint`);
    },
  };
}
