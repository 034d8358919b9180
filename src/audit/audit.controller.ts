import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MANAGERS, Roles } from '../auth/roles.decorator';
import { AuditService } from './audit.service';
import type { VerifyResult } from './audit.types';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** 200 whether or not the chain is intact: a broken chain is a finding, not a failed request. */
  @Get('verify')
  @Roles(...MANAGERS, 'auditor')
  @ApiOkResponse({
    description: '{ ok: true, entries } or { ok: false, entries, firstBrokenEntry: { id, reason } }',
  })
  verify(): Promise<VerifyResult> {
    return this.audit.verify();
  }
}
