import { Injectable } from '@nestjs/common';
import { RuleViolationError } from '../common/errors';
import { t } from '../common/i18n/text';
import type { JobHandler } from './job.types';

/**
 * The job handlers by type. Features register theirs when their module starts (reports, exports,
 * the Excel import); the API, the in-process runner and the workers all look them up here.
 */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  register<I>(handler: JobHandler<I>): void {
    if (this.handlers.has(handler.type)) throw new Error(`Job type ${handler.type} is registered twice`);
    this.handlers.set(handler.type, handler as unknown as JobHandler);
  }

  get(type: string): JobHandler {
    const handler = this.handlers.get(type);
    if (!handler) {
      throw new RuleViolationError(t('Neznana vrsta opravila', 'Unknown job type'), [
        { field: 'type', message: t(`vrsta mora biti ena od: ${this.types().join(', ')}`, `type must be one of: ${this.types().join(', ')}`) },
      ]);
    }
    return handler;
  }

  types(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
