import { createParamDecorator, ExecutionContext } from '@nestjs/common';

export const ROLES = ['admin', 'coordinator', 'project_manager', 'auditor', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: recorded in the audit trail and used for access checks. */
export interface Actor {
  userId: number | null;
  username: string;
  role: Role;
}

/** The actor for work the system does by itself (demo data, migrations of data). */
export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', role: 'admin' };

/** Injects the authenticated actor that the auth guard put on the request. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ user?: Actor }>();
  if (!request.user) throw new Error('No authenticated actor on the request: is the route missing from the auth guard?');
  return request.user;
});
