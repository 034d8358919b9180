import { h } from '../dom.js';
import { bytes, dateTime } from '../format.js';
import { t } from '../i18n.js';

/**
 * Submitted reports with their stored files: who submitted when, and each file's SHA-256, so that
 * a copy sent to the funder can be checked against the one kept here. Plain links: the browser
 * sends the session cookie and saves the file under the name the API gives.
 */
export function submissionsTable(submissions) {
  if (!submissions.length) return h('p', {}, t('submissions.none'));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data submissions' },
      h('thead', {}, h('tr', {}, ['year', 'submitted', 'files'].map((k) => h('th', { scope: 'col' }, t(`submissions.${k}`))))),
      h(
        'tbody',
        {},
        [...submissions]
          .sort((a, b) => b.year - a.year || b.id - a.id)
          .map((s) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, String(s.year)),
              h('td', {}, s.submittedBy, h('span', { class: 'sub' }, dateTime(s.submittedAt))),
              h(
                'td',
                {},
                h(
                  'ul',
                  { class: 'plain-list files' },
                  s.files.map((f) =>
                    h(
                      'li',
                      {},
                      h('a', { href: `/api/reports/submissions/${s.id}/files/${f.format}`, download: f.fileName }, f.fileName),
                      ` (${f.format.toUpperCase()}, ${bytes(f.sizeBytes)})`,
                      h('span', { class: 'sha' }, h('span', { class: 'sha-label' }, 'SHA-256 '), h('code', {}, f.sha256)),
                    ),
                  ),
                ),
              ),
            ),
          ),
      ),
    ),
  );
}
