import { createHash } from 'node:crypto';

export type ReportFormat = 'xlsx' | 'pdf';
export const REPORT_FORMATS: ReportFormat[] = ['xlsx', 'pdf'];

export const CONTENT_TYPES: Record<ReportFormat | 'csv', string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

export interface GeneratedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  sha256: string;
}

export function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** `letno-porocilo-AS-2020.pdf` / `annual-report-AS-2020.pdf`. */
export function reportFileName(code: string, year: number, lang: 'sl' | 'en', format: ReportFormat): string {
  return `${lang === 'sl' ? 'letno-porocilo' : 'annual-report'}-${code}-${year}.${format}`;
}

/** A Content-Disposition header that survives any file name (RFC 6266 with an ASCII fallback). */
export function attachment(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
