import { dashboardPage } from './pages/dashboard.js';
import { gridPage } from './pages/grid.js';
import { historyPage } from './pages/history.js';
import { loginPage } from './pages/login.js';
import { projectPage } from './pages/project.js';
import { projectsPage } from './pages/projects.js';
import { reportsPage } from './pages/reports.js';
import { reviewPage } from './pages/review.js';

/**
 * The pages, their addresses and the permission each needs. The permissions are the server's
 * (`/api/auth/me`); the API checks every call anyway, this only keeps people away from pages that
 * would answer 403 everywhere.
 */

const ROUTES = [
  { pattern: /^\/login$/, page: loginPage, anonymous: true },
  { pattern: /^\/projects$/, page: projectsPage },
  { pattern: /^\/projects\/([^/]+)$/, page: projectPage },
  { pattern: /^\/projects\/([^/]+)\/grid$/, page: gridPage },
  { pattern: /^\/dashboard$/, page: dashboardPage, requires: 'report.submit' },
  { pattern: /^\/reports$/, page: reportsPage, requires: 'report.submit' },
  { pattern: /^\/history$/, page: historyPage },
  { pattern: /^\/review$/, page: reviewPage, requires: 'report.review' },
];

export function findRoute(path) {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1).map(decodeURIComponent) };
  }
  return null;
}

export function may(user, permission) {
  return Boolean(user?.permissions?.includes(permission));
}

/** Whether the user may open the page of `route`. */
export function mayOpen(user, route) {
  return !route.requires || may(user, route.requires);
}

/**
 * The menu, in the order people use it: those who submit reports start at the dashboard, those
 * who review trails (and submit nothing) at the history, those who enter figures at their projects.
 */
export function navItems(user) {
  if (may(user, 'report.submit')) {
    return [
      { path: '/dashboard', label: 'nav.dashboard' },
      { path: '/projects', label: 'nav.projects' },
      { path: '/reports', label: 'nav.reports' },
      { path: '/history', label: 'nav.history' },
      ...(may(user, 'report.review') ? [{ path: '/review', label: 'nav.review' }] : []),
    ];
  }
  if (may(user, 'report.review')) return [{ path: '/review', label: 'nav.review' }, { path: '/projects', label: 'nav.projects' }];
  if (may(user, 'audit.verify')) return [{ path: '/history', label: 'nav.history' }, { path: '/projects', label: 'nav.projects' }];
  return [{ path: '/projects', label: 'nav.myProjects' }];
}

export function homeOf(user) {
  return navItems(user)[0].path;
}
