import { BrowserContext, Page } from 'playwright-core';
import { logIn, screenshot, useWebTest } from './browser';

jest.setTimeout(180_000);

/**
 * The whole reporting cycle of AS 2021 through the pages: the manager enters, the partner marks
 * its part ready, the coordinator submits, the funder's contract officer (skrbnik) returns it with
 * reasons, the coordinator corrects a value with a reason and resubmits, skrbnik approves, and the
 * year is locked, every step listed with who, when and why.
 */
describe('web interface: the funder’s review of AS 2021', () => {
  const web = useWebTest();

  async function as(username: string, path: string, work: (page: Page) => Promise<void>): Promise<void> {
    const { context, page }: { context: BrowserContext; page: Page } = await logIn(web, username);
    try {
      await page.goto(`${web.baseUrl}/#${path}`);
      await work(page);
    } finally {
      await context.close();
    }
  }
  const cycleState = (page: Page, text: string) => page.locator('.cycle-state').getByText(text).waitFor();

  it('the manager enters the 2021 figure', async () => {
    await as('vodja', '/projects/AS?year=2021', async (page) => {
      await page.getByRole('button', { name: 'Vnesi vrednost za AS-U1' }).click();
      await page.getByLabel('Dosežena vrednost').fill('48');
      await page.getByRole('button', { name: 'Shrani vrednost' }).click();
      await page.getByText('Shranjeno: AS-U1, leto 2021 – 48.').waitFor();
      await cycleState(page, 'osnutek');
      // A manager takes no step of the cycle.
      expect(await page.locator('.cycle-actions').count()).toBe(0);
    });
  });

  it('the partner’s coordinator marks its part ready', async () => {
    await as('koordinator-lu', '/projects/AS?year=2021', async (page) => {
      const partners = page.locator('.cycle-partners');
      await partners.waitFor();
      expect(await partners.getByRole('button').count()).toBe(1);
      await partners.getByRole('button', { name: /Označi kot pripravljeno Andragoški zavod/ }).click();
      await page.getByText('Del organizacije Andragoški zavod Ljudska univerza Velenje je označen kot pripravljen.').waitFor();
      expect(await partners.innerText()).toMatch(/pripravljeno\s+Andragoški zavod Ljudska univerza Velenje\s*koordinator-lu/);
    });
  });

  it('the coordinator submits, giving a reason for the partner that is not ready', async () => {
    await as('koordinator', '/reports?project=AS&year=2021', async (page) => {
      await cycleState(page, 'osnutek');
      expect(await page.locator('.cycle-checklist').innerText()).toContain('AS-R1: za leto ni dosežene vrednosti');
      await page.getByRole('button', { name: 'Oddaj poročilo …' }).click();
      await page.getByText('Navedite razlog, zakaj oddajate brez vseh delov partnerjev.').waitFor();
      await page.getByLabel('Razlog za oddajo brez vseh delov partnerjev').fill('Uspešen.si v letu 2021 ni izvajal aktivnosti');
      await page.getByRole('button', { name: 'Oddaj poročilo …' }).click();
      await page.getByRole('dialog', { name: 'Oddaja letnega poročila' }).getByRole('button', { name: 'Oddaj in zakleni leto' }).click();
      await page.getByText('Poročilo AS za leto 2021 je oddano v pregled. Leto je zaklenjeno.').waitFor();
      await cycleState(page, 'oddano v pregled');
    });
  });

  it('skrbnik finds it in the queue and returns it with reasons', async () => {
    await as('skrbnik', '/review', async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Pregled oddanih poročil' }).waitFor();
      const queue = page.locator('table.review-queue');
      expect(await queue.innerText()).toMatch(/AS[\s\S]*2021[\s\S]*oddano v pregled/);
      await queue.getByRole('link', { name: 'Odpri AS 2021' }).click();
      await cycleState(page, 'oddano v pregled');
      // The reviewer reads the figures but has no form to change them.
      expect(await page.locator('#value-entry').count()).toBe(0);
      await page.getByRole('button', { name: 'Vrni v dopolnitev …' }).click();
      const dialog = page.getByRole('dialog', { name: 'Vrnitev poročila AS za leto 2021 v dopolnitev' });
      await dialog.getByRole('button', { name: 'Vrni v dopolnitev' }).click();
      await dialog.getByText('Navedite, kaj je treba dopolniti.').waitFor();
      await dialog.getByLabel('Razlogi (kaj je treba dopolniti)').fill('AS-U1: po seznamu vključenih je bilo 50 oseb.');
      await dialog.getByRole('button', { name: 'Vrni v dopolnitev' }).click();
      await page.getByText('Poročilo AS za leto 2021 je vrnjeno v dopolnitev.').waitFor();
      await cycleState(page, 'vrnjeno v dopolnitev');
      await screenshot(page, 'review-returned');
    });
  });

  it('the coordinator corrects the locked year with a reason and its kind, and resubmits', async () => {
    await as('koordinator', '/projects/AS?year=2021', async (page) => {
      await cycleState(page, 'vrnjeno v dopolnitev');
      expect(await page.locator('.cycle-history').innerText()).toContain('AS-U1: po seznamu vključenih je bilo 50 oseb.');
      await page.getByText('Leto je zaklenjeno: kot koordinator lahko vrednost popravite').waitFor();
      await page.getByRole('button', { name: /^Popravi/ }).click();
      await page.getByLabel('Dosežena vrednost').fill('50');
      await page.getByLabel('Razlog popravka').fill('Po seznamu vključenih, ki ga je zahteval skrbnik pogodbe');
      await page.getByLabel('Vrsta razloga').selectOption('funder_request');
      await page.getByRole('button', { name: 'Shrani popravek' }).click();
      await page.getByText('Popravek shranjen: AS-U1, leto 2021 – 50.').waitFor();
      await screenshot(page, 'locked-correction');
    });
    await as('koordinator', '/reports?project=AS&year=2021', async (page) => {
      await cycleState(page, 'vrnjeno v dopolnitev');
      await page.getByLabel('Razlog za oddajo brez vseh delov partnerjev').fill('Uspešen.si v letu 2021 ni izvajal aktivnosti');
      await page.getByRole('button', { name: 'Ponovno oddaj poročilo …' }).click();
      await page.getByRole('dialog', { name: 'Oddaja letnega poročila' }).getByRole('button', { name: 'Oddaj in zakleni leto' }).click();
      await page.getByText('Dopolnjeno poročilo AS za leto 2021 je znova oddano.').waitFor();
      await cycleState(page, 'ponovno oddano');
    });
  });

  it('skrbnik approves; the year stays locked, and every step is listed with who, when and why', async () => {
    await as('skrbnik', '/projects/AS?year=2021', async (page) => {
      await cycleState(page, 'ponovno oddano');
      await page.getByRole('button', { name: 'Odobri …' }).click();
      const dialog = page.getByRole('dialog', { name: 'Odobritev poročila AS za leto 2021' });
      await dialog.getByLabel('Opomba (neobvezno)').fill('Hvala za dopolnitev.');
      await dialog.getByRole('button', { name: 'Odobri poročilo' }).click();
      await page.getByText('Poročilo AS za leto 2021 je odobreno.').waitFor();
      await cycleState(page, 'odobreno');
      const steps = await page.locator('.cycle-history li').allInnerTexts();
      expect(steps.map((s) => s.replace(/^\d+\. \d+\. \d{4},? \d+:\d+ · /, '').split('\n')[0])).toEqual([
        'koordinator-lu · del partnerja pripravljen → osnutek',
        'koordinator · oddaja → oddano v pregled',
        'skrbnik · vrnitev v dopolnitev → vrnjeno v dopolnitev',
        'koordinator · oddaja → ponovno oddano',
        'skrbnik · odobritev → odobreno',
      ]);
      expect(steps[2]).toContain('AS-U1: po seznamu vključenih je bilo 50 oseb.');
      expect(steps[4]).toContain('Hvala za dopolnitev.');
      await screenshot(page, 'review-approved');
    });
    await as('vodja', '/projects/AS?year=2021', async (page) => {
      await page.getByText('Leto 2021 je zaklenjeno').waitFor();
      expect(await page.locator('#value-entry').count()).toBe(0);
    });
  });
});

