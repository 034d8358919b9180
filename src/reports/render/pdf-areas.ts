import type { ResultAreasSection } from '../model/report-model.types';
import { drawParagraphs, drawSubheading } from './pdf-blocks';
import { PdfContext, Struct } from './pdf-layout';
import { drawTable, tableLead } from './pdf-table';

/**
 * One subsection per result area: its heading, its text, then its indicators. The heading stays
 * with the first lines or the table's first row; `keepLastWith` is for the last area's end.
 */
export function drawResultAreas(ctx: PdfContext, sect: Struct, section: ResultAreasSection, keepLastWith = 0): void {
  section.areas.forEach((area, i) => {
    const last = i === section.areas.length - 1;
    const below = area.paragraphs.length > 0 || !area.table ? 50 : tableLead(ctx, area.table);
    if (area.heading) drawSubheading(ctx, sect, area.heading, Math.min(below, ctx.bottom - ctx.top - 60));
    const tail = area.table ? Math.min(tableLead(ctx, area.table), ctx.bottom - ctx.top - 60) : last ? keepLastWith : 0;
    drawParagraphs(ctx, sect, area.paragraphs, tail);
    if (area.table) drawTable(ctx, sect, area.table, last ? keepLastWith : 0);
    else ctx.doc.y += 4;
  });
}
