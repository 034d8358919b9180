import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { collectRouteRules, unruledRoutes } from './route-rules';

/**
 * Reports at start-up every route that declares neither `@Roles(...)` nor `@Public()` (or both).
 * The guard refuses such routes anyway; this makes the omission visible before anyone calls one.
 */
@Injectable()
export class RouteRulesCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(RouteRulesCheck.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const rules = collectRouteRules(this.discovery, this.scanner, this.reflector);
    const missing = unruledRoutes(rules);
    for (const rule of missing) {
      this.logger.error(
        `${rule.route} (${rule.handler}) ${rule.isPublic ? 'declares both @Public and @Roles' : 'declares neither @Roles nor @Public'}: every call is refused with 403`,
      );
    }
    if (missing.length === 0) this.logger.log(`Access rules declared on all ${rules.length} routes`);
  }
}
