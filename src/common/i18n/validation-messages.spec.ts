import 'reflect-metadata';
import { IsIn, IsString, Length, validate } from 'class-validator';
import { flattenValidationErrors } from '../validation';
import { bilingual } from './validation-messages';

class Sample {
  @IsString()
  @Length(2, 5)
  name: string;

  @IsIn(['a', 'b'])
  kind: string;

  @Length(1, 3, { message: bilingual('koda je predolga', 'code is too long') })
  code: string;
}

describe('field messages in both languages', () => {
  const errorsOf = async (value: object) => {
    const sample = Object.assign(new Sample(), value);
    return flattenValidationErrors(await validate(sample));
  };

  it('gives Slovene from the catalogue with the limits filled in, and keeps class-validator’s English', async () => {
    const [length] = await errorsOf({ name: 'predolgo ime', kind: 'a', code: 'x' });
    expect(length).toEqual({ field: 'name', message: { sl: 'name mora imeti od 2 do 5 znakov', en: 'name must be shorter than or equal to 5 characters' } });
  });

  it('lists the allowed values', async () => {
    const [kind] = await errorsOf({ name: 'ime', kind: 'c', code: 'x' });
    expect(kind.message).toEqual({ sl: 'kind mora biti ena od vrednosti: a, b', en: 'kind must be one of the following values: a, b' });
  });

  it('takes a decorator’s own wording in both languages', async () => {
    const [code] = await errorsOf({ name: 'ime', kind: 'a', code: 'dolga' });
    expect(code.message).toEqual({ sl: 'koda je predolga', en: 'code is too long' });
  });
});
