import { describe, expect, it } from 'vitest';
import { createActionsHarness, foreignSigner, functionUrlEvent, rotatedSigner } from './actions-harness.js';
import { createActionsHandler, handleActionsRequest } from '../../../functions/handlers/actions.js';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const bodyOf = (response: { body?: string }): string => response.body ?? '';
/** The relative undo action of a result page, and its token. */
const undoOf = (html: string) => /<form method="post" action="\.\/([^"]+)" class="actions">/.exec(html)?.[1];

describe('actions handler: one-click links', () => {
  it('GET shows what will happen and changes nothing; HEAD has the same headers and no body', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    const path = `/a/${harness.tokenFor(contactId, 'snooze-1w')}`;
    const before = await harness.snapshot();
    // Act
    const get = await harness.call('GET', path);
    const head = await harness.call('HEAD', path);
    // Assess
    expect(get.statusCode).toBe(200);
    expect(bodyOf(get)).toContain('Snooze Acme - Jane Doe until 9 March?');
    expect(bodyOf(get)).toMatch(/<form id="confirm-form" method="post"/);
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers).toEqual(get.headers);
    expect(await harness.snapshot()).toBe(before);
  });

  it('POST performs the action once: a double submit gives the same state and one history entry', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    const token = harness.tokenFor(contactId, 'snooze-1m');
    // Act
    const first = await harness.call('POST', `/a/${token}`, { form: { token } });
    const afterFirst = await harness.snapshot();
    const second = await harness.call('POST', `/a/${token}`, { form: { token } });
    // Assess
    expect(first.statusCode).toBe(200);
    expect(bodyOf(first)).toContain('Snoozed Acme - Jane Doe until 2 April.');
    expect(second.statusCode).toBe(200);
    expect(bodyOf(second)).toContain('Already done with this link');
    expect(await harness.snapshot()).toBe(afterFirst);
    const stored = await harness.repository.getContact('owner', contactId);
    expect(stored?.history.filter((entry) => entry.type === 'action')).toHaveLength(1);
    expect((await harness.repository.getPlan('owner', contactId))?.status).toBe('snoozed');
  });

  it('two POSTs at the same moment (auto-submit and a click) still make one history entry', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    const token = harness.tokenFor(contactId, 'snooze-3m');
    // Act
    const responses = await Promise.all([
      harness.call('POST', `/a/${token}`, { form: { token } }),
      harness.call('POST', `/a/${token}`, { form: { token } }),
    ]);
    // Assess
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    const stored = await harness.repository.getContact('owner', contactId);
    expect(stored?.history.filter((entry) => entry.type === 'action')).toHaveLength(1);
    expect((await harness.repository.getPlan('owner', contactId))?.snoozedUntil).toBe('2026-06-02T07:00:00.000Z');
  });

  it('the result page offers undo as a POST of a signed token that resumes', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    const token = harness.tokenFor(contactId, 'stop');
    const stopped = await harness.call('POST', `/a/${token}`, { form: { token } });
    const undoToken = undoOf(bodyOf(stopped)) as string;
    // Act
    const undone = await harness.call('POST', `/a/${undoToken}`, { form: { token: undoToken } });
    // Assess
    expect(undoToken).toBeTruthy();
    expect(bodyOf(stopped)).toContain('Undo: resume follow-ups');
    expect(undone.statusCode).toBe(200);
    expect((await harness.repository.getPlan('owner', contactId))?.status).toBe('active');
  });

  it('refuses a POST whose body token differs from the URL, or that comes cross-site, and changes nothing', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    const token = harness.tokenFor(contactId, 'stop');
    const other = harness.tokenFor(contactId, 'snooze-3m');
    const before = await harness.snapshot();
    // Act
    const mismatch = await harness.call('POST', `/a/${token}`, { form: { token: other } });
    const missing = await harness.call('POST', `/a/${token}`, { form: {} });
    const crossSite = await harness.call('POST', `/a/${token}`, { form: { token }, headers: { 'sec-fetch-site': 'cross-site' } });
    const notAForm = await harness.call('POST', `/a/${token}`, { headers: { 'content-type': 'application/json' } });
    // Assess
    expect([mismatch.statusCode, missing.statusCode, crossSite.statusCode, notAForm.statusCode]).toEqual([403, 403, 403, 400]);
    expect(await harness.snapshot()).toBe(before);
  });
});

