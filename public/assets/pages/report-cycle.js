import { api, withQuery } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';
import { errorText, notice, section } from '../ui.js';

/**
 * The reporting cycle of one report (project, year, contract): its state with a legend, the
 * partners' parts, the checklist before submitting, every step so far (who, when, why), and the
 * steps this person may take now: the API says which (`actions`, `mayMark`), the page never
 * decides by role.
 */
export const REPORT_STATES = ['draft', 'parts_ready', 'submitted', 'returned', 'resubmitted', 'approved'];

export function reportStateBadge(state) {
  return h('span', { class: `report-state report-state-${state}` }, t(`cycle.state.${state}`));
}

/** What each state means, for people who meet the cycle for the first time. */
export function reportStateLegend() {
  return h(
    'details',
    { class: 'legend' },
    h('summary', {}, t('cycle.legend')),
    h('dl', { class: 'facts' }, REPORT_STATES.flatMap((s) => [h('dt', {}, reportStateBadge(s)), h('dd', {}, t(`cycle.stateHelp.${s}`))])),
  );
}

/**
 * `options.submit(extra)` submits with the page's own choices (template, language) merged in;
 * without it the section offers no submit button (the reports page has the submit form).
 */
export function reportCycleSection({ code, year, onChanged, submit }) {
  const body = h('div', { class: 'cycle-body', 'aria-live': 'polite' });
  const status = h('div', { class: 'form-status', role: 'status' });
  const element = section(t('cycle.title', { year }), body, status);
  // Made when first needed: only a reviewer's page has the dialog (and its text field).
  let dialog = null;
  const decide = (...args) => {
    if (!dialog) element.append((dialog = decisionDialog()).element);
    dialog.open(...args);
  };
  const base = `/api/projects/${encodeURIComponent(code)}/reports/cycle`;
  let view = null;

  async function load() {
    try {
      view = await api.get(withQuery(base, { year }));
      replace(body, ...render(view));
    } catch (error) {
      replace(body, notice('error', h('p', {}, errorText(error))));
    }
  }

  async function run(work, done) {
    replace(status, h('p', {}, t('cycle.working')));
    try {
      await work();
      await load();
      replace(status, notice('success', h('p', {}, done)));
      await onChanged?.();
    } catch (error) {
      if (error?.cancelled) return replace(status);
      replace(status, notice('error', h('p', {}, errorText(error)), error.body?.message ? h('p', { class: 'muted' }, error.body.message) : null));
    }
  }

  function render(v) {
    return [
      h('p', { class: 'cycle-state' }, t('cycle.stateIs'), ' ', reportStateBadge(v.state)),
      reportStateLegend(),
      partnersPart(v),
      checklistPart(v.checklist),
      actionsPart(v),
      historyPart(v.history),
    ];
  }

  function partnersPart(v) {
    if (v.partners.length === 0) return null;
    return h(
      'div',
      { class: 'cycle-partners' },
      h('h3', {}, t('cycle.partners')),
      h(
        'ul',
        { class: 'plain-list' },
        v.partners.map((p) =>
          h(
            'li',
            {},
            h('span', { class: p.ready ? 'state state-done' : 'state state-soon' }, p.ready ? `✓ ${t('cycle.partReady')}` : `… ${t('cycle.partPending')}`),
            ' ',
            p.name,
            p.ready ? h('span', { class: 'sub' }, t('cycle.partReadyBy', { who: p.readyBy, when: dateTime(p.readyAt) })) : null,
            p.mayMark
              ? h('button', { type: 'button', class: 'secondary small', onclick: () => run(() => api.post(`${base}/parts`, { year, organisationId: p.organisationId }), t('cycle.partMarked', { name: p.name })) }, t('cycle.markReady'), h('span', { class: 'visually-hidden' }, ` ${p.name}`))
              : null,
          ),
        ),
      ),
    );
  }

  function actionsPart(v) {
    const buttons = [];
    if (submit && v.actions.includes('submit')) {
      const needsOverride = !v.allPartsReady;
      const overrideId = uid('override');
      const override = needsOverride ? h('textarea', { id: overrideId, rows: 2, name: 'overrideReason' }) : null;
      buttons.push(
        needsOverride ? h('div', { class: 'field' }, h('label', { for: overrideId }, t('cycle.overrideReason')), h('p', { class: 'hint' }, t('cycle.overrideHint')), override) : null,
        h(
          'button',
          {
            type: 'button',
            class: 'danger',
            disabled: !v.checklist.ok,
            onclick: () => {
              const overrideReason = override?.value.trim();
              if (needsOverride && !overrideReason) return replace(status, notice('error', h('p', {}, t('cycle.overrideRequired'))));
              run(() => submit(overrideReason ? { overrideReason } : {}), t(v.state === 'returned' ? 'cycle.resubmitted' : 'cycle.submitted', { code, year }));
            },
          },
          t(v.state === 'returned' ? 'cycle.resubmit' : 'cycle.submit'),
        ),
      );
      if (!v.checklist.ok) buttons.push(h('p', { class: 'hint' }, t('cycle.blockedHint')));
    }
    for (const action of ['return', 'approve']) {
      if (!v.actions.includes(action)) continue;
      buttons.push(
        h(
          'button',
          { type: 'button', class: action === 'approve' ? 'primary' : 'secondary', onclick: () => decide(action, code, year, (comment) => run(() => api.post(`${base}/review`, { year, action, comment }), t(`cycle.${action}Done`, { code, year }))) },
          t(`cycle.${action}`),
        ),
      );
    }
    return buttons.length ? h('div', { class: 'actions cycle-actions' }, buttons) : null;
  }

  load();
  return { element, reload: load };
}

