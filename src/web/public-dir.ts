import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The `public/` folder next to the project's package.json, found by walking up from this file: the
 * same answer from `src/web/` under ts-jest and from `dist/src/web/` after a build. Null when the
 * folder is not there (an API-only deployment), so that the API still starts.
 */
export function findPublicDir(from: string = __dirname): string | null {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'public');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
