import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { INTERCEPTORS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { t } from '../i18n/text';
import { badRequest, bodyRefused } from '../validation';

/**
 * What a route that reads a body (`@Body()`) asks of the request, before any pipe runs:
 *
 * - the body is JSON (`application/json`), or multipart where the route takes an upload (it has an
 *   interceptor, such as FileInterceptor); anything else, or no content type at all, is 415, so a
 *   `text/plain` or XML PATCH is never read as an empty change;
 * - a PATCH changes something: an empty object is 400.
 *
 * A global guard, registered after the access guard (so an anonymous caller still gets 401 first)
 * and run before any route interceptor (an upload's parser) and any pipe. It is a guard rather
 * than an interceptor because it only says yes or no: a global interceptor would put every
 * request of the API through an rxjs pipeline for nothing (about 0.1 ms of a value write).
 */
@Injectable()
export class BodyRulesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!['POST', 'PUT', 'PATCH'].includes(request.method) || !readsBody(context)) return true;
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
    return true;
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
