import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { may } from '../routes.js';
import { notice, pageHeading, section, setTitle } from '../ui.js';

/** "Moji projekti" for those who only enter figures (the API lists only theirs), all projects for others. */
export async function projectsPage(ctx) {
  const mine = !may(ctx.user, 'report.submit') && !may(ctx.user, 'audit.verify');
  const title = t(mine ? 'projects.mine' : 'projects.all');
  setTitle(title);
  const projects = await api.get('/api/projects');
  if (!ctx.isCurrent()) return;
  const list = projects.length
    ? h(
        'ul',
        { class: 'card-list' },
        projects.map((p) =>
          h(
            'li',
            { class: 'card' },
            h('h3', {}, h('a', { href: `#/projects/${encodeURIComponent(p.code)}` }, h('span', { class: 'code' }, p.code), ' ', p.name)),
            h(
              'dl',
              { class: 'facts compact' },
              h('dt', {}, t('project.lead')),
              h('dd', {}, p.leadOrganisation?.name ?? '—'),
              h('dt', {}, t('project.places')),
              h('dd', {}, (p.places ?? []).join(', ') || '—'),
              h('dt', {}, t('project.status')),
              h('dd', {}, t(`projectStatus.${p.status}`)),
            ),
          ),
        ),
      )
    : notice('info', h('p', {}, t(mine ? 'projects.noneMine' : 'projects.none')));
  replace(ctx.el, pageHeading(title, mine ? t('projects.mineIntro') : null), section(t('projects.count', { count: projects.length }), list));
}
