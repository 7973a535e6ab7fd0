import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { ROOT } from '../support/process.js';
import { servicesRequired } from '../support/services.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const run = promisify(execFile);

const available = existsSync(CHROMIUM);
if (!available && servicesRequired) throw new Error(`${CHROMIUM} is missing and REQUIRE_SERVICES=1 (apt-get install chromium)`);

(available ? describe : describe.skip)('the dashboard in Chromium', () => {
  let t: TestGateway;
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    await run('npm', ['run', '--silent', 'build:web'], { cwd: ROOT });
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestGateway({ DEMO_ACCOUNT: 'true' }, {}, new Date().toISOString());
    await t.gateway.useCases.ensureDemoAccount();
    for (const file of ['../../seeds/offers/tarif-bleu.jsonl', '../fixtures/offers-fixture.jsonl']) {
      const loaded = await t.gateway.useCases.offerCatalogue.load(readFileSync(new URL(file, import.meta.url), 'utf8'));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    }
    server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.close();
  });

  const series = async (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-series');

  it('when the demo account logs in, then both meters show, Main House charts a year of consumption and production, a day has its curve, and it logs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    await page.goto(base);
    await page.getByRole('button', { name: 'Utiliser le compte de démonstration' }).click();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByTestId('meter-12345678901234').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('meter-98765432109876').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, '1-demo-meters.png'), fullPage: true });

    await page.getByRole('link', { name: 'Main House' }).click();
    await expect.poll(() => series(page, 'daily-chart'), { timeout: 15_000 }).toBe('Consommation (kWh):365|Production (kWh):365');
    expect(await page.getByTestId('totals').textContent()).toMatch(/Consommation : [\d\s  ,]+ kWh · Production : [\d\s  ,]+ kWh/);
    expect(await series(page, 'power-chart')).toBe('Puissance max (kVA):365|Puissance souscrite (kVA):365');
    await page.screenshot({ path: join(SHOTS, '2-main-house-year.png'), fullPage: true });

    await page.getByRole('button', { name: 'Afficher la courbe' }).click();
    await expect.poll(() => series(page, 'curve-chart')).toMatch(/^Consommation \(W\):(46|48|50)\|Production \(W\):(46|48|50)$/);
    await page.getByTestId('curve-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, '3-main-house-day-curve.png'), fullPage: true });

    expect(await page.getByTestId('headroom').textContent()).toMatch(/^0 jour\(s\) au-dessus de 9 kVA · pic [\d,]+ kVA \(\d+ % de la puissance souscrite\)$/);
    await expect.poll(() => series(page, 'grouped-chart'), { timeout: 15_000 }).toMatch(/^Consommation \(kWh\):1[23]\|Production \(kWh\):1[23]$/);
    const csvHref = await page.getByTestId('csv-consumption').getAttribute('href');
    const csv = await page.request.get(`${base}${csvHref}`);
    expect((await csv.text()).split('\r\n')[0]).toBe('period,start,end,value_Wh,complete');
    await expect.poll(() => page.getByTestId('self-consumption').locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(13);

    const cost = page.getByTestId('cost');
    await cost.getByLabel('Offre').selectOption({ label: 'EDF — Tarif Bleu Tempo' });
    await cost.getByRole('button', { name: 'Calculer le coût' }).click();
    await expect.poll(() => page.getByTestId('cost-total').textContent(), { timeout: 15_000 }).toMatch(/^\d+,\d{2} €$/);
    expect(await page.getByTestId('cost-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(13);
    await cost.getByRole('button', { name: 'Comparer les offres' }).click();
    await expect.poll(() => page.getByTestId('comparison').locator('tbody tr').count(), { timeout: 15_000 }).toBe(4);
    expect(await page.getByTestId('tempo-calendar').locator('.tempo-day').count()).toBeGreaterThan(60);
    await cost.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, '3b-main-house-cost.png'), fullPage: true });

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Connexion' }).isVisible()).toBe(true);
    await page.close();
  }, 60_000);

  it('when someone signs up, then the credentials show once with copy buttons, and a meter can be added', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    await page.goto(`${base}/#/signup`);
    await page.getByLabel('Email').fill('browser-user@example.org');
    await page.getByLabel('Mot de passe').fill('Correct-Horse9');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await expect.poll(() => page.getByTestId('copy-client_secret').textContent()).toMatch(/^[\w-]{64}$/);
    expect(await page.getByRole('button', { name: 'Copier' }).count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, '4-signup-credentials.png'), fullPage: true });
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('PDL (14 chiffres)').fill('22516914714270');
    await page.getByLabel('Nom (facultatif)').fill('Maison de test');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await expect.poll(() => page.getByTestId('meter-22516914714270').textContent()).toContain('Synchronisation : à jour');
    await page.screenshot({ path: join(SHOTS, '5-meter-added.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('when logged in, then the session is an HttpOnly cookie no script can read, it survives a reload, carries writes, and log-out ends it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${base}/#/signup`);
    await page.getByLabel('Email').fill('cookie-user@example.org');
    await page.getByLabel('Mot de passe').fill('Correct-Horse9');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Mes compteurs' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'access_token', httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('JSON.stringify(localStorage)')).toBe('{}');
    await page.getByLabel('PDL (14 chiffres)').fill('11453290002823');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    const settings = page.getByTestId('settings-11453290002823');
    await settings.getByLabel('Option tarifaire').selectOption('TEMPO');
    await page.reload();
    await expect.poll(() => page.getByTestId('settings-11453290002823').getByLabel('Option tarifaire').inputValue()).toBe('TEMPO');
    await page.screenshot({ path: join(SHOTS, '7-cookie-session-settings.png'), fullPage: true });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Connexion' }).isVisible()).toBe(true);
    expect(await context.cookies()).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Connexion' }).isVisible()).toBe(true);
    await context.close();
  }, 60_000);

  it('when an error comes back, then its message is shown, and on a phone the dashboard still fits', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'fr-FR' });
    await page.goto(base);
    await page.getByLabel('Email').fill('demo@myelectricaldata.fr');
    await page.getByLabel('Mot de passe').fill('Wrong-Password1');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong email or password');
    await page.getByRole('button', { name: 'Utiliser le compte de démonstration' }).click();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Apartment' }).click();
    await expect.poll(() => series(page, 'daily-chart'), { timeout: 15_000 }).toBe('Consommation (kWh):365');
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(SHOTS, '6-phone-apartment.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
