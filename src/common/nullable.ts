import { getMetadataStorage, registerDecorator } from 'class-validator';
import { FieldError } from './errors';
import { t } from './i18n/text';

const NULLABLE = 'isNullable';

/**
 * Lets a body field be `null`, which clears it. Only for fields whose column is nullable and
 * whose service writes the value through; every other explicit `null` is refused (see
 * refuseNulls), so that "leave it out" is the one way to keep a field and no NOT NULL column ever
 * meets a null. Registered with class-validator, so PartialType and friends inherit it.
 */
export function Nullable(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({ name: NULLABLE, target: target.constructor, propertyName: String(propertyName), validator: { validate: () => true } });
}

/** By DTO class: its decorators have all run when the class was defined, before any request. */
const NULLABLE_FIELDS = new WeakMap<Function, Set<string>>();

function nullableFields(type: Function): Set<string> {
  let fields = NULLABLE_FIELDS.get(type);
  if (!fields) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
    fields = new Set(metadata.filter((m) => m.name === NULLABLE).map((m) => m.propertyName));
    NULLABLE_FIELDS.set(type, fields);
  }
  return fields;
}

/**
 * The explicit nulls in a validated, transformed body that no `@Nullable()` allows, as field
 * errors. Walks nested DTOs (class instances) and arrays.
 */
export function forbiddenNulls(value: unknown, path = ''): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  const errors: FieldError[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const at = `${path}[${i}]`;
      if (item === null) errors.push(nullError(at));
      else errors.push(...forbiddenNulls(item, at));
    });
    return errors;
  }
  const proto = Object.getPrototypeOf(value) as { constructor?: Function } | null;
  // A plain object is free-form input (a job's `input`) that its own handler checks.
  if (!proto || proto === Object.prototype || !proto.constructor) return [];
  const allowed = nullableFields(proto.constructor);
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (item === null && !allowed.has(key)) errors.push(nullError(at));
    else errors.push(...forbiddenNulls(item, at));
  }
  return errors;
}

function nullError(field: string): FieldError {
  return {
    field,
    message: t(`${field} ne sme biti null; izpustite polje, da ostane nespremenjeno`, `${field} must not be null; leave the field out to keep it unchanged`),
  };
}
