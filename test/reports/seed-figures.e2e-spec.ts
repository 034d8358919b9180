import ExcelJS from 'exceljs';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';
import { flattenWhitespace, inspectPdf } from '../support/pdf-text';

/**
 * Every figure of the seeds (shared/seeds, as the demo facts list them) that a demo project's 2020
 * report covers, in its own row, in Slovene, in every template that applies to the project, in the
 * PDF text and in the XLSX cells. One table row per figure: the row is found by the indicator's
 * name, and must hold the figure ("vsaj 1.000" with its qualifier; a partner's part under the
 * indicator in the partners' table; a whole-operation total in the to-date column).
 */
interface Figure {
  /** The indicator's name as the report prints it. */
  name: string;
  /** The figure as printed in Slovene. */
  text: string;
  /** The number a spreadsheet cell holds (a share as its fraction). */
  number: number;
  /** Set for a partner's part: the row under the indicator in the partners' table. */
  partner?: string;
}

const NOVUS = 'Društvo NOVUS';
const nb = (s: string) => s.replace(/ (%|€)/g, '\u00A0$1');
const f = (name: string, text: string, number: number, partner?: string): Figure => ({ name, text: nb(text), number, partner });

const FIGURES: Record<string, Figure[]> = {
  AS: [
    f('Število oseb iz ranljivih ciljnih skupin, vključenih v program.', '60', 60),
    f('Število oseb iz ranljivih ciljnih skupin, vključenih v program.', '62', 62),
    f('Delež oseb iz ranljivih ciljnih skupin', 'vsaj 25 %', 0.25),
    f('Delež oseb iz ranljivih ciljnih skupin', '40,32 %', 25 / 62),
  ],
  KCM: [
    f('Število aktivnih enot kariernega centra', '4', 4),
    f('Število aktivnih enot kariernega centra', '1', 1, NOVUS),
    f('Število dogodkov o trgu dela in poklicih za učence in dijake', '190', 190),
    f('Število dogodkov o trgu dela in poklicih za učence in dijake', '42', 42, NOVUS),
    f('Število skupinskih dogodkov oziroma aktivnosti za starše', '25', 25),
    f('Število skupinskih dogodkov oziroma aktivnosti za starše', '6', 6, NOVUS),
    f('Število individualnih svetovanj za učence in dijake', '410', 410),
    f('Število individualnih svetovanj za učence in dijake', '118', 118, NOVUS),
    f('Število dogodkov za promocijo centra in sodelovanje z deležniki na trgu dela', '24', 24),
    f('Število dogodkov za promocijo centra in sodelovanje z deležniki na trgu dela', '5', 5, NOVUS),
    f('Enota Velenje: število otrok, vključenih v aktivnosti', 'več kot 884', 884),
    f('Enota Velenje: število staršev, vključenih v aktivnosti', '130', 130),
    f('Enota Velenje: število sodelujočih osnovnih šol', '28', 28),
    f('Enota Velenje: število sodelujočih srednjih šol', '7', 7),
    f('Enota Velenje: število zunanjih izvajalcev', '5', 5),
    f('Enota Velenje: število sodelujočih nevladnih organizacij', '5', 5),
    f('Enota Velenje: število deležnikov v strokovnem svetu', '13', 13),
  ],
  SPIN: [
    f('Število oseb, vključenih v aktivnosti »Razvoj kariere«', '701', 701),
    f('Število oseb, vključenih v aktivnosti »Razvoj kariere«', '98', 98, NOVUS),
    f('Število oseb, vključenih v aktivnosti »Razvoj kompetenc«', '604', 604),
    f('Število izvedenih ur usposabljanj', '22.830', 22830),
    f('Število izvedenih ur usposabljanj', '5.503', 5503, NOVUS),
    f('Število srečanj s potencialnimi delodajalci in deležniki', '33', 33),
    f('Število oseb z ohranjeno ali novo zaposlitvijo', '225', 225),
    f('Število novih lokacij izvajanja', '13', 13),
    f('Število predavateljev', 'več kot 47', 47),
    f('Število novih sodelujočih podjetij', '25', 25),
  ],
  'NOVUS-HUB': [
    f('Število informiranih posameznikov', '683', 683),
    f('Število izvedenih strokovnih posvetov', '1', 1),
    f('Število objav na spletni strani', '636', 636),
    f('Število objav na Facebooku', '2.500', 2500),
    f('Število tiskanih publikacij', '2', 2),
    f('Število e-priročnikov', '1', 1),
    f('Število vključenih NVO s potencialom', '3', 3),
    f('Število usposabljanj Akademije civilnega dialoga', '2', 2),
    f('Število usposabljanj Akademije komuniciranja', '4', 4),
    f('Število usposabljanj Akademije organizacijskega razvoja', '1', 1),
    f('Število izvedenih delavnic', '26', 26),
    f('Število ur mentorstva', '205', 205),
    f('Število ur svetovanja', '512', 512),
    f('Število novih storitev NVO', '17', 17),
    f('Število uspešnih zagovorniških procesov', '1', 1),
    f('Število uporabnikov storitvene podpore', '163', 163),
    f('Število delujočih partnerstev', '3', 3),
    f('Število skupnih akcij', '8', 8),
    f('Število vzpostavljenih trajnostnih storitev', '2', 2),
    f('Število projektnih predlogov za Sklad za pravični prehod', '2', 2),
  ],
  MREZA: [
    f('Število izdelanih akcijskih načrtov', '3', 3),
    f('Število skupnih partnerskih usposabljanj', '5', 5),
    f('Število individualnih usposabljanj na nivoju partnerja', '5', 5),
    f('Število razvitih in izvajanih novih storitev za ranljive ciljne skupine', '11', 11),
    f('Število oseb iz ranljivih ciljnih skupin, nagovorjenih skozi nove storitve', 'vsaj 1.000', 1000),
    f('Pridobljena sredstva partnerskih organizacij', '250.109,76 €', 250109.76),
    f('Število organizacij in institucij, katerih potrebe spremljamo', '100', 100),
  ],
  'JV-HUB': [f('Število novih storitev NVO, ki so jih NVO s podporo stičišča razvile v zadnjih štirih letih', '13', 13)],
  HARMONIJA: [
    f('Število uporabnikov neformalnega druženja', '768', 768),
    f('Število izobraževalnih delavnic oziroma predavanj', '12', 12),
    f('Število pogovornih delavnic o pozitivnem starševstvu', '18', 18),
    f('Število treningov starševstva', '18', 18),
    f('Število uporabnikov vsebin pozitivnega starševstva', '386', 386),
    f('Število aktivnosti za zdrav življenjski slog', '51', 51),
    f('Število uporabnikov aktivnosti za zdrav življenjski slog', '398', 398),
    f('Število uporabnikov počitniških aktivnosti in občasnega varstva otrok', '748', 748),
  ],
  'JEJMO-LOKALNO': [
    f('Število delavnic za otroke', '75', 75),
    f('Število otrok, vključenih v delavnice', '1.373', 1373),
    f('Število delavnic za starejše', '10', 10),
    f('Število starejših, vključenih v delavnice', '103', 103),
    f('Število delavnic za kmete in brezposelno podeželsko mladino', '20', 20),
    f('Število kmetov in brezposelnih mladih s podeželja, vključenih v delavnice', '274', 274),
    f('Število izvedenih konferenc', '1', 1),
    f('Število ohranjenih delovnih mest (polovični delovni čas)', '1', 1),
  ],
  'VELENJE-MLADI': [
    f('Število usposobljenih mladih – Poslovni bonton', 'približno 120', 120),
    f('Število vključenih mladih – Predstavitev poklicev', 'približno 120', 120),
  ],
};

