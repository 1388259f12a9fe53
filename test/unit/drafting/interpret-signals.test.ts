import { describe, expect, it } from 'vitest';
import { DRAFTING_LANGUAGES } from '../../../functions/core/drafting/phrases/index.js';
import {
  classifyReason,
  COMPLIMENT_TOPIC_WORDING,
  COMPLIMENT_TOPICS,
  findComplimentTopic,
  interpretSignals,
  MAX_FRAGMENT_LENGTH,
  MAX_FRAGMENTS_READ,
  REASON_KINDS,
  type ComplimentTopic,
  type ReasonKind,
} from '../../../functions/core/drafting/interpret-signals.js';
import { compilePhrases } from '../../../functions/core/text/phrase-syntax.js';
import { makeSignals } from '../../support/sample-contacts.js';

/** Invented reason fragments, as the extraction cuts them (from the matched phrase to the end of the clause). */
const REASONS: [ReasonKind, string, string][] = [
  ['experience', 'en', 'closer match for what the team needs'],
  ['experience', 'en', 'other applicants whose background more closely fits the brief'],
  ['experience', 'en', 'more hands-on experience with warehouse robotics'],
  ['experience', 'en', 'better fit for the current stage of the product'],
  ['experience', 'de', 'mehr Erfahrung im Bereich Zahlungsverkehr'],
  ['experience', 'de', 'Bewerberinnen, deren Profil noch besser passt'],
  ['experience', 'fr', "plus d'expérience en gestion de projet"],
  ['experience', 'fr', 'un profil correspondant davantage au poste'],
  ['requirements', 'en', 'your profile does not fully match our requirements'],
  ['requirements', 'en', "didn't meet the minimum criteria"],
  ['requirements', 'de', 'Ihr Profil entspricht leider nicht unserem Anforderungsprofil'],
  ['requirements', 'fr', 'votre candidature ne correspond pas aux critères'],
  ['requirements', 'fr', 'adéquation avec les attentes du service'],
  ['requirements', 'en', 'you may be better suited for other openings in the group'],
  ['on-hold', 'en', 'the search has been put on hold'],
  ['on-hold', 'en', 'budget constraints this quarter'],
  ['on-hold', 'de', 'die Stelle wird vorerst nicht besetzt'],
  ['on-hold', 'de', 'aufgrund eines Einstellungsstopps'],
  ['on-hold', 'fr', 'le recrutement est mis en suspens'],
  ['closed', 'en', 'the opening is no longer available'],
  ['closed', 'en', 'we have cancelled the requisition'],
  ['closed', 'de', 'die Position ist nicht mehr vakant'],
  ['closed', 'fr', "le poste n'est plus à pourvoir"],
  ['filled', 'en', 'the position has been filled'],
  ['filled', 'en', 'we have hired an internal candidate'],
  ['filled', 'de', 'die Stelle wurde bereits intern vergeben'],
  ['filled', 'fr', 'le poste a déjà été pourvu'],
  ['location', 'en', 'we are unable to sponsor a work visa'],
  ['location', 'de', 'ohne gültige Arbeitserlaubnis'],
  ['location', 'fr', 'sans permis de travail valide'],
  ['volume', 'en', 'high volume of applications this round'],
  ['volume', 'de', 'eine Vielzahl an Bewerbungen'],
  ['volume', 'fr', 'de très nombreuses candidatures'],
];

