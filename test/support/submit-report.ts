import type { Client } from './http';

/** What `POST …/reports/cycle/submit` answers under `submission`: the stored report. */
export interface SubmittedReport {
  id: number;
  projectCode: string;
  year: number;
  submittedBy: string;
  submittedAt: string;
  files: { format: 'xlsx' | 'pdf'; fileName: string; sha256: string; sizeBytes: number }[];
}

/**
 * Submits a year's report through the reporting cycle, as a coordinator would: first the
 * explanations of deviations the checklist asks for, then the submission without waiting for
 * the partners' parts (with a reason). Answers the stored submission.
 */
export async function submitReport(client: Client, code: string, body: { year: number; template?: string; fundingPeriodId?: number }): Promise<SubmittedReport> {
  const ref = `year=${body.year}${body.fundingPeriodId !== undefined ? `&fundingPeriodId=${body.fundingPeriodId}` : ''}`;
  const checklist = (await client.get(`/api/projects/${code}/reports/checklist?${ref}`).expect(200)).body as { items: { kind: string; indicatorCode?: string }[] };
  const missing = checklist.items.filter((i) => i.kind === 'explanation_missing' && i.indicatorCode);
  if (missing.length > 0) {
    const indicators = (await client.get(`/api/projects/${code}/indicators`).expect(200)).body as { id: number; code: string }[];
    const idOf = new Map(indicators.map((i) => [i.code, i.id]));
    for (const item of missing) {
      await client.put(`/api/indicators/${idOf.get(item.indicatorCode!)}/explanations/${body.year}`, { text: 'Ciljna skupina se je odzvala bolje od pričakovanj.' }).expect(200);
    }
  }
  const res = await client.post(`/api/projects/${code}/reports/cycle/submit`, { ...body, overrideReason: 'Deli partnerjev so zajeti v poročilu nosilca' });
  if (res.status !== 200) throw new Error(`Submitting ${code} ${body.year} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.submission as SubmittedReport;
}
