import { Global, Module } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * Global, because every module that changes a figure records an audit entry. Needs only the
 * DataSource that TypeOrmModule.forRoot provides; AuditEntry is registered in ENTITIES.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditEntryRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