const COMPLIMENTS: [ComplimentTopic | null, string, string][] = [
  ['portfolio', 'en', 'we were impressed by your portfolio'],
  ['communication', 'en', 'your clear communication throughout'],
  ['enthusiasm', 'en', 'the panel loved your passion for open data'],
  ['assignment', 'en', 'your take-home exercise was excellent'],
  ['case-study', 'en', 'enjoyed your case study on churn'],
  ['presentation', 'en', 'really liked your presentation'],
  ['interview', 'en', 'impressed with your interviews'],
  ['conversation', 'en', 'enjoyed our conversation last week'],
  ['questions', 'en', 'appreciated your thoughtful questions'],
  ['skills', 'en', 'your strong technical skills'],
  ['experience', 'en', 'your impressive experience in retail'],
  ['background', 'en', 'were impressed by your background'],
  ['background', 'en', 'impressed with your qualifications'],
  ['approach', 'en', 'loved your approach to the problem'],
  ['portfolio', 'de', 'Ihr Portfolio hat uns sehr gefallen'],
  ['presentation', 'de', 'Ihre Präsentation hat uns beeindruckt'],
  ['interview', 'de', 'überzeugt von Ihrem Vorstellungsgespräch'],
  ['conversation', 'de', 'das Gespräch mit Ihnen hat uns gefallen'],
  ['enthusiasm', 'de', 'beeindruckt von Ihrer Begeisterung'],
  ['interview', 'fr', 'impressionnés par votre entretien'],
  ['profile', 'fr', 'votre profil nous a plu'],
  ['skills', 'fr', 'impressionnés par vos compétences'],
  [null, 'en', 'one of the strongest finalists'],
  [null, 'de', 'hat uns sehr beeindruckt'],
  [null, 'fr', 'impressionnés'],
];

describe('classifyReason', () => {
  it.each(REASONS)('reads %s from a %s fragment: "%s"', (kind, _language, fragment) => {
    // Prepare: the fragment above

    // Act
    const found = classifyReason(fragment);

    // Assess
    expect(found).toBe(kind);
  });

  it('says "other" for a reason it does not recognise, and for empty text', () => {
    // Prepare
    const fragments = ['the weather in March', 'xyz', '', '   ', 'Gründe, die wir nicht nennen', 'pour des raisons internes'];

    // Act
    const kinds = fragments.map(classifyReason);

    // Assess
    expect(kinds).toEqual(fragments.map(() => 'other'));
  });

  it('prefers the kind that says most about the candidate, and the safer sentence, when a fragment holds several', () => {
    // Prepare
    const mixed = 'after a high volume of applications, the role has been filled by someone whose experience is a closer match';
    const pausedNotFilled = 'the role will not be filled for now because it is on hold';
    const bothFits = 'your profile does not match, and we chose applicants who more closely fit the brief';

    // Act
    const kinds = [mixed, pausedNotFilled, 'the role will not be filled', bothFits].map(classifyReason);

    // Assess
    expect(kinds).toEqual(['experience', 'on-hold', 'closed', 'requirements']);
  });

  it('reads case, line breaks, markup and zero-width characters, and no non-text input', () => {
    // Prepare
    const odd: [unknown, ReasonKind][] = [
      ['CLOSER MATCH', 'experience'],
      ['the position\r\nhas been\tfilled', 'filled'],
      ['you <b>lack</b> the experience', 'requirements'],
      ['clo\u200Bser ma\u00ADtch', 'experience'],
      ['{{> layout}} (.*)+$ [a-z]{999} \\', 'other'],
      [null, 'other'],
      [undefined, 'other'],
      [42, 'other'],
      [{ toString: () => 'closer match' }, 'other'],
      [['closer match'], 'other'],
    ];

    // Act
    const kinds = odd.map(([input]) => classifyReason(input));

    // Assess
    expect(kinds).toEqual(odd.map(([, kind]) => kind));
  });

  it('reads only the first MAX_FRAGMENT_LENGTH characters of a crafted, very long fragment', () => {
    // Prepare
    const padding = 'a '.repeat(MAX_FRAGMENT_LENGTH);
    const early = `closer match ${padding}`;
    const late = `${padding} closer match`;

    // Act
    const kinds = [classifyReason(early), classifyReason(late), classifyReason('x'.repeat(1_000_000))];

    // Assess
    expect(kinds).toEqual(['experience', 'other', 'other']);
  });
});

describe('findComplimentTopic', () => {
  it.each(COMPLIMENTS)('reads %s from a %s compliment: "%s"', (topic, _language, fragment) => {
    // Prepare: the fragment above

    // Act
    const found = findComplimentTopic(fragment);

    // Assess
    expect(found).toBe(topic);
  });

  it('takes the topic named first, and ignores input that is not text', () => {
    // Prepare
    const two = 'your presentation and your portfolio';
    const inputs: unknown[] = [null, 7, { portfolio: true }, '<svg onload=alert(1)>'];

    // Act
    const first = findComplimentTopic(two);
    const none = inputs.map(findComplimentTopic);

    // Assess
    expect(first).toBe('presentation');
    expect(none).toEqual([null, null, null, null]);
  });
});

