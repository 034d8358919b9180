import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { INTERCEPTORS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { t } from '../i18n/text';
import { badRequest, bodyRefused } from '../validation';

/**
 * What a route that reads a body (`@Body()`) asks of the request, before any pipe runs:
 *
 * - the body is JSON (`application/json`), or multipart where the route takes an upload (it has an
 *   interceptor, such as FileInterceptor); anything else, or no content type at all, is 415, so a
 *   `text/plain` or XML PATCH is never read as an empty change;
 * - a PATCH changes something: an empty object is 400.
 */
@Injectable()
export class BodyRulesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (!['POST', 'PUT', 'PATCH'].includes(request.method) || !readsBody(context)) return next.handle();
    if (!acceptedType(request, takesUpload(context))) {
      throw bodyRefused(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        t('telo zahteve mora biti JSON (Content-Type: application/json)', 'the request body must be JSON (Content-Type: application/json)'),
      );
    }
    const body: unknown = request.body;
    if (request.method === 'PATCH' && isEmptyObject(body)) {
      throw badRequest([{ field: 'body', message: t('sprememba ne navaja nobenega polja', 'the change names no field') }]);
    }
    return next.handle();
  }
}

function readsBody(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}

function takesUpload(context: ExecutionContext): boolean {
  const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, context.getHandler()) ?? []) as unknown[];
  return interceptors.length > 0;
}

function acceptedType(request: Request, upload: boolean): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type) || (upload && type === 'multipart/form-data');
}

function isEmptyObject(value: unknown): boolean {
  return typeof value !== 'object' || value === null || (!Array.isArray(value) && Object.keys(value).length === 0);
}
