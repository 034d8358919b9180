import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { ProjectsModule } from '../projects/projects.module';
import { ProjectsRepository } from '../projects/projects.repository';
import { seedDemoDeadlineRules } from '../calendar/demo-deadline-rules';
import { seedDemoNotificationSettings } from '../notifications/demo-notification-settings';
import { seedDemoUsers } from '../users/demo-users';
import { DEMO_PROJECTS, loadDemoData } from './demo-loader';

/** Fills an empty database with the demo dataset on start, unless DEMO_DATA=false or production. */
@Module({ imports: [ProjectsModule] })
export class DemoModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoModule.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly projects: ProjectsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    const loaded = await this.transactions.run(async (em) => {
      if ((await this.projects.count(em)) > 0) return null;
      const result = await loadDemoData(em, this.audit);
      await seedDemoUsers(em, DEMO_PROJECTS.map((p) => p.code));
      await seedDemoDeadlineRules(em);
      await seedDemoNotificationSettings(em);
      return result;
    });
    if (loaded) this.logger.log(`Loaded demo data: ${loaded.projects} projects, ${loaded.values} achieved values, demo users admin, koordinator, koordinator-lu, vodja, revizor, skrbnik`);
  }
}
