import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Role } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** One route of the app and the access rule it declares. */
export interface RouteRule {
  /** `GET /api/projects/:code`. */
  route: string;
  handler: string;
  isPublic: boolean;
  /** The roles of `@Roles(...)`, sorted; null when the route declares none. */
  roles: Role[] | null;
}

/**
 * Every route of every controller, read from Nest's metadata (the same the router uses), with
 * its rule. Used at start-up to report routes without a rule and by the route-matrix test.
 */
export function collectRouteRules(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): RouteRule[] {
  const rules: RouteRule[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (!controller || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, (...args: unknown[]) => unknown>;
    const basePaths = asList(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (methodPaths === undefined || method === undefined) continue;
      const targets = [handler, controller];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
      for (const base of basePaths) {
        for (const path of asList(methodPaths)) {
          rules.push({
            route: `${RequestMethod[method]} ${joinPath(base, path)}`,
            handler: `${controller.name}.${name}`,
            isPublic,
            roles: roles ? [...roles].sort() : null,
          });
        }
      }
    }
  }
  return rules.sort((a, b) => a.route.localeCompare(b.route));
}

/** Routes that declare no rule at all, or both `@Public()` and `@Roles`, which is ambiguous. */
export function unruledRoutes(rules: RouteRule[]): RouteRule[] {
  return rules.filter((r) => r.isPublic === (r.roles !== null));
}

function asList(path: string | string[] | undefined): string[] {
  if (path === undefined) return [''];
  return Array.isArray(path) ? path : [path];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p.length > 0)
    .join('/');
  return `/${joined}`;
}
