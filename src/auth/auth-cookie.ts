import { normaliseText } from '../common/text/well-formed';
import type { CookieOptions, Request, Response } from 'express';

/** The cookie that carries the access token for the web pages. */
export const TOKEN_COOKIE = 'kazalnik_token';

/**
 * HttpOnly keeps the token away from page scripts; SameSite=Strict keeps other sites from sending
 * it (the CSRF defence); Secure in production keeps it off plain HTTP.
 */
function cookieOptions(production: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: production, path: '/' };
}

export function setTokenCookie(res: Response, token: string, lifetimeSeconds: number, production: boolean): void {
  res.cookie(TOKEN_COOKIE, token, { ...cookieOptions(production), maxAge: lifetimeSeconds * 1000 });
}

export function clearTokenCookie(res: Response, production: boolean): void {
  res.clearCookie(TOKEN_COOKIE, cookieOptions(production));
}

/** The token from `Authorization: Bearer …`, else from the cookie (parsed by cookie-parser). */
export function tokenFromRequest(req: Request): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? match[1] : null;
  }
  const cookies = req.cookies as Record<string, unknown> | undefined;
  const cookie = cookies?.[TOKEN_COOKIE];
  return typeof cookie === 'string' && cookie.length > 0 ? cookie : null;
}

/** The client's address as Express sees it (behind a proxy, only with `trust proxy` set). */
export function clientAddress(req: Request): string {
  // Stored in audit entries; behind a proxy it comes from X-Forwarded-For, so it passes the text rule.
  return normaliseText(req.ip ?? req.socket.remoteAddress ?? 'unknown', 'X-Forwarded-For');
}