function checklistPart(list) {
  return h(
    'div',
    { class: 'cycle-checklist' },
    h('h3', {}, t('cycle.checklist')),
    list.items.length === 0
      ? h('p', { class: 'state state-done' }, `✓ ${t('cycle.checklistOk')}`)
      : h(
          'ul',
          { class: 'plain-list checklist' },
          list.items.map((i) => h('li', { class: i.blocking ? 'check-blocking' : 'check-warning' }, h('strong', {}, i.blocking ? t('cycle.blocking') : t('cycle.warning')), ' ', i.message)),
        ),
  );
}

function historyPart(history) {
  if (history.length === 0) return h('p', { class: 'muted' }, t('cycle.noHistory'));
  return h(
    'div',
    { class: 'cycle-history' },
    h('h3', {}, t('cycle.history')),
    h(
      'ol',
      { class: 'plain-list' },
      history.map((s) =>
        h(
          'li',
          {},
          h('strong', {}, dateTime(s.at)),
          ` · ${s.actor} · ${t(`cycle.action.${s.action}`)} → `,
          reportStateBadge(s.toState),
          s.comment ? h('blockquote', { class: 'cycle-comment' }, s.comment) : null,
        ),
      ),
    ),
  );
}

/** The reviewer's return/approve dialog: a return needs the reasons, an approval may carry a note. */
function decisionDialog() {
  const titleId = uid('decision');
  const textId = uid('reasons');
  const title = h('h2', { id: titleId });
  const intro = h('p');
  const label = h('label', { for: textId });
  const text = h('textarea', { id: textId, rows: 5 });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const confirm = h('button', { type: 'button', class: 'primary' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('common.cancel'));
  const element = h('dialog', { class: 'confirm-dialog decision-dialog', 'aria-labelledby': titleId }, title, intro, h('div', { class: 'field' }, label, text, error), h('div', { class: 'actions' }, confirm, cancel));
  let current = null;
  cancel.addEventListener('click', () => element.close());
  confirm.addEventListener('click', () => {
    const comment = text.value.trim();
    if (current.action === 'return' && !comment) {
      error.textContent = t('cycle.reasonsRequired');
      text.focus();
      return;
    }
    element.close();
    current.onConfirm(comment || undefined);
  });
  return {
    element,
    open(action, code, year, onConfirm) {
      current = { action, onConfirm };
      title.textContent = t(`cycle.${action}Title`, { code, year });
      intro.textContent = t(`cycle.${action}Intro`);
      label.textContent = t(action === 'return' ? 'cycle.reasons' : 'cycle.note');
      confirm.textContent = t(`cycle.${action}Confirm`);
      text.value = '';
      error.textContent = '';
      element.showModal();
      text.focus();
    },
  };
}
