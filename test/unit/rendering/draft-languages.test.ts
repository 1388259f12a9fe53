/**
 * Drafts in the language of the rejection: the German and French draft files
 * (templates/drafts/<language>/) against the same rules as the English ones, their greetings,
 * sign-offs and personal sentences, and how the owner email around them stays English.
 */
import { describe, expect, it } from 'vitest';
import type { DraftLanguage } from '../../../functions/core/drafting/draft-languages.js';
import { findFormOfAddress } from '../../../functions/core/drafting/draft-languages.js';
import type { Contact, PromptKind } from '../../../functions/core/model.js';
import { createDraftComposer, type Draft } from '../../../functions/core/rendering/compose-drafts.js';
import { createPromptRenderer } from '../../../functions/core/rendering/create-prompt-renderer.js';
import { ALL_DRAFTS, TemplateError } from '../../../functions/core/rendering/template-files.js';
import { countWords, DRAFT_MAX_WORDS, DRAFT_MIN_WORDS } from '../../../functions/core/rendering/word-count.js';
import { makeContact, makeSignals, SAMPLE_CONTACTS } from '../../support/sample-contacts.js';
import { expectNoArtefacts, renderInput, templates } from './render-helpers.js';

const composer = createDraftComposer(templates);
const THREE_MONTHS_LATER = new Date('2026-05-27T07:00:00.000Z');
const LANGUAGES = ['de', 'fr'] as const satisfies readonly DraftLanguage[];

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

/** An invented German rejection that said a lot, as understood. */
const NORDLICHT = makeContact({
  contactId: 'nordlicht00000000001',
  company: 'Nordlicht Energie',
  contactName: 'Katrin Vogel',
  contactEmail: 'katrin.vogel@nordlicht.example',
  role: 'Datenanalyst',
  language: 'de',
  signals: makeSignals({
    reasons: ['die Stelle wurde bereits intern besetzt'],
    compliments: ['Ihre Präsentation hat uns sehr gefallen'],
    stayInTouch: true,
    feedbackOffered: true,
  }),
});

/** An invented French one. */
const PIVOINE = makeContact({
  contactId: 'pivoine0000000000001',
  company: 'Atelier Pivoine',
  contactName: 'Claire Dupont',
  contactEmail: 'claire.dupont@pivoine.example',
  role: 'Ingénieure logiciel',
  language: 'fr',
  signals: makeSignals({ reasons: ['un profil plus expérimenté'], compliments: ['votre portfolio'], reapplyInvitation: true }),
});

const inLanguage = (contact: Contact, language: DraftLanguage): Contact => ({ ...contact, language });

/** Every sample in each language, with and without an owner name. */
const SAMPLES: [string, Contact][] = [
  ...LANGUAGES.flatMap((language) =>
    [...Object.entries(SAMPLE_CONTACTS), ['longNames without a person', { ...SAMPLE_CONTACTS.longNames, contactName: null }] as const].map(
      ([name, contact]): [string, Contact] => [`${name} in ${language}`, inLanguage(contact, language)],
    ),
  ),
  ['Nordlicht (de)', NORDLICHT],
  ['Pivoine (fr)', PIVOINE],
];

