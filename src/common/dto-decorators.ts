import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, registerDecorator, ValidationArguments } from 'class-validator';
import { MAX_ID } from './id.pipe';
import { isIsoDate } from '../projects/reporting-years';

const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

/**
 * A non-negative exact decimal, accepted as a JSON string ("382188.56") or number (382188.56) and
 * kept as a canonical string, so that no float is ever stored.
 */
export function IsDecimalValue(options: { optional?: boolean; example?: string } = {}) {
  const decorators = [
    (options.optional ? ApiPropertyOptional : ApiProperty)({ type: String, example: options.example ?? '62' }),
    Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value)),
    Matches(DECIMAL, {
      message: (args: ValidationArguments) =>
        typeof args.value === 'string' && args.value.trim().startsWith('-')
          ? `${args.property} must not be negative`
          : `${args.property} must be a non-negative decimal number with at most 6 decimals, e.g. "382188.56"`,
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
          `${args?.property} must be a calendar date in the form YYYY-MM-DD (e.g. 2019-09-23)`,
      },
    });
  const decorators: PropertyDecorator[] = [
    (options.optional ? ApiPropertyOptional : ApiProperty)({ type: String, format: 'date', example: options.example ?? '2019-09-23' }),
    check,
  ];
  if (options.optional) decorators.unshift(IsOptional());
  return applyDecorators(...decorators);
}

/** A record id in a body: a whole number that fits the id columns (1 … 2,147,483,647). */
export function IsId(options: { each?: boolean } = {}) {
  return applyDecorators(
    IsInt({ each: options.each, message: ({ property }) => `${property} must be a whole number (a record id)` }),
    Min(1, { each: options.each, message: ({ property }) => `${property} must be a record id from 1 to ${MAX_ID}` }),
    Max(MAX_ID, { each: options.each, message: ({ property }) => `${property} must be a record id from 1 to ${MAX_ID}` }),
  );
}

/** The version of a record a change is based on; a newer stored version answers 409. */
export function IsVersion(options: { optional?: boolean } = { optional: true }) {
  const description = 'Version of the record the change is based on; a newer stored version answers 409';
  const decorators = [(options.optional ? ApiPropertyOptional : ApiProperty)({ description }), IsInt(), Min(1)];
  if (options.optional) decorators.unshift(IsOptional());
  return applyDecorators(...decorators);
}

/** A reporting year in a body or query: a whole number from 1990 to 2100 (query strings are converted). */
export function IsReportingYear(example = 2021) {
  const message = ({ property }: ValidationArguments) => `${property} must be a year between 1990 and 2100, e.g. ${example}`;
  return applyDecorators(
    ApiProperty({ example }),
    Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)),
    IsInt({ message }),
    Min(1990, { message }),
    Max(2100, { message }),
  );
}
