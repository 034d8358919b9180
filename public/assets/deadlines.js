/**
 * Report deadlines, derived from a project's reporting years and funding periods.
 *
 * A rule of thumb, not any funder's rule: the annual report for year Y is due by 15 January of
 * Y+1 (the Slovene e-MA practice: the beneficiary edits a draft until 15 January, then it is
 * locked), and a final report is due when a funding period ends. Contracts differ, so the page
 * says "indicative" next to these dates; a real contract date belongs in the data model.
 */
export function deadlinesFor(detail, year) {
  const code = detail.project.code;
  const list = [];
  if (detail.reportingYears.some((y) => y.year === year)) {
    list.push({ code, name: detail.project.name, kind: 'annual', year, due: `${year + 1}-01-15` });
  }
  for (const period of detail.fundingPeriods) {
    if (Number(period.endDate.slice(0, 4)) === year) list.push({ code, name: detail.project.name, kind: 'final', year, due: period.endDate });
  }
  return list;
}

/** The next deadlines of all projects from `today` on, soonest first. */
export function upcomingDeadlines(details, today, limit = 5) {
  const years = (d) => d.reportingYears.map((y) => y.year);
  return details
    .flatMap((d) => [...new Set([...years(d), ...d.fundingPeriods.map((p) => Number(p.endDate.slice(0, 4)))])].flatMap((year) => deadlinesFor(d, year)))
    .filter((dl) => dl.due >= today)
    .sort((a, b) => a.due.localeCompare(b.due) || a.code.localeCompare(b.code))
    .slice(0, limit);
}

/** Whole days from `today` (YYYY-MM-DD) to `due`; negative when past. */
export function daysUntil(due, today) {
  const ms = Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Today's calendar date in Slovenia, whatever the computer's clock zone. */
export function todayInSlovenia() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana' }).format(new Date());
}