describe('actions handler: bad links', () => {
  it('answers 403 to tampered, unknown-key, malformed and wrong-owner tokens, changing nothing', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    const token = harness.tokenFor(contactId, 'stop');
    const [keyId, payload, signature] = token.split('.') as [string, string, string];
    const tampered = `${keyId}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const exp = Math.floor(harness.clock.now().getTime() / 1000) + 3600;
    const unknownKey = foreignSigner.sign({ ownerId: 'owner', contactId, action: 'stop', exp });
    const wrongOwner = rotatedSigner.sign({ ownerId: 'someone-else', contactId, action: 'stop', exp });
    const before = await harness.snapshot();
    // Act
    const responses = await Promise.all([
      harness.call('GET', `/a/${tampered}`),
      harness.call('POST', `/a/${tampered}`, { form: { token: tampered } }),
      harness.call('GET', `/a/${unknownKey}`),
      harness.call('GET', `/a/${wrongOwner}`),
      harness.call('POST', `/a/${wrongOwner}`, { form: { token: wrongOwner } }),
      harness.call('GET', '/a/not-a-token'),
      harness.call('GET', '/a/%E0%A4%A'),
    ]);
    // Assess
    for (const response of responses) {
      expect(response.statusCode).toBe(403);
      expect(bodyOf(response)).toContain('This link is not valid');
    }
    expect(await harness.snapshot()).toBe(before);
  });

  it('says an expired link has expired and sends a fresh email once on request', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    const token = harness.tokenFor(contactId, 'snooze-1w');
    harness.clock.advance({ days: 91 });
    // Act
    const page = await harness.call('GET', `/a/${token}`);
    const post = await harness.call('POST', `/a/${token}`, { form: { token } });
    const resend = await harness.call('POST', `/a/${token}`, { form: { token, intent: 'resend' } });
    const again = await harness.call('POST', `/a/${token}`, { form: { token, intent: 'resend' } });
    // Assess
    expect(page.statusCode).toBe(410);
    expect(bodyOf(page)).toContain('This link has expired');
    expect(bodyOf(page)).toContain('<input type="hidden" name="intent" value="resend">');
    expect(post.statusCode).toBe(410);
    expect(bodyOf(resend)).toContain('A fresh email is on its way');
    expect(bodyOf(again)).toContain('sent recently');
    expect(harness.mailer.sent).toHaveLength(1);
    expect((await harness.repository.getPlan('owner', contactId))?.status).toBe('active');
  });

  it('answers 404 for unknown routes and 405 for other methods, with the security headers', async () => {
    // Prepare
    const harness = createActionsHarness();
    // Act
    const root = await harness.call('GET', '/');
    const nested = await harness.call('GET', '/a/x/y');
    const put = await harness.call('PUT', '/a/whatever');
    const calendarPost = await harness.call('POST', '/calendar/x.ics');
    // Assess
    expect(root.statusCode).toBe(404);
    expect(nested.statusCode).toBe(404);
    expect(put.statusCode).toBe(405);
    expect(put.headers?.allow).toBe('GET, HEAD, POST');
    expect(calendarPost.statusCode).toBe(405);
    for (const response of [root, put]) {
      expect(String(response.headers?.['content-security-policy'])).toContain("default-src 'none'");
      expect(response.headers?.['x-frame-options']).toBe('DENY');
      expect(response.headers?.['cache-control']).toBe('no-store');
      expect(response.headers?.['set-cookie']).toBeUndefined();
    }
  });

  it('answers 400 to an event that is not a Function URL event', async () => {
    // Prepare
    const harness = createActionsHarness();
    // Act
    const response = await handleActionsRequest(harness.handlerDeps, { hello: 'world' });
    // Assess
    expect(response.statusCode).toBe(400);
  });

  it('answers an unexpected failure with a 500 page without details, and logs it', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    harness.repository.failNext('getContact', new Error('socket hang up at 10.0.0.7'));
    // Act
    const response = await harness.call('GET', `/a/${harness.tokenFor(contactId, 'stop')}`);
    // Assess
    expect(response.statusCode).toBe(500);
    expect(bodyOf(response)).toContain('Something went wrong');
    expect(bodyOf(response)).not.toContain('10.0.0.7');
    expect(harness.log.entries.some((entry) => entry.level === 'error' && entry.message === 'actions request failed')).toBe(true);
  });
});

describe('actions handler: pages', () => {
  it('fix details: GET prefills, a bad POST keeps values with per-field messages, a good POST saves and re-drafts', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    const token = harness.tokenFor(contactId, 'edit');
    const form = { token, company: 'Acme Robotics', contactName: 'Janet Doe', contactEmail: 'janet@acme.example', role: 'Staff Engineer', notes: 'Met at the meetup', cadence: 'quarterly', status: 'active' };
    // Act
    const get = await harness.call('GET', `/a/${token}`);
    const bad = await harness.call('POST', `/a/${token}`, { form: { ...form, contactEmail: 'janet at acme', cadence: 'weekly' } });
    const nameAfterBad = (await harness.repository.getContact('owner', contactId))?.contactName;
    const good = await harness.call('POST', `/a/${token}`, { form });
    // Assess
    expect(get.statusCode).toBe(200);
    expect(bodyOf(get)).toContain('value="Jane Doe"');
    expect(bodyOf(get)).toContain('<pre class="draft">');
    expect(bad.statusCode).toBe(422);
    expect(bodyOf(bad)).toContain('value="janet at acme"');
    expect(bodyOf(bad)).toMatch(/class="field-error" id="error-contactEmail">[^<]+</);
    expect(bodyOf(bad)).toMatch(/class="field-error" id="error-cadence">[^<]+</);
    expect(nameAfterBad).toBe('Jane Doe');
    expect(good.statusCode).toBe(200);
    expect(bodyOf(good)).toContain('Saved.');
    expect(bodyOf(good)).toMatch(/<pre class="draft">[^<]*Janet/);
    const saved = await harness.repository.getContact('owner', contactId);
    expect(saved).toMatchObject({ company: 'Acme Robotics', contactName: 'Janet Doe', role: 'Staff Engineer', notes: 'Met at the meetup' });
    expect((await harness.repository.getPlan('owner', contactId))?.cadence).toBe('quarterly');
  });

  it('fix details: the draft language select shows the stored language, refuses one not in the list, and re-drafts the preview in the one picked', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed();
    const token = harness.tokenFor(contactId, 'edit');
    // Act
    const get = await harness.call('GET', `/a/${token}`);
    const bad = await harness.call('POST', `/a/${token}`, { form: { token, language: 'es' } });
    const languageAfterBad = (await harness.repository.getContact('owner', contactId))?.language;
    const german = await harness.call('POST', `/a/${token}`, { form: { token, language: 'de' } });
    const french = await harness.call('POST', `/a/${token}`, { form: { token, language: 'fr' } });
    // Assess
    expect(bodyOf(get)).toMatch(/<select id="field-language" name="language">/);
    expect(bodyOf(get)).toContain('<option value="en" selected>English</option><option value="de">Deutsch</option><option value="fr">Français</option>');
    expect(bad.statusCode).toBe(422);
    expect(bodyOf(bad)).toMatch(/class="field-error" id="error-language">Pick one of the languages in the list\.</);
    expect(languageAfterBad).toBe('en');
    expect(german.statusCode).toBe(200);
    expect(bodyOf(german)).toContain('<option value="de" selected>Deutsch</option>');
    expect(bodyOf(german)).toMatch(/<pre class="draft">[^<]*Mit freundlichen Grüßen/);
    expect(bodyOf(french)).toMatch(/<pre class="draft">[^<]*Cordialement,/);
    expect((await harness.repository.getContact('owner', contactId))?.language).toBe('fr');
  });

  it('overview: every contact sorted by what is due next, each with a signed fix-details link, and the calendar link', async () => {
    // Prepare
    const harness = createActionsHarness();
    await harness.seed({ contactId: 'later', company: 'Later Co' }, { nextDueAt: '2026-08-01T07:00:00.000Z' });
    await harness.seed({ contactId: 'sooner', company: 'Sooner Ltd' }, { nextDueAt: '2026-03-20T08:00:00.000Z' });
    const token = harness.tokenFor('*', 'overview');
    // Act
    const response = await harness.call('GET', `/a/${token}`);
    // Assess
    const html = bodyOf(response);
    expect(response.statusCode).toBe(200);
    expect(html.indexOf('Sooner Ltd')).toBeLessThan(html.indexOf('Later Co'));
    const editLinks = [...html.matchAll(/<a href="\.\/([^"]+)">Fix details/g)].map((match) => match[1] as string);
    expect(editLinks).toHaveLength(2);
    const opened = await harness.call('GET', `/a/${editLinks[0]}`);
    expect(bodyOf(opened)).toContain('value="Sooner Ltd"');
    expect(html).toMatch(/http:\/\/127\.0\.0\.1:3000\/calendar\/[A-Za-z0-9_.-]+\.ics/);
  });

  it('renders a hostile contact name as text on the confirm, result, fix-details and overview pages', async () => {
    // Prepare
    const harness = createActionsHarness();
    const contactId = await harness.seed({ contactName: HOSTILE_NAME, company: '"><script>alert(2)</script>' });
    const stop = harness.tokenFor(contactId, 'stop');
    // Act
    const pages = [
      await harness.call('GET', `/a/${stop}`),
      await harness.call('POST', `/a/${stop}`, { form: { token: stop } }),
      await harness.call('GET', `/a/${harness.tokenFor(contactId, 'edit')}`),
      await harness.call('GET', `/a/${harness.tokenFor('*', 'overview')}`),
    ];
    // Assess
    for (const page of pages) {
      const html = bodyOf(page);
      expect(page.statusCode).toBe(200);
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    }
  });

  it('calendar: a text/calendar feed of upcoming check-ins; an action token is not a feed key', async () => {
    // Prepare
    const harness = createActionsHarness();
    await harness.seed();
    await harness.seed({ contactId: 'stopped0', company: 'Stopped Inc' }, { status: 'stopped', nextPrompt: null, nextDueAt: null });
    // Act
    const feed = await harness.call('GET', harness.calendarPath());
    const head = await harness.call('HEAD', harness.calendarPath());
    const wrongKind = await harness.call('GET', `/calendar/${harness.tokenFor('*', 'overview')}.ics`);
    // Assess
    expect(feed.statusCode).toBe(200);
    expect(feed.headers?.['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = bodyOf(feed);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART:20260402T070000Z');
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:Check in: Jane Doe (Acme)');
    expect(ics.replace(/\r\n /g, '')).toMatch(/DESCRIPTION:.*Drafted message:.*Jane/);
    expect(ics).not.toContain('Stopped Inc');
    expect(head.body).toBe('');
    expect(wrongKind.statusCode).toBe(403);
  });
});

describe('actions handler: wiring that cannot be built', () => {
  it('answers a bare 500 with the same strict security headers as every page, and tells nothing', async () => {
    // Prepare
    const handler = createActionsHandler(() => Promise.reject(new Error('SIGNING_KEYS: missing')));

    // Act
    const response = await handler(functionUrlEvent('GET', '/a/x') as never);

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.headers?.['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers?.['x-frame-options']).toBe('DENY');
    expect(response.headers?.['strict-transport-security']).toContain('max-age=');
    expect(response.body).not.toContain('SIGNING_KEYS');
  });
});

describe('actions handler: a page that cannot be rendered', () => {
  it('answers the bare 500 when even the error page fails to render (an edited text that does not compile)', async () => {
    // Prepare: texts that throw when used, as a broken texts.hbs does on its first use
    const harness = createActionsHarness();
    const brokenTexts = new Proxy(harness.handlerDeps.pages.texts, {
      get: (target, property, receiver) => (property === 'say' ? () => { throw new Error('Parse error on line 3'); } : Reflect.get(target, property, receiver)),
    });
    const deps = { ...harness.handlerDeps, pages: { ...harness.handlerDeps.pages, texts: brokenTexts } };
    const handler = createActionsHandler(() => Promise.resolve(deps));

    // Act
    const response = await handler(functionUrlEvent('GET', '/a/not-a-token') as never);

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.headers?.['content-security-policy']).toContain("default-src 'none'");
    expect(response.body).not.toContain('Parse error');
  });
});

describe('functionUrlEvent helper', () => {
  it('builds events the handler accepts', () => {
    // Prepare
    const event = functionUrlEvent('GET', '/a/x');
    // Act
    const method = event.requestContext.http.method;
    // Assess
    expect(method).toBe('GET');
  });
});
