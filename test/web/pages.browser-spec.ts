import { request } from 'node:http';
import { focused, logIn, openPage, screenshot, waitForFocus, useWebTest } from './browser';

jest.setTimeout(120_000);

/**
 * The shell of the web interface: how the pages are served, logging in and out, the menu of each
 * role, the language switch, keyboard use and a narrow window.
 */
describe('web interface: pages, login, language, keyboard, narrow window', () => {
  const web = useWebTest();

  it('serves the pages and assets with their types and the CSP, and leaves the API alone', async () => {
    const index = await fetch(`${web.baseUrl}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();
    expect(html).toContain('<script type="module" src="/assets/app.js"></script>');
    expect(html).not.toMatch(/style="|<script>|onclick=/);

    const script = await fetch(`${web.baseUrl}/assets/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${web.baseUrl}/assets/styles.css`)).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await fetch(`${web.baseUrl}/assets/no-such-file.js`)).status).toBe(404);
    // fetch() would normalise the dots away; a raw request sends them as an attacker would.
    const escape = await rawGet(web.baseUrl, '/assets/%2e%2e/package.json');
    expect([403, 404]).toContain(escape.status);
    expect(escape.body).not.toContain('"dependencies"');

    // Any other page address gets the app; API addresses stay JSON, also unknown ones.
    const deep = await fetch(`${web.baseUrl}/projects/AS`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    const unknownApi = await fetch(`${web.baseUrl}/api/no-such-thing`);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${web.baseUrl}/api/projects`)).status).toBe(401);
    expect((await fetch(`${web.baseUrl}/health`)).status).toBe(200);
  });

  it('shows login errors next to the fields and for a wrong password', async () => {
    const { context, page } = await openPage(web);
    await page.getByRole('heading', { level: 1, name: 'Prijava' }).waitFor();
    expect(await page.title()).toBe('Prijava – Kazalnik');
    await screenshot(page, 'login');

    await page.getByRole('button', { name: 'Prijava' }).click();
    const username = page.getByLabel('Uporabniško ime');
    await page.locator('[data-field="username"] .field-error').getByText('Vpišite uporabniško ime.').waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect((await focused(page)).id).toBe(await username.getAttribute('id'));

    await username.fill('vodja');
    await page.getByLabel('Geslo').fill('napačno-geslo');
    await page.getByRole('button', { name: 'Prijava' }).click();
    await page.getByRole('alert').getByText('Uporabniško ime ali geslo ni pravilno.').waitFor();
    expect(await page.getByLabel('Geslo').inputValue()).toBe('');
    await context.close();
  });

  it('gives each role its own menu and logs out', async () => {
    const menus: Record<string, string[]> = {};
    for (const user of ['vodja', 'koordinator', 'revizor']) {
      const { context, page } = await logIn(web, user);
      await page.locator('main h1').waitFor();
      menus[user] = await page.getByRole('navigation', { name: 'Glavni meni' }).getByRole('link').allInnerTexts();
      if (user === 'revizor') {
        await page.getByRole('button', { name: 'Odjava' }).click();
        await page.getByText('Odjavljeni ste.').waitFor();
        // The session is gone on the server too: the API refuses the cookie's owner.
        await page.goto(`${web.baseUrl}/#/history`);
        await page.getByRole('heading', { level: 1, name: 'Prijava' }).waitFor();
      }
      await context.close();
    }
    expect(menus).toEqual({
      vodja: ['Moji projekti'],
      koordinator: ['Pregled', 'Projekti', 'Poročila', 'Revizijska sled'],
      revizor: ['Revizijska sled', 'Projekti'],
    });
  });

  it('keeps a project manager away from the coordinator pages', async () => {
    const { context, page } = await logIn(web, 'vodja');
    await page.goto(`${web.baseUrl}/#/reports`);
    await page.getByRole('heading', { level: 1, name: 'Ni dostopa' }).waitFor();
    await context.close();
  });

  it('switches to English and remembers it', async () => {
    const { context, page } = await logIn(web, 'koordinator');
    await page.goto(`${web.baseUrl}/#/projects/AS?year=2020`);
    await page.locator('tr[data-indicator="AS-U1"]').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('columnheader', { name: '% of plan' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('tr[data-indicator="AS-U1"] td[data-label="% of plan"]').innerText()).toBe('103.33%');
    // The focus stays on the language switch, now offering Slovene.
    expect((await focused(page)).text).toBe('Slovenščina');

    await page.reload();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByRole('button', { name: 'Slovenščina' }).click();
    await page.getByRole('columnheader', { name: '% načrta' }).waitFor();
    expect(await page.locator('tr[data-indicator="AS-U1"] td[data-label="% načrta"]').innerText()).toBe('103,33\u00a0%');
    await context.close();
  });

  it('can be used with the keyboard: skip link, visible focus, menu', async () => {
    const { context, page } = await logIn(web, 'koordinator');
    // A fresh load, so that the focus starts at the top of the document.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Pregled portfelja/ }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).className).toBe('skip-link');
    // Hidden above the page until focused, then on screen.
    expect((await page.locator('.skip-link').boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main');

    // Through the menu to the reports page without a mouse; the focus ring is drawn.
    await page.locator('.brand').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Poročila', outline: 'solid' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Letna poročila' }).waitFor();
    // After a navigation the focus is on the new page's heading, which a screen reader reads.
    await waitForFocus(page, { tag: 'H1' });
    await context.close();
  });

  it('fits a narrow window: the indicator table becomes one card per indicator', async () => {
    const { context, page } = await logIn(web, 'vodja', { width: 390, height: 844 });
    await page.goto(`${web.baseUrl}/#/projects/AS?year=2020`);
    const row = page.locator('tr[data-indicator="AS-R1"]');
    await row.waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('table.indicators thead').boundingBox()).toMatchObject({ width: 1 });
    // Each cell is labelled by its column when the header row is hidden.
    const label = await page.evaluate(`getComputedStyle(document.querySelector('tr[data-indicator="AS-R1"] td[data-label="Doseženo"]'), '::before').content`);
    expect(label).toBe('"Doseženo"');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'project-narrow');
    await context.close();
  });
});

function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
