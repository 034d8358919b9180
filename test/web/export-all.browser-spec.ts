import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { logIn, screenshot, useWebTest } from './browser';

/** "Izvozi vse" on the reports page: a job with a progress bar, then one ZIP of every project's report. */
describe('web interface: export all reports of a year', () => {
  const web = useWebTest();

  it('follows the job with a progress bar and downloads the ZIP, one PDF per project', async () => {
    const { context, page } = await logIn(web, 'koordinator');
    await page.getByRole('heading', { level: 1, name: /Pregled portfelja/ }).waitFor();
    await page.getByRole('link', { name: 'Poročila' }).click();
    await page.getByRole('heading', { level: 1, name: 'Letna poročila' }).waitFor();
    await page.getByLabel('Leto').selectOption('2020');
    await page.getByLabel('PDF').check();

    const downloaded = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Izvozi vse' }).click();
    await page.locator('.export-all progress').waitFor();
    await screenshot(page, 'export-all');
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('porocila-2020.zip');
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const names = Object.keys(zip.files);
    expect(names).toContain('letno-porocilo-AS-2020.pdf');
    expect(names.every((n) => n.endsWith('-2020.pdf'))).toBe(true);
    await page.locator('.export-all').getByText(/Vsa poročila leta 2020 \(\d+ datotek\) so v porocila-2020\.zip/).waitFor();
    await context.close();
  });
});
