import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportTemplate } from './report-template.types';
import { TemplateError } from './template-fields';
import { parseTemplate } from './template-parser';

/**
 * Reads report templates from the repository's `templates/` folder (`<id>.yaml`). Files are small
 * and read synchronously; a caller that serves many requests may cache the result.
 */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The `templates/` folder next to the project's package.json, found by walking up from this file:
 * the same answer from `src/` under ts-jest and from `dist/src/` after a build.
 */
export function defaultTemplatesDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No templates/ folder found above ${__dirname}`);
    dir = parent;
  }
}

/** Messages name shipped files as `templates/x.yaml`, files elsewhere by their full path. */
export function loadTemplate(id: string, dir?: string): ReportTemplate {
  // The id may come from a URL later: refuse anything that could leave the folder.
  if (!ID_PATTERN.test(id)) throw new TemplateError(`templates/${id}.yaml`, '', 'is not a valid template id');
  const folder = dir ?? defaultTemplatesDir();
  const file = `${id}.yaml`;
  const fullPath = path.join(folder, file);
  const shownName = dir === undefined ? `templates/${file}` : fullPath;
  if (!fs.existsSync(fullPath)) {
    throw new TemplateError(shownName, '', `does not exist (known: ${templateIds(folder).join(', ')})`);
  }
  return parseTemplate(fs.readFileSync(fullPath, 'utf8'), shownName);
}

export function templateIds(dir: string = defaultTemplatesDir()): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** Every template in the folder, parsed; one bad file fails the whole list with its name. */
export function listTemplates(dir?: string): ReportTemplate[] {
  return templateIds(dir).map((id) => loadTemplate(id, dir));
}
