import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../functions/core/understanding/detect-language.js';
import { understandEmail } from '../../../functions/core/understanding/understand-email.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/eml/${path}`, import.meta.url));
const sample = (name: string) => readFileSync(new URL(`../../../local/samples/${name}`, import.meta.url));

/** Invented rejections, one per language. */
const ENGLISH = `Dear Sam,

Thank you for your interest in the Data Engineer role at Lindqvist Foods. Unfortunately, we have
decided to move forward with other candidates whose experience more closely matches our needs.
We wish you all the best in your search.

Kind regards,
Maja Berg`;

const GERMAN = `Sehr geehrter Herr Lee,

vielen Dank für Ihre Bewerbung als Datenanalyst und das Interesse an der Brennholz Werkstatt GmbH.
Leider müssen wir Ihnen mitteilen, dass wir uns für eine andere Bewerberin entschieden haben.
Wir wünschen Ihnen für Ihren weiteren beruflichen Weg alles Gute.

Mit freundlichen Grüßen
Katrin Vogel`;

const FRENCH = `Bonjour Sam,

Nous vous remercions pour votre candidature au poste de chef de projet chez Atelier Pivoine.
Malheureusement, nous ne sommes pas en mesure de donner une suite favorable à votre candidature.
Nous vous souhaitons une bonne continuation.

Cordialement,
Claire Dupont`;

describe('detectLanguage', () => {
  it.each([
    ['en', ENGLISH],
    ['de', GERMAN],
    ['fr', FRENCH],
  ] as const)('reads a rejection in %s as %s', (expected, body) => {
    // Prepare: one invented rejection (above).
    // Act
    const decision = detectLanguage('Your application', body);
    // Assess: its phrases decide, clearly.
    expect(decision.language).toBe(expected);
    expect(decision.phraseHits[expected]).toBeGreaterThan(0);
  });

  it('takes the language of the message, not of an English footer or subject below a German rejection', () => {
    // Prepare: a German rejection with an English legal footer and an English subject.
    const body = `${GERMAN}

This e-mail may contain confidential information. If you are not the intended recipient, please
notify the sender and delete this message.`;
    // Act
    const decision = detectLanguage('Your application at Brennholz Werkstatt', body);
    // Assess
    expect(decision.language).toBe('de');
  });

  it('reads an English rejection that quotes a German company name and address as English', () => {
    // Prepare: English wording around German proper names.
    const body = `${ENGLISH}\nBrennholz Werkstatt GmbH, Am Lindenplatz 4, 20095 Hamburg, Geschäftsführer: Jens Ohlsen`;
    // Act
    const decision = detectLanguage('Ihre Bewerbung', body);
    // Assess
    expect(decision.language).toBe('en');
  });

  it('breaks a phrase tie with stop words when one language clearly leads', () => {
    // Prepare: no rejection phrase at all, but plainly French text.
    const body = 'Nous avons bien lu votre message et nous le transmettons à la personne qui suit votre dossier dans notre équipe.';
    // Act
    const decision = detectLanguage(null, body);
    // Assess
    expect(decision.phraseHits.fr).toBe(decision.phraseHits.en);
    expect(decision.language).toBe('fr');
  });

  it.each([
    ['nothing readable', ''],
    ['a few names and numbers', 'Ref 4471-B / Lindqvist / 2026-03-02'],
    ['an even mix of German and French stop words', 'und wir nicht mit et nous pas avec'],
  ])('answers English when it is unsure: %s', (_label, body) => {
    // Prepare: text that says nothing clear about its language.
    // Act
    const decision = detectLanguage(null, body);
    // Assess
    expect(decision.language).toBe('en');
  });
});

describe('understandEmail language', () => {
  it.each([
    ['de', 'forwards/german-outlook-html.eml'],
    ['de', 'held-out/05-personio-german-rejection.eml'],
    ['de', 'held-out/39-german-stepstone-absage.eml'],
    ['fr', 'held-out/06-french-team-rejection.eml'],
    ['fr', 'held-out/40-french-rejection-signed.eml'],
    ['en', 'forwards/gmail-text-html.eml'],
    ['en', 'held-out/01-workday-tenant-rejection.eml'],
    ['en', 'held-out/11-smartrecruiters-position-filled.eml'],
  ] as const)('exposes %s for %s', async (expected, path) => {
    // Prepare: a forwarded fixture.
    const raw = fixture(path);
    // Act
    const understanding = await understandEmail(raw, { ownerAddresses: [] });
    // Assess: the language of the original inside the forward (the owner's forward header is ignored).
    expect(understanding.language).toBe(expected);
  });

  it('reads the German demo sample (Nordlicht) as German', async () => {
    // Prepare
    const raw = sample('04-german-forward-nordlicht.eml');
    // Act
    const understanding = await understandEmail(raw, { ownerAddresses: [] });
    // Assess
    expect(understanding.language).toBe('de');
  });

  it('answers English for a message with nothing to read', async () => {
    // Prepare: a forward with no original inside.
    const raw = Buffer.from('From: sam@mailbox.example\r\nTo: in@not-today.example\r\nSubject: Fwd:\r\n\r\n\r\n');
    // Act
    const understanding = await understandEmail(raw, { ownerAddresses: ['sam@mailbox.example'] });
    // Assess
    expect(understanding.status).toBe('not-understood');
    expect(understanding.language).toBe('en');
  });
});
