import { getMetadataStorage } from 'class-validator';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
// class-transformer keeps its @Type() metadata here; it publishes the module without typings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };
import fc from 'fast-check';

/**
 * Generators of hostile and plausible requests, built from what the app itself declares: the
 * route's path parameters and the class-validator rules of its body DTO. Plausible values (an
 * allowed enum value, a date in the demo years, an id that exists) let many requests reach the
 * services; hostile ones (nulls, lone surrogates, NULs, huge or fractional numbers, wrong types,
 * deep nesting, other content types) try every refusal path.
 */
export interface FuzzRequest {
  path: string;
  /** A JSON value to send, or a raw body with its content type. */
  body: { json: unknown } | { raw: string; type: string | null } | null;
}

type Arb<T> = fc.Arbitrary<T>;

const LONE = ['\uD800', '\uDC00', 'x\uDBFF', '\uDFFFy'];
const AWKWARD = ['Čćđ šž', '👩‍👩‍👧 🇸🇮', 'Dru\u0073\u030Ctvo', '\u200Fשלום\u200E', 'تجربة', '=HYPERLINK("x")', "'; DROP TABLE project; --", '<script>x</script>', ' ', ''];

export const hostileString: Arb<string> = fc.oneof(
  fc.constantFrom(...LONE.map((s) => `a${s}b`)),
  fc.constantFrom('a\u0000b', '\u0000'),
  fc.constantFrom(...AWKWARD),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 200, max: 60_000 }).map((n) => 'č'.repeat(n)),
);

export const hostileValue: Arb<unknown> = fc.oneof(
  fc.constant(null),
  hostileString,
  fc.constantFrom(0, -1, 1.5, 1e20, -1e20, 2147483648, 9007199254740993, 1e-7, Number.MAX_VALUE),
  fc.constantFrom('  1', '0x10', '1e3', '-0', '١٢', 'NaN', 'Infinity', 'true', 'null', '2020-02-30', '2020-13-01', '99999-01-01'),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
  fc.integer({ min: 2, max: 40 }).map((depth) => nest(depth)),
);

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const DATES = ['2019-01-01', '2019-09-23', '2020-01-01', '2020-06-30', '2020-12-31', '2021-01-01', '2021-12-31', '2022-03-01', '2023-12-31', '2025-01-01'];

interface Constraint {
  name: string;
  args: unknown[];
  each: boolean;
}

/** Plausible values for one property, from its declared rules. */
function plausible(constraints: Constraint[], nested: Function | undefined, depth: number): Arb<unknown> {
  const has = (name: string) => constraints.find((c) => c.name === name);
  const each = constraints.some((c) => c.each) || !!has('isArray');
  let item: Arb<unknown>;
  const isIn = has('isIn');
  const min = has('min')?.args[0] as number | undefined;
  const max = has('max')?.args[0] as number | undefined;
  if (nested && depth < 3) item = bodyFor(nested, depth + 1);
  else if (isIn) item = fc.constantFrom(...(isIn.args[0] as unknown[]));
  else if (has('isCalendarDate')) item = fc.constantFrom(...DATES);
  else if (has('isInt')) item = fc.integer({ min: min ?? 0, max: Math.min(max ?? 60, (min ?? 0) + 60) });
  else if (has('isBoolean')) item = fc.boolean();
  else if (has('isEmail')) item = fc.constantFrom('ana@novus.si', 'ana.čćđ@novus.si');
  else if (has('isIso8601')) item = fc.constantFrom('2099-01-01T00:00:00Z', '2020-06-01T12:00:00Z', '2020-06-01');
  else if (constraints.some((c) => c.name === 'matches' && String(c.args[0]).includes('\\d{1,15}'))) {
    item = fc.oneof(fc.constantFrom('0', '1', '12.5', '62', '100', '382188.56'), fc.integer({ min: 0, max: 500 }));
  } else if (has('matches')) item = fc.oneof(fc.constantFrom('AS', 'FZ-1', 'x-user', 'sc1', '1234567'), fc.stringMatching(/^[A-Z][A-Z0-9-]{0,8}$/));
  else {
    const length = has('isLength') ?? has('maxLength');
    const maxLength = Math.min(Number(length?.args[1] ?? length?.args[0] ?? 60), 60);
    item = fc.oneof(fc.constantFrom(...AWKWARD.filter(Boolean)), fc.string({ unit: 'grapheme', minLength: 3, maxLength: Math.max(3, maxLength) }));
  }
  return each ? fc.array(item, { maxLength: 3 }) : item;
}

