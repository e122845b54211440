import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type WebLedger, apiGet, demoToken, launchChromium, newPage, screenshot, signIn, startWebLedger } from '../support/browser.js';

/**
 * The people the ledger serves, in a real browser (headless Debian Chromium, playwright-core),
 * against the built API and web app over a fresh database with the demo history.
 */
describe('the web app, journey by journey', () => {
  let ledger: WebLedger;
  let browser: Browser;
  const opened: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    [ledger, browser] = await Promise.all([startWebLedger(), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    for (const context of opened) await context.close();
    await browser?.close();
    await ledger?.close();
  });

  /** A fresh browser context for one person, closed at the end; fails the journey on any script error. */
  async function visit(width: 1280 | 768 = 1280): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await newPage(browser, ledger.url, width);
    opened.push(context);
    return { page, errors };
  }

  it('shows a newcomer the published agreements without signing in, each only as far as it is published', async () => {
    const { page, errors } = await visit();
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: 'All Wales collaboration' }).waitFor();
    const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    expect(await cards.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['All Wales collaboration', 'Seven Force Strategic Alliance']);
    expect(await cards.nth(0).textContent()).toMatch(/Published in full.*Purpose/);
    expect(await cards.nth(1).textContent()).toMatch(/Published with redactions.*Why: Illustrative: commercial schedules withheld/);
    expect(await cards.nth(1).textContent()).not.toMatch(/Purpose/);
    await screenshot(page, 'public-register');
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByText('Demo sign-in.').waitFor();
    expect(errors).toEqual([]);
  });

  it('lets the Chief Constable of Dorset sign the drone unit agreement from what awaits them, in one click', async () => {
    const { page, errors } = await visit();
    await signIn(page, /^Chief officer of Dorset Police/);
    const item = page.getByRole('listitem').filter({ hasText: 'Sign the agreement for Dorset Police as its chief officer' });
    await item.waitFor();
    await screenshot(page, 'home-chief-constable-of-dorset');
    await item.getByRole('button', { name: 'Sign for Dorset Police' }).click();
    await page.getByRole('status').filter({ hasText: 'Signed. The signature is recorded.' }).waitFor();
    await page.getByRole('heading', { name: 'Agreements and variations to sign (0)' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'National register' }).click();
    await page.getByRole('link', { name: /Devon, Cornwall and Dorset Drone Unit/ }).click();
    await page.getByRole('link', { name: 'Signatures' }).click();
    const dorset = page.getByRole('row', { name: /^Dorset Police/ });
    await dorset.getByText('Signed', { exact: true }).first().waitFor();
    expect(await dorset.textContent()).toMatch(/Signed\s*Chief Constable of Dorset Police \(illustrative holder\).*Office holder that day: Chief Constable of Dorset Police \(illustrative holder\) — the signatory/);
    expect(errors).toEqual([]);
  });

  it('lets the PCC for Devon and Cornwall approve the firearms range decision, which then leaves what awaits them', async () => {
    const { page, errors } = await visit();
    await signIn(page, /^Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly/);
    const decisions = page.getByRole('region', { name: /Decisions to approve or ratify/ });
    const item = decisions.getByRole('listitem').filter({ hasText: 'Shared firearms training range at Middlemoor' });
    await item.waitFor();
    await item.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { name: 'Decisions to approve or ratify (0)' }).waitFor();
    expect(await decisions.textContent()).not.toMatch(/firearms training range/);
    expect(errors).toEqual([]);
  });

  it('shows an auditor the terms as they stood on any date: the Seven Force alliance proposed in February 2016, in force with its delegation scheme from the end of March', async () => {
    const { page, errors } = await visit();
    await signIn(page, /^Auditor/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'National register' }).click();
    await page.getByRole('link', { name: 'Seven Force Strategic Alliance' }).click();
    const terms = page.getByRole('region', { name: 'Terms at that date' });
    await terms.getByRole('cell', { name: 'every chief officer and policing body' }).waitFor();
    // An auditor sees no write control at all: no button and no form, only the date slider and its date field.
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    expect(await page.getByRole('main').locator('form').count()).toBe(0);

    const slider = page.getByRole('slider', { name: 'Show the terms as at' });
    await slider.focus();
    await slider.press('Home'); // the day it was proposed: 16 February 2016 (its terms are the proposal's until every party signs)
    await page.getByRole('status').filter({ hasText: 'Showing the terms at the end of 16 February 2016.' }).waitFor();
    await terms.getByText(/Proposed, awaiting signatures/).waitFor();
    await screenshot(page, 'collaboration-terms-as-proposed');

    await page.getByLabel('Or type a date').fill('2016-04-02');
    await terms.getByRole('cell', { name: '£250,000' }).waitFor();
    expect(await terms.textContent()).toMatch(/In force.*Financial£250,000every chief officer/);
    expect(errors).toEqual([]);
  });

  it('opens a point of an indicator and reaches the events behind it', async () => {
    const { page, errors } = await visit();
    await signIn(page, /^Auditor/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'National register' }).click();
    await page.getByRole('link', { name: 'Devon and Cornwall and Dorset Strategic Alliance' }).click();
    await page.getByRole('link', { name: 'Governance and trust' }).click();
    const signing = page.getByRole('figure', { name: 'Days from the proposal to signature' });
    await signing.getByRole('img', { name: /Days from the proposal to signature, by month/ }).waitFor();
    await signing.getByText('The figures by month, and the events behind each').click();
    await signing.getByRole('button', { name: /4 events behind days from the proposal to signature, Mar 2015/ }).click();
    const events = page.getByRole('region', { name: /The events behind: Days from the proposal to signature, Mar 2015/ });
    await events.getByRole('row').nth(4).waitFor();
    expect(await events.getByRole('row').allTextContents()).toEqual([
      expect.stringMatching(/^Event/),
      ...Array.from({ length: 4 }, () => expect.stringMatching(/Agreement signed\s*Back-dated.*27 March 2015/)),
    ]);
    await screenshot(page, 'collaboration-indicators-events');
    await events.getByRole('link', { name: 'Open its record' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Terms as they stood' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('never overwrites: when someone else acts first, it says the page changed since it was opened, and a reload lets one act again', async () => {
    const { page, errors } = await visit();
    await signIn(page, /^Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly/);
    await page.getByRole('link', { name: /Devon, Cornwall and Dorset Drone Unit/ }).first().click();
    const sign = page.getByRole('button', { name: 'Sign the agreement for Devon and Cornwall Police' });
    await sign.waitFor();

    // Meanwhile the PCC for Dorset signs: the agreement's stream moves on.
    const dorset = await demoToken(ledger.url, 'policing-body', 'dorset');
    const { items } = await apiGet<{ items: Array<{ kind: string; subjectId: string; version: number }> }>(ledger.url, dorset, '/me/awaiting');
    const pending = items.find((i) => i.kind === 'sign-agreement')!;
    const signed = await fetch(`${ledger.url}/collaborations/${pending.subjectId}/signatures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${dorset}`, 'content-type': 'application/json', 'if-match': `"${pending.version}"` },
      body: JSON.stringify({ party: 'dorset' }),
    });
    expect(signed.status).toBe(201);

    await sign.click();
    const problem = page.getByRole('alert');
    await problem.getByRole('heading', { name: 'This changed since you opened it' }).waitFor();
    expect(await problem.textContent()).toMatch(/nothing was written\. Reload to see the latest, then decide again\.Reload.*Reference: VersionMismatch/);
    await screenshot(page, 'conflict-reload');
    await problem.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('button', { name: 'Sign the agreement for Devon and Cornwall Police' }).click();
    await page.getByRole('status').filter({ hasText: 'Signed. Your signature is recorded.' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('lets a collaboration manager record a benefit figure that is due, and says in words what is wrong with a bad entry', async () => {
    const { page, errors } = await visit();
    await signIn(page, /^Collaboration manager, Devon and Cornwall Police/);
    const due = page.getByRole('region', { name: /Benefit figures due/ });
    await due.getByRole('listitem').first().waitFor();
    expect(await due.getByRole('listitem').count()).toBe(2); // the five effectiveness benefits went to business as usual (seed 002)
    const item = due.getByRole('listitem').filter({ hasText: 'Non-cashable savings' });
    const month = /Record the figure for (\d{4}-\d{2})/.exec((await item.textContent()) ?? '')![1]!;
    await item.getByRole('link', { name: 'Record the figure' }).click();

    const form = page.getByRole('group', { name: 'Record a figure' });
    await form.getByLabel('Month').fill(month);
    await form.getByLabel('Figure (index)').fill('55');
    await form.getByRole('button', { name: 'Record the figure' }).click();
    const problem = page.getByRole('alert');
    await problem.getByRole('heading', { name: 'Please check what you entered' }).waitFor();
    expect(await problem.textContent()).toMatch(/evidence/);

    await form.getByLabel('Evidence').fill('Time released review, illustrative');
    await form.getByRole('button', { name: 'Record the figure' }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
    await page.getByRole('row', { name: /55 index\s*Time released review, illustrative/ }).waitFor();
    await page.getByRole('link', { name: 'What awaits me' }).click();
    await page.getByRole('heading', { name: 'Benefit figures due (1)' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('lets a collaboration manager propose a collaboration, which then awaits every party’s signatures', async () => {
    const { page, errors } = await visit();
    await signIn(page, /^Collaboration manager, Dorset Police/);
    await page.getByRole('link', { name: 'Propose a collaboration' }).click();
    const form = page.getByRole('group', { name: 'The proposal' });
    await form.getByLabel('Name').fill('Dorset and Devon and Cornwall Marine Unit (test)');
    await form.getByLabel('Purpose').fill('One marine unit for both coasts');
    await form.getByLabel('Functions in scope').fill('marine policing, search');
    await form.getByRole('checkbox', { name: 'Devon and Cornwall Police' }).check();
    expect(await form.getByRole('checkbox', { name: 'Dorset Police' }).isChecked()).toBe(true);
    await form.getByLabel('How costs are shared').fill('Half each');
    await form.getByLabel('Review date').fill('2029-04-01');
    await form.getByRole('button', { name: 'Propose the collaboration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dorset and Devon and Cornwall Marine Unit (test)' }).waitFor();
    const terms = page.getByRole('region', { name: 'Terms at that date' });
    await terms.getByText('Proposed, awaiting signatures').waitFor();
    expect(await terms.textContent()).toMatch(/Functions in scopemarine policing, search.*Lead forceDorset Police/);
    expect(errors).toEqual([]);
  });

  it('lets the registrar record a handover that happened earlier, with its source, and the force’s office holders show it', async () => {
    const { page, errors } = await visit();
    await signIn(page, /^National registrar/);
    await page.goto('/app/forces/kent');
    const form = page.getByRole('group', { name: /Record a handover of the policing body office, now held by Police and Crime Commissioner for Kent/ });
    await form.getByLabel('Incoming holder’s name').fill('Police and Crime Commissioner for Kent (illustrative successor)');
    await form.getByLabel('Incoming holder’s id').fill('demo-pb-kent-2024');
    await form.getByLabel('Handover note and source').fill('Elected on 2 May 2024; source: the declaration of the result (illustrative)');
    await form.getByLabel('When it happened').fill('2024-05-13');
    await form.getByRole('button', { name: 'Record the handover' }).click();
    await page.getByRole('status').filter({ hasText: 'Handover recorded, with what was pending for the office.' }).waitFor();
    const offices = page.getByRole('region', { name: 'Office holders' });
    await offices.getByRole('row', { name: /Police and Crime Commissioner for Kent \(illustrative successor\)\s*13 May 2024\s*Holds it now/ }).waitFor();
    expect(await offices.getByRole('row', { name: /Police and Crime Commissioner for Kent \(illustrative holder\)/ }).textContent()).toMatch(/22 November 2012\s*13 May 2024 \(Handover\)/);
    expect(errors).toEqual([]);
  });
});
