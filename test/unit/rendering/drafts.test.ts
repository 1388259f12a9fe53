import { describe, expect, it } from 'vitest';
import type { Contact, PromptKind } from '../../../functions/core/model.js';
import { findCliches } from '../../../functions/core/rendering/cliche-phrases.js';
import { createDraftComposer, type Draft } from '../../../functions/core/rendering/compose-drafts.js';
import { findFirstName } from '../../../functions/core/rendering/view-model.js';
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

/**
 * Invented rejections that gave something personal, in English, German and French: the
 * fragments are what the extraction would quote; no draft may repeat them.
 */
const SAID: Record<string, Contact> = {
  englishExperience: makeContact({
    contactId: 'saidenglish000000000',
    signals: makeSignals({
      reasons: ['other applicants whose experience more closely matches the brief for this team'],
      compliments: ['we were impressed by your portfolio of onboarding flows'],
      reapplyInvitation: true,
    }),
  }),
  germanExperience: makeContact({
    contactId: 'saidgerman0000000000',
    company: 'Silberlinde Logistik',
    contactName: 'Katrin Vogt',
    contactEmail: 'katrin.vogt@silberlinde.example',
    role: 'Datenanalyst',
    signals: makeSignals({
      reasons: ['Bewerberinnen, deren Profil noch besser zu unseren Anforderungen passt'],
      compliments: ['Ihre Präsentation hat uns sehr beeindruckt'],
      stayInTouch: true,
    }),
  }),
  frenchFilled: makeContact({
    contactId: 'saidfrench0000000000',
    company: 'Atelier Verveine',
    contactName: 'Élodie Marchal',
    contactEmail: 'elodie.marchal@verveine.example',
    role: 'Cheffe de projet',
    signals: makeSignals({
      reasons: ['le poste a déjà été pourvu en interne'],
      compliments: ["impressionnés par votre entretien avec l'équipe"],
      feedbackOffered: true,
    }),
  }),
  germanCompliment: makeContact({
    contactId: 'saidgermancompliment',
    signals: makeSignals({ compliments: ['hat uns sehr beeindruckt'], reapplyInvitation: true }),
  }),
  volume: makeContact({ contactId: 'saidvolume0000000000', signals: makeSignals({ reasons: ['an unusually high volume of applications this spring'] }) }),
  onHold: makeContact({ contactId: 'saidonhold0000000000', signals: makeSignals({ reasons: ['hiring for this team is on hold until the next budget cycle'] }) }),
  unknownReason: makeContact({
    contactId: 'saidunknown000000000',
    signals: makeSignals({ reasons: ['for reasons we cannot share in any detail'], compliments: ['one of the strongest finalists we met'] }),
  }),
};

/** The samples, plus the longest realistic greeting ("Hello <long company> team"), plus what rejections said. */
const SAMPLES: [string, Contact][] = [
  ...Object.entries(SAMPLE_CONTACTS),
  ['longNames without a person', { ...SAMPLE_CONTACTS.longNames, contactName: null }],
  ...Object.entries(SAID),
];