/** A body for a DTO class: a random subset of its fields, each plausible or hostile, and now and then an unknown field. */
export function bodyFor(dto: Function, depth = 0): Arb<Record<string, unknown>> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const properties = new Map<string, Constraint[]>();
  for (const m of metadata) {
    const list = properties.get(m.propertyName) ?? [];
    list.push({ name: m.name ?? m.type, args: (m.constraints as unknown[] | undefined) ?? [], each: m.each === true });
    properties.set(m.propertyName, list);
  }
  const fields: Record<string, Arb<unknown>> = {};
  for (const [name, constraints] of properties) {
    const nested = defaultMetadataStorage.findTypeMetadata(dto, name)?.typeFunction() as Function | undefined;
    const isClass = typeof nested === 'function' && ![Number, String, Boolean, Date, Object, Array].includes(nested as never);
    fields[name] = fc.oneof({ weight: 4, arbitrary: plausible(constraints, isClass ? nested : undefined, depth) }, { weight: 1, arbitrary: hostileValue });
  }
  const known = fc.record(fields, { requiredKeys: [] });
  return fc.oneof(
    { weight: 8, arbitrary: known },
    { weight: 1, arbitrary: fc.tuple(known, fc.constantFrom('valeu', 'id', '__proto__', 'constructor', 'x\uD800'), hostileValue).map(([b, k, v]) => ({ ...b, [k]: v })) },
  );
}

const RAW_BODIES: Arb<{ raw: string; type: string | null }> = fc.oneof(
  fc.constant({ raw: '{"a":', type: 'application/json' }),
  fc.constant({ raw: 'null', type: 'application/json' }),
  fc.constant({ raw: '"text"', type: 'application/json' }),
  fc.constant({ raw: '{"name":"\\ud800"}', type: 'application/json' }),
  fc.integer({ min: 30, max: 5000 }).map((d) => ({ raw: '['.repeat(d) + ']'.repeat(d), type: 'application/json' })),
  fc.constant({ raw: 'name=x', type: 'text/plain' }),
  fc.constant({ raw: '<a><name>x</name></a>', type: 'application/xml' }),
  fc.constant({ raw: 'name=x&kind[0][1][2]=y', type: 'application/x-www-form-urlencoded' }),
  fc.constant({ raw: '', type: null }),
  fc.constant({ raw: '{}', type: 'application/json; charset=latin1' }),
);

/** Values for a path parameter by its name; `ids` are ids known to exist for that route. */
export function paramValue(name: string, ids: readonly string[]): Arb<string> {
  const hostileIds = fc.constantFrom('0', '-1', '0x10', '%20%201', '1e3', '99999999999', '2147483648', 'abc', '%00', '%F0%9F%98%80', '%ED%A0%80', '1.0');
  switch (name) {
    case 'code':
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom('AS', 'KCM', 'SPIN', 'NOVUS-HUB', 'MREZA', 'JV-HUB') }, { weight: 1, arbitrary: fc.constantFrom('NO-SUCH', 'a%00', '%C4%8D', ' AS', 'AS%2F..') });
    case 'year':
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom('2019', '2020', '2021', '2022', '2023') }, { weight: 1, arbitrary: fc.constantFrom('1989', '2101', 'abcd', '99999', '%00') });
    default:
      return fc.oneof({ weight: 6, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.integer({ min: 1, max: 60 }).map(String) }, { weight: 1, arbitrary: hostileIds });
  }
}

/** A whole request for a route pattern (`/api/values/:id`) whose body DTO is `dto`. */
export function requestFor(pattern: string, dto: Function | undefined, ids: (param: string) => readonly string[]): Arb<FuzzRequest> {
  const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const params = fc.tuple(...names.map((n) => paramValue(n, ids(n))));
  const json: Arb<FuzzRequest['body']> = dto ? bodyFor(dto).map((b) => ({ json: b })) : fc.constant(null);
  const body = fc.oneof({ weight: 9, arbitrary: json }, { weight: 1, arbitrary: RAW_BODIES });
  return fc.tuple(params, body).map(([values, b]) => {
    let i = 0;
    return { path: pattern.replace(/:(\w+)/g, () => values[i++]), body: b };
  });
}