describe('drafts in German and French follow the same rules', () => {
  it.each(SAMPLES)('every draft for %s is 50-150 words, with no missing value or hole', (_name, contact) => {
    // Prepare / Act
    const drafts = [...composeEveryDraft(contact), ...composeEveryDraft(contact, '')];

    // Assess
    expect(drafts).toHaveLength(2 * ALL_DRAFTS.length);
    for (const draft of drafts) {
      expect(draft.wordCount).toBe(countWords(draft.body));
      expect(draft.wordCount, `${draft.id}: ${draft.body}`).toBeGreaterThanOrEqual(DRAFT_MIN_WORDS);
      expect(draft.wordCount, `${draft.id}: ${draft.body}`).toBeLessThanOrEqual(DRAFT_MAX_WORDS);
      expect(draft.body, draft.id).not.toMatch(/ {2}|\(\)| ,| \.|\bundefined\b|\bnull\b|\[object/);
      // A hostile sample's company holds braces on purpose; no other draft may show any.
      if (contact.contactId !== SAMPLE_CONTACTS.hostile.contactId) expect(draft.body, draft.id).not.toMatch(/\{\{|\}\}/);
      expect(draft.subject, draft.id).not.toMatch(/ {2}|:\s*$|\bundefined\b|\bnull\b/);
      // No English sentence slipped into a German or French note (the owner's placeholders included).
      expect(draft.body, draft.id).not.toMatch(/\b(Thank you|I understand|Best regards|Your name|please|team,)\b/);
    }
  });

  it.each(LANGUAGES)('writes the %s drafts from their own files and keeps English for a contact without a language', (language) => {
    // Prepare
    const english = makeContact();
    const { language: _none, ...old } = makeContact();

    // Act
    const [translated] = composer.composeDrafts(renderInput('thank-you', inLanguage(english, language)));
    const [fromEnglish] = composer.composeDrafts(renderInput('thank-you', english));
    const [fromOld] = composer.composeDrafts(renderInput('thank-you', old));

    // Assess
    expect(translated!.id).toBe('thank-you-short');
    expect(translated!.body).toMatch(language === 'de' ? /^Guten Tag Jane Doe,\n\nvielen Dank/ : /^Bonjour Jane Doe,\n\nJe vous remercie/);
    expect(fromEnglish!.body.startsWith('Hi Jane,')).toBe(true);
    expect(fromOld).toEqual(fromEnglish);
  });

  it('says in German what the short English note says: thanks, still interested, feedback, keep in mind', () => {
    // Prepare
    const plain = inLanguage(makeContact({ company: 'Kestrel Health', signals: makeSignals() }), 'de');

    // Act
    const [short, feedback, hr] = composer.composeDrafts(renderInput('thank-you', plain));

    // Assess
    expect(short!.body).toContain('vielen Dank für Ihre Nachricht und für die Zeit, die Sie sich für meine Bewerbung als Senior Engineer genommen haben.');
    expect(short!.body).toContain('Ich habe Kestrel Health gern näher kennengelernt und bin weiterhin sehr daran interessiert');
    expect(short!.body).toContain('freue ich mich über eine kurze Rückmeldung');
    expect(short!.body).toContain('Bitte denken Sie bei künftigen Stellen, die zu meinem Profil passen, an mich.');
    for (const question of ['Qualifikationen', 'mehr Erfahrung', 'Passung zum Team', 'meine Stärken']) expect(feedback!.body).toContain(question);
    expect(feedback!.body).toContain('Ich bin weiterhin sehr an Kestrel Health interessiert');
    expect(hr!.body.startsWith('Sehr geehrtes Recruiting-Team von Kestrel Health,\n\nvielen Dank')).toBe(true);
    expect(hr!.label).toMatch(/HR or the recruiter/);
  });

  it('says in French what the short English note says, without agreeing with the writer\'s gender', () => {
    // Prepare
    const plain = inLanguage(makeContact({ company: 'Kestrel Health', signals: makeSignals() }), 'fr');

    // Act
    const drafts = composeEveryDraft(plain);
    const [short, feedback] = drafts;

    // Assess
    expect(short!.body).toContain('Je vous remercie pour votre message et pour le temps que vous avez consacré à ma candidature au poste de Senior Engineer.');
    expect(short!.body).toContain("mon intérêt pour votre équipe reste entier");
    expect(short!.body).toContain('un bref retour sur ma candidature me serait très utile');
    expect(short!.body).toContain('Merci de penser à moi pour de futurs postes correspondant à mon profil.');
    for (const question of ['qualifications', "Davantage d'expérience", "adéquation avec l'équipe", 'points forts']) expect(feedback!.body).toContain(question);
    // French typography: a no-break space before the question marks and colons.
    expect(feedback!.body).toContain('insuffisantes\u00a0?');
    for (const draft of drafts) expect(draft.body, draft.id).not.toMatch(/\b(intéressée?|heureuse?|ravie?|reconnaissante?|attentive?|informée?)\b/);
  });

  it.each([
    ['experience', 'a closer fit for the platform team', 'Ich verstehe, dass Sie sich für jemanden mit passenderer Erfahrung entschieden haben', "Je comprends que vous avez retenu un profil dont l'expérience correspondait davantage à vos besoins"],
    ['requirements', 'your profile does not fully match our requirements', 'Ich verstehe, dass ich die Anforderungen der Stelle noch nicht ganz erfülle', 'Je comprends que mon profil ne répondait pas encore pleinement aux exigences du poste'],
    ['on-hold', 'the role is paused while we restructure', 'Ich verstehe, dass die Besetzung der Stelle vorerst ruht.', 'Je comprends que le recrutement pour ce poste est suspendu pour le moment.'],
    ['closed', 'die Stelle ist nicht mehr ausgeschrieben', 'Ich verstehe, dass die Stelle nicht mehr ausgeschrieben ist.', "Je comprends que le poste n'est plus ouvert."],
    ['filled', 'le poste a déjà été pourvu', 'Ich verstehe, dass die Stelle bereits besetzt wurde.', 'Je comprends que le poste a été pourvu.'],
    ['location', 'we cannot sponsor a work visa for this office', 'Ich verstehe, dass der Standort diesmal nicht gepasst hat.', 'Je comprends que la localisation ne convenait pas cette fois-ci.'],
    ['volume', 'eine Vielzahl an Bewerbungen', 'Bei so vielen Bewerbungen weiß ich Ihre Antwort umso mehr zu schätzen.', 'Je sais que vous avez reçu de nombreuses candidatures'],
  ])('says a %s reason in a German and a French sentence of its own ("%s")', (_kind, fragment, german, french) => {
    // Prepare
    const contact = makeContact({ signals: makeSignals({ reasons: [fragment] }) });

    // Act
    const [germanShort] = composer.composeDrafts(renderInput('thank-you', inLanguage(contact, 'de')));
    const [frenchShort] = composer.composeDrafts(renderInput('thank-you', inLanguage(contact, 'fr')));

    // Assess
    expect(germanShort!.body).toContain(german);
    expect(frenchShort!.body).toContain(french);
    for (const draft of [germanShort!, frenchShort!]) expect(draft.body).not.toContain(fragment);
  });

  it('thanks for a compliment by its topic, feedback offered, reapply and stay in touch, in each language', () => {
    // Prepare / Act
    const [germanShort, germanFeedback] = composer.composeDrafts(renderInput('thank-you', NORDLICHT));
    const [frenchShort, frenchFeedback] = composer.composeDrafts(renderInput('thank-you', PIVOINE));

    // Assess
    expect(germanShort!.body).toContain('Über Ihre freundlichen Worte zu meiner Präsentation habe ich mich sehr gefreut.');
    expect(germanShort!.body).toContain('Ich verstehe, dass die Stelle bereits besetzt wurde.');
    expect(germanShort!.body).toContain('Ihr Angebot einer Rückmeldung zu meiner Bewerbung nehme ich gern an.');
    expect(germanShort!.body).toContain('Ich würde gern in Kontakt bleiben');
    expect(germanFeedback!.body).toContain('Sie haben freundlicherweise eine Rückmeldung angeboten');
    expect(frenchShort!.body).toContain("Vos mots aimables sur mon portfolio m'ont fait très plaisir.");
    expect(frenchShort!.body).toContain("Je comprends que vous avez retenu un profil dont l'expérience");
    expect(frenchShort!.body).toContain("Comme vous me l'avez suggéré, je postulerai de nouveau");
    expect(frenchFeedback!.body).toContain('en particulier sur les points où mon expérience ne correspondait pas à vos besoins\u00a0:');
    expect(frenchShort!.body).toContain("au poste d'Ingénieure logiciel");
  });

  it('says elapsed time in the language of the note, and keeps it English in the owner email', () => {
    // Prepare
    const german = NORDLICHT;
    const french = PIVOINE;

    // Act
    const [germanAsk] = composer.composeDrafts(renderInput('check-in', german, { plan: { checkInsSent: 1 }, now: THREE_MONTHS_LATER }));
    const [frenchAsk] = composer.composeDrafts(renderInput('check-in', french, { plan: { checkInsSent: 1 }, now: THREE_MONTHS_LATER }));
    const ownerEmail = createPromptRenderer(templates).renderPrompt(renderInput('check-in', german, { plan: { checkInsSent: 1 }, now: THREE_MONTHS_LATER }));

    // Assess
    expect(germanAsk!.body).toContain('es ist 3 Monate her, dass wir über die Stelle als Datenanalyst gesprochen haben');
    expect(frenchAsk!.body).toContain("Cela fait 3 mois que nous avons échangé au sujet du poste d'Ingénieure logiciel");
    expect(ownerEmail.text).toContain("It's been 3 months since Nordlicht Energie said not today.");
  });
});

describe('greetings and sign-offs', () => {
  it.each([
    [{}, 'de', 'Guten Tag Jane Doe,'],
    [{ contactName: 'Frau Katrin Vogel' }, 'de', 'Sehr geehrte Frau Vogel,'],
    [{ contactName: 'Herr Dr. Jens Ohlsen' }, 'de', 'Sehr geehrter Herr Ohlsen,'],
    [{ contactName: 'Vogel, Katrin' }, 'de', 'Guten Tag Katrin Vogel,'],
    [{ contactName: null }, 'de', 'Guten Tag,'],
    [{ contactName: null, company: null }, 'de', 'Guten Tag,'],
    [{ contactName: '<img src=x onerror=alert(1)>' }, 'de', 'Guten Tag,'],
    [{ contactName: '<img src=x onerror=alert(1)>' }, 'fr', 'Madame, Monsieur,'],
    [{}, 'fr', 'Bonjour Jane Doe,'],
    [{ contactName: 'Mme Claire Dupont' }, 'fr', 'Bonjour Madame Dupont,'],
    [{ contactName: 'M. Jean Martin' }, 'fr', 'Bonjour Monsieur Martin,'],
    [{ contactName: 'Madame Élodie Marchal' }, 'fr', 'Bonjour Madame Marchal,'],
    [{ contactName: null }, 'fr', 'Madame, Monsieur,'],
    [{ contactName: 'Mme Claire Dupont' }, 'en', 'Hi Claire,'],
    [{ contactName: 'Frau Katrin Vogel' }, 'en', 'Hi Katrin,'],
  ] as [Partial<Contact>, DraftLanguage, string][])('greets %j in %s as "%s"', (overrides, language, expected) => {
    // Prepare
    const contact = inLanguage(makeContact(overrides), language);

    // Act
    const [short] = composer.composeDrafts(renderInput('thank-you', contact));

    // Assess: the draft is plain text; the owner email escapes it (see the escaping test below).
    expect(short!.body.split('\n')[0]).toBe(expected);
  });

  it('finds a title and a surname only when the name carries a title', () => {
    // Prepare / Act / Assess
    expect(findFormOfAddress('Frau Katrin Vogel')).toEqual({ fullName: 'Frau Katrin Vogel', title: 'ms', surname: 'Vogel' });
    expect(findFormOfAddress('M. Jean Martin')).toEqual({ fullName: 'M. Jean Martin', title: 'mr', surname: 'Martin' });
    expect(findFormOfAddress('M Jean')).toEqual({ fullName: 'M Jean', title: null, surname: null });
    expect(findFormOfAddress('Vogel, Katrin')).toEqual({ fullName: 'Katrin Vogel', title: null, surname: null });
    expect(findFormOfAddress('Frau')).toEqual({ fullName: 'Frau', title: null, surname: null });
    expect(findFormOfAddress('<b>Jane</b>')).toEqual({ fullName: null, title: null, surname: null });
    expect(findFormOfAddress(null)).toEqual({ fullName: null, title: null, surname: null });
  });

  it.each([
    ['de', 'Mit freundlichen Grüßen\nSam Lee', 'Mit freundlichen Grüßen\n[Ihr Name]'],
    ['fr', 'Cordialement,\nSam Lee', 'Cordialement,\n[Votre nom]'],
  ] as [DraftLanguage, string, string][])('signs every %s draft with the owner name, or a placeholder', (language, named, unnamed) => {
    // Prepare
    const contact = inLanguage(SAMPLE_CONTACTS.richJane, language);

    // Act
    const withName = composeEveryDraft(contact, 'Sam Lee');
    const withoutName = composeEveryDraft(contact, ' ');

    // Assess
    for (const draft of withName) expect(draft.body.endsWith(named), draft.id).toBe(true);
    for (const draft of withoutName) expect(draft.body.endsWith(unnamed), draft.id).toBe(true);
  });

  it('keeps "Re:" subjects and writes the fallback subjects in the language of the note', () => {
    // Prepare
    const base = makeContact({ source: { ...makeContact().source, subject: 'AW: Ihre Bewerbung' } });
    const noSubject = makeContact({ source: { ...makeContact().source, subject: null } });

    // Act
    const [threaded] = composer.composeDrafts(renderInput('thank-you', inLanguage(base, 'de')));
    const [germanFresh] = composer.composeDrafts(renderInput('thank-you', inLanguage(noSubject, 'de')));
    const [frenchFresh] = composer.composeDrafts(renderInput('thank-you', inLanguage(noSubject, 'fr')));

    // Assess
    expect(threaded!.subject).toBe('Re: Ihre Bewerbung');
    expect(germanFresh!.subject).toBe('Vielen Dank: Bewerbung als Senior Engineer');
    expect(frenchFresh!.subject).toBe('Merci : candidature au poste de Senior Engineer');
  });
});

describe('the owner email around drafts in another language', () => {
  it.each(LANGUAGES)('stays English, says the drafts are in %s, and escapes hostile values', (language) => {
    // Prepare
    const hostile = inLanguage(SAMPLE_CONTACTS.hostile, language);
    const renderer = createPromptRenderer(templates);

    // Act
    const email = renderer.renderPrompt(renderInput('thank-you', hostile));
    const plain = renderer.renderPrompt(renderInput('thank-you', SAMPLE_CONTACTS.richJane));

    // Assess
    expectNoArtefacts(email, { hostile: true });
    const name = language === 'de' ? 'German' : 'French';
    expect(email.text).toContain(`The drafts are in ${name}. To write in another language, use "Fix details".`);
    expect(email.html).toContain(`The drafts are in ${name}.`);
    expect(email.text).toMatch(/your drafts/i);
    expect(email.html).not.toMatch(/<img src=x|<script>|<svg onload/);
    expect(email.html).toContain('&lt;script&gt;alert(2)');
    expect(plain.text).not.toContain('The drafts are in');
  });

  it('renders German drafts when the templates compile lazily, as the Lambda runtime does', () => {
    // Prepare
    const lazy = createPromptRenderer(templates, { compile: 'lazy' });

    // Act
    const email = lazy.renderPrompt(renderInput('thank-you', NORDLICHT));

    // Assess
    expect(email.text).toContain('Guten Tag Katrin Vogel,');
    expect(email.text).toContain('Mit freundlichen Grüßen');
  });
});

describe('language folders', () => {
  it('falls back to English, words included, when a language has no folder', () => {
    // Prepare: the templates without the French folder.
    const withoutFrench = Object.fromEntries(Object.entries(templates).filter(([file]) => !file.startsWith('drafts/fr/')));
    const french = inLanguage(SAMPLE_CONTACTS.richJane, 'fr');

    // Act
    const drafts = createDraftComposer(withoutFrench).composeDrafts(renderInput('check-in', french, { plan: { checkInsSent: 1 }, now: THREE_MONTHS_LATER }));

    // Assess
    expect(drafts[0]!.body).toMatch(/^Hi Jane,\n\nIt has been 3 months since/);
  });

  it('refuses a language folder that misses a draft, naming the file', () => {
    // Prepare
    const incomplete = { ...templates };
    delete incomplete['drafts/de/check-in-owner-update.hbs'];

    // Act
    const create = () => createDraftComposer(incomplete);

    // Assess
    expect(create).toThrow(TemplateError);
    expect(create).toThrow(/drafts\/de\/check-in-owner-update\.hbs/);
  });

  it('lets a language folder replace the greeting for its own drafts only', () => {
    // Prepare
    const edited = { ...templates, 'drafts/de/partials/greeting.hbs': 'Moin{{#if contact.name}} {{contact.name}}{{/if}},' };

    // Act
    const [german] = createDraftComposer(edited).composeDrafts(renderInput('thank-you', inLanguage(makeContact(), 'de')));
    const [english] = createDraftComposer(edited).composeDrafts(renderInput('thank-you', makeContact()));

    // Assess
    expect(german!.body.startsWith('Moin Jane Doe,')).toBe(true);
    expect(english!.body.startsWith('Hi Jane,')).toBe(true);
  });
});
