import * as path from 'node:path';
import * as yaml from 'js-yaml';
import {
  COLUMN_KEYS,
  GROUPINGS,
  HEADER_FIELDS,
  LANGS,
  ORIENTATIONS,
  ReportTemplate,
  SECTION_KINDS,
  SIGNATURE_FIELDS,
  TemplateScope,
} from './report-template.types';
import {
  Fail,
  TemplateError,
  describeValue,
  readItems,
  readObject,
  readLocalized,
  readOneOf,
  readText,
  rejectUnknownKeys,
} from './template-fields';

const TOP_LEVEL_KEYS = [
  'id',
  'appliesTo',
  'title',
  'defaultLanguage',
  'bilingual',
  'orientation',
  'header',
  'columns',
  'grouping',
  'sections',
  'deviationThresholdPercent',
  'signature',
];
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Parses and validates one template file's text. `fileName` is only used in messages and to check
 * that the template's `id` matches the file it lives in.
 */
export function parseTemplate(text: string, fileName: string): ReportTemplate {
  const fail: Fail = (keyPath, reason) => {
    throw new TemplateError(fileName, keyPath, reason);
  };
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: fileName });
  } catch (error) {
    const reason =
      error instanceof yaml.YAMLException
        ? `${error.reason} (line ${error.mark.line + 1}, column ${error.mark.column + 1})`
        : String(error);
    fail('', `is not valid YAML: ${reason}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail('', `must hold a mapping of keys at the top level, found ${describeValue(data)}`);
  }
  const obj = data as Record<string, unknown>;
  rejectUnknownKeys(obj, '', TOP_LEVEL_KEYS, fail);

  const id = readText(obj.id, 'id', fail);
  if (!ID_PATTERN.test(id)) fail('id', `"${id}" may hold only lower-case letters, digits and dashes`);
  const expectedId = path.basename(fileName).replace(/\.ya?ml$/, '');
  if (expectedId !== path.basename(fileName) && expectedId !== id) {
    fail('id', `"${id}" does not match the file name (expected "${expectedId}")`);
  }

  // Read in the order keys are written, so the first error reported is the first in the file.
  return {
    id,
    appliesTo: obj.appliesTo === undefined ? null : readScope(obj.appliesTo, fail),
    title: readLocalized(obj.title, 'title', fail),
    defaultLanguage: readOneOf(obj.defaultLanguage, 'defaultLanguage', LANGS, 'language', fail),
    bilingual: readBoolean(obj.bilingual, 'bilingual', false, fail),
    orientation: obj.orientation === undefined
      ? 'landscape'
      : readOneOf(obj.orientation, 'orientation', ORIENTATIONS, 'orientation', fail),
    header: readItems(obj.header, 'header', HEADER_FIELDS, 'header field', fail),
    columns: readItems(obj.columns, 'columns', COLUMN_KEYS, 'column', fail),
    grouping: obj.grouping === undefined ? 'none' : readOneOf(obj.grouping, 'grouping', GROUPINGS, 'grouping', fail),
    sections: readItems(obj.sections, 'sections', SECTION_KINDS, 'section', fail),
    deviationThresholdPercent: readThreshold(obj.deviationThresholdPercent, fail),
    signature: obj.signature === undefined
      ? SIGNATURE_FIELDS.map((key) => ({ key, label: null }))
      : readItems(obj.signature, 'signature', SIGNATURE_FIELDS, 'signature field', fail),
  };
}

function readScope(value: unknown, fail: Fail): TemplateScope {
  const obj = readObject(value, 'appliesTo', fail);
  rejectUnknownKeys(obj, 'appliesTo', ['funders', 'calls'], fail);
  const list = (key: 'funders' | 'calls'): string[] => {
    const items = obj[key];
    if (items === undefined) return [];
    if (!Array.isArray(items)) fail(`appliesTo.${key}`, `must be a list, found ${describeValue(items)}`);
    return (items as unknown[]).map((item, i) => readText(item, `appliesTo.${key}[${i}]`, fail));
  };
  const scope = { funders: list('funders'), calls: list('calls') };
  if (scope.funders.length + scope.calls.length === 0) fail('appliesTo', 'must name at least one funder or call');
  return scope;
}

function readBoolean(value: unknown, keyPath: string, fallback: boolean, fail: Fail): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(keyPath, `must be true or false, found ${describeValue(value)}`);
  return value as boolean;
}

function readThreshold(value: unknown, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1000) {
    fail('deviationThresholdPercent', `must be a number from 0 to 1000, found ${describeValue(value)}`);
  }
  return value as number;
}
