import { EntityManager, In } from 'typeorm';
import { PeriodLockedError } from '../common/errors';
import { reportingYears } from '../projects/reporting-years';
import { YearLock } from './year-lock.entity';

/**
 * Checks that a change leaves locked reporting years alone. Plain functions over the caller's
 * transaction, so that every module can ask before it writes, without depending on LocksService.
 */
export async function assertYearsUnlocked(em: EntityManager, projectId: number, years: number[], what: string): Promise<void> {
  if (years.length === 0) return;
  const locks = await em.find(YearLock, { where: { projectId, year: In(years) }, order: { year: 'ASC' } });
  if (locks.length === 0) return;
  const [first] = locks;
  const list = locks.map((l) => l.year).join(', ');
  const are = locks.length === 1 ? `year ${list} is` : `years ${list} are`;
  throw new PeriodLockedError(
    `${what} is refused: the reporting ${are} locked (by ${first.lockedBy} at ${first.lockedAt}); a coordinator can make a correction with a reason`,
    { lockedYears: locks.map((l) => l.year) },
  );
}

/** The calendar years from one ISO date to another, both included. */
export function yearsBetween(start: string, end: string): number[] {
  return reportingYears(start, end).map((y) => y.year);
}

/** Locked years of a project, oldest first. */
export async function lockedYears(em: EntityManager, projectId: number): Promise<number[]> {
  return (await em.find(YearLock, { where: { projectId }, order: { year: 'ASC' } })).map((l) => l.year);
}
