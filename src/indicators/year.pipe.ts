import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

function parseYear(value: string, field: string): number {
  if (!/^\d{4}$/.test(value) || Number(value) < 1990 || Number(value) > 2100) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid input: ${field}: must be a year between 1990 and 2100`,
      errors: [{ field, message: `${field} must be a year between 1990 and 2100` }],
    });
  }
  return Number(value);
}

/** A reporting year in a path or query: four digits, 1990–2100. */
@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    return parseYear(value, 'year');
  }
}

@Injectable()
export class OptionalYearPipe implements PipeTransform<string | undefined, number | undefined> {
  transform(value: string | undefined): number | undefined {
    return value === undefined || value === '' ? undefined : parseYear(value, 'year');
  }
}
