import { api } from '../api.js';
import { h } from '../dom.js';
import { clearErrors, errorSummary, field, showErrors } from '../forms.js';
import { dateTime, pct } from '../format.js';
import { indicatorName, t } from '../i18n.js';
import { errorText, section } from '../ui.js';

/**
 * The texts of a project year: explanations of deviations (required where achievement departs
 * from plan by more than the threshold) and the narrative report, in general and per result area.
 */
export function explanationsSection({ summary, year, editable, onSaved }) {
  const needing = summary.indicators.filter((i) => i.explanationMissing || i.explanation);
  return section(
    t('explanation.title'),
    h('p', { class: 'muted' }, t('explanation.intro')),
    needing.length
      ? needing.map((ind) =>
          textForm({
            name: `explanation-${ind.indicatorId}`,
            label: `${ind.code} – ${indicatorName(ind)}`,
            hint: t('explanation.hint', { percent: pct(ind.achievementPercent) }),
            missing: ind.explanationMissing,
            text: ind.explanation,
            editable,
            save: async (text) => {
              await api.put(`/api/indicators/${ind.indicatorId}/explanations/${year}`, { text });
              await onSaved();
            },
          }),
        )
      : h('p', {}, t('explanation.none', { year })),
  );
}

export function narrativesSection({ detail, year, narratives, editable }) {
  const code = encodeURIComponent(detail.project.code);
  const parts = [{ id: null, label: t('narrative.general') }, ...detail.resultAreas.map((ra) => ({ id: ra.id, label: `${ra.code} – ${ra.name}` }))];
  return section(
    t('narrative.title', { year }),
    h('p', { class: 'muted' }, t('narrative.intro')),
    parts.map((part) => {
      const stored = narratives.find((n) => (n.resultAreaId ?? null) === part.id);
      return textForm({
        name: `narrative-${part.id ?? 'general'}`,
        label: part.label,
        hint: stored ? t('narrative.updated', { who: stored.updatedBy, when: dateTime(stored.updatedAt) }) : null,
        text: stored?.text ?? null,
        rows: 5,
        editable,
        save: (text) => api.put(`/api/projects/${code}/narratives/${year}`, { ...(part.id ? { resultAreaId: part.id } : {}), text }),
      });
    }),
  );
}

/** One text with its own Save button; read-only when the year is locked or the role may not edit. */
function textForm({ name, label, hint, text, missing, editable, save, rows = 3 }) {
  if (!editable) {
    return h(
      'div',
      { class: 'text-block' },
      h('h3', {}, label),
      text ? h('p', { class: 'prose' }, text) : h('p', { class: missing ? 'warning-text' : 'muted' }, t(missing ? 'explanation.missing' : 'narrative.empty')),
    );
  }
  const input = field({ name: 'text', label, hint, type: 'textarea', rows, value: text ?? '' });
  const marker = missing ? h('p', { class: 'warning-text' }, t('explanation.missing')) : null;
  const status = h('p', { class: 'form-status', role: 'status' });
  const button = h('button', { type: 'submit', class: 'secondary' }, t('common.save'));
  const form = h('form', { class: 'stack text-form', novalidate: true, dataset: { form: name }, onsubmit: submit }, errorSummary(), marker, input.wrapper, h('div', { class: 'actions' }, button, status));
  return form;

  async function submit(event) {
    event.preventDefault();
    clearErrors(form);
    status.textContent = '';
    const value = input.input.value.trim();
    if (!value) return showErrors(form, [{ field: 'text', message: t('text.required') }]);
    button.disabled = true;
    try {
      await save(value);
      marker?.remove();
      status.textContent = t('text.saved');
    } catch (error) {
      showErrors(form, error.fieldErrors, errorText(error));
    } finally {
      button.disabled = false;
    }
  }
}