/** Header figures: the period, and the contract amount where the source gives one. */
const HEADER: Record<string, string[]> = {
  AS: ['23. 9. 2019 – 30. 9. 2022'],
  KCM: ['6. 9. 2019 – 30. 9. 2022', 'Kohezijska regija Vzhodna Slovenija (KRVS)'],
  SPIN: ['8. prednostna os »Spodbujanje zaposlovanja in mobilnost delovne sile«'],
  'JV-HUB': ['1. 10. 2019 – 30. 9. 2023', nb('382.188,56 €')],
};

const TEMPLATES: Record<string, string[]> = {
  AS: ['ess-kazalniki', 'splosno-dvojezicno'],
  KCM: ['ess-kazalniki', 'splosno-dvojezicno'],
  SPIN: ['ess-kazalniki', 'splosno-dvojezicno'],
  'NOVUS-HUB': ['mju-sticisce', 'splosno-dvojezicno'],
  'JV-HUB': ['mju-sticisce', 'splosno-dvojezicno'],
  MREZA: ['splosno-dvojezicno'],
  HARMONIJA: ['splosno-dvojezicno'],
  'JEJMO-LOKALNO': ['splosno-dvojezicno'],
  'VELENJE-MLADI': ['splosno-dvojezicno'],
};

/**
 * The MJU hub report's "Opis izvedenih aktivnosti po področjih": per result area, in order, the
 * area's heading, the text the source writes about it (where it does: NOVUS-HUB), then its
 * indicators. Areas with neither text nor figures are left out (JV-HUB has figures in PR4 only).
 */
