import { DomainError } from '../common/errors';

/** The one answer to a failed login, whatever failed: it must not tell which usernames exist. */
export const INVALID_CREDENTIALS = 'Invalid username or password';

/** No valid credentials: no token, an expired or forged one, or a user since deactivated. */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
}

export class TooManyLoginAttemptsError extends DomainError {
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}
