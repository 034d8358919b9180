import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to embedded SQLite with demo data on port 3000', () => {
    expect(loadConfig({})).toMatchObject({
      env: 'development',
      port: 3000,
      database: { type: 'sqlite', path: 'data/kazalnik.sqlite' },
      demoData: true,
      onTrackMarginPercent: '15',
      deviationThresholdPercent: '10',
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
    });
  });

  it('never loads demo data in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }).demoData).toBe(false);
  });

  it('treats an empty variable as not set', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ port: 3000, database: { type: 'sqlite' } });
  });

  it('stops on a bad value, naming the variable and the reason', () => {
    expect(() => loadConfig({ PORT: 'osemdeset', DATABASE_URL: 'mysql://x', DEMO_DATA: 'mogoče' })).toThrow(
      /PORT: .*\n\s+DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL\n\s+DEMO_DATA: DEMO_DATA must be true or false/,
    );
  });

  it('refuses a short token secret', () => {
    expect(() => loadConfig({ TOKEN_SECRET: 'kratko' })).toThrow('TOKEN_SECRET: TOKEN_SECRET must be at least 32 characters long');
  });
});
