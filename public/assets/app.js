import { api, whenUnauthenticated } from './api.js';
import { h, replace, svg } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { findRoute, homeOf, mayOpen, navItems } from './routes.js';
import { errorNotice, loading, notice, pageHeading, setTitle } from './ui.js';

/**
 * The shell: who is logged in, the header with the role's menu, and a hash router
 * (`#/projects/AS?year=2020`) that renders one page at a time into <main>.
 */
const state = { user: null, returnTo: null, flash: null, firstRender: true };
const main = () => document.getElementById('main');

async function boot() {
  document.documentElement.lang = lang();
  whenUnauthenticated(() => {
    if (!state.user) return;
    state.user = null;
    state.flash = t('login.expired');
    state.returnTo = location.hash;
    go('/login');
  });
  try {
    state.user = await api.get('/api/auth/me');
  } catch {
    state.user = null;
  }
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    main().focus();
  });
  window.addEventListener('hashchange', () => render());
  await render();
}

function parseHash() {
  let raw = location.hash.replace(/^#/, '');
  try {
    raw = decodeURI(raw);
  } catch {
    // A mangled address (a cut-off %-escape) is routed as typed and ends on "page not found".
  }
  raw ||= '/';
  const [path, query = ''] = raw.split('?');
  return { path: path || '/', query: Object.fromEntries(new URLSearchParams(query)) };
}

function go(path) {
  if (location.hash === `#${path}`) render();
  else location.hash = path;
}

async function render() {
  const { path, query } = parseHash();
  const user = state.user;
  if (path === '/') return go(user ? homeOf(user) : '/login');
  const found = findRoute(path);
  if (found && !found.route.anonymous && !user) {
    state.returnTo = location.hash;
    return go('/login');
  }
  if (found?.route.anonymous && user) return go(homeOf(user));
  renderHeader(path);

  const container = h('div', { class: 'page' }, loading());
  replace(main(), container);
  const focusHeading = !state.firstRender;
  state.firstRender = false;
  try {
    if (!found) {
      setTitle(t('notFound.title'));
      replace(container, pageHeading(t('notFound.title')), notice('info', h('p', {}, t('notFound.text'))));
    } else if (!mayOpen(user, found.route)) {
      setTitle(t('forbidden.title'));
      replace(container, pageHeading(t('forbidden.title')), notice('info', h('p', {}, t('forbidden.text'))));
    } else {
      await found.route.page(pageContext(container, found.params, query, path));
    }
  } catch (error) {
    setTitle(t('error.pageTitle'));
    replace(container, pageHeading(t('error.pageTitle')), errorNotice(error), h('p', {}, h('a', { href: '#/' }, t('error.backHome'))));
  }
  // Moving focus to the new heading tells screen-reader users that the page changed.
  if (focusHeading && container.isConnected) container.querySelector('h1')?.focus();
}

function pageContext(el, params, query, path) {
  return {
    el,
    user: state.user,
    params,
    query,
    isCurrent: () => el.isConnected,
    /** Updates the address (for bookmarks and reloads) without rendering the page again. */
    setQuery(values) {
      const merged = new URLSearchParams({ ...query, ...values });
      for (const [key, value] of [...merged]) if (value === '' || value === 'undefined') merged.delete(key);
      Object.assign(query, values);
      const text = merged.toString();
      history.replaceState(null, '', `#${path}${text ? `?${text}` : ''}`);
    },
    navigate: go,
    takeFlash() {
      const flash = state.flash;
      state.flash = null;
      return flash;
    },
    async signedIn() {
      // The login answer names the user; what they may do comes from /api/auth/me.
      const user = await api.get('/api/auth/me');
      state.user = user;
      const target = state.returnTo;
      state.returnTo = null;
      go(target && target !== '#/login' ? target.replace(/^#/, '') : homeOf(user));
    },
  };
}

function renderHeader(path) {
  const header = document.getElementById('app-header');
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('nav.skip');
  const user = state.user;
  const items = user ? navItems(user) : [];
  const otherLang = lang() === 'sl' ? 'en' : 'sl';
  const langButton = h(
    'button',
    { type: 'button', class: 'link-button', lang: otherLang, onclick: () => switchLanguage(otherLang) },
    otherLang === 'en' ? 'English' : 'Slovenščina',
  );
  replace(
    header,
    h(
      'div',
      { class: 'header-inner' },
      h('a', { class: 'brand', href: '#/' }, brandMark(), 'Kazalnik'),
      items.length
        ? h(
            'nav',
            { 'aria-label': t('nav.label') },
            h(
              'ul',
              {},
              items.map((item) =>
                h('li', {}, h('a', { href: `#${item.path}`, 'aria-current': path === item.path || path.startsWith(`${item.path}/`) ? 'page' : undefined }, t(item.label))),
              ),
            ),
          )
        : null,
      h(
        'div',
        { class: 'session' },
        user ? h('span', { class: 'who' }, user.displayName, h('span', { class: 'role' }, t(`role.${user.role}`))) : null,
        langButton,
        user ? h('button', { type: 'button', class: 'secondary small', onclick: logout }, t('nav.logout')) : null,
      ),
    ),
  );
}

/** The logo: three rising bars, the same as the favicon. */
function brandMark() {
  return svg(
    'svg',
    { class: 'brand-mark', viewBox: '0 0 32 32', width: 24, height: 24, 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { width: 32, height: 32, rx: 6, class: 'brand-bg' }),
    svg('rect', { x: 7, y: 16, width: 4, height: 10, class: 'brand-bar' }),
    svg('rect', { x: 14, y: 10, width: 4, height: 16, class: 'brand-bar' }),
    svg('rect', { x: 21, y: 6, width: 4, height: 20, class: 'brand-bar-top' }),
  );
}

async function switchLanguage(value) {
  setLang(value);
  await render();
  document.querySelector('#app-header button[lang]')?.focus();
}

async function logout() {
  try {
    await api.post('/api/auth/logout');
  } catch {
    // An expired session is logged out already.
  }
  state.user = null;
  state.flash = t('login.loggedOut');
  go('/login');
}

boot();
