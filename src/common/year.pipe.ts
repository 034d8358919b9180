import { Injectable, PipeTransform } from '@nestjs/common';
import { t } from './i18n/text';
import { badRequest } from './validation';

function parseYear(value: string, field: string): number {
  if (!/^\d{4}$/.test(value) || Number(value) < 1990 || Number(value) > 2100) {
    throw badRequest([{ field, message: t(`${field} mora biti leto med 1990 in 2100`, `${field} must be a year between 1990 and 2100`) }]);
  }
  return Number(value);
}

/** A reporting year in a path or query: four digits, 1990–2100. */
@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: { data?: string }): number {
    return parseYear(value, metadata.data ?? 'year');
  }
}

@Injectable()
export class OptionalYearPipe implements PipeTransform<string | undefined, number | undefined> {
  transform(value: string | undefined, metadata: { data?: string }): number | undefined {
    return value === undefined || value === '' ? undefined : parseYear(value, metadata.data ?? 'year');
  }
}
