import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { MAX_JSON_DEPTH, verifyJsonDepth } from '../common/body/json-depth';
import { t } from '../common/i18n/text';
import { bodyRefused } from '../common/validation';

/** Bodies above this are refused with 413 before any handler parses them. */
export const BODY_LIMIT = '1mb';

/**
 * HTTP hardening, applied by configureApp before the app is initialised (the body parsers must be
 * registered before Nest adds its default ones).
 *
 * - helmet: a Content-Security-Policy that lets pages load scripts, styles, fonts and data only
 *   from the app itself (no inline scripts, no third-party hosts), no framing, plus helmet's other
 *   defaults (HSTS, nosniff, referrer policy, no X-Powered-By).
 * - JSON and form bodies limited to 1 MB; JSON nested at most MAX_JSON_DEPTH deep (checked on the
 *   raw text, before it is parsed).
 * - cookie-parser, for the token cookie of the web pages.
 * - `Cache-Control: no-store` on the API: answers hold figures about vulnerable people, which no
 *   browser or proxy cache should keep. So no answer sent with `res.send` gets an ETag either: no
 *   cache keeps the answer it would name, and express would hash every answer's body for it. The
 *   setting is an ETag function that names none, not `false`: express hands `sendFile` whether
 *   the setting is on, and the web pages' files keep their ETags (web.controller.ts).
 */
export function applySecurity(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.set('etag', noEtag);
  express.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  express.useBodyParser('json', { limit: BODY_LIMIT, verify: verifyJsonDepth });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: true });
  express.use(bodyParserErrors);
  express.use(cookieParser());
  express.use('/api', noStore);
}

/**
 * The body parsers fail with plain errors that carry an HTTP status; the exception filter would
 * answer those with 500. They are the client's mistake, so they become the matching 4xx here.
 */
function bodyParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const e = error as { type?: string; status?: number; limit?: number };
  const refuse = (status: number, sl: string, en: string) => next(bodyRefused(status, t(sl, en)));
  if (e?.type === 'entity.too.large') return refuse(413, `Telo zahteve je večje od ${BODY_LIMIT}`, `The request body is larger than ${BODY_LIMIT}`);
  if (e?.type === 'entity.too.deep') {
    return refuse(400, `Telo zahteve je ugnezdeno globlje od ${MAX_JSON_DEPTH} ravni`, `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  if (e?.type === 'entity.parse.failed') return refuse(400, 'Telo zahteve ni veljaven JSON', 'The request body is not valid JSON');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.type === 'string') {
    return refuse(e.status, 'Telesa zahteve ni bilo mogoče prebrati', 'The request body could not be read');
  }
  next(error);
}

/** express's ETag function for `res.send` answers: none (see applySecurity). */
function noEtag(): undefined {
  return undefined;
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
