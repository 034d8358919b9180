import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseArgs } from 'node:util';
import { render } from '../../common/i18n/text';
import { flattenValidationErrors } from '../../common/validation';
import { CreateUserDto } from '../dto/user.dto';

export const USAGE = `Usage:
  user create --username NAME (--password PASSWORD | --password-stdin) --role ROLE
              [--display-name "Full Name"] [--projects AS,KCM] [--organisations 1,2]
  user list
Roles: admin, coordinator, project_manager, auditor. --projects takes project codes,
--organisations organisation ids. --password-stdin reads the password from the first line of
standard input, which keeps it out of the shell history and the process list.
`;

export interface CreateUserArgs {
  dto: CreateUserDto;
  projectCodes: string[];
}

/** Parses and validates `user create` options with the same rules as the API. */
export async function parseCreateArgs(args: string[], readStdin: () => Promise<string>): Promise<CreateUserArgs> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
      projects: { type: 'string' },
      organisations: { type: 'string' },
    },
  });
  if (values.password !== undefined && values['password-stdin']) throw new Error('Give either --password or --password-stdin, not both');
  const password = values['password-stdin'] ? (await readStdin()).split(/\r?\n/)[0] : values.password;
  const organisationIds = list(values.organisations).map((id) => {
    if (!/^\d+$/.test(id)) throw new Error(`--organisations takes organisation ids, got "${id}"`);
    return Number(id);
  });
  const dto = plainToInstance(CreateUserDto, {
    username: values.username,
    password,
    role: values.role,
    displayName: values['display-name'] ?? values.username,
    ...(organisationIds.length > 0 && { organisationIds }),
  });
  const errors = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  if (errors.length > 0) throw new Error(errors.map((e) => `${e.field}: ${render(e.message, 'en')}`).join('\n'));
  return { dto, projectCodes: list(values.projects) };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
