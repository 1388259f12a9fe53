/**
 * Issue 4 in a real browser: Debian's Chromium driven by playwright-core, against the whole
 * local stack (SMTP receipt rule, SES emulator, dynalite, the actions handler behind the
 * Function URL server), all on free 127.0.0.1 ports, nothing kept on disk.
 *
 * A rejection is forwarded over SMTP; the owner email is read from the SES emulator; its
 * links are opened by a script-less client (fetch GET/HEAD, a browser with JavaScript off:
 * a mail scanner) and by a person (a browser with JavaScript on). State is read through
 * `not-today list --json`, run in-process against the stack.
 *
 * Every page is photographed at phone (375x812) and desktop (1280x800) width into
 * test/.artifacts/screenshots/ (gitignored) for a person to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../local/cli.js';
import type { ContactSummary } from '../../local/stack/control-routes.js';
import {
  buildGmailForward,
  readSesStore,
  sendSmtp,
  startTestStack,
  uniqueMessageId,
  waitFor,
  type LocalStack,
  type StoredEmail,
} from '../support/local-stack.js';

/** Debian's Chromium (.ci/run installs it with apt); never a downloaded browser. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };
const SCREENSHOT_DIR = fileURLToPath(new URL('../.artifacts/screenshots/', import.meta.url));
const OWNER = 'robin.owner@example.com';
/** Tuesday 2 March 2027, 10:00 UTC. */
const CLOCK_START = new Date('2027-03-02T10:00:00Z');
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const LINK_TTL_DAYS = 90;
const BROWSER_TIMEOUT_MS = 60_000;

let stack: LocalStack;
let browser: Browser;
/** A person: JavaScript on. */
let person: BrowserContext;
/** A mail scanner or link previewer: JavaScript off. */
let scanner: BrowserContext;

interface Rejection {
  company: string;
  person: string;
  address: string;
  role: string;
}

function forwardOf(rejection: Rejection): string {
  return buildGmailForward({
    owner: `Robin Owner <${OWNER}>`,
    originalFrom: `${rejection.person} <${rejection.address}>`,
    originalSubject: `Your application for ${rejection.role}`,
    originalMessageId: uniqueMessageId(),
    originalBody: [
      'Hi Robin,',
      '',
      `Thank you for taking the time to interview for the ${rejection.role} role at ${rejection.company}.`,
      'After careful consideration we have decided to move forward with another candidate whose experience more closely matches our needs.',
      'We enjoyed our conversations and would be glad to hear from you about future openings.',
      '',
      'Kind regards,',
      rejection.person,
      `Talent Partner, ${rejection.company}`,
    ].join('\n'),
  });
}

/** Forwards a rejection and returns the owner email about it. */
async function forwardAndReadEmail(rejection: Rejection): Promise<StoredEmail> {
  const answer = await sendSmtp(stack, { from: OWNER, raw: forwardOf(rejection) });
  expect(answer.response).toMatch(/^250/);
  await stack.idle();
  const emails = await waitFor(
    () => readSesStore(stack),
    (all) => all.some((email) => email.subject.includes(rejection.company)),
  );
  const email = emails.find((candidate) => candidate.subject.includes(rejection.company));
  if (!email) throw new Error(`no owner email about ${rejection.company}; stack log:\n${(stack as LocalStack & { log: { lines: string[] } }).log.lines.join('\n')}`);
  return email;
}

/** The action a signed link carries (its token's payload is base64url JSON). */
function actionOf(url: string): string {
  const token = decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');
  const payload = token.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { a: string }).a;
}

/** Every signed /a/ link of an owner email, by action. */
function linksOf(email: StoredEmail): Record<string, string> {
  const text = `${email.body.text ?? ''}\n${email.body.html ?? ''}`;
  const pattern = new RegExp(`${stack.urls.actions.replace(/[.]/g, '\\.')}/a/[A-Za-z0-9._~%-]+`, 'g');
  const links: Record<string, string> = {};
  for (const url of text.match(pattern) ?? []) links[actionOf(url)] ??= url;
  return links;
}

/** `not-today list --json`, in-process, against the test stack. */
async function listContacts(): Promise<ContactSummary[]> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  let code: number;
  try {
    code = await runCli(['list', '--json', '--actions-port', String(stack.ports.actions)]);
  } finally {
    spy.mockRestore();
  }
  expect(code).toBe(0);
  return JSON.parse(stdout) as ContactSummary[];
}