describe('interpretSignals', () => {
  it('gives kinds, a topic and its words, and the flags, and no text from the mail', () => {
    // Prepare
    const signals = makeSignals({
      reasons: ['high volume of applications', 'other candidates whose experience more closely aligns with the brief'],
      compliments: ['one of the strongest finalists', 'we loved your portfolio of field studies'],
      reapplyInvitation: true,
      stayInTouch: false,
      feedbackOffered: true,
    });

    // Act
    const reading = interpretSignals(signals);

    // Assess
    expect(reading).toEqual({
      reasonKind: 'experience',
      complimented: true,
      complimentTopic: 'portfolio',
      complimentAbout: 'my portfolio',
      reapply: true,
      stayInTouch: false,
      feedbackOffered: true,
    });
  });

  it('tells "no reason given" (null) from "a reason it cannot read" (other), and a compliment without a topic', () => {
    // Prepare
    const none = makeSignals();
    const unread = makeSignals({ reasons: ['for reasons of our own'], compliments: ['hat uns sehr beeindruckt'] });

    // Act
    const [noneReading, unreadReading] = [interpretSignals(none), interpretSignals(unread)];

    // Assess
    expect(noneReading).toMatchObject({ reasonKind: null, complimented: false, complimentTopic: null, complimentAbout: null });
    expect(unreadReading).toMatchObject({ reasonKind: 'other', complimented: true, complimentTopic: null, complimentAbout: null });
  });

  it('reads malformed or missing signals (an older stored contact) as "not said"', () => {
    // Prepare
    const malformed = [
      null,
      undefined,
      {},
      { reasons: 'closer match', compliments: { 0: 'portfolio' }, reapplyInvitation: 'yes', feedbackOffered: 1 },
      { reasons: [null, 3, '', '  '], compliments: [undefined] },
    ] as unknown as Parameters<typeof interpretSignals>[0][];

    // Act
    const readings = malformed.map(interpretSignals);

    // Assess
    for (const reading of readings) {
      expect(reading).toEqual({
        reasonKind: null,
        complimented: false,
        complimentTopic: null,
        complimentAbout: null,
        reapply: false,
        stayInTouch: false,
        feedbackOffered: false,
      });
    }
  });

  it(`reads at most ${MAX_FRAGMENTS_READ} fragments of a list`, () => {
    // Prepare
    const filler = Array.from({ length: MAX_FRAGMENTS_READ }, () => 'for reasons of our own');
    const signals = makeSignals({ reasons: [...filler, 'closer match'], compliments: [...filler, 'your portfolio'] });

    // Act
    const reading = interpretSignals(signals);

    // Assess
    expect(reading.reasonKind).toBe('other');
    expect(reading.complimentTopic).toBeNull();
    expect(reading.complimented).toBe(true);
  });
});

describe('the phrase data', () => {
  it('has phrases for every kind and topic in every language, each compiling on its own', () => {
    // Prepare
    const languages = DRAFTING_LANGUAGES;

    // Act
    const lists = languages.flatMap((language) => [
      ...REASON_KINDS.map((kind) => [`${language.language} ${kind}`, language.reasonKinds[kind]] as const),
      ...COMPLIMENT_TOPICS.map((topic) => [`${language.language} ${topic}`, language.complimentTopics[topic]] as const),
    ]);

    // Assess
    expect(languages.map((language) => language.language)).toEqual(['en', 'de', 'fr']);
    for (const [name, phrases] of lists) {
      expect(phrases.length, name).toBeGreaterThan(0);
      for (const phrase of phrases) expect(() => compilePhrases([phrase]), `${name}: ${phrase}`).not.toThrow();
    }
    for (const topic of COMPLIMENT_TOPICS) expect(COMPLIMENT_TOPIC_WORDING[topic]).toMatch(/^(my|our) [a-z ]+$/);
  });
});
