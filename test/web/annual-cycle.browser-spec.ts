import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { logIn, screenshot, waitForFocus, useWebTest } from './browser';

jest.setTimeout(120_000);

/**
 * One reporting cycle through the pages, in order: a project manager enters and corrects a value
 * for 2021, a coordinator downloads and submits the 2020 report (which locks 2020), an auditor
 * reads the correction in the indicator's history, and the locked year offers no edit.
 */
describe('web interface: a reporting cycle', () => {
  const web = useWebTest();

  const row = (page: Page, code: string) => page.locator(`tr[data-indicator="${code}"]`);

  it('lets a project manager enter a value for 2021 and then correct it with a reason', async () => {
    const { context, page } = await logIn(web, 'vodja');
    await page.getByRole('heading', { level: 1, name: 'Moji projekti' }).waitFor();
    const projects = await page.locator('.card h3').allInnerTexts();
    expect(projects.map((p) => p.split(/\s/)[0])).toEqual(['AS', 'KCM', 'SPIN']);

    await page.getByRole('link', { name: /^AS Socialna aktivacija/ }).click();
    await page.getByRole('heading', { level: 1, name: /Aktiviraj se/ }).waitFor();
    expect(await page.title()).toMatch(/^AS \d{4} – Kazalnik$/);
    await page.getByLabel('Poročevalsko leto').selectOption('2020');
    await row(page, 'AS-U1').locator('td[data-label="% načrta"]', { hasText: '103,33' }).waitFor();
    await screenshot(page, 'project');

    // 161 % of plan needs an explanation of the deviation; once saved, the table stops asking.
    const explanation = page.getByLabel(/^AS-R1 – Delež oseb/);
    await explanation.fill('Program je privabil več udeležencev, ki so bili že pripravljeni na zaposlitev.');
    await page.locator('form[data-form="explanation-2"]').getByRole('button', { name: 'Shrani' }).click();
    await page.locator('form[data-form="explanation-2"]').getByText('Shranjeno.').waitFor();
    await row(page, 'AS-R1').getByText('manjka obrazložitev').waitFor({ state: 'detached' });
    const narrative = page.getByLabel('Splošni del');
    await narrative.fill('V letu 2020 smo kljub epidemiji izvedli vse načrtovane aktivnosti.');
    await page.locator('form[data-form="narrative-general"]').getByRole('button', { name: 'Shrani' }).click();
    await page.locator('form[data-form="narrative-general"]').getByText('Shranjeno.').waitFor();

    await page.getByLabel('Poročevalsko leto').selectOption('2021');
    await row(page, 'AS-U1').locator('td[data-label="Načrtovano"]', { hasText: '—' }).waitFor();
    await row(page, 'AS-U1').waitFor();
    expect(await page.title()).toBe('AS 2021 – Kazalnik');

    // The table's button picks the indicator in the form and puts the cursor in the value field.
    await page.getByRole('button', { name: 'Vnesi vrednost za AS-U1' }).click();
    const value = page.getByLabel('Dosežena vrednost');
    await waitForFocus(page, { id: (await value.getAttribute('id')) ?? '' });

    // A wrong number is refused next to the field, and the field says so to a screen reader.
    await value.fill('dvanajst');
    await page.getByRole('button', { name: 'Shrani vrednost' }).click();
    const error = page.locator('[data-field="value"] .field-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('»dvanajst« ni število v slovenskem zapisu');
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    expect((await value.getAttribute('aria-describedby'))?.split(' ')).toContain(await error.getAttribute('id'));

    await value.fill('12');
    await page.getByLabel('Komentar (neobvezno)').fill('Evidenca udeležencev, januar 2022');
    await page.getByRole('button', { name: 'Shrani vrednost' }).click();
    await page.getByText('Shranjeno: AS-U1, leto 2021 – 12.').waitFor();
    await row(page, 'AS-U1').locator('td[data-label="Doseženo"]', { hasText: '12' }).waitFor();
    // Cumulative: 62 in 2020 plus 12 in 2021.
    expect(await row(page, 'AS-U1').locator('td[data-label="Kumulativno"]').innerText()).toBe('74');

    // The same period again is a correction: it needs a reason, then it is saved as a change.
    await page.getByRole('button', { name: /^Popravi/ }).click();
    expect(await page.getByRole('button', { name: 'Shrani popravek' }).isVisible()).toBe(true);
    expect(await value.inputValue()).toBe('12');
    await value.fill('14');
    await page.getByRole('button', { name: 'Shrani popravek' }).click();
    const reasonError = page.locator('[data-field="reason"] .field-error');
    await reasonError.waitFor();
    expect(await reasonError.innerText()).toContain('Navedite razlog popravka');
    await page.getByLabel('Razlog popravka').fill('Dva udeleženca sta bila vpisana naknadno');
    await page.getByRole('button', { name: 'Shrani popravek' }).click();
    await page.getByText('Popravek shranjen: AS-U1, leto 2021 – 14.').waitFor();
    expect(await row(page, 'AS-U1').locator('td[data-label="Doseženo"]').innerText()).toBe('14');
    expect(await row(page, 'AS-U1').locator('td[data-label="Kumulativno"]').innerText()).toBe('76');

    await page.locator('.value-form .actions').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await screenshot(page, 'project-entry');
    await context.close();
  });

  it('shows the errors the API answers next to their fields', async () => {
    const { context, page } = await logIn(web, 'vodja');
    await page.goto(`${web.baseUrl}/#/projects/AS?year=2021`);
    await page.getByRole('button', { name: 'Vnesi vrednost za AS-R1' }).click();
    await waitForFocus(page, { id: (await page.getByLabel('Števec').getAttribute('id')) ?? '' });
    // A rule only the server knows, answered the way the API answers it (422 with field errors).
    await page.route('**/api/indicators/*/values', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            contentType: 'application/json',
            body: JSON.stringify({ statusCode: 422, message: 'Achieved value refused', errors: [{ field: 'periodStart', message: 'the period lies outside the funding periods' }] }),
          })
        : route.continue(),
    );
    await page.getByLabel('Števec').fill('10');
    await page.getByLabel('Imenovalec').fill('40');
    await page.getByRole('button', { name: 'Shrani vrednost' }).click();
    const error = page.locator('[data-field="periodStart"] .field-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('outside the funding periods');
    const from = page.locator('input[name="periodStart"]');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.value-form .form-errors').innerText()).toContain('Popravite označena polja');
    await context.close();
  });

  it('lets a coordinator download the AS 2020 report as PDF and submit it, which locks 2020', async () => {
    const { context, page } = await logIn(web, 'koordinator');
    await page.getByRole('heading', { level: 1, name: /Pregled portfelja/ }).waitFor();
    await page.getByLabel('Leto').selectOption('2020');
    await page.locator('svg.chart .chart-row').first().waitFor();
    expect(await page.locator('.stat-met .stat-number').innerText()).toBe('2');
    await screenshot(page, 'dashboard');

    await page.getByRole('link', { name: 'Poročila' }).click();
    await page.getByRole('heading', { level: 1, name: 'Letna poročila' }).waitFor();
    await page.getByLabel('Projekt').selectOption('AS');
    await page.getByLabel('Leto').selectOption('2020');
    await page.getByLabel('Predloga').selectOption('ess-kazalniki');
    await page.getByLabel('PDF').check();
    await page.getByText('Leto 2020 ni zaklenjeno').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Prenesi poročilo' }).click()]);
    expect(download.suggestedFilename()).toBe('letno-porocilo-AS-2020.pdf');
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // The partners have not marked their parts ready: the coordinator says why it goes without them.
    await page.getByLabel('Razlog za oddajo brez vseh delov partnerjev').fill('Partnerja v letu 2020 nista poročala ločeno');
    // Submitting asks first; cancelling changes nothing.
    await page.getByRole('button', { name: 'Oddaj poročilo …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Oddaja letnega poročila' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('projekta AS za leto 2020');
    await dialog.getByRole('button', { name: 'Prekliči' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByText('Ni oddanih poročil.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Oddaj poročilo …' }).click();
    await dialog.getByRole('button', { name: 'Oddaj in zakleni leto' }).click();
    await page.locator('#main').getByText(/Poročilo AS za leto 2020 je oddano/).waitFor();
    await page.locator('.lock-state').getByText('Leto 2020 je zaklenjeno').waitFor();
    await page.locator('.cycle-state').getByText('oddano v pregled').waitFor();
    expect(await page.getByRole('button', { name: 'Oddaj poročilo …' }).count()).toBe(0);
    const files = await page.locator('table.submissions').innerText();
    expect(files).toContain('letno-porocilo-AS-2020.pdf');
    expect(files).toMatch(/SHA-256\s+[0-9a-f]{64}/);
    await screenshot(page, 'reports');
    await context.close();
  });

  it('shows an auditor the correction in the indicator history: who, before → after, why', async () => {
    const { context, page } = await logIn(web, 'revizor');
    await page.getByRole('heading', { level: 1, name: 'Revizijska sled' }).waitFor();
    const chain = page.locator('.chain-result .notice');
    await chain.waitFor();
    expect(await chain.innerText()).toContain('Veriga je nedotaknjena.');
    await page.getByLabel('Projekt', { exact: true }).selectOption('AS');
    await page.getByLabel('Kazalnik', { exact: true }).selectOption({ label: 'AS-U1 – Število oseb iz ranljivih ciljnih skupin, vključenih v program.' });
    const correction = page.locator('.event-update').first();
    await correction.waitFor();
    expect(await correction.locator('.event-actor').innerText()).toContain('vodja');
    expect(await correction.locator('.event-record').innerText()).toBe('Dosežena vrednost · 1. 1. 2021 – 31. 12. 2021');
    const change = correction.locator('dd').first();
    expect(await change.locator('del').innerText()).toMatch(/12$/);
    expect(await change.locator('ins').innerText()).toMatch(/14$/);
    expect(await correction.locator('.event-reason').innerText()).toContain('Dva udeleženca sta bila vpisana naknadno');

    // The submitted report is listed with its checksum, and the history can be exported.
    await page.locator('table.submissions').getByText('letno-porocilo-AS-2020.pdf').waitFor();
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toMatch(/\/history\/export\?format=csv$/);
    await screenshot(page, 'history');

    // State as of a day before anything was entered: nothing yet.
    await page.getByLabel('Datum').fill('2019-01-01');
    await page.getByRole('button', { name: 'Prikaži stanje' }).click();
    await page.getByText('Ob koncu dne 1. 1. 2019 za ta kazalnik še ni bilo zapisov.').waitFor();
    await context.close();
  });

  it('says that 2020 is locked and offers no edit there', async () => {
    const { context, page } = await logIn(web, 'vodja');
    await page.goto(`${web.baseUrl}/#/projects/AS?year=2020`);
    await page.getByText('Leto 2020 je zaklenjeno').waitFor();
    await row(page, 'AS-U1').waitFor();
    expect(await page.getByRole('button', { name: /^Vnesi/ }).count()).toBe(0);
    expect(await page.locator('#value-entry').count()).toBe(0);
    expect(await page.locator('textarea').count()).toBe(0);
    // The figures are still there to read: 62 of 60, 103,33 %, met.
    const cells = await row(page, 'AS-U1').locator('td').allInnerTexts();
    expect(cells.slice(0, 3).map((c) => c.replace(/\s+/g, ' ').trim())).toEqual(['60', '62', '103,33 %']);
    expect(cells[3]).toContain('Doseženo');
    expect(await row(page, 'AS-R1').locator('td[data-label="Doseženo"]').innerText()).toMatch(/40,32\u00a0%\s+25 od 62/);
    await context.close();
  });
});
