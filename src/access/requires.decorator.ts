import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ROLES_KEY } from '../auth/roles.decorator';
import { Permission, rolesWith } from './permissions';

export const PERMISSION_KEY = 'kazalnik:permission';

/**
 * The permission a route needs. The guard lets through only roles that hold it (derived from the
 * one permission table, so no route repeats a role list); the use-case handler then asks the
 * access policy whether the actor may use it on the project at hand.
 */
export const Requires = (permission: Permission) =>
  applyDecorators(SetMetadata(PERMISSION_KEY, permission), SetMetadata(ROLES_KEY, rolesWith(permission)));
