import { api, download } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorText, notice } from '../ui.js';

/**
 * "Izvozi vse": every project's annual report of the chosen year, template, language and format,
 * as one ZIP. The server runs it as a job (on the queue's workers, or in the app without Redis);
 * the page follows its progress and downloads the ZIP when it is done.
 */
export function exportAll(selection) {
  const panel = h('div', { class: 'export-all', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'secondary', onclick: () => start() }, t('reports.exportAll'));
  let running = null;

  async function start() {
    const s = selection();
    button.disabled = true;
    try {
      const job = await api.post('/api/jobs', { type: 'annual-reports', input: { year: s.year, templates: [s.template], formats: [s.format], langs: [s.lang] } });
      running = job.id;
      await follow(job, s.year);
    } catch (error) {
      replace(panel, notice('error', h('p', {}, errorText(error))));
    } finally {
      running = null;
      button.disabled = false;
    }
  }

  async function follow(job, year) {
    const bar = h('progress', { max: 100, value: 0, 'aria-label': t('reports.exportAll') });
    const text = h('span', { class: 'muted' });
    const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => api.post(`/api/jobs/${job.id}/cancel`) }, t('common.cancel'));
    replace(panel, h('div', { class: 'export-progress' }, bar, text, cancel));
    while (job.state === 'waiting' || job.state === 'active') {
      bar.value = job.progress;
      text.textContent = t('reports.exportProgress', { percent: job.progress, state: t(`jobs.${job.state}`) });
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (running !== job.id) return;
      job = await api.get(`/api/jobs/${job.id}`);
    }
    if (job.state === 'completed') {
      const file = await download(`/api/jobs/${job.id}/result`);
      replace(panel, notice('success', h('p', {}, t('reports.exportDone', { year, files: job.result.files, file: file.fileName }))));
    } else if (job.state === 'cancelled') {
      replace(panel, notice('info', h('p', {}, t('reports.exportCancelled'))));
    } else {
      replace(panel, notice('error', h('p', {}, t('reports.exportFailed', { reason: job.failedReason ?? '' }))));
    }
  }

  return { button, panel };
}
