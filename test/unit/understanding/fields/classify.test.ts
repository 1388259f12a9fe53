import { describe, expect, it } from 'vitest';
import { classifyMessage, isConditionalAt } from '../../../../functions/core/understanding/fields/classify.js';

describe('classifyMessage', () => {
  it.each([
    ['We have decided to move forward with other candidates for this role.', 'en'],
    ['The position has been filled.', 'en, filled'],
    ['We regret to inform you that this opening is no longer available.', 'en, withdrawn'],
    ['Due to budget changes the role has been put on hold.', 'en, on hold'],
    ['We currently do not have an opening that matches your profile, but we will keep your CV on file.', 'en, talent pool'],
    ['Leider müssen wir Ihnen mitteilen, dass wir uns für eine andere Bewerberin entschieden haben.', 'de'],
    ["Hi Sam - we're not going to move forward at this time, but thanks for applying.", 'en, casual'],
    ['We have already hired for the position, sorry!', 'en, already hired'],
    ['Nous sommes au regret de vous informer que nous ne pouvons pas donner suite à votre candidature.', 'fr'],
    ['In the end we went with a candidate whose background is closer to the product.', 'en, went with a candidate'],
    ['The panel chose to continue with other applicants for the next stage.', 'en, continue with others'],
    ["Thanks for your patience; we won't be taking this any further.", 'en, not taking it further'],
    ['The team has filled the role with an internal candidate.', 'en, filled internally'],
    ["We've now hired for the vacancy, thanks for your interest.", 'en, now hired'],
    ['We have offered the job to another applicant.', 'en, offered to another'],
    ['We will be concentrating on applicants whose skills are closer to the brief.', 'en, concentrating on others'],
    ['Nous avons décidé de privilégier une autre candidature pour ce poste.', 'fr, décidé de privilégier'],
  ])('takes "%s" (%s) for a rejection', (body) => {
    // Prepare
    const subject = 'Your application';
    // Act
    const verdict = classifyMessage(subject, body);
    // Assess
    expect(verdict.kind).toBe('rejection');
    expect(verdict.isRejection).toBe(true);
  });

  it('ignores rejection words inside conditional clauses of a confirmation', () => {
    // Prepare
    const body =
      'We have received your application and will review it soon. If you are not selected, we will let you know. ' +
      'Should we decide not to move forward, you will get an email.';
    // Act
    const verdict = classifyMessage('Application received', body);
    // Assess
    expect(verdict.kind).toBe('application-confirmation');
    expect(verdict.isRejection).toBe(false);
  });

  it('does not let an aside starting with "Unfortunately" turn a confirmation into a rejection', () => {
    // Prepare
    const body = 'Thank you for applying! We have received your application. Unfortunately, phishing mails are on the rise, so check the sender.';
    // Act
    const verdict = classifyMessage('Thanks for applying', body);
    // Assess
    expect(verdict.isRejection).toBe(false);
  });

  it('keeps a rejection that mentions another candidate accepting an offer', () => {
    // Prepare
    const body = 'Another candidate has accepted an offer for this role, so we are closing the position.';
    // Act
    const verdict = classifyMessage('Update', body);
    // Assess
    expect(verdict.kind).toBe('rejection');
  });

  it('reads "Zusage" as an offer, not a rejection', () => {
    // Prepare
    const body = 'Herzlichen Glückwunsch! Wir möchten Ihnen die Stelle anbieten. Der Arbeitsvertrag folgt.';
    // Act
    const verdict = classifyMessage('Zusage', body);
    // Assess
    expect(verdict.kind).toBe('offer');
  });

  it('says "other" with low confidence when nothing matches', () => {
    // Prepare
    const body = 'Here are the minutes of yesterday’s meeting.';
    // Act
    const verdict = classifyMessage('Minutes', body);
    // Assess
    expect(verdict.kind).toBe('other');
    expect(verdict.confidence).toBeLessThan(0.5);
  });
});

/** Borderline mails: asides, promises of later news, mixed rejection and invitation (invented). */
const BORDERLINE: [string, string, boolean][] = [
  ['Application received', 'Thank you for applying. Unfortunately, we are only able to contact shortlisted candidates.', false],
  ['Application received', 'Your application for Analyst has been received. If you are not successful, you will not hear from us.', false],
  ['Interview confirmed', 'Your interview is confirmed for Tuesday at 10am with the hiring manager.', false],
  ['Assessment', 'Please complete the online assessment by Friday. Good luck!', false],
  ['Next round', "Congratulations! You've been selected for the next round of interviews.", false],
  ['Thanks', 'Thank you for your interest. We are currently reviewing applications and will be in touch by the end of the month.', false],
  ['Update', "Although we won't be moving forward for the Designer role, we'd like to invite you to interview for our Junior Designer opening.", true],
  ['Re: application', 'Sorry for the delay! We are still reviewing and hope to have news next week. Unfortunately the hiring manager was out sick.', false],
  ['Application', 'We appreciate your patience. Unfortunately, we have decided not to fill the position at this time.', true],
  ['Application', 'After reviewing your CV we feel your experience is not aligned with what we need for this role.', true],
  ['Your application', 'Thank you for applying. We regret that your application was not successful on this occasion.', true],
  ['Ihre Bewerbung', 'Vielen Dank für Ihre Bewerbung. Wir haben Ihre Unterlagen erhalten und melden uns in Kürze bei Ihnen.', false],
  ['Votre candidature', 'Nous accusons réception de votre candidature et reviendrons vers vous rapidement.', false],
];

describe('classifyMessage on borderline mails', () => {
  it.each(BORDERLINE)('subject "%s", body "%s" -> rejection %s', (subject, body, expected) => {
    // Prepare
    const input = { subject, body };
    // Act
    const verdict = classifyMessage(input.subject, input.body);
    // Assess
    expect(verdict.isRejection).toBe(expected);
  });
});

describe('isConditionalAt', () => {
  it('sees a conditional word before the position, and none after it', () => {
    // Prepare
    const sentence = 'If you are not selected, we will keep your file.';
    const plain = 'You were not selected, if that helps.';
    // Act
    const conditional = isConditionalAt(sentence, sentence.indexOf('not selected'));
    const unconditional = isConditionalAt(plain, plain.indexOf('not selected'));
    // Assess
    expect(conditional).toBe(true);
    expect(unconditional).toBe(false);
  });
});
