import { describe, expect, it } from 'vitest';
import { identifyPlatformSender } from '../../../../functions/core/understanding/ats-senders.js';
import {
  extractContactAddress,
  extractContactName,
  findGreetingNames,
  findSignature,
  isNoReplyAddress,
  type ContactInput,
} from '../../../../functions/core/understanding/fields/contact.js';
import { OWNER } from './make-original.js';

function input(fromName: string | null, fromAddress: string | null, body: string, replyTo: string[] = []): ContactInput {
  return {
    from: { name: fromName, address: fromAddress },
    replyTo: replyTo.map((address) => ({ name: null, address })),
    to: [{ name: 'Sam Seeker', address: OWNER }],
    body,
    signature: findSignature(body),
    greetingNames: findGreetingNames(body),
    platform: identifyPlatformSender(fromAddress),
    ownerAddresses: new Set([OWNER]),
  };
}

describe('contact name', () => {
  it('takes the signer, split from a job title after a bar', () => {
    // Prepare
    const mail = input('Recruiting', 'recruiting@fablehouse.com', 'Hi Sam,\n\nWe will not proceed.\n\nBest regards,\nMarta Kowalczyk | Lead Recruiter');
    // Act
    const name = extractContactName(mail, ['Fablehouse']);
    // Assess
    expect(name.name).toBe('Marta Kowalczyk');
  });

  it('returns null when the mail is signed only by a team', () => {
    // Prepare
    const mail = input('Fablehouse Careers', 'careers@fablehouse.com', 'Dear Sam,\n\nThe role has been filled.\n\nSincerely,\nThe Fablehouse Talent Team');
    // Act
    const name = extractContactName(mail, ['Fablehouse']);
    // Assess
    expect(name.name).toBeNull();
    expect(name.teamSigned).toBe(true);
  });

  it("takes the sender's name when a team signs from the person's own address", () => {
    // Prepare
    const personal = input('Whitfield, Dana', 'dana.whitfield@brightloop.example', 'Dear Sam,\n\nThe role has been filled.\n\nBest,\nBrightloop Talent Team');
    const shared = input('Dana Whitfield', 'talent@brightloop.example', 'Dear Sam,\n\nThe role has been filled.\n\nBest,\nBrightloop Talent Team');
    const accented = input('José Núñez', 'jose.nunez@brightloop.example', 'Dear Sam,\n\nThe role has been filled.\n\nBest,\nBrightloop Talent Team');
    const hyphenated = input('Anne-Marie Dupont', 'annemarie.dupont@brightloop.example', 'Dear Sam,\n\nThe role has been filled.\n\nBest,\nBrightloop Talent Team');
    // Act
    const fromPerson = extractContactName(personal, ['Brightloop']);
    const fromTeamBox = extractContactName(shared, ['Brightloop']);
    // Assess
    expect(fromPerson.name).toBe('Dana Whitfield');
    expect(fromPerson.teamSigned).toBe(false);
    expect(extractContactName(accented, ['Brightloop']).name).toBe('José Núñez');
    expect(extractContactName(hyphenated, ['Brightloop']).name).toBe('Anne-Marie Dupont');
    expect(fromTeamBox.name).toBeNull();
    expect(fromTeamBox.teamSigned).toBe(true);
  });

  it('drops academic titles from the signer', () => {
    // Prepare
    const mail = input(null, 'hr@lab.example', 'Dear Sam,\n\nUnfortunately we chose another applicant.\n\nKind regards,\nProf. Dr. Hannah Vogt\nHead of Research');
    // Act
    const name = extractContactName(mail, []);
    // Assess
    expect(name.name).toBe('Hannah Vogt');
  });

  it('does not take a closing that names the candidate for a signature', () => {
    // Prepare
    const mail = input('Fablehouse Recruiting', 'recruiting@fablehouse.com', 'Jordan,\n\nWe have decided to move forward with other candidates.\n\nThanks, Jordan.');
    // Act
    const name = extractContactName(mail, ['Fablehouse']);
    // Assess
    expect(name.name).toBeNull();
  });

  it('falls back to a person in the From display name when the signature is the company', () => {
    // Prepare
    const mail = input('Oskar Lind', 'oskar@brightwell.com', 'Hi Sam,\n\nWe went with other candidates.\n\nRegards,\nBrightwell');
    // Act
    const name = extractContactName(mail, ['Brightwell']);
    // Assess
    expect(name.name).toBe('Oskar Lind');
  });

  it('never takes the owner for the contact even when the owner sent it', () => {
    // Prepare
    const mail = input('Sam Seeker', OWNER, 'Note to self.');
    // Act
    const name = extractContactName(mail, []);
    const address = extractContactAddress(mail);
    // Assess
    expect(name.name).toBeNull();
    expect(address.email).toBeNull();
  });
});

describe('contact address', () => {
  it('prefers an address the body gives for questions over a no-reply sender', () => {
    // Prepare
    const mail = input('Acme', 'donotreply@acme.example', 'For any questions, please contact us at talent@acme.example.\nPlease do not reply to this email.');
    // Act
    const address = extractContactAddress(mail);
    // Assess
    expect(address).toMatchObject({ email: 'talent@acme.example', noReply: false });
  });

  it('uses Reply-To over a no-reply sender', () => {
    // Prepare
    const mail = input('Acme', 'no-reply@acme.example', 'We chose another candidate.', ['recruiter@acme.example']);
    // Act
    const address = extractContactAddress(mail);
    // Assess
    expect(address).toMatchObject({ email: 'recruiter@acme.example', noReply: false });
  });

  it('marks ATS tenant senders and no-reply mailboxes as no-reply', () => {
    // Prepare
    const workday = input(null, 'acme@myworkday.com', 'We chose another candidate.');
    const noreply = input(null, 'careers-noreply@acme.example', 'We chose another candidate.');
    // Act
    const results = [extractContactAddress(workday), extractContactAddress(noreply)];
    // Assess
    expect(results.map((result) => result.noReply)).toEqual([true, true]);
  });

  it('ignores privacy, unsubscribe and platform support addresses in the footer', () => {
    // Prepare
    const mail = input(
      'Acme',
      'no-reply@acme.example',
      'We chose another candidate.\n\nTo unsubscribe, email leave@acme.example. Questions about your personal data: privacy@acme.example. Trouble logging in? Contact support@smartrecruiters.com.',
    );
    // Act
    const address = extractContactAddress(mail);
    // Assess
    expect(address).toMatchObject({ email: 'no-reply@acme.example', noReply: true });
  });

  it('does not take bare domains or account names for addresses', () => {
    // Prepare
    const mail = input(null, 'jobs@acme.example', 'Real staff write from @acme.example only. Log in to your Careers@Acme account to update your profile.');
    // Act
    const address = extractContactAddress(mail);
    // Assess
    expect(address.email).toBe('jobs@acme.example');
  });

  it.each([
    ['no-reply@acme.example', true],
    ['donotreply@acme.example', true],
    ['careers-noreply@acme.example', true],
    ['notifications@acme.example', true],
    ['jane.doe@acme.example', false],
    ['careers@acme.example', false],
  ])('isNoReplyAddress(%s) is %s', (address, expected) => {
    // Prepare
    const candidate = address;
    // Act
    const result = isNoReplyAddress(candidate);
    // Assess
    expect(result).toBe(expected);
  });
});