interface AreaLayout {
  heading: string;
  /** The opening words of the area's text in the source; none where the source writes none. */
  opening?: string;
  names: string[];
}

const hubNames = (from: number, to: number) => FIGURES['NOVUS-HUB'].slice(from, to).map((x) => x.name);
const AREAS: Record<string, { present: AreaLayout[]; absent: string[] }> = {
  'NOVUS-HUB': {
    present: [
      { heading: 'RP1 Informiranje', opening: 'Neposredno ciljno informiranje NVO preko elektronske in navadne pošte', names: hubNames(0, 6) },
      { heading: 'RP2 Krepitev NVO', opening: 'NVO s potencialom – nevladne organizacije na območju Savinjske regije', names: hubNames(6, 14) },
      { heading: 'RP3 Zagovorništvo', opening: 'Skozi celotno leto tečejo procesi zagovorništva', names: hubNames(14, 16) },
      { heading: 'RP4 Partnerstva', opening: 'V letu 2020 smo vzpostavili 3 delujoča in učinkovita partnerstva', names: hubNames(16, 18) },
      { heading: 'RP5 Trajnostne storitve', opening: 'V letu 2020 smo izvajali številne aktivnosti za oblikovanje trajnostnih storitev', names: hubNames(18, 19) },
      { heading: 'RP6 Ostalo', opening: 'Aktivno smo se vključili v aktivnosti za spodbujanje sodelovanja NVO sektorja', names: hubNames(19, 20) },
    ],
    absent: [],
  },
  'JV-HUB': {
    present: [{ heading: 'PR4 Nove trajnostno naravnane storitve NVO', names: FIGURES['JV-HUB'].map((x) => x.name) }],
    absent: ['PR1 Povečana usposobljenost', 'PR2 Izboljšani pogoji', 'PR3 Vzpostavljena učinkovita'],
  },
};
const AREA_SECTION = 'Opis izvedenih aktivnosti po področjih';

const CASES = Object.entries(TEMPLATES).flatMap(([code, templates]) => templates.map((template) => [code, template] as const));

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The text from an indicator's name up to the next row's start: its own row and nothing after. */
function rowsAfter(text: string, name: string, names: string[]): string[] {
  const found: string[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const rest = text.slice(at + name.length);
    const ends = names.map((other) => rest.indexOf(other)).filter((i) => i > 0);
    const next = rest.search(/ \d+\. /); // the next row's number in the MJU and general layouts
    found.push(rest.slice(0, Math.min(...ends, next > 0 ? next : Infinity, 400)));
  }
  return found;
}

function cellsOf(row: ExcelJS.Row): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  row.eachCell((cell) => cells.push(cell));
  return cells;
}

