import { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { t, Text } from './text';

/**
 * Field messages of class-validator in both languages. class-validator writes English; the
 * Slovene comes from this catalogue, keyed by the constraint's name, with the field's path and
 * the constraint's arguments (limits, allowed values) filled in. A decorator that needs its own
 * wording in both languages gives `bilingual(sl, en)` as its message.
 */
type Args = unknown[];
const list = (values: unknown) => (Array.isArray(values) ? values.join(', ') : String(values));

const SLOVENE: Record<string, (field: string, args: Args) => string> = {
  whitelistValidation: (f) => `${f} ni znano polje`,
  isDefined: (f) => `${f} je obvezno`,
  isNotEmpty: (f) => `${f} ne sme biti prazno`,
  isString: (f) => `${f} mora biti besedilo`,
  isInt: (f) => `${f} mora biti celo število`,
  isNumber: (f) => `${f} mora biti število`,
  isBoolean: (f) => `${f} mora biti true ali false`,
  isObject: (f) => `${f} mora biti objekt`,
  nestedValidation: (f) => `${f} mora biti objekt ali seznam objektov`,
  isArray: (f) => `${f} mora biti seznam`,
  arrayUnique: (f) => `${f} ne sme vsebovati ponovljenih vrednosti`,
  arrayNotEmpty: (f) => `${f} ne sme biti prazen seznam`,
  arrayMinSize: (f, [n]) => `${f} mora imeti vsaj ${n} elementov`,
  arrayMaxSize: (f, [n]) => `${f} sme imeti največ ${n} elementov`,
  min: (f, [n]) => `${f} ne sme biti manjše od ${n}`,
  max: (f, [n]) => `${f} ne sme biti večje od ${n}`,
  isLength: (f, [min, max]) => (max === undefined ? `${f} mora imeti vsaj ${min} znakov` : `${f} mora imeti od ${min} do ${max} znakov`),
  minLength: (f, [n]) => `${f} mora imeti vsaj ${n} znakov`,
  maxLength: (f, [n]) => `${f} sme imeti največ ${n} znakov`,
  isIn: (f, [values]) => `${f} mora biti ena od vrednosti: ${list(values)}`,
  isEnum: (f) => `${f} ni ena od dovoljenih vrednosti`,
  matches: (f) => `${f} nima pravilne oblike`,
  isEmail: (f) => `${f} mora biti e-poštni naslov`,
  isDateString: (f) => `${f} mora biti datum`,
  isIso8601: (f) => `${f} mora biti datum ali trenutek ISO 8601`,
  unknownValue: (f) => `${f} ni veljavna vrednost`,
};

const MARK = '\u0001i18n:';

/** A validator message in both languages, for class-validator's `message` option. */
export function bilingual(sl: string, en: string): string {
  return `${MARK}${JSON.stringify({ sl, en })}`;
}

/** The message of constraint `name` on `field`, in both languages. */
export function validationMessage(error: ValidationError, name: string, english: string, field: string): Text {
  if (english.startsWith(MARK)) {
    const { sl, en } = JSON.parse(english.slice(MARK.length)) as Text;
    return t(sl, en);
  }
  const slovene = SLOVENE[name] ?? ((f: string) => `${f} ni veljavna vrednost`);
  return t(slovene(field, constraintArgs(error, name)), english.replace(/^property /, ''));
}

/** The arguments the DTO gave the constraint (`@Length(1, 200)` → [1, 200]). */
function constraintArgs(error: ValidationError, name: string): Args {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === name);
  return (metadata?.constraints as Args | undefined) ?? [];
}
