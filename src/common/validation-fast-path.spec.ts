import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import '../app.module';
import { CreateAchievedValueDto, UpdateAchievedValueDto } from '../indicators/dto/values.dto';
import { createValidationPipe } from './validation';
import { acceptedAsIs, readsRulesOf } from './validation-fast-path';

/**
 * The fast path may only ever say "valid" where the ValidationPipe says valid, with the same
 * instance. Every DTO class of the app is tried with random bodies made of awkward and
 * well-formed values (and each class's own IsIn values); wherever the fast path accepts a body,
 * the pipe's own transform must accept it too and build an equal instance of the same class.
 */
describe('validation fast path', () => {
  const pipe = createValidationPipe();
  const slow = (type: Function, body: unknown) => ValidationPipe.prototype.transform.call(pipe, body, { type: 'body', metatype: type } as ArgumentMetadata) as Promise<unknown>;
  const storage = getMetadataStorage();
  const classes = [...(storage as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas.keys()].filter((c): c is Function => typeof c === 'function');
  const common: unknown[] = [
    null, '', ' ', 'a', 'ab', 'abc', 'x'.repeat(31), 'x'.repeat(101), 'x'.repeat(201), 'x'.repeat(2001), 'x'.repeat(5001),
    '2020-01-01', '2020-12-31', '2021-02-29', '2020-02-29', '2020-1-1', '62', '382188.56', '0.1234567', '1.250,5', '-1', '12,5', '0', ' 5',
    0, 1, 7, -1, 1.5, 2020, 1989, 2101, 1e20, Number.MAX_SAFE_INTEGER + 2, true, false, 'gender', 'ženske', 'Popravek po pregledu evidenc',
  ];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

  function bodyFor(type: Function): Record<string, unknown> {
    const metadatas = storage.getTargetValidationMetadatas(type, undefined as unknown as string, false, false, undefined);
    const body: Record<string, unknown> = {};
    for (const property of new Set(metadatas.map((m) => m.propertyName))) {
      if (random() < 0.35) continue;
      const allowed = metadatas.filter((m) => m.propertyName === property && m.type === ValidationTypes.CUSTOM_VALIDATION && m.name === 'isIn').flatMap((m) => m.constraints[0] as unknown[]);
      body[property] = allowed.length > 0 && random() < 0.7 ? pick(allowed) : pick(common);
    }
    if (random() < 0.05) body.unknownField = 'x';
    return body;
  }

  it('reads the rules of the value DTOs (the fast path is not vacuous)', () => {
    expect(readsRulesOf(CreateAchievedValueDto)).toBe(true);
    expect(readsRulesOf(UpdateAchievedValueDto)).toBe(true);
    expect(acceptedAsIs(CreateAchievedValueDto, { periodStart: '2021-01-01', periodEnd: '2021-01-31', value: 12.5 })).toEqual(
      Object.assign(new CreateAchievedValueDto(), { periodStart: '2021-01-01', periodEnd: '2021-01-31', value: '12.5' }),
    );
  });

  it('leaves to the pipe a class that sets a field without rules itself (the whitelist would refuse it)', async () => {
    const { IsString } = await import('class-validator');
    class WithInitializer {
      @IsString()
      name!: string;

      internal = 'x';
    }
    expect(readsRulesOf(WithInitializer)).toBe(false);
    expect(acceptedAsIs(WithInitializer, { name: 'a' })).toBeNull();
    await expect(slow(WithInitializer, { name: 'a' })).rejects.toThrow();
  });

  it('leaves to the pipe every body it does not accept as it is', () => {
    for (const body of [
      { periodStart: '2021-02-30', periodEnd: '2021-03-01', value: '1' },
      { periodStart: '2021-01-01', periodEnd: '2021-01-01', value: '1', extra: 1 },
      { periodStart: '2021-01-01', periodEnd: '2021-01-01', value: { n: 1 } },
      { periodStart: '2021-01-01', periodEnd: '2021-01-01', value: '-1' },
      ['2021-01-01'],
      'text',
      null,
    ]) {
      expect(acceptedAsIs(CreateAchievedValueDto, body)).toBeNull();
    }
  });

  it('accepts only what the ValidationPipe accepts, as the same instance, for every DTO class', async () => {
    let read = 0;
    let accepted = 0;
    for (const type of classes) {
      if (!readsRulesOf(type)) continue;
      read++;
      for (let i = 0; i < 400; i++) {
        const body = bodyFor(type);
        const fast = acceptedAsIs(type, { ...body });
        if (!fast) continue;
        accepted++;
        const reference = await slow(type, { ...body }).catch((error: unknown) => error);
        if (reference instanceof Error) throw new Error(`${type.name}: the fast path accepted ${JSON.stringify(body).slice(0, 300)}, the pipe refused it: ${JSON.stringify((reference as { response?: unknown }).response).slice(0, 300)}`);
        expect(fast).toStrictEqual(reference);
      }
    }
    // Most of the app's DTO classes are flat and read here; 400 bodies each gives well over a thousand accepted ones.
    expect(read).toBeGreaterThan(20);
    expect(accepted).toBeGreaterThan(1000);
  });
});
