import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type WebLedger, accessibilityViolations, apiGet, demoToken, launchChromium, newPage, screenshot, signIn, startWebLedger } from '../support/browser.js';

/** Codes the API uses that a person should never have to read. */
const RAW_CODES = /\b(all-chief-officers(-and-policing-bodies)?|lead-force-alone|title-only|fire-and-rescue-authority|local-authority|other-public-body|chief-officer|policing-body|collaboration-manager|national-body|college-of-policing|home-office|npcc|apcc)\b/;

/**
 * Issue 13 in the web app, in a real browser over the demo history (headless Debian Chromium,
 * playwright-core, the built API over a fresh database): a collaboration's legal basis, agreed terms
 * and proposed variations; where each event's fact comes from; recommendations to national bodies by
 * name with the s55(5A) response deadline; and the delegation rule a decision was judged under.
 */
describe('the web app shows what the API records about terms, sources, national bodies and rules', () => {
  let ledger: WebLedger;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [ledger, browser] = await Promise.all([startWebLedger(), launchChromium()]);
    const auditor = await demoToken(ledger.url, 'auditor');
    const register = await apiGet<{ items: Array<{ collaborationId: string; name: string }> }>(ledger.url, auditor, '/register?limit=200');
    const named = (name: string) => register.items.find((c) => c.name === name)!.collaborationId;
    ids.sevenForce = named('Seven Force Strategic Alliance');
    ids.motorway = named('North West Motorway Police Group');
    ids.westMercia = named('West Mercia and Warwickshire Strategic Alliance');
    ids.alliance = named('Devon and Cornwall and Dorset Strategic Alliance');
    const decisions = await apiGet<{ items: Array<{ decisionId: string; title: string }> }>(ledger.url, auditor, `/decision-log?collaborationId=${ids.sevenForce}`);
    ids.vehicles = decisions.items.find((d) => d.title.startsWith('Joint procurement framework for vehicles'))!.decisionId;
    const tracker = await apiGet<{ items: Array<{ recommendationId: string; addressedTo: string }> }>(ledger.url, auditor, '/recommendations-tracker?limit=200');
    ids.nottinghamshire = tracker.items.find((r) => r.addressedTo === 'nottinghamshire')!.recommendationId;
    ids.npcc = tracker.items.find((r) => r.addressedTo === 'npcc')!.recommendationId;
    ({ page, errors } = await newPage(browser, ledger.url));
    await signIn(page, /^Auditor/);
  }, 180_000);
  afterAll(async () => {
    expect(errors).toEqual([]);
    await browser?.close();
    await ledger?.close();
  });

  const terms = () => page.getByRole('region', { name: 'Terms at that date' });
  /** The text of a term's value in the terms list (the <dd> after its <dt>). */
  const term = (name: string) => terms().locator(`dl.summary > dt:text-is("${name}") + dd`).first();

  it('shows the section an agreement was made under, with its citation, for each era of the law', async () => {
    await page.goto(`/app/collaborations/${ids.sevenForce}`);
    expect(await term('Made under').textContent()).toMatch(/^Section 22A of the Police Act 1996 \(collaboration agreement\)Police Act 1996 s22A \(inserted by the Police Reform and Social Responsibility Act 2011 s89/);
    await page.goto(`/app/collaborations/${ids.motorway}`);
    expect(await term('Made under').textContent()).toMatch(/^Section 23 of the Police Act 1996, as originally enacted/);
    await page.goto(`/app/collaborations/${ids.westMercia}`);
    expect(await term('Made under').textContent()).toMatch(/^Sections 23 and 23A of the Police Act 1996, as substituted in 2009/);
    expect(errors).toEqual([]);
  });

  it('shows the agreed terms in words: functions, lead force, delegation scheme, notice, cost sharing, annual budget, risk appetite, publication, review date, other parties, an agreed end', async () => {
    await page.goto(`/app/collaborations/${ids.sevenForce}`);
    expect(await term('Functions in scope').textContent()).toBe('procurement, ICT, specialist capabilities');
    // A force is named by its code until the forces' names have loaded (useForceName): wait for the name.
    await term('Lead force').getByText('Essex Police', { exact: true }).waitFor();
    expect(await term('Lead force').textContent()).toBe('Essex Police');
    expect(await term('Notice period for withdrawal').textContent()).toBe('12 months');
    expect(await term('Cost sharing').textContent()).toMatch(/in proportion to each force’s net revenue expenditure/);
    expect(await term('Annual budget in the agreement').textContent()).toMatch(/^2016\/17: £7,000,000 \(Bedfordshire Police £1,000,000, Cambridgeshire Constabulary £1,000,000, .*Suffolk Constabulary £1,000,000\)$/);
    expect(await term('Review date').textContent()).toBe('1 April 2019');
    expect(await term('Publication').textContent()).toBe('Published with redactions since 31 March 2016 — Illustrative: commercial schedules withheld');
    expect(await term('Other parties (s22A(6))').textContent()).toBe('None: forces and their policing bodies only');
    await terms().getByRole('cell', { name: 'every chief officer and policing body' }).waitFor();
    const text = (await terms().textContent())!;
    expect(text).not.toMatch(RAW_CODES);
    expect(text).not.toMatch(/Other terms/); // every field the API gives is shown in words, none as raw JSON
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`/app/collaborations/${ids.alliance}`);
    expect(await terms().getByRole('heading', { name: 'Agreed risk appetite' }).locator('xpath=following-sibling::p[1]').textContent()).toMatch(/^(\w[\w ]*: (Averse|Minimal|Cautious|Open|Eager)(; )?)+\. /);
    await page.goto(`/app/collaborations/${ids.motorway}`);
    expect(await term('Ends by agreement of the parties (s23C(5))').textContent()).toBe('1 April 2025');
    expect(errors).toEqual([]);
  });

  it('shows a proposed variation awaiting signatures apart from agreed ones, with the terms it proposes and who has signed', async () => {
    await page.goto(`/app/collaborations/${ids.sevenForce}`);
    await terms().getByRole('heading', { level: 3, name: 'Proposed variations awaiting signatures (1)' }).waitFor();
    const variation = terms().getByRole('article', { name: 'Add digital forensics to the functions in scope (illustrative)' });
    expect(await variation.textContent()).toMatch(/not yet agreed: it takes effect when every remaining party has signed/);
    const proposed = variation.getByLabel('Terms proposed by “Add digital forensics to the functions in scope (illustrative)”');
    expect(await proposed.textContent()).toBe('Functions in scopeprocurement, ICT, specialist capabilities, digital forensics');
    expect(await variation.getByRole('list', { name: /^Signatures on/ }).getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Chief Constable of Essex Police \(illustrative holder\), for Essex Police as its chief officer, on \d{1,2} \w+ \d{4}$/),
    ]);
    await terms().getByRole('heading', { level: 3, name: 'Agreed variations (0)' }).waitFor();
    await screenshot(page, 'collaboration-terms-variation');

    await page.goto(`/app/collaborations/${ids.motorway}`);
    const disbanded = terms().getByRole('article', { name: 'The group is disbanded' });
    expect(await disbanded.textContent()).toMatch(/agreed 3 February 2025, when the last party signed/);
    expect(await disbanded.getByLabel('Terms changed by “The group is disbanded”').textContent()).toBe('Ends by agreement of the parties on1 April 2025');
    expect(errors).toEqual([]);
  });

  it('shows another party under s22A(6) by name and kind', async () => {
    const manager = await demoToken(ledger.url, 'collaboration-manager', 'kent');
    const proposed = await fetch(`${ledger.url}/collaborations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Kent and Essex marine unit (test)',
        purpose: 'Marine policing for two forces (test)',
        functions: ['marine policing'],
        parties: ['kent', 'essex'],
        leadForce: 'kent',
        costSharing: 'Equal shares (test)',
        noticePeriodMonths: 6,
        reviewDate: '2028-04-01',
        otherParties: [{ partyId: 'example-fra', name: 'Example Fire and Rescue Authority (illustrative)', kind: 'fire-and-rescue-authority' }],
      }),
    });
    expect(proposed.status).toBe(201);
    const { collaborationId } = (await proposed.json()) as { collaborationId: string };
    await page.goto(`/app/collaborations/${collaborationId}`);
    expect(await term('Other parties (s22A(6))').textContent()).toBe('Example Fire and Rescue Authority (illustrative) (fire and rescue authority)');
    expect(await terms().textContent()).not.toMatch(RAW_CODES);
    expect(errors).toEqual([]);
  });

  it('shows where each event of the timeline comes from: a linked source, or an Illustrative badge', async () => {
    await page.goto(`/app/collaborations/${ids.sevenForce}/timeline`);
    const table = page.getByRole('table', { name: 'Events of the collaboration' });
    await table.getByRole('columnheader', { name: 'Source' }).waitFor();
    const proposal = table.getByRole('row').filter({ hasText: 'Collaboration proposed' });
    expect(await proposal.textContent()).toMatch(/Source: Essex PCC Business Coordination Board, 25 February 2016/);
    const link = proposal.getByRole('link', { name: /fdocuments\.us\/document\/seven-force-strategic-collaboration/ });
    expect(await link.getAttribute('href')).toBe('https://fdocuments.us/document/seven-force-strategic-collaboration-20160216-strategic-collaboration-programme.html');
    expect(await link.getAttribute('target')).toBe('_blank');
    // The open business the demo adds (its digital forensics variation) is illustrative: the record is silent.
    const illustrative = table.getByRole('row').filter({ hasText: 'Variation proposed' });
    await illustrative.getByText('Illustrative', { exact: true }).waitFor();
    // Every event says one or the other.
    const rows = await table.locator('tbody tr').all();
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(await row.locator('td').last().textContent()).toMatch(/^(Illustrative|Source: )/);
    expect(await page.getByRole('main').textContent()).not.toMatch(/\b(collaboration-manager|chief-officer|policing-body)\b/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'collaboration-timeline-sources');
    expect(errors).toEqual([]);
  });

  it('shows the source of the events behind a figure, and of each event in the raw record', async () => {
    await page.goto(`/app/collaborations/${ids.alliance}/indicators`);
    const signing = page.getByRole('figure', { name: 'Days from the proposal to signature' });
    await signing.getByText('The figures by month, and the events behind each').click();
    await signing.getByRole('button', { name: /events behind days from the proposal to signature, Mar 2015/ }).click();
    const events = page.getByRole('region', { name: /The events behind: Days from the proposal to signature, Mar 2015/ });
    await events.getByRole('row').nth(1).waitFor();
    expect(await events.getByRole('row').nth(1).textContent()).toMatch(/Source: Devon and Cornwall and Dorset formally agreed the strategic alliance in March 2015/);
    await events.getByRole('link', { name: 'https://www.dorset.police.uk/news-information/about-dorset-police/strategic-alliance/' }).first().waitFor();

    await page.goto(`/app/collaborations/${ids.alliance}/audit`);
    const raw = page.getByRole('table', { name: 'Events as stored' });
    expect(await raw.getByRole('row').filter({ hasText: 'CollaborationProposed' }).textContent()).toMatch(/Source: Devon and Cornwall and Dorset formally agreed/);
    expect(errors).toEqual([]);
  });

  it('names the national bodies a recommendation is addressed to, and shows the s55(5A) response deadline and a late response', async () => {
    await page.goto('/app/recommendations');
    const table = page.getByRole('table', { name: 'Recommendations' });
    await table.getByRole('cell', { name: /National Police Chiefs' Council/ }).first().waitFor();
    const addressees = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => t.replace('National body', '').trim());
    expect(new Set(addressees)).toEqual(new Set(["National Police Chiefs' Council", 'College of Policing', 'Home Office', 'Nottinghamshire Police', 'Devon and Cornwall Police']));
    expect(await table.textContent()).not.toMatch(RAW_CODES);

    const nottinghamshire = table.getByRole('row').filter({ hasText: 'Nottinghamshire Police' });
    expect(await nottinghamshire.textContent()).toMatch(/Due by 14 September 2020Published 1 December 2020 Late/);
    const devonAndCornwall = table.getByRole('row').filter({ hasText: 'Devon and Cornwall Police' });
    expect(await devonAndCornwall.textContent()).toMatch(/Due by 14 September 2020Published 14 September 2020 On time/);
    const npcc = table.getByRole('row').filter({ hasText: "National Police Chiefs' Council" }).first();
    expect(await npcc.textContent()).toMatch(/None: a national body has no local policing body to respond/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'recommendations-national-bodies');

    await page.goto(`/app/recommendations/${ids.npcc}`);
    await page.getByRole('heading', { level: 1, name: "Recommendation to National Police Chiefs' Council" }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toMatch(RAW_CODES);

    await page.goto(`/app/recommendations/${ids.nottinghamshire}`);
    await page.getByRole('heading', { level: 1, name: 'Recommendation to Nottinghamshire Police' }).waitFor();
    const summary = page.locator('dl.summary');
    expect(await summary.locator('dt:text-is("Report published") + dd').textContent()).toBe('21 July 2020');
    expect(await summary.locator('dt:text-is("Response due (s55(5A))") + dd').textContent()).toBe('14 September 2020');
    expect(await summary.locator('dt:text-is("Policing body’s response") + dd').textContent()).toMatch(/Published 1 December 2020 by .*; due by 14 September 2020Published late$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the delegation rule a decision was judged under and since when it was in force', async () => {
    await page.goto(`/app/decisions/${ids.vehicles}`);
    await page.getByRole('heading', { level: 1, name: /Joint procurement framework for vehicles/ }).waitFor();
    const judged = page.locator('dl.summary dt:text-is("Judged under") + dd');
    expect(await judged.textContent()).toBe('Financial decisions: the lead force alone up to £250,000; above that, every chief officerThe rule in force on 3 May 2016, in force since 31 March 2016.');
    expect(await page.locator('dl.summary').textContent()).not.toMatch(RAW_CODES);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'decision-judged-under');
    expect(errors).toEqual([]);
  });
});
