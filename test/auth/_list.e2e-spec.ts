import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { collectRouteRules } from '../../src/auth/route-rules';
import { createTestApp } from '../support/app';
it('lists', async () => {
  const t = await createTestApp();
  const rules = collectRouteRules(t.app.get(DiscoveryService), t.app.get(MetadataScanner), t.app.get(Reflector));
  require('fs').writeFileSync('/tmp/kaz-routes.json', JSON.stringify(rules, null, 1));
  const r = t.app.getHttpAdapter().getInstance().router.stack.filter((l: any) => l.route).map((l: any) => Object.keys(l.route.methods).join(',') + ' ' + l.route.path);
  require('fs').writeFileSync('/tmp/kaz-express.json', JSON.stringify(r, null, 1));
  await t.close();
});
