import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type WebLedger, accessibilityViolations, apiGet, demoToken, launchChromium, layoutShift, newPage, screenshot, signIn, startWebLedger } from '../support/browser.js';

/**
 * Every page, as the people who use it see it, scanned by axe-core for WCAG 2.2 A and AA rules: no
 * serious or critical violation. Nothing on it moves as it loads: its cumulative layout shift stays
 * under 0.1, what Web Vitals calls good (the pages measure 0 to 0.02 on a quiet machine). Each is
 * also shown at a tablet's width (768 px) without the page scrolling sideways, and the main pages
 * are kept as screenshots in test/artifacts/.
 */
describe('every page of the web app is accessible', () => {
  let ledger: WebLedger;
  let browser: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [ledger, browser] = await Promise.all([startWebLedger(), launchChromium()]);
    const auditor = await demoToken(ledger.url, 'auditor');
    const register = await apiGet<{ items: Array<{ collaborationId: string; name: string }> }>(ledger.url, auditor, '/register?limit=200');
    ids.alliance = register.items.find((c) => c.name === 'Devon and Cornwall and Dorset Strategic Alliance')!.collaborationId;
    const decisions = await apiGet<{ items: Array<{ decisionId: string; status: string }> }>(ledger.url, auditor, `/decision-log?collaborationId=${ids.alliance}`);
    ids.decision = decisions.items.find((d) => d.status === 'open')!.decisionId;
    const benefits = await apiGet<{ items: Array<{ benefitId: string; category: string }> }>(ledger.url, auditor, `/benefits-against-plan?collaborationId=${ids.alliance}`);
    ids.benefit = benefits.items.find((b) => b.category === 'economic')!.benefitId;
    const recommendations = await apiGet<{ items: Array<{ recommendationId: string; addressedTo: string }> }>(ledger.url, auditor, '/recommendations-tracker');
    ids.recommendation = recommendations.items.find((r) => r.addressedTo === 'nottinghamshire')!.recommendationId;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  /** Opens a page, waits until it has shown what it loads (no spinner left), checks it with axe at 1280 px and at 768 px. */
  async function check(page: Page, path: string, ready: (page: Page) => Promise<unknown>, name?: string): Promise<string[]> {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(path);
    await ready(page);
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    const found = (await accessibilityViolations(page)).map((v) => `${path} at 1280 px: ${v}`);
    const shift = await layoutShift(page);
    if (shift >= 0.1) found.push(`${path}: the page moved as it loaded (cumulative layout shift ${shift.toFixed(3)})`);
    if (name) await screenshot(page, name);
    await page.setViewportSize({ width: 768, height: 1024 });
    await afterLayout(page);
    const sideways = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    if (sideways > 0) found.push(`${path} at 768 px: the page scrolls sideways by ${sideways} px`);
    found.push(...(await accessibilityViolations(page)).map((v) => `${path} at 768 px: ${v}`));
    if (name) await screenshot(page, `${name}-tablet`);
    return found;
  }

  /** Two animation frames: the charts' resize observers have run and the page has been laid out again at the new width. */
  const afterLayout = (page: Page) => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name }).waitFor();

  it('the public register and the sign-in page, without signing in', async () => {
    const { context, page, errors } = await newPage(browser, ledger.url);
    const found = [
      ...(await check(page, '/', (p) => p.getByRole('heading', { level: 2, name: 'All Wales collaboration' }).waitFor(), 'public-register')),
      ...(await check(page, '/app/sign-in', (p) => p.getByRole('button', { name: /^Auditor/ }).waitFor(), 'sign-in')),
      ...(await check(page, '/app/no-such-page', heading('Page not found'))),
    ];
    await context.close();
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });

  describe('every page an auditor reads', () => {
    let auditor: Awaited<ReturnType<typeof newPage>>;
    beforeAll(async () => {
      auditor = await newPage(browser, ledger.url);
      await signIn(auditor.page, /^Auditor/);
    }, 60_000);
    afterAll(async () => {
      expect(auditor.errors).toEqual([]);
      await auditor?.context.close();
    });

    const c = () => `/app/collaborations/${ids.alliance}`;
    const pages: Array<[string, () => string, (p: Page) => Promise<unknown>, string]> = [
      ['what awaits an auditor', () => '/app', (p) => p.getByText('Auditors read everything and change nothing').waitFor(), 'home-auditor'],
      ['the national register', () => '/app/register', (p) => p.getByRole('link', { name: 'Seven Force Strategic Alliance' }).waitFor(), 'register'],
      ['the register searched as at a date', () => '/app/register?q=roads&asOf=2018-01-01', (p) => p.getByText(/as the register stood at the end of 1 January 2018/).waitFor(), 'register-as-at'],
      ['a collaboration’s terms', c, (p) => p.getByRole('region', { name: 'Terms at that date' }).waitFor(), 'collaboration-terms'],
      ['its signature matrix', () => `${c()}/signatures`, (p) => p.getByRole('row', { name: /^Dorset Police/ }).waitFor(), 'collaboration-signatures'],
      ['its timeline', () => `${c()}/timeline`, (p) => p.getByRole('cell', { name: /Agreement signed/ }).first().waitFor(), 'collaboration-timeline'],
      ['its decisions', () => `${c()}/decisions`, (p) => p.getByRole('link', { name: 'Submit the full business case for a merger of the two forces' }).waitFor(), 'collaboration-decisions'],
      ['its benefits against plan', () => `${c()}/benefits`, (p) => p.getByRole('img', { name: /Cashable savings/ }).waitFor(), 'collaboration-benefits'],
      ['its risk-appetite heat map', () => `${c()}/risk-appetite`, (p) => p.getByRole('img', { name: /Heat map of risk appetite levels/ }).waitFor(), 'collaboration-risk-appetite'],
      ['its governance and trust indicators', () => `${c()}/indicators`, (p) => p.getByRole('figure', { name: 'Days to decide' }).waitFor(), 'collaboration-indicators'],
      ['its raw record', () => `${c()}/audit`, (p) => p.getByRole('cell', { name: 'CollaborationProposed v2' }).waitFor(), 'collaboration-raw-record'],
      ['a decision', () => `/app/decisions/${ids.decision}`, heading('Shared firearms training range at Middlemoor (illustrative)'), 'decision'],
      ['a benefit', () => `/app/benefits/${ids.benefit}`, (p) => p.getByRole('img', { name: /figures by month/ }).waitFor(), 'benefit'],
      ['a force', () => '/app/forces/devon-and-cornwall', (p) => p.getByRole('img', { name: /Risk appetite of Devon and Cornwall Police/ }).waitFor(), 'force'],
      ['the recommendations tracker', () => '/app/recommendations', (p) => p.getByRole('cell', { name: /Forces that have not yet implemented/ }).first().waitFor(), 'recommendations'],
      ['a recommendation', () => `/app/recommendations/${ids.recommendation}`, heading('Recommendation to Nottinghamshire Police'), 'recommendation'],
    ];
    it.each(pages)('%s', async (_name, path, ready, screenshotName) => {
      expect(await check(auditor.page, path(), ready, screenshotName)).toEqual([]);
    });
  });

  it('the pages where people act: what awaits a chief officer, a manager’s forms, the registrar’s, and a refusal shown in words', async () => {
    const found: string[] = [];
    const chief = await newPage(browser, ledger.url);
    await signIn(chief.page, /^Chief officer of Dorset Police/);
    found.push(...(await check(chief.page, '/app', (p) => p.getByRole('button', { name: 'Approve' }).waitFor(), 'home-chief-officer')));
    found.push(...(await check(chief.page, `/app/decisions/${ids.decision}`, (p) => p.getByRole('group', { name: 'Reject' }).waitFor(), 'decision-to-approve')));
    await chief.context.close();

    const manager = await newPage(browser, ledger.url);
    await signIn(manager.page, /^Collaboration manager, Devon and Cornwall Police/);
    found.push(...(await check(manager.page, `/app/collaborations/${ids.alliance}`, (p) => p.getByRole('group', { name: 'Propose a decision' }).waitFor(), 'collaboration-manager-forms')));
    found.push(...(await check(manager.page, '/app/collaborations/new', (p) => p.getByRole('group', { name: 'Parties' }).waitFor())));
    await manager.page.setViewportSize({ width: 1280, height: 900 });
    await manager.page.goto(`/app/collaborations/${ids.alliance}`);
    const form = manager.page.getByRole('group', { name: 'Propose a decision' });
    await form.getByRole('button', { name: 'Propose the decision' }).click();
    await manager.page.getByRole('alert').getByRole('heading', { name: 'Please check what you entered' }).waitFor();
    found.push(...(await accessibilityViolations(manager.page)).map((v) => `a refused form: ${v}`));
    await screenshot(manager.page, 'refusal-in-words');
    await manager.context.close();

    const registrar = await newPage(browser, ledger.url);
    await signIn(registrar.page, /^National registrar/);
    found.push(...(await check(registrar.page, '/app/forces/dorset', (p) => p.getByRole('group', { name: /Record a handover of the chief officer office/ }).waitFor(), 'force-registrar')));
    await registrar.context.close();

    expect(found).toEqual([]);
    expect([...chief.errors, ...manager.errors, ...registrar.errors]).toEqual([]);
  }, 120_000);
});
