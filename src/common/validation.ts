import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from './errors';
import { render, t } from './i18n/text';

/** Flattens class-validator errors into `{ field: 'partners[0].role', message }` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const path = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      result.push({ field: path, message: message.replace(/^property /, '') });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, path));
  }
  return result;
}

/** The one global ValidationPipe: unknown fields are refused, payloads are typed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      return badRequest(flattenValidationErrors(errors));
    },
  });
}

/** A 400 answer naming each bad field, as the ValidationPipe and the path pipes all give it. */
export function badRequest(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: t(
      `Neveljaven vnos: ${errors.map((e) => `${e.field}: ${render(e.message, 'sl')}`).join('; ')}`,
      `Invalid input: ${errors.map((e) => `${e.field}: ${render(e.message, 'en')}`).join('; ')}`,
    ),
    errors,
  });
}
