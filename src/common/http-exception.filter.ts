import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './errors';
import { isText, langFromHeader, Message, renderDeep, t } from './i18n/text';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: Message;
  [key: string]: unknown;
}

/** Maps every error to a JSON answer; only the unexpected ones are 500, and never with a stack. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request | undefined>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    // A streamed download that fails half-way cannot change its status any more: cut it off, so
    // the client sees a broken transfer instead of waiting for the rest.
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.status(body.statusCode).json(renderDeep(body, langFromHeader(request?.headers?.['accept-language'])));
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: exception.status, error: exception.name, message: exception.text, ...exception.details };
    }
    if (exception instanceof HttpException) {
      const res = exception.getResponse();
      const fromRes = withField(exception.getStatus(), typeof res === 'object' ? (res as Record<string, unknown>) : { message: res });
      return {
        ...fromRes,
        statusCode: exception.getStatus(),
        error: typeof fromRes.error === 'string' ? fromRes.error : exception.name,
        message: Array.isArray(fromRes.message) ? fromRes.message.join('; ') : isText(fromRes.message) ? fromRes.message : String(fromRes.message ?? exception.message),
      };
    }
    const constraint = constraintViolation(exception);
    if (constraint) return constraint;
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'InternalServerError', message: 'Internal server error' };
  }
}

/**
 * Refusals of the input itself (400, 413, 415, 422) always name what was wrong. Those raised
 * outside the validation pipe without `errors` (Express failing to decode a path parameter,
 * Nest's own 400s) name the path or the body.
 */
function withField(status: number, body: Record<string, unknown>): Record<string, unknown> {
  if (![400, 413, 415, 422].includes(status) || Array.isArray(body.errors)) return body;
  const raw = typeof body.message === 'string' ? body.message : '';
  if (/^Failed to decode param/.test(raw)) {
    const message = t('pot zahteve ni veljavno kodirana (UTF-8 z znaki %)', 'the request path is not validly encoded (UTF-8 with % escapes)');
    return { ...body, message, errors: [{ field: 'path', message }] };
  }
  return { ...body, errors: [{ field: 'body', message: isText(body.message) ? body.message : raw }] };
}

/** Unique and foreign-key violations are a client's conflict, not a server failure. */
function constraintViolation(exception: unknown): ErrorBody | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const driverError = (exception as QueryFailedError & { driverError?: { code?: string; message?: string } }).driverError;
  const code = driverError?.code ?? '';
  const message = driverError?.message ?? exception.message;
  if (code === '23505' || /UNIQUE constraint failed/.test(message)) {
    return { statusCode: 409, error: 'Conflict', message: 'A record with the same unique key already exists' };
  }
  if (code === '22003' || code === '22P02') {
    return { statusCode: 400, error: 'Bad Request', message: 'A value is out of range or not of the expected type' };
  }
  if (code === '23503' || /FOREIGN KEY constraint failed/.test(message)) {
    return { statusCode: 409, error: 'Conflict', message: 'The record is referenced by, or refers to, a record that does not allow it' };
  }
  return null;
}
