import { Controller, Get, Logger, Next, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Public } from '../auth/roles.decorator';
import { findPublicDir } from './public-dir';

/**
 * Paths that belong to other handlers. The fallback route passes them on with `next()` instead of
 * answering, so that it never shadows the API, whatever order Nest registers controllers in.
 */
const NOT_PAGES = [/^\/api(\/|$)/, /^\/health(\/|$)/];

/**
 * Serves the web interface: the static files in `public/` (plain HTML, CSS and JavaScript modules,
 * no build step). The pages hold no data; they call the API, which checks every request, so these
 * routes are public. Express's `sendFile` sets the content type, ETag and Last-Modified, answers
 * conditional requests and refuses paths that leave the folder or name dotfiles.
 */
@ApiExcludeController()
@Controller()
export class WebController {
  private readonly logger = new Logger(WebController.name);
  private readonly root = findPublicDir();

  constructor() {
    if (!this.root) this.logger.warn('No public/ folder with index.html found next to package.json: the web interface is not served');
  }

  @Get()
  @Public()
  index(@Res() res: Response): void {
    this.sendIndex(res);
  }

  @Get('assets/*path')
  @Public()
  asset(@Req() req: Request, @Res() res: Response): void {
    if (!this.root) return void notFound(res);
    // Revalidate on every load (cheap with ETag): without a build step the names carry no hashes.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(req.path.slice(1), { root: this.root, dotfiles: 'deny', cacheControl: false }, (error?: Error & { status?: number }) => {
      if (error && !res.headersSent) notFound(res, error.status === 403 ? 403 : 404);
    });
  }

  /** Any other page address (an old bookmark, a typed URL) gets the app, which routes by `#/…`. */
  @Get('*path')
  @Public()
  fallback(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    if (NOT_PAGES.some((pattern) => pattern.test(req.path))) return next();
    this.sendIndex(res);
  }

  private sendIndex(res: Response): void {
    if (!this.root) return void notFound(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root: this.root, cacheControl: false }, (error?: Error) => {
      if (error && !res.headersSent) notFound(res);
    });
  }
}

function notFound(res: Response, status = 404): void {
  res.status(status).type('text/plain; charset=utf-8').send(status === 403 ? 'Forbidden' : 'Not found');
}
