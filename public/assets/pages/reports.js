import { api, download, withQuery } from '../api.js';
import { h, replace } from '../dom.js';
import { field, radios } from '../forms.js';
import { date, dateTime } from '../format.js';
import { lang, t } from '../i18n.js';
import { errorText, latestOnly, notice, pageHeading, section, setTitle } from '../ui.js';
import { exportAll } from './export-all.js';
import { reportCycleSection } from './report-cycle.js';
import { submissionsTable } from './submissions.js';

/**
 * Annual reports: choose project, year, template, language and format, then download a draft or
 * submit the report through its cycle (checklist, partners' parts, the funder's review).
 * Submitting stores the PDF and XLSX with their SHA-256 and locks the year, so it asks for
 * confirmation first.
 */
export async function reportsPage(ctx) {
  setTitle(t('reports.title'));
  const [projects, templates] = await Promise.all([api.get('/api/projects'), api.get('/api/reports/templates')]);
  if (!ctx.isCurrent()) return;
  const code = projects.some((p) => p.code === ctx.query.project) ? ctx.query.project : projects[0]?.code;
  if (!code) return replace(ctx.el, pageHeading(t('reports.title')), notice('info', h('p', {}, t('projects.none'))));

  const projectField = field({ name: 'project', label: t('reports.project'), value: code, options: projects.map((p) => ({ value: p.code, label: `${p.code} – ${p.name}` })) });
  const yearField = field({ name: 'year', label: t('reports.year'), options: [] });
  const templateField = field({
    name: 'template',
    label: t('reports.template'),
    value: templates.some((x) => x.id === ctx.query.template) ? ctx.query.template : templates[0]?.id,
    options: templates.map((x) => ({ value: x.id, label: x.title[lang()] ?? x.title.sl })),
  });
  const langChoice = radios({ name: 'lang', legend: t('reports.lang'), value: 'sl', options: [{ value: 'sl', label: 'slovenščina' }, { value: 'en', label: 'English' }] });
  const formatChoice = radios({ name: 'format', legend: t('reports.format'), value: 'pdf', options: [{ value: 'pdf', label: 'PDF' }, { value: 'xlsx', label: 'Excel (XLSX)' }] });
  const lockState = h('div', { class: 'lock-state', 'aria-live': 'polite' });
  const status = h('div', { class: 'form-status', role: 'status' });
  const downloadButton = h('button', { type: 'submit', class: 'primary' }, t('reports.download'));
  const submissionsPart = h('div');
  const allReports = exportAll(() => selection());
  const cyclePart = h('div');
  const dialog = confirmDialog();
  let detail = null;
  let locks = [];
  let submissions = [];
  let cycleKey = null;
  const beginLoad = latestOnly();

  const form = h(
    'form',
    { class: 'stack report-form', novalidate: true, onsubmit: onDownload },
    h('div', { class: 'field-row' }, projectField.wrapper, yearField.wrapper),
    templateField.wrapper,
    h('div', { class: 'field-row' }, langChoice.wrapper, formatChoice.wrapper),
    lockState,
    h('div', { class: 'actions' }, downloadButton, allReports.button),
    status,
    allReports.panel,
  );
  replace(ctx.el, pageHeading(t('reports.title'), t('reports.intro')), section(t('reports.formTitle'), form), cyclePart, section(t('reports.submissions'), submissionsPart), dialog.element);

  projectField.input.addEventListener('change', () => loadProject());
  yearField.input.addEventListener('change', () => showState());
  templateField.input.addEventListener('change', () => ctx.setQuery({ template: templateField.input.value }));
  await loadProject(Number(ctx.query.year) || undefined);

  function selection() {
    return { code: projectField.input.value, year: Number(yearField.input.value), template: templateField.input.value, lang: langChoice.value(), format: formatChoice.value() };
  }

  async function loadProject(firstYear) {
    const selected = projectField.input.value;
    const isLatest = beginLoad();
    status.textContent = '';
    const answers = await Promise.all([
      api.get(`/api/projects/${encodeURIComponent(selected)}`),
      api.get(`/api/projects/${encodeURIComponent(selected)}/locks`),
      api.get(`/api/projects/${encodeURIComponent(selected)}/reports/submissions`),
    ]);
    if (!isLatest()) return; // another project was chosen meanwhile
    [detail, locks, submissions] = answers;
    // Keep the year the person has chosen (also while this was loading) when the project has it.
    const wantedYear = firstYear ?? Number(yearField.input.value);
    const years = detail.reportingYears.map((y) => y.year);
    const year = years.includes(wantedYear) ? wantedYear : (years.filter((y) => y < new Date().getFullYear()).at(-1) ?? years.at(-1));
    replace(yearField.input, years.map((y) => h('option', { value: y, selected: y === year }, String(y))));
    replace(submissionsPart, submissionsTable(submissions));
    showState();
  }

  function showState() {
    const { code: selected, year } = selection();
    ctx.setQuery({ project: selected, year });
    setTitle(t('reports.title'), `${selected} ${year}`);
    const lock = locks.find((l) => l.year === year);
    const submitted = submissions.find((s) => s.year === year);
    // One cycle section per report: a step taken in it refreshes the page around it, not the section.
    if (cycleKey !== `${selected}:${year}`) {
      cycleKey = `${selected}:${year}`;
      replace(cyclePart, reportCycleSection({ code: selected, year, submit: confirmSubmit, onChanged: () => loadProject(year) }).element);
    }
    replace(
      lockState,
      lock
        ? notice(
            'locked',
            h('p', { class: 'notice-title' }, t('project.locked', { year })),
            h('p', {}, submitted ? t('reports.submittedOn', { who: submitted.submittedBy, when: dateTime(submitted.submittedAt) }) : t('project.lockedBy', { who: lock.lockedBy, when: date(lock.lockedAt) })),
            submitted ? h('p', {}, t('reports.storedHint')) : null,
          )
        : notice('info', h('p', {}, t('reports.openYear', { year }))),
    );
  }

  async function onDownload(event) {
    event.preventDefault();
    const s = selection();
    downloadButton.disabled = true;
    replace(status, h('p', {}, t('reports.preparing')));
    try {
      const file = await download(withQuery(`/api/projects/${encodeURIComponent(s.code)}/reports/annual`, { year: s.year, format: s.format, template: s.template, lang: s.lang }));
      replace(status, h('p', {}, t('reports.downloaded', { file: file.fileName })));
    } catch (error) {
      replace(status, notice('error', h('p', {}, errorText(error)), error.body?.message ? h('p', { class: 'muted' }, error.body.message) : null));
    } finally {
      downloadButton.disabled = false;
    }
  }

  /** Asks first; the cycle section then shows what happened (and refreshes this page). */
  function confirmSubmit(extra) {
    const s = selection();
    const templateTitle = templateField.input.selectedOptions[0]?.textContent ?? s.template;
    const text = t('reports.confirmText', { code: s.code, year: s.year, template: templateTitle, lang: s.lang === 'en' ? 'English' : 'slovenščina' });
    return dialog.ask(text).then(() => api.post(`/api/projects/${encodeURIComponent(s.code)}/reports/cycle/submit`, { year: s.year, template: s.template, lang: s.lang, ...extra }));
  }
}

/** A native modal <dialog>: it traps focus, closes on Esc and returns focus to the opener. */
function confirmDialog() {
  const text = h('p', { id: 'confirm-text' });
  const confirm = h('button', { type: 'button', class: 'danger' }, t('reports.confirmYes'));
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('common.cancel'));
  const element = h(
    'dialog',
    { class: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
    h('h2', { id: 'confirm-title' }, t('reports.confirmTitle')),
    text,
    h('p', {}, t('reports.confirmLock')),
    h('div', { class: 'actions' }, confirm, cancel),
  );
  let answer = null;
  const settle = (confirmed) => {
    element.close();
    answer?.(confirmed);
    answer = null;
  };
  cancel.addEventListener('click', () => settle(false));
  element.addEventListener('cancel', () => settle(false));
  confirm.addEventListener('click', () => settle(true));
  return {
    element,
    /** Resolves when confirmed; rejects with `{ cancelled: true }` when not. */
    ask(message) {
      text.textContent = message;
      element.showModal();
      cancel.focus();
      return new Promise((resolve, reject) => {
        answer = (confirmed) => (confirmed ? resolve() : reject({ cancelled: true }));
      });
    },
  };
}
