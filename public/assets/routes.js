import { dashboardPage } from './pages/dashboard.js';
import { historyPage } from './pages/history.js';
import { loginPage } from './pages/login.js';
import { projectPage } from './pages/project.js';
import { projectsPage } from './pages/projects.js';
import { reportsPage } from './pages/reports.js';

/**
 * The pages, their addresses and who may open them. The API checks every call anyway; the roles
 * here only keep people away from pages that would answer 403 everywhere.
 */
const MANAGERS = ['admin', 'coordinator'];

const ROUTES = [
  { pattern: /^\/login$/, page: loginPage, anonymous: true },
  { pattern: /^\/projects$/, page: projectsPage },
  { pattern: /^\/projects\/([^/]+)$/, page: projectPage },
  { pattern: /^\/dashboard$/, page: dashboardPage, roles: MANAGERS },
  { pattern: /^\/reports$/, page: reportsPage, roles: MANAGERS },
  { pattern: /^\/history$/, page: historyPage },
];

export function findRoute(path) {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1).map(decodeURIComponent) };
  }
  return null;
}

/** The menu of each role, in the order people use it. */
export function navItems(role) {
  if (role === 'project_manager') return [{ path: '/projects', label: 'nav.myProjects' }];
  if (role === 'auditor') return [{ path: '/history', label: 'nav.history' }, { path: '/projects', label: 'nav.projects' }];
  return [
    { path: '/dashboard', label: 'nav.dashboard' },
    { path: '/projects', label: 'nav.projects' },
    { path: '/reports', label: 'nav.reports' },
    { path: '/history', label: 'nav.history' },
  ];
}

export function homeOf(role) {
  if (role === 'project_manager') return '/projects';
  if (role === 'auditor') return '/history';
  return '/dashboard';
}
