import { describe, expect, it } from 'vitest';
import type { Contact, PromptKind } from '../../../functions/core/model.js';
import { createPromptRenderer, MAX_OWNER_SUBJECT_LENGTH } from '../../../functions/core/rendering/create-prompt-renderer.js';
import { PROMPT_KINDS, TemplateError } from '../../../functions/core/rendering/template-set.js';
import { makeActionLinks, makeConfidence, makeContact, SAMPLE_CONTACTS, SAMPLE_NOW } from '../../support/sample-contacts.js';
import { expectNoArtefacts, listHrefs, renderer, renderInput, templates } from './render-helpers.js';

const STATE_ACTIONS = ['sent', 'replied', 'snooze-1w', 'snooze-1m', 'snooze-3m', 'stop', 'edit'] as const;
const THREE_MONTHS_LATER = new Date('2026-05-27T07:00:00.000Z');

describe('createPromptRenderer: every template, every shape of contact', () => {
  const samples = Object.entries(SAMPLE_CONTACTS).filter(([name]) => name !== 'hostile');

  it.each(PROMPT_KINDS.flatMap((prompt) => samples.map(([name, contact]) => [prompt, name, contact] as const)))(
    '%s for %s renders without artefacts, with and without links and owner name',
    (prompt, _name, contact) => {
      // Prepare
      const full = renderInput(prompt, contact);
      const bare = renderInput(prompt, contact, { links: {}, owner: { name: '', inboundAddress: '' } });

      // Act
      const emails = [renderer.renderPrompt(full), renderer.renderPrompt(bare)];

      // Assess
      for (const email of emails) {
        expectNoArtefacts(email);
        expect(email.html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(email.text.length).toBeGreaterThan(200);
      }
      expect(emails[1]!.html).not.toContain('href="http://127.0.0.1');
      expect(emails[1]!.text).toContain('your Not Today address');
    },
  );

  it('degrades the subject gracefully when the name, the role or everything is missing', () => {
    // Prepare
    const cases: [Partial<Contact>, string][] = [
      [{}, 'Not Today: Jane Doe at Acme (Senior Engineer)'],
      [{ role: null }, 'Not Today: Jane Doe at Acme'],
      [{ contactName: null }, 'Not Today: Acme (Senior Engineer)'],
      [{ contactName: null, role: null }, 'Not Today: Acme'],
      [{ contactName: null, role: null, company: null }, 'Not Today: your forwarded rejection'],
      [{ company: null, role: null }, 'Not Today: Jane Doe'],
    ];

    // Act
    const subjects = cases.map(([overrides]) => renderer.renderPrompt(renderInput('thank-you', makeContact(overrides))).subject);

    // Assess
    expect(subjects).toEqual(cases.map(([, expected]) => expected));
  });

  it('gives every prompt a plain subject when nothing is known', () => {
    // Prepare
    const expected: Record<PromptKind, string> = {
      'thank-you': 'Not Today: your forwarded rejection',
      'feedback-follow-up': 'Not Today: a feedback follow-up for your rejection',
      'check-in': 'Not Today: time to check in with an old contact',
      'needs-review': 'Not Today: please review – this may not be a rejection',
    };

    // Act
    const subjects = PROMPT_KINDS.map((prompt) => [prompt, renderer.renderPrompt(renderInput(prompt, SAMPLE_CONTACTS.bare)).subject]);

    // Assess
    expect(Object.fromEntries(subjects)).toEqual(expected);
  });
});

describe('the text part', () => {
  it.each(PROMPT_KINDS.map((prompt) => [prompt]))('underlines the %s heading with exactly as many dashes as it has characters', (prompt) => {
    // Prepare
    const contact = SAMPLE_CONTACTS.longNames;

    // Act
    const email = renderer.renderPrompt(renderInput(prompt as PromptKind, contact));

    // Assess
    const lines = email.text.split('\n');
    const underline = lines.findIndex((line, index) => index > 2 && /^-+$/.test(line));
    expect(underline).toBeGreaterThan(0);
    expect(lines[underline]?.length).toBe([...(lines[underline - 1] ?? '')].length);
  });
});

describe('the thank-you email', () => {
  it('says what was understood, holds three drafts with their links, then the actions and the footer', () => {
    // Prepare
    const input = renderInput('thank-you', SAMPLE_CONTACTS.richJane);

    // Act
    const email = renderer.renderPrompt(input);

    // Assess
    for (const part of [email.html, email.text]) {
      for (const value of ['Acme', 'Jane Doe', 'jane.doe@acme.example', 'Senior Engineer', '27 February 2026']) expect(part).toContain(value);
      expect(part).toContain('loved your passion for developer tooling');
      expect(part).toContain('apply again');
      expect(part).toContain('not-today@in.sam-lee.example');
    }
    const hrefs = listHrefs(email.html);
    expect(hrefs.filter((href) => href.startsWith('mailto:jane.doe@acme.example?'))).toHaveLength(2);
    expect(hrefs.filter((href) => href.startsWith('mailto:?'))).toHaveLength(1); // the HR note: no HR address known
    expect(hrefs.filter((href) => href.startsWith('https://mail.google.com/mail/?view&#x3D;cm&amp;fs&#x3D;1&amp;to&#x3D;'))).toHaveLength(3);
    for (const action of [...STATE_ACTIONS, 'overview', 'calendar'] as const) {
      expect(hrefs).toContain(input.links[action]);
      expect(email.text).toContain(input.links[action]);
    }
    expect(email.text.match(/^mailto:/gm)).toHaveLength(3);
    expect(email.text.match(/^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=/gm)).toHaveLength(3);
    for (const label of ['I sent it', 'They replied', '1 week', '1 month', '3 months', 'Stop for this contact', 'Fix details', 'All your contacts', 'Calendar feed']) {
      expect(email.text.replace(/ {2,}/g, ' ')).toContain(label);
      expect(email.html.replace(/&nbsp;/g, ' ')).toContain(label);
    }
  });

  it('links "fix details" next to uncertain fields only, and always in the footer', () => {
    // Prepare
    const confident = makeContact();
    const unsure = makeContact({ confidence: makeConfidence({ role: 0.3 }) });

    // Act
    const sure = renderer.renderPrompt(renderInput('thank-you', confident));
    const doubtful = renderer.renderPrompt(renderInput('thank-you', unsure));

    // Assess
    expect(sure.html).not.toContain('>check</a>');
    expect(sure.text).not.toContain('please check');
    expect(sure.text).toContain('Fix details: http://127.0.0.1:3000/a/tok.edit.');
    expect(doubtful.html.match(/>check<\/a>/g)).toHaveLength(1);
    expect(doubtful.text).toContain('Senior Engineer (please check)');
    expect(doubtful.text).toContain('Not sure we got it right?');
  });

  it('explains a no-reply sender and leaves "To" empty in every draft link', () => {
    // Prepare
    const input = renderInput('thank-you', SAMPLE_CONTACTS.noReplyTeam);

    // Act
    const email = renderer.renderPrompt(input);

    // Assess
    expect(email.text).toContain('This came from a no-reply address');
    expect(email.text).toContain('LinkedIn');
    expect(email.html).toContain('This came from a no-reply address.');
    expect(email.html).toContain('>no-reply</span>');
    const draftLinks = listHrefs(email.html).filter((href) => href.startsWith('mailto:') || href.includes('mail.google.com'));
    expect(draftLinks).toHaveLength(6);
    for (const href of draftLinks) expect(href).toMatch(/^mailto:\?|to&#x3D;&amp;su/);
    expect(email.text.match(/^To: \(fill in a person's address\)$/gm)).toHaveLength(3);
  });

  it('keeps the text part unescaped and the HTML escaped', () => {
    // Prepare
    const input = renderInput('thank-you', makeContact({ company: 'Fennel & Finch', contactName: "Aoife O'Neill" }));

    // Act
    const email = renderer.renderPrompt(input);

    // Assess
    expect(email.subject).toBe("Not Today: Aoife O'Neill at Fennel & Finch (Senior Engineer)");
    expect(email.text).toContain('Fennel & Finch');
    expect(email.text).toContain("Hi Aoife,");
    expect(email.text).not.toMatch(/&amp;|&#x27;|&quot;/);
    expect(email.html).toContain('Fennel &amp; Finch');
    expect(email.html).not.toContain('Fennel & Finch');
  });
});

describe('injection attempts stay inert', () => {
  const hostileLinks = { ...makeActionLinks('hostile0000000000000'), edit: 'javascript:alert(1)', overview: 'data:text/html,<script>x</script>' };
  const emails = PROMPT_KINDS.map((prompt) => renderer.renderPrompt(renderInput(prompt, SAMPLE_CONTACTS.hostile, { links: hostileLinks })));

  it('escapes every hostile value in HTML', () => {
    // Prepare / Act: rendered above

    // Assess
    for (const email of emails) {
      expect(email.html).not.toMatch(/<(img|script|svg|b)\b/i);
      expect(email.html).not.toMatch(/\son(error|load)=/i);
      expect(email.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(email.html).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
      expect(email.html).not.toContain('"><script>');
    }
  });

  it('never prints a non-http URL as a link', () => {
    // Prepare / Act: rendered above

    // Assess
    for (const email of emails) {
      for (const href of listHrefs(email.html)) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
      expect(email.html.toLowerCase()).not.toContain('javascript:alert(1)"');
      expect(email.html).not.toContain('data:text/html');
      expect(email.text).not.toMatch(/Fix details: javascript:|All your contacts: data:/);
    }
  });

  it('keeps the subject on one line and the template syntax in values as plain text', () => {
    // Prepare / Act: rendered above

    // Assess
    for (const email of emails) {
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.subject.length).toBeLessThanOrEqual(MAX_OWNER_SUBJECT_LENGTH);
      expectNoArtefacts(email, { hostile: true });
    }
    const thankYou = emails[0]!;
    expect(thankYou.text).toContain('Evil {{#each this}}{{/each}} Corp }} {{> layout}}');
    expect(thankYou.html).toContain('Evil {{#each this}}{{/each}} Corp }} {{&gt; layout}}');
    expect(thankYou.text).toContain('Subject: Re: Your application Bcc: x@evil.test');
  });

  it('encodes hostile values in the draft links so they cannot add headers or recipients', () => {
    // Prepare
    const drafts = renderer.composeDrafts(renderInput('thank-you', SAMPLE_CONTACTS.hostile));

    // Act
    const queries = drafts.map((draft) => new URL(draft.mailtoUrl.replace('mailto:', 'http://x/')).searchParams);

    // Assess
    for (const [index, draft] of drafts.entries()) {
      expect(draft.to).toBe('');
      expect(draft.mailtoUrl.startsWith('mailto:?subject=')).toBe(true);
      expect([...queries[index]!.keys()]).toEqual(['subject', 'body']);
      expect(queries[index]!.get('subject')).toBe(draft.subject);
      expect(draft.subject).not.toMatch(/[\r\n]/);
      expect(draft.mailtoUrl).not.toMatch(/[\r\n <>"]/);
    }
  });

  it('strips control and bidi characters from names in every part', () => {
    // Prepare
    const contact = makeContact({ contactName: 'Jane\u0007 \u202EDoe\u0000', company: 'Ac\u0008me\u2028Corp' });

    // Act
    const email = renderer.renderPrompt(renderInput('thank-you', contact));

    // Assess
    expect(email.subject).toBe('Not Today: Jane Doe at Acme Corp (Senior Engineer)');
    for (const part of [email.text, email.html]) expect(part).not.toMatch(/[\u0000-\u0008\u202E\u2028]/);
  });

  it('caps a huge subject', () => {
    // Prepare
    const contact = makeContact({ company: 'Acme '.repeat(200), contactName: 'J'.repeat(400) });

    // Act
    const email = renderer.renderPrompt(renderInput('thank-you', contact));

    // Assess
    expect(Array.from(email.subject).length).toBeLessThanOrEqual(MAX_OWNER_SUBJECT_LENGTH);
    expect(email.html.length).toBeLessThan(200_000);
  });
});

describe('the check-in email', () => {
  it('says why now and carries one idea that changes with the step', () => {
    // Prepare
    const contact = SAMPLE_CONTACTS.richJane;
    const steps = [0, 1, 2, 3];

    // Act
    const emails = steps.map((checkInsSent) =>
      renderer.renderPrompt(renderInput('check-in', contact, { plan: { checkInsSent }, now: THREE_MONTHS_LATER })),
    );

    // Assess
    for (const email of emails) {
      expect(email.text).toContain("It's been 3 months since Acme said not today.");
      expect(email.html).toContain('since Acme said not today.');
      expect(email.text.match(/^Open in your mail app:$/gm)).toHaveLength(1);
      expectNoArtefacts(email);
    }
    expect(emails[0]!.text).toContain('Send something useful to their work');
    expect(emails[1]!.text).toContain('Ask about new openings');
    expect(emails[2]!.text).toContain('Share a short update on what you have been doing');
    expect(emails[3]!.text).toContain('Send something useful to their work');
    expect(new Set(emails.slice(0, 3).map((email) => email.text.match(/^Subject: .*$/m)?.[0])).size).toBe(3);
  });

  it('mentions the last time the owner wrote', () => {
    // Prepare
    const plan = { checkInsSent: 1, lastAction: 'sent' as const, lastActionAt: '2026-04-26T10:00:00.000Z' };

    // Act
    const email = renderer.renderPrompt(renderInput('check-in', SAMPLE_CONTACTS.richJane, { plan, now: THREE_MONTHS_LATER }));

    // Assess
    expect(email.text).toContain('You last wrote to Jane a month ago.');
  });
});

describe('the feedback follow-up email', () => {
  it('says why now and holds one short follow-up draft', () => {
    // Prepare
    const input = renderInput('feedback-follow-up', SAMPLE_CONTACTS.richJane, {
      plan: { feedbackPending: true, lastAction: 'sent', lastActionAt: '2026-02-16T10:00:00.000Z' },
    });

    // Act
    const email = renderer.renderPrompt(input);

    // Assess
    expect(email.text).toContain('Why now: 2 weeks ago you asked Jane for feedback, and no reply has been marked yet.');
    expect(email.text.match(/^Open in Gmail:$/gm)).toHaveLength(1);
    expect(email.text).toContain('They replied:');
  });
  it('does not claim the owner asked for feedback when no "I sent it" was marked', () => {
    // Prepare
    const input = renderInput('feedback-follow-up', SAMPLE_CONTACTS.richJane, {
      plan: { feedbackPending: true, lastAction: null, lastActionAt: null },
    });

    // Act
    const email = renderer.renderPrompt(input);

    // Assess
    expect(email.text).toContain('Why now: About two weeks ago your thank-you draft asked Jane for feedback');
    expect(email.text).toContain('If you never sent it, the thank-you is still worth sending first');
    expect(email.text).not.toContain('ago you asked Jane');
    expect(email.html).toContain('your thank-you draft asked Jane for feedback');
  });
});

describe('the needs-review email', () => {
  const kinds: [Contact['kind'], string | null, string][] = [
    ['application-confirmation', null, 'This looks like an application confirmation'],
    ['interview-invitation', null, 'This looks like an interview invitation'],
    ['offer', null, 'This looks like a job offer'],
    ['auto-reply', null, 'This looks like an automatic reply'],
    ['other', null, 'This may not be a rejection'],
    ['other', 'The forward held no text we could read.', 'We could not read this forward'],
  ];

  it.each(kinds)('says what was found (%s, reason %s) and offers track / ignore, without a draft', (kind, reason, headline) => {
    // Prepare
    const base = SAMPLE_CONTACTS.interviewInvitation;
    const contact = makeContact({ ...base, kind, source: { ...base.source, notUnderstoodReason: reason } });
    const links = makeActionLinks(contact.contactId, { only: ['track', 'ignore', 'edit', 'overview'] });

    // Act
    const email = renderer.renderPrompt(renderInput('needs-review', contact, { links }));

    // Assess
    expect(email.text).toContain(headline);
    expect(email.html).toContain(headline);
    if (reason) expect(email.text).toContain(reason);
    expect(email.text).toContain(`Track it anyway: ${links.track}`);
    expect(email.text).toContain(`Ignore:          ${links.ignore}`);
    expect(listHrefs(email.html)).toEqual(expect.arrayContaining([links.track, links.ignore]));
    expect(email.text).not.toMatch(/mailto:|Open in Gmail|I sent it/);
    expect(email.html).not.toContain('mailto:');
    expectNoArtefacts(email);
  });
});

describe('the too-large notice', () => {
  it('says the forward was too large, with its size and the limit, that the raw mail is kept, and offers track / ignore', () => {
    // Prepare
    const base = SAMPLE_CONTACTS.notUnderstood;
    const contact = makeContact({
      ...base,
      source: {
        ...base.source,
        subject: 'Fwd: Your application <b>with</b> the portfolio',
        notUnderstoodReason: 'message is 24536678 bytes, over the limit of 10485760 bytes',
        tooLarge: { sizeBytes: 24_536_678, limitBytes: 10 * 1024 * 1024 },
      },
    });
    const links = makeActionLinks(contact.contactId, { only: ['track', 'ignore', 'edit', 'overview'] });

    // Act
    const email = renderer.renderPrompt(renderInput('needs-review', contact, { links }));

    // Assess
    expect(email.subject).toBe('Not Today: please review – your forward was too large to read');
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Your forward was too large to read');
      expect(part).toContain('Your forward was 23.4 MB, over the limit of 10 MB');
      expect(part).toContain('The raw mail is kept.');
      expect(part).not.toMatch(/what we understood/i);
    }
    expect(email.html).toContain('Fwd: Your application &lt;b&gt;with&lt;/b&gt; the portfolio');
    expect(email.text).toContain(`Track it anyway: ${links.track}`);
    expect(listHrefs(email.html)).toEqual(expect.arrayContaining([links.track, links.ignore]));
    expectNoArtefacts(email);
  });
});

describe('template errors', () => {
  it('names a missing template file', () => {
    // Prepare
    const { ['drafts/thank-you-hr.hbs']: _removed, ...incomplete } = templates;

    // Act
    const create = () => createPromptRenderer(incomplete);

    // Assess
    expect(create).toThrow(TemplateError);
    expect(create).toThrow('template file missing: templates/drafts/thank-you-hr.hbs');
  });

  it('names a template that does not compile', () => {
    // Prepare
    const broken = { ...templates, 'check-in.html.hbs': '{{#if contact.company}}unclosed' };

    // Act
    const create = () => createPromptRenderer(broken);

    // Assess
    expect(create).toThrow(/template check-in\.html\.hbs does not compile/);
  });

  it('fails at creation, naming the file, when a template uses a partial that does not exist', () => {
    // Prepare
    const broken = { ...templates, 'thank-you.text.hbs': '{{> no-such-partial}}' };

    // Act
    const create = () => createPromptRenderer(broken);

    // Assess
    expect(create).toThrow(/template thank-you\.text\.hbs does not render: .*no-such-partial/);
  });

  it('names a draft without its header lines', () => {
    // Prepare
    const broken = { ...templates, 'drafts/thank-you-short.hbs': 'Label: Short\nTo: {{addresses.reply}}\n\nHi,\n\nThanks.' };

    // Act
    const create = () => createPromptRenderer(broken);

    // Assess
    expect(create).toThrow('draft drafts/thank-you-short.hbs has no "Subject:" line');
  });

  it('uses an edited template: the wording lives in the files', () => {
    // Prepare
    const edited = { ...templates, 'thank-you.subject.hbs': 'Thank {{contact.firstName}} today' };

    // Act
    const email = createPromptRenderer(edited).renderPrompt(renderInput('thank-you', SAMPLE_CONTACTS.richJane, { now: SAMPLE_NOW }));

    // Assess
    expect(email.subject).toBe('Thank Jane today');
  });
});
