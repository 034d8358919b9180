import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { focused, logIn, screenshot, useWebTest, waitForFocus } from './browser';

jest.setTimeout(180_000);

const USPESEN = 'Zavod za izobraževanje in usposabljanje USPEŠEN.SI';
const NOVUS = 'Društvo NOVUS';

/**
 * Grid entry of a year's achieved values: typed with the keyboard (Tab right, Enter down), saved
 * as one batch per project, errors on their cells in Slovene; the summary and the annual report
 * show what was entered.
 */
describe('web interface: grid entry', () => {
  const web = useWebTest();

  const cell = (page: Page, label: string) => page.getByLabel(label, { exact: true });

  async function focusedLabel(page: Page): Promise<string | null> {
    return page.evaluate(`document.activeElement && document.activeElement.getAttribute('aria-label')`);
  }

  it('enters six AS and KCM values by keyboard, reloads and sees them; the summary and the report show them', async () => {
    const { context, page } = await logIn(web, 'vodja');
    await page.goto(`${web.baseUrl}/#/projects/AS?year=2021`);
    await page.getByRole('link', { name: 'Vnos v tabeli' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vnos v tabeli' }).waitFor();
    expect(page.url()).toContain('#/projects/AS/grid?year=2021');

    // Enter moves down in the same column, Tab to the next cell on the right.
    await cell(page, 'AS-U1 – Skupaj: dosežena vrednost').focus();
    await page.keyboard.type('12.5');
    await page.keyboard.press('Enter');
    expect(await focusedLabel(page)).toBe(`AS-U1 – ${USPESEN}: dosežena vrednost`);
    await page.keyboard.type('5');
    await cell(page, 'AS-R1 – Skupaj: števec').focus();
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('AS-R1 – Skupaj: imenovalec');
    await page.keyboard.type('12');
    expect(await page.locator('td.changed').count()).toBe(4);
    await page.getByText('Spremenjenih vrstic: 3').waitFor();

    // "12.5" is not a Slovene number: refused on the page, on its cell, and the focus goes there.
    await page.getByRole('button', { name: 'Shrani spremembe' }).click();
    await page.getByRole('alert').getByText('Nič ni shranjeno. Popravite napake (1):').waitFor();
    const total = cell(page, 'AS-U1 – Skupaj: dosežena vrednost');
    await waitForFocus(page, { id: (await total.getAttribute('id')) ?? '' });
    expect(await total.getAttribute('aria-invalid')).toBe('true');
    await page.locator('td.invalid .field-error').getByText('»12.5« ni število v slovenskem zapisu', { exact: false }).waitFor();
    expect(await page.locator('.form-errors').innerText()).not.toContain('null');

    // A decimal for persons is refused too; then the right figure saves all three rows in one batch.
    await total.fill('12,5');
    await page.getByRole('button', { name: 'Shrani spremembe' }).click();
    await page.locator('td.invalid .field-error').getByText('12,5 ni celo število', { exact: false }).waitFor();
    await total.fill('');
    await page.keyboard.type('12');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Shranjeno. Novih vrednosti: 3, spremenjenih: 0.').waitFor();
    expect((await focused(page)).className).toContain('grid-status');
    expect(await page.locator('td.changed').count()).toBe(0);
    await screenshot(page, 'grid');

    // KCM: a partner's part above the total is the server's refusal, with the option to confirm it.
    await page.goto(`${web.baseUrl}/#/projects/KCM/grid?year=2021`);
    await cell(page, 'KCM-2 – Skupaj: dosežena vrednost').focus();
    await page.keyboard.type('150');
    await page.keyboard.press('Enter');
    expect(await focusedLabel(page)).toBe(`KCM-2 – ${NOVUS}: dosežena vrednost`);
    await page.keyboard.type('200');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    expect(await focusedLabel(page)).toBe('KCM-3 – Skupaj: dosežena vrednost');
    await page.keyboard.type('20');
    await page.getByRole('button', { name: 'Shrani spremembe' }).click();
    await page.locator('td.invalid .field-error').getByText('deli partnerjev (200) presegajo skupno vrednost KCM-2', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Potrdi z razlogom' }).waitFor();
    const novus = cell(page, `KCM-2 – ${NOVUS}: dosežena vrednost`);
    expect(await focusedLabel(page)).toBe('KCM-2 – Skupaj: dosežena vrednost');
    await novus.fill('40');
    await page.getByRole('button', { name: 'Shrani spremembe' }).click();
    await page.getByText('Shranjeno. Novih vrednosti: 3, spremenjenih: 0.').waitFor();

    // After a reload the grid shows what is stored.
    await page.reload();
    await cell(page, 'KCM-3 – Skupaj: dosežena vrednost').waitFor();
    expect(await cell(page, 'KCM-2 – Skupaj: dosežena vrednost').inputValue()).toBe('150');
    expect(await novus.inputValue()).toBe('40');
    expect(await cell(page, 'KCM-3 – Skupaj: dosežena vrednost').inputValue()).toBe('20');
    await page.goto(`${web.baseUrl}/#/projects/AS/grid?year=2021`);
    await total.waitFor();
    expect(await total.inputValue()).toBe('12');
    expect(await cell(page, `AS-U1 – ${USPESEN}: dosežena vrednost`).inputValue()).toBe('5');
    expect(await cell(page, 'AS-R1 – Skupaj: števec').inputValue()).toBe('3');
    expect(await cell(page, 'AS-R1 – Skupaj: imenovalec').inputValue()).toBe('12');

    // The project page's summary.
    await page.goto(`${web.baseUrl}/#/projects/AS?year=2021`);
    const achieved = (code: string) => page.locator(`tr[data-indicator="${code}"] td[data-label="Doseženo"]`);
    await achieved('AS-U1').getByText('12', { exact: true }).waitFor();
    expect(await achieved('AS-R1').innerText()).toContain('25,00');
    expect(await page.locator('tr[data-indicator="AS-U1"]').innerText()).toContain(USPESEN);
    await page.goto(`${web.baseUrl}/#/projects/KCM?year=2021`);
    await achieved('KCM-2').getByText('150', { exact: true }).waitFor();
    expect(await achieved('KCM-3').innerText()).toBe('20');

    // The annual reports, read back.
    const as = await reportNumbers(context, web.baseUrl, 'AS');
    expect(as.get('Število oseb iz ranljivih')).toEqual(expect.arrayContaining([12]));
    expect(as.get('Delež oseb')).toEqual(expect.arrayContaining([0.25]));
    const kcm = await reportNumbers(context, web.baseUrl, 'KCM');
    expect(kcm.get('Število dogodkov o trgu dela')).toEqual(expect.arrayContaining([150]));
    expect(kcm.get('Število skupinskih dogodkov')).toEqual(expect.arrayContaining([20]));
    await context.close();
  });

  it('imports a filled-in template through the page: dry run with errors by row and column, then exactly that file', async () => {
    const { context, page } = await logIn(web, 'vodja');
    await page.goto(`${web.baseUrl}/#/projects/AS/grid?year=2021`);
    await page.getByRole('heading', { level: 2, name: 'Uvoz iz Excela' }).waitFor();
    await page.getByRole('button', { name: 'Prenesi predlogo' }).click();
    await page.getByText('Prenesena predloga: vrednosti-AS-2021.xlsx').waitFor();

    // The same template, fetched in the test and filled in as a person would in Excel.
    const res = await context.request.get(`${web.baseUrl}/api/projects/AS/values/template?year=2021`);
    expect(res.status()).toBe(200);
    const template = Buffer.from(await res.body());
    const bad = await fill(template, { 'AS-U1|Skupaj': 14, 'AS-U1|Andragoški zavod Ljudska univerza Velenje': '4.5' });
    const good = await fill(template, { 'AS-U1|Skupaj': 14, 'AS-U1|Andragoški zavod Ljudska univerza Velenje': 4 });

    const file = page.getByLabel('Izpolnjena predloga (XLSX)');
    await file.setInputFiles(bad);
    await page.getByRole('button', { name: 'Preveri' }).click();
    await page.getByRole('heading', { name: 'Rezultat preverjanja' }).waitFor();
    const errorRow = page.locator('.import-table tr.has-error');
    expect(await errorRow.count()).toBe(1);
    expect(await errorRow.innerText()).toContain('Dosežena vrednost: »4.5« ni število');
    expect(await page.getByRole('button', { name: 'Uvozi' }).isVisible()).toBe(false);

    await file.setInputFiles(good);
    await page.getByRole('button', { name: 'Preveri' }).click();
    await page.getByText('Novo: 1, spremenjeno: 1, enako: 2.').waitFor();
    expect(await page.locator('.import-table tr.has-error').count()).toBe(0);
    const changed = page.locator('.import-table tr', { hasText: 'spremenjeno' });
    expect(await changed.innerText()).toContain('prej 12');
    expect(await page.locator('.import-table tr', { hasText: 'novo' }).innerText()).toContain('Andragoški zavod Ljudska univerza Velenje');
    await screenshot(page, 'import-dry-run');

    // Stored values change: the import asks why, then applies exactly what the check showed.
    await page.getByRole('button', { name: 'Uvozi' }).click();
    await page.locator('[data-field="import-reason"] .field-error').getByText('Navedite razlog').waitFor();
    await page.getByLabel('Razlog spremembe shranjenih vrednosti').last().fill('Naknadno prejete evidence partnerja');
    await page.getByRole('button', { name: 'Uvozi' }).click();
    await page.getByText('Uvoženo. Novo: 1, spremenjeno: 1, enako: 2.').waitFor();
    expect(await page.getByLabel('AS-U1 – Skupaj: dosežena vrednost', { exact: true }).inputValue()).toBe('14');
    expect(await page.getByLabel('AS-U1 – Andragoški zavod Ljudska univerza Velenje: dosežena vrednost', { exact: true }).inputValue()).toBe('4');
    await context.close();
  });

  it('the value form reads numbers by the same rule, starts afresh for another indicator and keeps the focus after saving', async () => {
    const { context, page } = await logIn(web, 'vodja');
    await page.goto(`${web.baseUrl}/#/projects/KCM?year=2021`);
    await page.getByRole('button', { name: 'Vnesi vrednost za KCM-4' }).click();
    const partner = page.getByLabel('Partner', { exact: true });
    await partner.selectOption({ label: NOVUS });
    const value = page.getByLabel('Dosežena vrednost');
    await value.fill('12.5');
    await page.getByRole('button', { name: 'Shrani vrednost' }).click();
    await page.locator('[data-field="value"] .field-error').getByText('»12.5« ni število v slovenskem zapisu', { exact: false }).waitFor();
    expect(await page.locator('.value-form .form-errors').innerText()).not.toContain('null');
    await value.fill('1.250');
    await page.getByRole('button', { name: 'Shrani vrednost' }).click();
    await page.getByText('Shranjeno: KCM-4, leto 2021 – 1.250.').waitFor();
    await waitForFocus(page, { className: 'form-status' });

    // The next indicator: the whole partnership again, and no message about the previous one.
    await page.getByRole('button', { name: 'Vnesi vrednost za KCM-5' }).click();
    await waitForFocus(page, { id: (await value.getAttribute('id')) ?? '' });
    expect(await partner.inputValue()).toBe('');
    expect(await page.locator('.value-form .form-status').innerText()).toBe('');

    // How the source states the figure ("vsaj 40") is saved with it and shown with it.
    expect(await page.getByLabel('Kako vir navaja število').inputValue()).toBe('');
    await value.fill('40');
    await page.getByLabel('Kako vir navaja število').selectOption({ label: 'vsaj' });
    await page.getByRole('button', { name: 'Shrani vrednost' }).click();
    await page.getByText('Shranjeno: KCM-5, leto 2021 – vsaj 40.').waitFor();
    expect(await page.locator('.existing-values table').innerText()).toContain('vsaj 40');
    const stored = await context.request.get(`${web.baseUrl}/api/projects/KCM/indicators`);
    const kcm5 = ((await stored.json()) as { id: number; code: string }[]).find((i) => i.code === 'KCM-5')!;
    const values = (await (await context.request.get(`${web.baseUrl}/api/indicators/${kcm5.id}/values?year=2021`)).json()) as { value: string; qualifier: string | null }[];
    expect(values.find((v) => v.value === '40')?.qualifier).toBe('at_least');
    await context.close();
  });
});

/** The numbers of each indicator row of a project's 2021 workbook, by the start of the row's first cell. */
async function reportNumbers(context: BrowserContext, baseUrl: string, code: string): Promise<{ get(prefix: string): number[] }> {
  const res = await context.request.get(`${baseUrl}/api/projects/${code}/reports/annual?year=2021&format=xlsx`);
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const rows: ExcelJS.Row[] = [];
  wb.getWorksheet('Kazalniki')!.eachRow((row) => rows.push(row));
  return {
    get: (prefix) => {
      const row = rows.find((r) => (r.values as unknown[]).some((v) => typeof v === 'string' && v.startsWith(prefix)));
      return row ? (row.values as unknown[]).filter((v): v is number => typeof v === 'number') : [];
    },
  };
}

/** The template with `Dosežena vrednost` set on the rows named `code|Partner`, saved to a temporary file. */
async function fill(template: Buffer, values: Record<string, number | string>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Vrednosti')!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (name: string) => header.indexOf(name);
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const key = `${row.getCell(col('Koda')).value}|${row.getCell(col('Partner')).value}`;
    if (key in values) row.getCell(col('Dosežena vrednost')).value = values[key];
  });
  const path = join(mkdtempSync(join(tmpdir(), 'kazalnik-import-')), 'vrednosti-AS-2021.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}
