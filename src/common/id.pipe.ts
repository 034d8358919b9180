import { Injectable, PipeTransform } from '@nestjs/common';
import { t } from './i18n/text';
import { badRequest } from './validation';

/** The largest id a 32-bit integer column holds (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;

/**
 * A record id in a path: a whole number from 1 to MAX_ID. Anything else is a client's mistake,
 * answered with 400 naming the parameter, never a database error.
 */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: { data?: string }): number {
    const field = metadata.data ?? 'id';
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
      throw badRequest([{ field, message: t(`${field} mora biti celo število od 1 do ${MAX_ID}`, `${field} must be a whole number from 1 to ${MAX_ID}`) }]);
    }
    return id;
  }
}

/** An optional id in a query string: absent stays undefined. */
@Injectable()
export class OptionalIdPipe implements PipeTransform<string | undefined, number | undefined> {
  private readonly id = new IdPipe();

  transform(value: string | undefined, metadata: { data?: string }): number | undefined {
    return value === undefined || value === '' ? undefined : this.id.transform(value, metadata);
  }
}
