import { Message, render } from './i18n/text';

/**
 * Domain errors. Services throw these; one exception filter maps them to HTTP, so a client's
 * mistake is never a 500 and services stay free of HTTP. Their texts may be given in both
 * languages (`t(sl, en)`); the filter answers in the request's language, `message` (for logs)
 * holds the English.
 */
export interface FieldError {
  field: string;
  message: Message;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** The text for the user, in both languages where it was given so. */
  readonly text: Message;
  constructor(
    message: Message,
    readonly details: Record<string, unknown> = {},
  ) {
    super(render(message, 'en'));
    this.text = message;
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

/** Input that is well-formed but breaks a rule of the domain (a date outside the funding period). */
export class RuleViolationError extends DomainError {
  readonly status = 422;
  constructor(
    message: Message,
    readonly errors: FieldError[],
  ) {
    super(message, { errors });
  }
}

/** A write based on a version that is no longer current. */
export class StaleVersionError extends DomainError {
  readonly status = 409;
}

/** A write into a reporting year that is locked. */
export class PeriodLockedError extends DomainError {
  readonly status = 423;
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
}

/**
 * Answers a record the actor may not see exactly like a record that does not exist, so that an id
 * probed from another project reveals nothing: any NotFoundError becomes `message`.
 */
export async function asNotFound<T>(work: Promise<T>, message: Message): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(message);
    throw error;
  }
}