async function listed(company: string): Promise<ContactSummary> {
  const contact = (await listContacts()).find((candidate) => candidate.company === company);
  if (!contact) throw new Error(`${company} is not in not-today list`);
  return contact;
}

/** Photographs the page at phone and desktop width (full page). */
async function photograph(page: Page, name: string): Promise<void> {
  for (const [label, size] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOT_DIR}${name}-${label}.png`, fullPage: true });
  }
}

/**
 * Opens a page and records every dialog (an alert() would mean injected script ran) and
 * every Content-Security-Policy violation (a blocked style or script: a hash out of date).
 */
async function openPage(context: BrowserContext): Promise<{ page: Page; dialogs: string[] }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { page, dialogs };
}

/** CSP violations seen by any page of this file (must stay empty). */
const cspViolations: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need Debian's Chromium: apt-get install -y chromium (.ci/run does this).`,
    );
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  stack = await startTestStack({ ownerAddresses: [OWNER], ownerName: 'Robin Owner', timeZone: 'Europe/Berlin', clockStart: CLOCK_START });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  person = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: true });
  scanner = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  // Assess (every test): no page had a style or script blocked by its own policy
  expect(cspViolations).toEqual([]);
  await browser?.close();
  await stack?.stop();
});

describe('one-click links in a real browser', { timeout: BROWSER_TIMEOUT_MS }, () => {
  it('a snooze link: scanners change nothing, a person confirms in one click, undo works, a tampered link is refused', async () => {
    // Prepare
    const rejection = { company: 'Larkspur Labs', person: 'Dana Whitfield', address: 'dana.whitfield@larkspur.example', role: 'Platform Engineer' };
    const email = await forwardAndReadEmail(rejection);
    const snooze = linksOf(email)['snooze-1w'] as string;
    const before = await listed(rejection.company);

    // Act: a script-less client fetches the link (GET and HEAD), then a browser without scripts opens it
    const get = await fetch(snooze);
    const getBody = await get.text();
    const head = await fetch(snooze, { method: 'HEAD' });
    const headBody = await head.text();
    const { page: scanned } = await openPage(scanner);
    await scanned.goto(snooze);
    const question = await scanned.locator('h1').textContent();
    await photograph(scanned, 'confirm');
    const afterScanners = await listed(rejection.company);

    // Assess: nothing changed, the page says what would happen
    expect(snooze).toBeTruthy();
    expect(before.status).toBe('active');
    expect(get.status).toBe(200);
    expect(getBody).toContain('Snooze Larkspur Labs - Dana Whitfield until');
    expect(get.headers.get('content-security-policy')).toContain("script-src 'sha256-");
    expect(head.status).toBe(200);
    expect(headBody).toBe('');
    expect(question).toMatch(/^Snooze Larkspur Labs - Dana Whitfield until 9 March\?$/);
    await expect(scanned.getByRole('button', { name: 'Snooze 1 week' }).isVisible()).resolves.toBe(true);
    expect(afterScanners).toEqual(before);

    // Act: a person opens the same link; the page submits itself
    const { page, dialogs } = await openPage(person);
    await page.goto(snooze);
    await page.getByText('Snoozed Larkspur Labs - Dana Whitfield until 9 March.').waitFor();
    await photograph(page, 'result');
    const snoozed = await listed(rejection.company);
    const history = (await stack.repository.getContact(stack.ownerId, snoozed.contactId))?.history ?? [];

    // Assess: snoozed once
    expect(snoozed.status).toBe('snoozed');
    expect(snoozed.lastAction).toBe('snooze-1w');
    expect(snoozed.nextDueAt).not.toBe(before.nextDueAt);
    expect(history.filter((entry) => entry.type === 'action')).toHaveLength(1);
    expect(dialogs).toEqual([]);

    // Act: the same link again in another tab (a second click), then undo on the result page
    const { page: secondTab } = await openPage(person);
    await secondTab.goto(snooze);
    const again = await secondTab.locator('h1').textContent();
    const afterAgain = await listed(rejection.company);
    await page.getByRole('button', { name: /Undo/ }).click();
    await page.getByText('Resumed follow-ups for Larkspur Labs - Dana Whitfield.').waitFor();
    const undone = await listed(rejection.company);

    // Assess: the second click changed nothing; undo resumed
    expect(again).toBe('Already done');
    expect(afterAgain).toEqual(snoozed);
    expect(undone.status).toBe('active');

    // Act: a tampered link
    const token = snooze.split('/').at(-1) as string;
    const tampered = `${snooze.slice(0, -token.length)}${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const refused = await page.goto(tampered);
    await photograph(page, 'forbidden');
    const afterTamper = await listed(rejection.company);

    // Assess
    expect(refused?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('This link is not valid');
    expect(afterTamper).toEqual(undone);
  });

  it('a contact named <img src=x onerror=alert(1)> renders as text on every page, and no script runs', async () => {
    // Prepare: a fresh rejection; the owner names the contact on the fix-details page
    const rejection = { company: 'Quillfeather', person: 'Rowan Pike', address: 'rowan.pike@quillfeather.example', role: 'Data Engineer' };
    const email = await forwardAndReadEmail(rejection);
    const links = linksOf(email);
    const { page, dialogs } = await openPage(person);
    await page.goto(links.edit as string);
    await page.getByLabel('Contact address').fill('rowan at quillfeather');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Please check the fields marked below.').waitFor();
    await photograph(page, 'edit-errors');
    await page.getByLabel('Contact address').fill('rowan.pike@quillfeather.example');
    await page.getByLabel('Contact name').fill(HOSTILE_NAME);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. The draft below uses your changes.').waitFor();
    await photograph(page, 'edit');

    // Act: every page that shows the name
    const seen: Record<string, { text: string; images: number; html: string }> = {};
    const look = async (name: string, target: Page) => {
      seen[name] = { text: (await target.locator('main').innerText()), images: await target.locator('img').count(), html: await target.content() };
    };
    await look('fix details', page);
    const { page: scanned, dialogs: scannerDialogs } = await openPage(scanner);
    await scanned.goto(links.stop as string);
    await look('confirm', scanned);
    await page.goto(links.stop as string);
    await page.getByText(/^Stopped follow-ups for Quillfeather/).waitFor();
    await look('result', page);
    await page.goto(links.overview as string);
    await look('overview', page);
    await photograph(page, 'overview');
    const calendarUrl = await page.locator('.feed-url').innerText();
    const feed = await fetch(calendarUrl);
    const ics = await feed.text();

    // Assess
    expect(Object.keys(seen)).toEqual(['fix details', 'confirm', 'result', 'overview']);
    for (const [name, view] of Object.entries(seen)) {
      expect(view.images, name).toBe(0);
      expect(view.html, name).not.toMatch(/<img[\s>]/i);
      expect(view.text, name).toContain(HOSTILE_NAME);
    }
    await page.goto(links.edit as string);
    await expect(page.getByLabel('Contact name').inputValue()).resolves.toBe(HOSTILE_NAME);
    expect(dialogs).toEqual([]);
    expect(scannerDialogs).toEqual([]);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n /g, '')).toContain('Larkspur Labs');
  });

  it('an expired link says so and sends a fresh email on request', async () => {
    // Prepare
    const rejection = { company: 'Tidewater Maps', person: 'Ines Okafor', address: 'ines.okafor@tidewater.example', role: 'Frontend Engineer' };
    const email = await forwardAndReadEmail(rejection);
    const sent = linksOf(email).sent as string;
    stack.clock.advance({ days: LINK_TTL_DAYS + 1 });
    const emailsBefore = (await readSesStore(stack)).length;
    const { page, dialogs } = await openPage(person);

    // Act
    const response = await page.goto(sent);
    const heading = await page.locator('h1').textContent();
    await photograph(page, 'expired');
    await page.getByRole('button', { name: 'Send me a fresh email' }).click();
    await page.getByText('A fresh email is on its way').first().waitFor();
    await photograph(page, 'resent');
    const emails = await waitFor(() => readSesStore(stack), (all) => all.length > emailsBefore);
    const contact = await listed(rejection.company);

    // Assess
    expect(response?.status()).toBe(410);
    expect(heading).toBe('This link has expired');
    expect(emails.slice(emailsBefore).map((fresh) => fresh.subject).join('\n')).toContain('Tidewater Maps');
    expect(contact.lastAction).toBeNull();
    expect(dialogs).toEqual([]);
  });
});
