import { Controller, Get } from '@nestjs/common';
import { Requires } from '../access/requires.decorator';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { AuditService } from './audit.service';
import type { VerifyResult } from './audit.types';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** 200 whether or not the chain is intact: a broken chain is a finding, not a failed request. */
  @Get('verify')
  @Requires('audit.verify')
  @ApiOkResponse({
    description: '{ ok: true, entries } or { ok: false, entries, firstBrokenEntry: { id, reason } }',
  })
  verify(): Promise<VerifyResult> {
    return this.audit.verify();
  }
}