/** Every run of `size` words in `text`, lower-cased. */
function wordRuns(text: string, size: number): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  return words.slice(0, Math.max(0, words.length - size + 1)).map((_, index) => words.slice(index, index + size).join(' '));
}

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

  it('uses what the rejection said, in its own words: the reason, a compliment, feedback offered, reapply', () => {
    // Prepare
    const rich = SAMPLE_CONTACTS.richJane;
    const plain = makeContact({ signals: makeSignals() });

    // Act
    const richDrafts = composer.composeDrafts(renderInput('thank-you', rich));
    const plainDrafts = composer.composeDrafts(renderInput('thank-you', plain));
    const update = composer.composeDrafts(renderInput('check-in', rich, { plan: { checkInsSent: 2 }, now: THREE_MONTHS_LATER }))[0]!;
    const followUp = composer.composeDrafts(renderInput('feedback-follow-up', rich))[0]!;

    // Assess
    const [short, feedback] = richDrafts;
    expect(short!.body).toContain('I was glad to read your kind words about my enthusiasm.');
    expect(short!.body).toContain('I understand you chose someone whose experience was a closer match, and that gives me something concrete to work on.');
    expect(short!.body).toContain('I would gladly take you up on your offer of feedback');
    expect(short!.body).toContain('As you suggested, I will apply again');
    expect(feedback!.body).toContain('Your kind words about my enthusiasm meant a lot.');
    expect(feedback!.body).toContain('You kindly offered feedback, and I would be grateful for it, especially on where my experience fell short of what you needed:');
    expect(update.body).toContain('It also adds to the experience you were looking for back then.');
    expect(followUp.body).toContain('Even one or two sentences on where my experience fell short of what you needed');
    for (const draft of plainDrafts) {
      expect(draft.body).not.toMatch(/kind words|I understand|I know you received|apply again|especially on/);
    }
    expect(plainDrafts[0]!.body).toContain('If you have a moment, I would welcome any feedback');
    expect(plainDrafts[0]!.body).toContain('Please keep me in mind for future openings');
  });

  it.each([
    ['experience', 'a closer fit for the platform team', 'I understand you chose someone whose experience was a closer match', ', especially on where my experience fell short of what you needed:'],
    ['requirements', 'your profile does not fully match our requirements', 'I understand I did not fully match what the role needs', ', especially on which requirements I did not yet meet:'],
    ['on-hold', 'the role is paused while we restructure', 'I understand the role has been put on hold for now.', 'I understand the role has been put on hold for now.'],
    ['closed', 'die Stelle ist nicht mehr ausgeschrieben', 'I understand the position is no longer open.', 'I understand the position is no longer open.'],
    ['filled', 'le poste a déjà été pourvu', 'I understand the position has been filled.', 'I understand the position has been filled.'],
    ['location', 'we cannot sponsor a work visa for this office', 'I understand the location did not work out this time.', 'I understand the location did not work out this time.'],
    ['volume', 'eine Vielzahl an Bewerbungen', 'I know you received many applications, so it means all the more.', 'I know you received many applications, so it means all the more.'],
  ])('says a %s reason in a sentence of its own ("%s")', (_kind, fragment, shortSentence, feedbackSentence) => {
    // Prepare
    const contact = makeContact({ signals: makeSignals({ reasons: [fragment] }) });

    // Act
    const [short, feedback, hr] = composer.composeDrafts(renderInput('thank-you', contact));

    // Assess
    expect(short!.body).toContain(shortSentence);
    expect(feedback!.body).toContain(feedbackSentence);
    if (_kind === 'volume') expect(hr!.body).toContain(shortSentence);
    for (const draft of [short!, feedback!, hr!]) expect(draft.body).not.toContain(fragment);
  });

  it('says nothing specific about a reason it does not recognise', () => {
    // Prepare
    const contact = SAID.unknownReason!;

    // Act
    const drafts = composer.composeDrafts(renderInput('thank-you', contact));

    // Assess
    for (const draft of drafts) expect(draft.body).not.toMatch(/I understand|I know you received|especially on|reasons|share in any detail/);
    expect(drafts[0]!.body).toContain('I was glad to read your kind words.');
  });

  it('thanks for a compliment by its topic, or plainly, never in the language of the rejection', () => {
    // Prepare
    const [english, german, french, noTopic] = [SAID.englishExperience!, SAID.germanExperience!, SAID.frenchFilled!, SAID.germanCompliment!];

    // Act
    const [englishShort, englishFeedback] = composer.composeDrafts(renderInput('thank-you', english));
    const [germanShort] = composer.composeDrafts(renderInput('thank-you', german));
    const [frenchShort, frenchFeedback] = composer.composeDrafts(renderInput('thank-you', french));
    const [noTopicShort, noTopicFeedback] = composer.composeDrafts(renderInput('thank-you', noTopic));

    // Assess
    expect(englishShort!.body).toContain('I was glad to read your kind words about my portfolio.');
    expect(englishFeedback!.body).toContain('Your kind words about my portfolio meant a lot.');
    expect(germanShort!.body).toContain('I was glad to read your kind words about my presentation.');
    expect(germanShort!.body).toContain('I would be glad to stay in touch, so please keep me in mind');
    expect(frenchShort!.body).toContain('I was glad to read your kind words about my interview. I understand the position has been filled.');
    expect(frenchFeedback!.body).toContain('You kindly offered feedback, and I would be grateful for it:');
    expect(noTopicShort!.body).toContain('I was glad to read your kind words.');
    expect(noTopicFeedback!.body).toContain('Your kind words meant a lot.');
    for (const draft of [germanShort!, frenchShort!, noTopicShort!]) expect(draft.body).not.toMatch(/beeindruckt|Präsentation|impressionnés|entretien|pourvu/);
  });

  it.each(SAMPLES)('no draft for %s quotes the rejection', (_name, contact) => {
    // Prepare: no fragment, and no four words in a row from one (the samples' fragments are
    // worded unlike the drafts' own sentences, so any shared run would be a quote)
    const fragments = [...contact.signals.reasons, ...contact.signals.compliments];
    const runs = new Set(fragments.flatMap((fragment) => wordRuns(fragment, 4)));

    // Act
    const drafts = composeEveryDraft(contact);

    // Assess
    for (const draft of drafts) {
      expect(draft.body, draft.id).not.toMatch(/\(["“'‘«„]|["”'’»]\)/);
      for (const fragment of fragments) expect(draft.body.toLowerCase(), draft.id).not.toContain(fragment.toLowerCase());
      const quoted = wordRuns(draft.body, 4).filter((run) => runs.has(run));
      expect(quoted, `${draft.id}: ${draft.body}`).toEqual([]);
    }
  });

  it('asks whether an on-hold role has opened again, in the check-in about openings', () => {
    // Prepare
    const onHold = SAID.onHold!;
    const other = SAID.volume!;

    // Act
    const [onHoldAsk] = composer.composeDrafts(renderInput('check-in', onHold, { plan: { checkInsSent: 1 }, now: THREE_MONTHS_LATER }));
    const [otherAsk] = composer.composeDrafts(renderInput('check-in', other, { plan: { checkInsSent: 1 }, now: THREE_MONTHS_LATER }));

    // Assess
    expect(onHoldAsk!.id).toBe('check-in-ask-openings');
    expect(onHoldAsk!.body).toContain('Has hiring for the Senior Engineer role started again, or are there other openings on your team');
    expect(otherAsk!.body).toContain('Are there any new openings on your team');
  });

  it('drops the compliment, then the reason, from a note that would run over the word limit', () => {
    // Prepare: 143 words before the personal touches, then "Best regards," and the owner's name
    const filler = Array.from({ length: 143 }, () => 'word').join(' ');
    const edited = {
      ...templates,
      'drafts/thank-you-short.hbs': `Label: Long\nTo: {{addresses.reply}}\nSubject: S\n\n${filler}\n{{#if personal.complimented}}Kudos{{#if personal.complimentAbout}} {{personal.complimentAbout}}{{/if}}{{/if}} {{#if personal.reasonKind}}Because {{personal.reasonKind}}{{/if}}\n\n{{> sign-off}}`,
    };
    const short = (compliment: string, ownerName: string) =>
      createDraftComposer(edited).composeDrafts(
        renderInput('thank-you', makeContact({ signals: makeSignals({ reasons: ['closer match'], compliments: [compliment] }) }), { owner: { name: ownerName } }),
      )[0]!;

    // Act: 147 + 1 + 2 words; 147 + 3 + 2 words; 150 + 1 + 2 words
    const both = short('one of the strongest finalists', 'Sam Lee');
    const withoutCompliment = short('loved your portfolio', 'Sam Lee');
    const neither = short('one of the strongest finalists', 'Sam Alex Jordan Lee Smith');

    // Assess
    expect(both.body).toContain('Kudos Because experience');
    expect(withoutCompliment.body).not.toMatch(/Kudos|portfolio/);
    expect(withoutCompliment.body).toContain('Because experience');
    expect(neither.body).not.toMatch(/Kudos|Because/);
    expect([both.wordCount, withoutCompliment.wordCount, neither.wordCount]).toEqual([150, 149, 150]);
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
