import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ReportModel, ReportSection } from '../model/report-model.types';
import { setUpPrinting, sheetName } from './excel-format';
import { writeGeneralSheet, writeNarrativeSheet, writeResultAreasSheet, writeSignatureSheet, writeTableSheet } from './excel-sheets';

/**
 * The report as an XLSX workbook: a first sheet with the title and header fields, then one sheet
 * per section in the template's order. Numbers are real numbers, dates real dates.
 */
function writeSection(sheet: ExcelJS.Worksheet, section: ReportSection, model: ReportModel): void {
  switch (section.kind) {
    case 'chart':
      // exceljs cannot draw charts: the sheet holds the chart's data, ready for an Excel chart.
      return writeTableSheet(sheet, section.table, model.lang);
    case 'narrative':
      return writeNarrativeSheet(sheet, section);
    case 'resultAreas':
      return writeResultAreasSheet(sheet, section, model.lang);
    case 'signature':
      return writeSignatureSheet(sheet, section, model.lang);
    default:
      return writeTableSheet(sheet, section.table, model.lang);
  }
}

export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const { metadata } = model;
  workbook.creator = metadata.author;
  workbook.lastModifiedBy = metadata.author;
  workbook.title = metadata.title;
  workbook.subject = metadata.subject;
  workbook.keywords = metadata.keywords.join(', ');
  workbook.description = model.subtitle;
  workbook.created = metadata.creationDate;
  workbook.modified = metadata.creationDate;
  // exceljs writes dc:language but its typings do not declare the property.
  Object.assign(workbook, { language: metadata.lang });

  const taken = new Set<string>();
  const general = workbook.addWorksheet(sheetName(model.headerTitle, taken));
  writeGeneralSheet(general, model);
  setUpPrinting(general, model, null);

  for (const section of model.sections) {
    const sheet = workbook.addWorksheet(sheetName(section.sheetTitle, taken));
    writeSection(sheet, section, model);
    // The areas' sheet repeats its header row under each area instead of at the top of each page.
    setUpPrinting(sheet, model, section.kind === 'signature' || section.kind === 'resultAreas' ? null : '1:1');
  }
  return fixZipDates(Buffer.from(await workbook.xlsx.writeBuffer()), metadata.creationDate);
}

/**
 * exceljs stamps every zip entry with the time of writing, so the same report would differ byte
 * for byte a second later. The entries are re-dated to the report date (JSZip keeps the order,
 * names and contents; DOS times are written in UTC).
 */
async function fixZipDates(xlsx: Buffer, date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
