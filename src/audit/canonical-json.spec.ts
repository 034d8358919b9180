import Decimal from 'decimal.js';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were assigned in', () => {
    expect(canonicalJson({ value: '125', year: 2024 })).toBe(canonicalJson({ year: 2024, value: '125' }));
  });

  it('sorts by code unit, not by locale: upper case before lower case, č after z', () => {
    expect(canonicalJson({ b: 1, a: 2, B: 3, č: 4, z: 5 })).toBe('{"B":3,"a":2,"b":1,"z":5,"č":4}');
  });

  it('drops undefined properties and keeps null ones', () => {
    expect(canonicalJson({ a: undefined, b: null, c: 'ž' })).toBe('{"b":null,"c":"ž"}');
  });

  it('writes undefined inside an array as null, as JSON does', () => {
    expect(canonicalJson([1, undefined, 'a'])).toBe('[1,null,"a"]');
  });

  it('keeps Slovene letters as they are and escapes quotes and control characters', () => {
    expect(canonicalJson({ naziv: 'Število udeležencev "ČŠŽ"\n' })).toBe('{"naziv":"Število udeležencev \\"ČŠŽ\\"\\n"}');
  });

  it('uses toJSON: a Decimal becomes its exact string, a Date its ISO instant', () => {
    expect(canonicalJson({ amount: new Decimal('382188.56'), at: new Date(Date.UTC(2025, 0, 15, 9, 30)) })).toBe(
      '{"amount":"382188.56","at":"2025-01-15T09:30:00.000Z"}',
    );
  });

  it('serialises class instances by their own enumerable properties', () => {
    class Row {
      constructor(
        readonly id: number,
        readonly value: string,
      ) {}
    }
    expect(canonicalJson(new Row(1, '40.32'))).toBe('{"id":1,"value":"40.32"}');
  });

  it('writes top-level scalars', () => {
    expect([canonicalJson(null), canonicalJson('a'), canonicalJson(-0), canonicalJson(1.5)]).toEqual(['null', '"a"', '0', '1.5']);
  });

  it('refuses NaN and Infinity instead of writing null', () => {
    expect(() => canonicalJson({ value: Number.NaN })).toThrow('$.value is NaN');
    expect(() => canonicalJson([Infinity])).toThrow('$[0] is Infinity');
  });

  it('refuses bigint, functions, Map and Set', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow('$.n is a bigint');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('$.f is a function');
    expect(() => canonicalJson({ m: new Map() })).toThrow('$.m is a Map');
    expect(() => canonicalJson({ s: new Set() })).toThrow('$.s is a Set');
  });

  it('refuses a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow('$.self refers back to itself');
  });

  it('refuses undefined as the whole value', () => {
    expect(() => canonicalJson(undefined)).toThrow('the value itself is undefined');
  });

  it('sorts the keys of every shape alike, however often a shape repeats and whatever its keys hold', () => {
    const rows = Array.from({ length: 3 }, () => [{ d: 1, c: 2, b: 3, a: 4 }, { a: 4, b: 3, c: 2, d: 1 }]).flat();
    expect(new Set(rows.map(canonicalJson))).toEqual(new Set(['{"a":4,"b":3,"c":2,"d":1}']));
    const joined = { 'a\u0000b': 1, c: 2, e: 3, f: 4 };
    const split = { a: 1, 'b\u0000c': 2, e: 3, f: 4 };
    for (let i = 0; i < 2; i++) {
      expect(canonicalJson(joined)).toBe('{"a\\u0000b":1,"c":2,"e":3,"f":4}');
      expect(canonicalJson(split)).toBe('{"a":1,"b\\u0000c":2,"e":3,"f":4}');
    }
  });
});
