import type { Role } from '../auth/actor';

/**
 * Everything an actor can be allowed to do, one name per use case or group of reads. The table
 * below is the only place that says which role may do what; the route guard, the use-case
 * handlers and the web pages (through `/api/auth/me`) all read it.
 */
export const PERMISSIONS = [
  'session.own', // log out, read one's own identity and permissions
  'catalogue.read', // organisations, funders, public calls
  'catalogue.add',
  'catalogue.manage', // change or remove organisations, funders, calls
  'user.manage',
  'project.read', // a project, its structure, indicators, figures, summaries and narratives
  'project.create',
  'project.update', // the project's fields and structure: partners, funding periods, objectives, result areas
  'project.delete',
  'indicator.define', // create, change and remove indicators
  'target.set',
  'value.record', // enter, change and remove achieved values of unlocked years (one or in batches)
  'value.correct', // change an achieved value of a locked year, with a reason and category
  'explanation.write',
  'narrative.write',
  'year.lock',
  'year.unlock',
  'report.generate', // annual reports of a project, as PDF or XLSX
  'report.submit',
  'submission.read', // submitted reports, their files and diffs
  'portfolio.read', // the portfolio export over every readable project
  'history.read', // histories and trail exports of readable projects
  'audit.verify',
  'part.ready', // a partner organisation's coordinator marks its part of a year's report ready
  'report.review', // the funder's reviewer returns a submitted report with reasons, or approves it
  'comment.write', // comments on an indicator's year
  'lock.exception', // open a locked year for one user of one project until a date
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE_MAY: Permission[] = ['session.own', 'catalogue.read', 'project.read', 'report.generate', 'history.read'];
const AUDITING: Permission[] = ['submission.read', 'portfolio.read', 'audit.verify'];
const EDITING: Permission[] = ['value.record', 'explanation.write', 'narrative.write', 'comment.write'];
const MANAGING: Permission[] = [
  'catalogue.add',
  'project.create',
  'project.update',
  'project.delete',
  'indicator.define',
  'target.set',
  'value.correct',
  'year.lock',
  'report.submit',
  'part.ready',
  'lock.exception',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  coordinator: [...EVERYONE_MAY, ...AUDITING, ...EDITING, ...MANAGING],
  project_manager: [...EVERYONE_MAY, ...EDITING],
  auditor: [...EVERYONE_MAY, ...AUDITING],
  // The funder's contract officer (skrbnik pogodbe): reads what the funder finances, comments,
  // returns or approves; changes no figure.
  reviewer: [...EVERYONE_MAY, 'submission.read', 'comment.write', 'report.review'],
};

/**
 * Permissions that only read. Within a project, the others are changes: a coordinator may make
 * them only in projects their organisations lead (a partner's coordinator reads the project).
 */
export const READ_PERMISSIONS: ReadonlySet<Permission> = new Set([
  'session.own',
  'catalogue.read',
  'project.read',
  'report.generate',
  'submission.read',
  'portfolio.read',
  'history.read',
  'audit.verify',
]);

/**
 * Permissions a coordinator may use in a project their organisation is only a partner in: their
 * own part (scoped to their organisation) and the conversation about the figures.
 */
export const PARTNER_PERMISSIONS: ReadonlySet<Permission> = new Set(['part.ready', 'comment.write']);

export function roleMay(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

/** The roles that hold a permission, for the route guard and the route matrix. */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => roleMay(role, permission));
}
