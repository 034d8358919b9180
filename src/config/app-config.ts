import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1' ? true : value === false || value === 'false' || value === '0' ? false : value;

/** Environment variables the service reads, validated once at start-up. */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATABASE_PATH?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'JOB_QUEUE must be up to 40 lowercase letters, digits and dashes, e.g. kazalnik-jobs' })
  JOB_QUEUE?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  DEMO_DATA?: boolean;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'TOKEN_SECRET must be at least 32 characters long' })
  TOKEN_SECRET?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(60)
  @Max(86400)
  TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'TRUST_PROXY must be the number of reverse proxies in front of the service (0 to 10)' })
  @Min(0)
  @Max(10)
  TRUST_PROXY?: number;

  @IsOptional()
  @Matches(/^\d{1,2}(\.\d{1,2})?$/, { message: 'ON_TRACK_MARGIN_PERCENT must be a percentage from 0 to 99.99, e.g. 15' })
  ON_TRACK_MARGIN_PERCENT?: string;

  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: 'DEVIATION_THRESHOLD_PERCENT must be a percentage, e.g. 10' })
  DEVIATION_THRESHOLD_PERCENT?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.org:587' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(3)
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'REMINDER_DAYS_BEFORE must be a whole number of days (1 to 90)' })
  @Min(1)
  @Max(90)
  REMINDER_DAYS_BEFORE?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'REMINDER_INTERVAL_SECONDS must be a whole number of seconds; 0 turns the scheduler off' })
  @Min(0)
  @Max(86400)
  REMINDER_INTERVAL_SECONDS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'IMPORT_QUEUE_BYTES must be a whole number of bytes, e.g. 1048576' })
  @Min(0, { message: 'IMPORT_QUEUE_BYTES must be from 0 to 5242880 (the largest accepted file)' })
  @Max(5 * 1024 * 1024, { message: 'IMPORT_QUEUE_BYTES must be from 0 to 5242880 (the largest accepted file)' })
  IMPORT_QUEUE_BYTES?: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  database: { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };
  /** Shared state of several instances (login throttle, token revocations) and the job queue; null runs all in-process. */
  redisUrl: string | null;
  /** The BullMQ queue's name: deployments (or benchmarks) sharing one Redis keep their jobs apart. */
  jobQueue: string;
  demoData: boolean;
  tokenSecret: string | null;
  tokenTtlSeconds: number;
  /** Reverse proxies in front of the service; their X-Forwarded-For gives the client address. */
  trustProxy: number;
  /** How far below plan (in %) still counts as "on track"; TolaData's ±15 % by default. */
  onTrackMarginPercent: string;
  /** How far achievement may depart from 100 % before an explanation of deviations is required. */
  deviationThresholdPercent: string;
  /** Reminders by e-mail; null: reminders appear only in the app. */
  smtpUrl: string | null;
  mailFrom: string;
  /** How many days before a deadline the reminder goes out. */
  reminderDaysBefore: number;
  /** How often each instance looks for reminders to send; 0: never (tests call the job themselves). */
  reminderIntervalSeconds: number;
  /** Workbook imports larger than this go to the job queue (202 with the job) instead of running in the request. */
  importQueueBytes: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad value throws an error naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' idiom.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, set, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const nodeEnv = (vars.NODE_ENV ?? 'development') as AppConfig['env'];
  return {
    env: nodeEnv,
    port: vars.PORT ?? 3000,
    database: vars.DATABASE_URL
      ? { type: 'postgres', url: vars.DATABASE_URL }
      : { type: 'sqlite', path: vars.DATABASE_PATH ?? 'data/kazalnik.sqlite' },
    redisUrl: vars.REDIS_URL ?? null,
    jobQueue: vars.JOB_QUEUE ?? 'kazalnik-jobs',
    demoData: nodeEnv === 'production' ? false : (vars.DEMO_DATA ?? true),
    tokenSecret: vars.TOKEN_SECRET ?? null,
    tokenTtlSeconds: vars.TOKEN_TTL_SECONDS ?? 3600,
    trustProxy: vars.TRUST_PROXY ?? 0,
    onTrackMarginPercent: vars.ON_TRACK_MARGIN_PERCENT ?? '15',
    deviationThresholdPercent: vars.DEVIATION_THRESHOLD_PERCENT ?? '10',
    smtpUrl: vars.SMTP_URL ?? null,
    mailFrom: vars.MAIL_FROM ?? 'Kazalnik <kazalnik@localhost>',
    reminderDaysBefore: vars.REMINDER_DAYS_BEFORE ?? 7,
    reminderIntervalSeconds: vars.REMINDER_INTERVAL_SECONDS ?? (nodeEnv === 'test' ? 0 : 3600),
    importQueueBytes: vars.IMPORT_QUEUE_BYTES ?? 1024 * 1024,
  };
}
