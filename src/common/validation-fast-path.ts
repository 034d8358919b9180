import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { ConstraintMetadata } from 'class-validator/types/metadata/ConstraintMetadata';
import type { ValidationArguments } from 'class-validator';
import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import type { TransformFnParams } from 'class-transformer';

// class-transformer's own storage of Type/Transform/Expose/Exclude, as @nestjs/swagger reads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage };

/**
 * The rules of a flat DTO class, read once from its class-validator decorators, run directly on a
 * body: the ValidationPipe's own work (class-transformer's copy, class-validator's executor and
 * its error objects) is about a tenth of a value write's CPU, for bodies that are almost always
 * valid. The decorators stay the one statement of the rules; this runs the same constraint
 * objects class-validator would, on an instance built as class-transformer builds it, and only
 * ever answers "valid, here is the instance" or "not decided here". Anything it does not decide (an unknown or non-primitive field,
 * a failed check, a class it cannot read) goes through the ValidationPipe, which finds and words
 * the errors as before.
 *
 * A class is read here only if every rule on it is of a kind this code runs exactly as
 * class-validator's executor does (conditions from IsOptional/ValidateIf, IsDefined, synchronous
 * constraints, Allow), none uses groups, `each` or `always`, every field the class sets itself has
 * rules, no field is nested, and class-transformer does
 * nothing for it but copy and apply its Transform functions (no Type, Expose or Exclude, no
 * accessors or methods, no versions or groups on a Transform): then class-transformer's instance
 * of a body of primitive values is a new instance with each field of the body copied through the
 * field's Transform functions in order, as built here.
 */
interface Check {
  metadata: ValidationMetadata;
  constraint: ConstraintMetadata;
}

interface Rules {
  properties: Map<string, { conditions: ValidationMetadata[]; checks: Check[]; transforms: ((params: TransformFnParams) => unknown)[] }>;
}

/** The options class-transformer hands a Transform function: its defaults, as the pipe sets none. */
const TRANSFORM_OPTIONS = Object.freeze({
  enableCircularCheck: false,
  enableImplicitConversion: false,
  excludeExtraneousValues: false,
  excludePrefixes: undefined,
  exposeDefaultValues: false,
  exposeUnsetFields: true,
  groups: undefined,
  ignoreDecorators: false,
  strategy: undefined,
  targetMaps: undefined,
  version: undefined,
});

const RULES = new WeakMap<Function, Rules | null>();

/** The body as an instance of `type` if it passes every rule of a class read here, else null. */
export function acceptedAsIs(type: Function, body: unknown): object | null {
  if (typeof body !== 'object' || body === null || Object.getPrototypeOf(body) !== Object.prototype) return null;
  let rules = RULES.get(type);
  if (rules === undefined) {
    rules = rulesOf(type);
    RULES.set(type, rules);
  }
  if (!rules) return null;
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (!rules.properties.has(key) || (typeof value === 'object' && value !== null)) return null;
  }
  const instance = new (type as new () => object)() as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    let value = fields[key];
    for (const transform of rules.properties.get(key)!.transforms) value = transform({ value, key, obj: fields, type: TransformationType.PLAIN_TO_CLASS, options: TRANSFORM_OPTIONS });
    instance[key] = value;
  }
  for (const [property, { conditions, checks }] of rules.properties) {
    const value = instance[property];
    if (!conditions.every((c) => (c.constraints[0] as (object: object, value: unknown) => boolean)(instance, value))) continue;
    for (const { metadata, constraint } of checks) {
      const args: ValidationArguments = { targetName: type.name, property, object: instance, value, constraints: metadata.constraints };
      const valid: unknown = constraint.instance.validate(value, args);
      if (valid !== true) return null;
    }
  }
  return instance;
}

/** Whether bodies for this class are decided here at all (for the spec). */
export function readsRulesOf(type: Function): boolean {
  acceptedAsIs(type, {});
  return RULES.get(type) !== null;
}

function rulesOf(type: Function): Rules | null {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(type, undefined as unknown as string, false, false, undefined);
  if (metadatas.length === 0 || !plainClass(type)) return null;
  const properties: Rules['properties'] = new Map();
  for (const metadata of metadatas) {
    if (metadata.groups?.length || metadata.each || metadata.always) return null;
    let property = properties.get(metadata.propertyName);
    if (!property) {
      const transforms = transformsOf(type, metadata.propertyName);
      if (!transforms) return null;
      properties.set(metadata.propertyName, (property = { conditions: [], checks: [], transforms }));
    }
    switch (metadata.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        property.conditions.push(metadata);
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION:
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
          if (constraint.async) return null;
          property.checks.push({ metadata, constraint });
        }
        break;
      case ValidationTypes.WHITELIST:
        break;
      default:
        // Nested objects, promises and anything newer: left to class-validator.
        return null;
    }
  }
  // A field the class sets itself (an initializer, a constructor) is a key of every instance,
  // which class-validator's whitelist checks as it checks the body's: one without rules is left to it.
  if (Object.keys(new (type as new () => object)()).some((key) => !properties.has(key))) return null;
  return { properties };
}

/** No accessors or methods anywhere up the class's prototypes (class-transformer skips those). */
function plainClass(type: Function): boolean {
  for (let proto = type.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    if (Object.getOwnPropertyNames(proto).some((name) => name !== 'constructor')) return false;
  }
  return (
    defaultMetadataStorage.getStrategy(type) === 'none' &&
    defaultMetadataStorage.getExposedMetadatas(type).length === 0 &&
    defaultMetadataStorage.getExcludedMetadatas(type).length === 0
  );
}

/** A field's Transform functions for a body, or null if class-transformer would do more than run them. */
function transformsOf(type: Function, property: string): ((params: TransformFnParams) => unknown)[] | null {
  if (defaultMetadataStorage.findTypeMetadata(type, property) !== undefined) return null;
  const transforms = defaultMetadataStorage.findTransformMetadatas(type, property, TransformationType.PLAIN_TO_CLASS);
  if (transforms.some((t) => t.options?.groups?.length || t.options?.since !== undefined || t.options?.until !== undefined)) return null;
  return transforms.map((t) => t.transformFn);
}
