import { SetMetadata } from '@nestjs/common';
import { Role } from './actor';

export const ROLES_KEY = 'kazalnik:roles';
export const PUBLIC_KEY = 'kazalnik:public';

/** The roles that may call a route. Every route declares either this or `@Public()`. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without logging in (health, login, documentation). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Shorthands for the usual sets, so that the role matrix reads the same everywhere. */
export const EVERYONE: Role[] = ['admin', 'coordinator', 'project_manager', 'auditor'];
export const MANAGERS: Role[] = ['admin', 'coordinator'];
export const EDITORS: Role[] = ['admin', 'coordinator', 'project_manager'];
