import { ArgumentMetadata, BadRequestException, HttpException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from './errors';
import { render, t, Text } from './i18n/text';
import { forbiddenNulls } from './nullable';
import { acceptedAsIs } from './validation-fast-path';
import { validationMessage } from './i18n/validation-messages';

/** Flattens class-validator errors into `{ field: 'partners[0].role', message }` pairs, messages in both languages. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const path = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const [name, message] of Object.entries(error.constraints ?? {})) {
      result.push({ field: path, message: validationMessage(error, name, message, path) });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, path));
  }
  return result;
}

/**
 * The one global ValidationPipe: unknown fields are refused, payloads are typed, and an explicit
 * `null` is refused unless the field is `@Nullable()` (class-validator's IsOptional lets null
 * through to the database, where a NOT NULL column would answer 500).
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Path parameters and single query values are parsed by their own strict pipes (IdPipe,
    // YearPipe). Converting them here first would hand those pipes `Number(' 1')` or
    // `Number('0x10')` instead of the text.
    if (metadata.type === 'param' || (metadata.type === 'query' && metadata.data !== undefined)) return value;
    const typedBody = metadata.type === 'body' && metadata.metatype && this.toValidate(metadata) ? metadata.metatype : null;
    const result: unknown = (typedBody && acceptedAsIs(typedBody, value)) ?? (await super.transform(value, metadata));
    if (typedBody) {
      const nulls = forbiddenNulls(result);
      if (nulls.length > 0) throw badRequest(nulls);
    }
    return result;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target lets the Slovene messages read the constraint's limits; only the flattened field
    // errors are answered, never the target.
    validationError: { target: true, value: false },
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

/** A refusal of the request body as a whole (its type, size, depth or syntax), naming `body`. */
export function bodyRefused(status: number, message: Text): HttpException {
  const error = status === 413 ? 'Payload Too Large' : status === 415 ? 'Unsupported Media Type' : 'Bad Request';
  return new HttpException({ statusCode: status, error, message, errors: [{ field: 'body', message }] }, status);
}
