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
    // A job of a few reports can be done within the page's first poll (half a second), too soon
    // for a locator to be sure to see its progress bar: the panel is watched from before the click.
    await page.evaluate(`(() => {
      const panel = document.querySelector('.export-all');
      new MutationObserver(() => {
        if (panel.querySelector('progress')) window.sawProgressBar = true;
      }).observe(panel, { childList: true, subtree: true });
    })()`);
    await page.getByRole('button', { name: 'Izvozi vse' }).click();
    const download = await downloaded;
    expect(await page.evaluate('window.sawProgressBar === true')).toBe(true);
    expect(download.suggestedFilename()).toBe('porocila-2020.zip');
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const names = Object.keys(zip.files);
    expect(names).toContain('letno-porocilo-AS-2020.pdf');
    expect(names.every((n) => n.endsWith('-2020.pdf'))).toBe(true);
    await page.locator('.export-all').getByText(/Vsa poročila leta 2020 \(\d+ datotek\) so v porocila-2020\.zip/).waitFor();
    await screenshot(page, 'export-all');
    await context.close();
  });
});
