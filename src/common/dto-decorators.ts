import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, registerDecorator, ValidationArguments } from 'class-validator';
import { bilingual } from './i18n/validation-messages';
import { MAX_ID } from './id.pipe';
import { isIsoDate } from '../projects/reporting-years';

const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

/**
 * A non-negative exact decimal, accepted as a JSON string ("382188.56") or number (382188.56) and
 * kept as a canonical string, so that no float is ever stored.
 */
export function IsDecimalValue(options: { optional?: boolean; example?: string } = {}) {
  const decorators = [
    (options.optional ? ApiPropertyOptional : ApiProperty)({
      oneOf: [
        { type: 'string', pattern: DECIMAL.source, example: options.example ?? '62' },
        { type: 'number', minimum: 0, example: Number(options.example ?? '62') },
      ],
      description: 'An exact non-negative decimal, as a JSON string ("382188.56", preferred: exact) or a number (382188.56); at most 15 digits before the point and 6 after; answered as a string',
    }),
    Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value)),
    Matches(DECIMAL, {
      message: (args: ValidationArguments) =>
        typeof args.value === 'string' && args.value.trim().startsWith('-')
          ? bilingual(`${args.property} ne sme biti negativno`, `${args.property} must not be negative`)
          : bilingual(
              `${args.property} mora biti nenegativno decimalno število z največ 6 decimalkami, npr. "382188.56"`,
              `${args.property} must be a non-negative decimal number with at most 6 decimals, e.g. "382188.56"`,
            ),
    }),
  ];
  if (options.optional) decorators.unshift(IsOptional());
  return applyDecorators(...decorators);
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function IsCalendarDate(options: { optional?: boolean; example?: string } = {}) {
  const check = (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: (args?: ValidationArguments) =>
          bilingual(
            `${args?.property} mora biti obstoječ koledarski datum v obliki LLLL-MM-DD (npr. 2019-09-23)`,
            `${args?.property} must be a calendar date in the form YYYY-MM-DD (e.g. 2019-09-23)`,
          ),
      },
    });
  const decorators: PropertyDecorator[] = [
    (options.optional ? ApiPropertyOptional : ApiProperty)({ type: String, format: 'date', example: options.example ?? '2019-09-23' }),
    check,
  ];
  if (options.optional) decorators.unshift(IsOptional());
  return applyDecorators(...decorators);
}

const idRange = (property: string) => bilingual(`${property} mora biti id zapisa od 1 do ${MAX_ID}`, `${property} must be a record id from 1 to ${MAX_ID}`);

/** A record id in a body: a whole number that fits the id columns (1 … 2,147,483,647). */
export function IsId(options: { each?: boolean } = {}) {
  return applyDecorators(
    IsInt({ each: options.each, message: ({ property }) => bilingual(`${property} mora biti celo število (id zapisa)`, `${property} must be a whole number (a record id)`) }),
    Min(1, { each: options.each, message: ({ property }) => idRange(property) }),
    Max(MAX_ID, { each: options.each, message: ({ property }) => idRange(property) }),
  );
}

/** The version of a record a change is based on; a newer stored version answers 409. */
export function IsVersion(options: { optional?: boolean } = { optional: true }) {
  const description = 'Version of the record the change is based on; a newer stored version answers 409';
  const decorators = [(options.optional ? ApiPropertyOptional : ApiProperty)({ description, minimum: 1, maximum: MAX_ID }), IsInt(), Min(1), Max(MAX_ID)];
  if (options.optional) decorators.unshift(IsOptional());
  return applyDecorators(...decorators);
}

/** A reporting year in a body or query: a whole number from 1990 to 2100 (query strings are converted). */
export function IsReportingYear(example = 2021) {
  const message = ({ property }: ValidationArguments) =>
    bilingual(`${property} mora biti leto med 1990 in 2100, npr. ${example}`, `${property} must be a year between 1990 and 2100, e.g. ${example}`);
  return applyDecorators(
    ApiProperty({ example }),
    Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)),
    IsInt({ message }),
    Min(1990, { message }),
    Max(2100, { message }),
  );
}

/** The largest sort position: far more than any list holds, far less than an integer column's limit. */
export const MAX_SORT_ORDER = 1_000_000;

/** A position in a list (indicators, objectives, result areas): a whole number 0 … MAX_SORT_ORDER. */
export function IsSortOrder() {
  return applyDecorators(ApiPropertyOptional({ minimum: 0, maximum: MAX_SORT_ORDER }), IsOptional(), IsInt(), Min(0), Max(MAX_SORT_ORDER));
}
