import { describe, expect, it } from 'vitest';
import type { Contact, PromptKind } from '../../../functions/core/model.js';
import { findCliches } from '../../../functions/core/rendering/cliche-phrases.js';
import { createDraftComposer, type Draft } from '../../../functions/core/rendering/compose-drafts.js';
import { findFirstName, MAX_QUOTE_WORDS_IN_DRAFT } from '../../../functions/core/rendering/view-model.js';
import { countWords, DRAFT_MAX_WORDS, DRAFT_MIN_WORDS } from '../../../functions/core/rendering/word-count.js';
import { makeContact, makeSignals, SAMPLE_CONTACTS } from '../../support/sample-contacts.js';
import { renderer, renderInput, templates } from './render-helpers.js';

const composer = createDraftComposer(templates);
const THREE_MONTHS_LATER = new Date('2026-05-27T07:00:00.000Z');

/** Every draft the product can write for a contact: the three thank-yous, the follow-up, each check-in idea. */
function composeEveryDraft(contact: Contact, ownerName = 'Sam Lee'): Draft[] {
  const prompts: [PromptKind, number][] = [
    ['thank-you', 0],
    ['feedback-follow-up', 0],
    ['check-in', 0],
    ['check-in', 1],
    ['check-in', 2],
  ];
  return prompts.flatMap(([prompt, checkInsSent]) =>
    composer.composeDrafts(renderInput(prompt, contact, { plan: { checkInsSent }, owner: { name: ownerName }, now: THREE_MONTHS_LATER })),
  );
}

/** The samples, plus the longest realistic greeting: no person, so "Hello <long company> team". */
const SAMPLES: [string, Contact][] = [
  ...Object.entries(SAMPLE_CONTACTS),
  ['longNames without a person', { ...SAMPLE_CONTACTS.longNames, contactName: null }],
];