describe('every seed figure in every applicable report', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientFor(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('offers exactly the applicable templates', async () => {
    for (const [code, templates] of Object.entries(TEMPLATES)) {
      const others = ['ess-kazalniki', 'mju-sticisce'].filter((id) => !templates.includes(id));
      for (const id of others) await admin.get(`/api/projects/${code}/reports/annual?year=2020&format=xlsx&template=${id}`).expect(400);
    }
  });

  it.each(CASES)('%s in %s: PDF', async (code, template) => {
    const res = await admin.get(`/api/projects/${code}/reports/annual?year=2020&format=pdf&template=${template}`).buffer(true).parse(binary).expect(200);
    const text = flattenWhitespace((await inspectPdf(res.body)).text);
    const names = FIGURES[code].map((x) => x.name);
    for (const figure of FIGURES[code]) {
      const rows = rowsAfter(text, figure.name, names);
      const expected = flattenWhitespace(figure.partner ? `${figure.partner} ${figure.text}` : figure.text);
      expect({ figure: figure.name, rows: rows.filter((row) => new RegExp(`(^| )${escape(expected)}( |$)`).test(row)).length > 0 }).toEqual({
        figure: figure.name,
        rows: true,
      });
    }
    for (const value of HEADER[code] ?? []) expect(text).toContain(flattenWhitespace(value));
    for (const placeholder of ['Obrazložitev manjka', 'Ni podatkov.', 'No data.']) expect(text).not.toContain(placeholder);
  });

  it.each(CASES)('%s in %s: XLSX', async (code, template) => {
    const res = await admin.get(`/api/projects/${code}/reports/annual?year=2020&format=xlsx&template=${template}`).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const rows = workbook.worksheets.flatMap((sheet) => sheet.getRows(1, sheet.rowCount) ?? []);
    for (const figure of FIGURES[code]) {
      const named = rows.filter((row) => cellsOf(row).some((c) => typeof c.value === 'string' && c.value.startsWith(figure.name)));
      // A partner's part is the row under the indicator's group title in the partners' table.
      const candidates = figure.partner
        ? named.map((row) => row.worksheet.getRow(row.number + 1)).filter((row) => cellsOf(row).some((c) => c.value === figure.partner))
        : named;
      const holding = candidates.flatMap(cellsOf).filter((c) => c.value === figure.number);
      expect({ figure: figure.name, found: holding.length > 0 }).toEqual({ figure: figure.name, found: true });
      const prefix = /^(vsaj|več kot|približno) /.exec(figure.text)?.[1];
      if (prefix) expect(holding.some((c) => String(c.numFmt).startsWith(`"${prefix} "`))).toBe(true);
      if (figure.text.includes('€')) expect(holding.some((c) => String(c.numFmt).includes('€'))).toBe(true);
    }
    for (const sheet of workbook.worksheets) expect({ sheet: sheet.name, rows: sheet.rowCount > 1 }).toEqual({ sheet: sheet.name, rows: true });
  });

  // The MJU hub report laid out per result area.
  it.each(Object.keys(AREAS))('%s: PDF text has each area with its text, then its indicators, in order', async (code) => {
    const res = await admin.get(`/api/projects/${code}/reports/annual?year=2020&format=pdf&template=mju-sticisce`).buffer(true).parse(binary).expect(200);
    const text = flattenWhitespace((await inspectPdf(res.body)).text);
    const steps = areaSteps(code);
    const found = inOrder(steps.map(flattenWhitespace), (step, after) => text.indexOf(step, after + 1));
    expect(found.every((i) => i >= 0) && found.length === steps.length).toBe(true);
    // One layout only: no separate indicator table before or after the areas.
    expect(text.split(AREAS[code].present[0].names[0]).length - 1).toBe(1);
    for (const heading of AREAS[code].absent) expect(text).not.toContain(heading);
    for (const placeholder of ['Ni podatkov.', 'Obrazložitev manjka']) expect(text).not.toContain(placeholder);
  });

  it.each(Object.keys(AREAS))('%s: XLSX sheet has per area its title, its text and its indicators under a header row', async (code) => {
    const res = await admin.get(`/api/projects/${code}/reports/annual?year=2020&format=xlsx&template=mju-sticisce`).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Aktivnosti po področjih');
    if (!sheet) throw new Error(`no areas sheet: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
    const texts = (sheet.getRows(1, sheet.rowCount) ?? []).map((row) => cellsOf(row).map((c) => (typeof c.value === 'string' ? c.value : '')));
    const rowOf = (step: string, after: number) => texts.findIndex((cells, r) => r > after && cells.some((c) => c.startsWith(step)));
    for (const area of AREAS[code].present) {
      const [heading, ...rest] = inOrder([area.heading, ...(area.opening ? [area.opening] : []), 'Zap. št.', ...area.names], rowOf);
      expect({ area: area.heading, heading: heading >= 0, rest: rest.every((r) => r > heading) && rest.length === (area.opening ? 2 : 1) + area.names.length }).toEqual({
        area: area.heading,
        heading: true,
        rest: true,
      });
      if (area.opening) expect(sheet.getRow(heading + 2).getCell(1).alignment?.wrapText).toBe(true);
    }
    const all = inOrder(areaSteps(code).slice(1), rowOf);
    expect(all.every((r) => r >= 0) && all.length === areaSteps(code).length - 1).toBe(true);
    for (const heading of AREAS[code].absent) expect(texts.flat().some((c) => c.startsWith(heading))).toBe(false);
  });
});

/** Positions of `steps` in `at`, each searched after the one before; -1 where one is missing. */
function inOrder(steps: string[], at: (step: string, after: number) => number): number[] {
  const found: number[] = [];
  let after = -1;
  for (const step of steps) {
    after = at(step, after);
    found.push(after);
    if (after < 0) break;
  }
  return found;
}

/** Section title, then per area: heading, opening words of its text, its indicator names. */
function areaSteps(code: string): string[] {
  return [AREA_SECTION, ...AREAS[code].present.flatMap((a) => [a.heading, ...(a.opening ? [a.opening] : []), ...a.names])];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