describe('drafted notes follow the advice', () => {
  it.each(SAMPLES)('every draft for %s is 50-150 words, counted on the rendered text', (_name, contact) => {
    // Prepare / Act
    const drafts = [...composeEveryDraft(contact), ...composeEveryDraft(contact, '')];

    // Assess
    expect(drafts).toHaveLength(14);
    for (const draft of drafts) {
      expect(draft.wordCount).toBe(countWords(draft.body));
      expect(draft.wordCount, `${draft.id}: ${draft.body}`).toBeGreaterThanOrEqual(DRAFT_MIN_WORDS);
      expect(draft.wordCount, `${draft.id}: ${draft.body}`).toBeLessThanOrEqual(DRAFT_MAX_WORDS);
    }
  });

  it.each(SAMPLES)('no draft for %s uses a cliche or leaves a hole', (_name, contact) => {
    // Prepare / Act
    const drafts = composeEveryDraft(contact);

    // Assess
    for (const draft of drafts) {
      expect(findCliches(`${draft.subject}\n${draft.body}`), draft.id).toEqual([]);
      expect(draft.body).not.toMatch(/ {2}|\(\)|\(""\)| ,| \.|\bundefined\b|\bnull\b|\brole role\b|\bthe the\b/);
      expect(draft.subject).not.toMatch(/ {2}|:\s*$|\bundefined\b|\bnull\b/);
      expect(draft.label).not.toBe('');
    }
  });

  it('thanks, says still interested, asks for feedback and to be kept in mind, in three variants', () => {
    // Prepare
    const contact = SAMPLE_CONTACTS.reapplyOnly;

    // Act
    const [short, feedback, hr] = composer.composeDrafts(renderInput('thank-you', makeContact({ ...contact, signals: makeSignals() })));

    // Assess
    expect([short?.id, feedback?.id, hr?.id]).toEqual(['thank-you-short', 'thank-you-feedback', 'thank-you-hr']);
    for (const draft of [short!, feedback!, hr!]) {
      expect(draft.body).toMatch(/thank you/i);
      expect(draft.body).toContain('Kestrel Health');
      expect(draft.body).toContain('still very interested');
      expect(draft.body).toMatch(/feedback|strengthen a future application/);
      expect(draft.body).toMatch(/keep me in mind for future openings|keep my details on file/);
    }
    expect(short!.body).toContain('time and consideration');
    for (const question of ['qualifications', 'more experience', 'fit with the team', 'strong points']) expect(feedback!.body).toContain(question);
    expect(hr!.label).toMatch(/HR or the recruiter/);
    expect(short!.body.length).toBeLessThan(feedback!.body.length);
  });

  it('uses what the rejection said: the reason, a compliment, an invitation to reapply', () => {
    // Prepare
    const rich = SAMPLE_CONTACTS.richJane;
    const plain = makeContact({ signals: makeSignals() });

    // Act
    const richDrafts = composer.composeDrafts(renderInput('thank-you', rich));
    const plainDrafts = composer.composeDrafts(renderInput('thank-you', plain));
    const update = composer.composeDrafts(renderInput('check-in', rich, { plan: { checkInsSent: 2 }, now: THREE_MONTHS_LATER }))[0]!;

    // Assess
    const [short, feedback] = richDrafts;
    expect(short!.body).toContain('("the whole panel loved your passion for developer tooling")');
    expect(short!.body).toContain('the candidate we chose had more hands-on experience');
    expect(short!.body).toContain('As you suggested, I will apply again');
    expect(feedback!.body).toContain('especially on the point you mentioned ("the candidate we chose');
    expect(update.body).toContain('the point you raised back then');
    for (const draft of plainDrafts) {
      expect(draft.body).not.toMatch(/passion|candidate we chose|apply again/);
    }
    expect(plainDrafts[0]!.body).toContain('Please keep me in mind for future openings');
  });

  it('drops the quotes of a note that would run over the word limit, compliment first', () => {
    // Prepare: a draft that is 145 words before its quotes (141 + "Best regards, Sam Lee")
    const filler = Array.from({ length: 141 }, () => 'word').join(' ');
    const edited = {
      ...templates,
      'drafts/thank-you-short.hbs': `Label: Long\nTo: {{addresses.reply}}\nSubject: S\n\n${filler}\n{{personal.compliment}} {{personal.reason}}\n\n{{> sign-off}}`,
    };
    const short = (reason: string, compliment: string) =>
      createDraftComposer(edited).composeDrafts(renderInput('thank-you', makeContact({ signals: makeSignals({ reasons: [reason], compliments: [compliment] }) })))[0]!;

    // Act
    const both = short('more experience', 'great talk');
    const withoutCompliment = short('one two three four five', 'six seven');
    const neither = short('one two three four five six', 'nine ten');

    // Assess
    expect(both.body).toContain('great talk more experience');
    expect(withoutCompliment.body).not.toContain('six seven');
    expect(withoutCompliment.body).toContain('one two three four five');
    expect(neither.body).not.toMatch(/one|nine/);
    for (const draft of [both, withoutCompliment, neither]) expect(draft.wordCount).toBeLessThanOrEqual(DRAFT_MAX_WORDS);
  });

  it('shortens a long quote instead of letting it swell the note', () => {
    // Prepare
    const contact = SAMPLE_CONTACTS.longNames;

    // Act
    const [short] = composer.composeDrafts(renderInput('thank-you', contact));

    // Assess
    const quotes = [...short!.body.matchAll(/\("([^"]+)"\)/g)].map((match) => match[1]!);
    expect(quotes).toHaveLength(2);
    for (const quote of quotes) {
      expect(quote.endsWith('…')).toBe(true);
      expect(quote.split(' ').length).toBeLessThanOrEqual(MAX_QUOTE_WORDS_IN_DRAFT);
    }
  });
});

describe('greeting, signature, recipient and subject', () => {
  it('greets by first name, else the team, else plainly', () => {
    // Prepare
    const cases: [Partial<Contact>, string][] = [
      [{}, 'Hi Jane,'],
      [{ contactName: 'Dr. Maria-Fernanda de los Santos' }, 'Hi Maria-Fernanda,'],
      [{ contactName: 'Doe, Jane' }, 'Hi Jane,'],
      [{ contactName: 'J. Doe' }, 'Hello Acme team,'],
      [{ contactName: '<img src=x onerror=alert(1)>' }, 'Hello Acme team,'],
      [{ contactName: 'Acme' }, 'Hello Acme team,'],
      [{ contactName: null }, 'Hello Acme team,'],
      [{ contactName: null, company: null }, 'Hello,'],
    ];

    // Act
    const greetings = cases.map(([overrides]) => composer.composeDrafts(renderInput('thank-you', makeContact(overrides)))[0]!.body.split('\n')[0]);

    // Assess
    expect(greetings).toEqual(cases.map(([, expected]) => expected));
    expect(findFirstName("Aoife O'Neill")).toBe('Aoife');
  });

  it('signs with the owner name, or a placeholder to fill in', () => {
    // Prepare
    const contact = SAMPLE_CONTACTS.richJane;

    // Act
    const named = composeEveryDraft(contact, 'Sam Lee');
    const unnamed = composeEveryDraft(contact, '  ');

    // Assess
    for (const draft of named) expect(draft.body.endsWith('Best regards,\nSam Lee')).toBe(true);
    for (const draft of unnamed) expect(draft.body.endsWith('Best regards,\n[Your name]')).toBe(true);
  });

  it('writes to the contact, to a feedback address when one was given, and never to a no-reply sender', () => {
    // Prepare
    const withFeedbackAddress = SAMPLE_CONTACTS.longNames;

    // Act
    const [short, feedback, hr] = composer.composeDrafts(renderInput('thank-you', withFeedbackAddress));
    const noReply = composeEveryDraft(SAMPLE_CONTACTS.noReplyTeam);

    // Assess
    expect(short!.to).toBe(withFeedbackAddress.contactEmail);
    expect(feedback!.to).toBe('talent-feedback@northwind-intercontinental-logistics.example');
    expect(hr!.to).toBe('talent-feedback@northwind-intercontinental-logistics.example');
    for (const draft of noReply) {
      expect(draft.to).toBe('');
      expect(draft.mailtoUrl.startsWith('mailto:?subject=')).toBe(true);
      expect(new URL(draft.gmailComposeUrl).searchParams.get('to')).toBe('');
    }
  });

  it('replies in the original thread when the subject is known', () => {
    // Prepare
    const base = SAMPLE_CONTACTS.richJane;
    const forwarded = makeContact({ source: { ...base.source, subject: 'Fwd: RE: AW: Your application for Senior Engineer' } });
    const unknown = makeContact({ source: { ...base.source, subject: null } });

    // Act
    const threaded = composer.composeDrafts(renderInput('thank-you', forwarded))[0]!;
    const fresh = composer.composeDrafts(renderInput('thank-you', unknown))[0]!;

    // Assess
    expect(threaded.subject).toBe('Re: Your application for Senior Engineer');
    expect(fresh.subject).toBe('Thank you: Senior Engineer application');
  });

  it('puts each draft into its mailto: and Gmail links unchanged', () => {
    // Prepare
    const drafts = SAMPLES.flatMap(([, contact]) => composeEveryDraft(contact));
    expect(drafts.length).toBeGreaterThan(50);

    // Act
    const decoded = drafts.map((draft) => {
      const mailto = new URL(draft.mailtoUrl.replace(/^mailto:[^?]*/, 'http://x/'));
      const gmail = new URL(draft.gmailComposeUrl);
      return { draft, mailto: mailto.searchParams, gmail: gmail.searchParams };
    });

    // Assess
    for (const { draft, mailto, gmail } of decoded) {
      expect(mailto.get('subject')).toBe(draft.subject);
      expect(mailto.get('body')).toBe(draft.body.replace(/\n/g, '\r\n'));
      expect(draft.mailtoUrl).not.toContain('+');
      expect(gmail.get('view')).toBe('cm');
      expect(gmail.get('to')).toBe(draft.to);
      expect(gmail.get('su')).toBe(draft.subject);
      expect(gmail.get('body')).toBe(draft.body);
    }
  });
});

describe('createDraftComposer', () => {
  it('gives the same drafts as the renderer, and none for needs-review', () => {
    // Prepare
    const input = renderInput('thank-you', SAMPLE_CONTACTS.richJane);

    // Act
    const fromComposer = composer.composeDrafts(input);
    const fromRenderer = renderer.composeDrafts(input);
    const review = composer.composeDrafts(renderInput('needs-review', SAMPLE_CONTACTS.interviewInvitation));

    // Assess
    expect(fromComposer).toEqual(fromRenderer);
    expect(review).toEqual([]);
  });

  it('re-renders with the owner corrections (the fix-details page)', () => {
    // Prepare
    const before = makeContact({ contactName: null, company: 'Acm' });
    const after = { ...before, contactName: 'Jane Doe', company: 'Acme' };

    // Act
    const [oldDraft] = composer.composeDrafts(renderInput('thank-you', before));
    const [newDraft] = composer.composeDrafts(renderInput('thank-you', after));

    // Assess
    expect(oldDraft!.body.startsWith('Hello Acm team,')).toBe(true);
    expect(newDraft!.body.startsWith('Hi Jane,')).toBe(true);
    expect(newDraft!.body).toContain('learning about Acme');
  });
});
