import { describe, expect, it } from 'vitest';
import { extractFields } from '../../../../functions/core/understanding/extract-fields.js';
import * as fixtures from './fixtures.js';
import { makeOriginal, OWNER, type OriginalParts } from './make-original.js';

function extract(parts: OriginalParts) {
  return extractFields(makeOriginal(parts), { ownerAddresses: [OWNER] });
}

describe('extractFields on invented mails', () => {
  it('reads a Workday rejection: company from display name and tenant, system sender, role without requisition id', () => {
    // Prepare
    const parts = fixtures.WORKDAY_REJECTION;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({
      isRejection: true,
      kind: 'rejection',
      company: 'Northwind Traders',
      contact: { name: null, email: 'northwindtraders@myworkday.com', noReply: true },
      role: 'Senior Data Analyst',
    });
    expect(result.confidence.company).toBeGreaterThan(0.7);
  });

  it('reads a Greenhouse rejection: body feedback address beats the no-reply sender', () => {
    // Prepare
    const parts = fixtures.GREENHOUSE_REJECTION;
    // Act
    const result = extract(parts);
    // Assess
    expect(result.company).toBe('Bluefin Robotics');
    expect(result.contact).toEqual({ name: null, email: 'hiring-feedback@bluefinrobotics.io', noReply: false });
    expect(result.role).toBe('Firmware Engineer, Motion Control');
    expect(result.signals.feedbackOffered).toBe(true);
    expect(result.signals.feedbackAddress).toBe('hiring-feedback@bluefinrobotics.io');
    expect(result.signals.reasons).toContain('more experience in safety-critical firmware');
    expect(result.signals.compliments).toContain('loved your passion for embedded systems');
  });

  it('reads a recruiter rejection: signer without academic title, company from domain and signature', () => {
    // Prepare
    const parts = fixtures.RECRUITER_REJECTION;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({
      isRejection: true,
      company: 'Kestrel Analytics',
      contact: { name: 'Priya Natarajan', email: 'priya.natarajan@kestrelanalytics.com', noReply: false },
      role: 'Product Designer',
    });
    expect(result.signals.stayInTouch).toBe(true);
  });

  it('names the company as the mail writes it when the domain is an initialism', () => {
    // Prepare
    const parts = fixtures.TEAM_SIGNED_COMPANY_DOMAIN;
    // Act
    const result = extract(parts);
    // Assess
    expect(result.company).toBe('Bellweather Bridge Rowe');
    expect(result.contact.name).toBeNull();
    expect(result.role).toBe('Associate, Corporate Finance');
    expect(result.isRejection).toBe(true);
  });

  it('reads a German rejection with a gender tag and a reference number', () => {
    // Prepare
    const parts = fixtures.GERMAN_REJECTION;
    // Act
    const result = extract(parts);
    // Assess
    expect(result.isRejection).toBe(true);
    expect(result.role).toBe('Disponent (m/w/d)');
    expect(result.company).toMatch(/^Lindenhof Logistik( GmbH)?$/);
    expect(result.contact.name).toBeNull();
    expect(result.signals.stayInTouch).toBe(true);
  });

  it('reads a French rejection with a lower-case title', () => {
    // Prepare
    const parts = fixtures.FRENCH_REJECTION;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({ isRejection: true, company: 'Atelier Vermeil', role: 'Chargée de communication' });
    expect(result.contact).toEqual({ name: null, email: 'rh@ateliervermeil.fr', noReply: false });
  });

  it('does not take a confirmation with a conditional "if you are not selected" for a rejection', () => {
    // Prepare
    const parts = fixtures.CONFIRMATION_TRAP;
    // Act
    const result = extract(parts);
    // Assess
    expect(result.isRejection).toBe(false);
    expect(result.kind).toBe('application-confirmation');
    expect(result.contact.noReply).toBe(true);
    expect(result.role).toBe('Patient Services Coordinator');
  });

  it('recognises an interview invitation and an offer in English and German', () => {
    // Prepare
    const mails = [fixtures.INTERVIEW_INVITATION, fixtures.OFFER, fixtures.GERMAN_OFFER];
    // Act
    const kinds = mails.map((parts) => extract(parts).kind);
    // Assess
    expect(kinds).toEqual(['interview-invitation', 'offer', 'offer']);
  });

  it('treats a position put on hold as a rejection', () => {
    // Prepare
    const parts = fixtures.ON_HOLD;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({ isRejection: true, company: 'Marigold Health', role: 'Clinical Operations Manager' });
    expect(result.signals.stayInTouch).toBe(true);
  });

  it('recognises an out-of-office auto-reply', () => {
    // Prepare
    const parts = fixtures.AUTO_REPLY;
    // Act
    const result = extract(parts);
    // Assess
    expect(result.kind).toBe('auto-reply');
    expect(result.isRejection).toBe(false);
  });

  it('leaves the role empty when the mail names none, and never names the ATS', () => {
    // Prepare
    const parts = fixtures.LEVER_NO_ROLE;
    // Act
    const result = extract(parts);
    // Assess
    expect(result.role).toBeNull();
    expect(result.company).toBe('Copperleaf Games');
    expect(result.contact).toEqual({ name: null, email: 'no-reply@hire.lever.co', noReply: true });
  });

  it('gives every confidence within [0, 1]', () => {
    // Prepare
    const all = Object.values(fixtures);
    // Act
    const confidences = all.flatMap((parts) => Object.values(extract(parts).confidence));
    // Assess
    for (const value of confidences) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it('never takes the owner for the contact', () => {
    // Prepare
    const parts: OriginalParts = {
      fromName: 'Sam Seeker',
      fromAddress: OWNER,
      subject: 'Your application to Pelican Freight',
      body: 'Hi Sam,\n\nUnfortunately we have decided to move forward with other candidates.\n\nBest,\nPelican Freight Recruiting',
    };
    // Act
    const result = extract(parts);
    // Assess
    expect(result.contact.email).toBeNull();
    expect(result.contact.name).toBeNull();
    expect(result.company).toBe('Pelican Freight');
  });

  it('ignores the candidate\'s own mail quoted below a recruiter\'s reply', () => {
    // Prepare
    const parts: OriginalParts = {
      fromName: 'Noor Haddad',
      fromAddress: 'noor@lanternworks.example',
      subject: 'Re: Following up on the QA Lead role',
      body: [
        'Hi Sam,',
        '',
        'Thanks for checking in. We have decided to hire someone else for the QA Lead role, but I enjoyed our conversation.',
        '',
        'Best,',
        'Noor Haddad',
        'Lanternworks',
        '',
        'On Tue, 3 Mar 2026 at 10:02, Sam Seeker <sam.seeker@example.net> wrote:',
        '> Hi Noor, just following up on my application at Brightside Labs and elsewhere.',
        '> Best regards,',
        '> Sam Seeker',
      ].join('\n'),
    };
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({
      isRejection: true,
      company: 'Lanternworks',
      role: 'QA Lead',
      contact: { name: 'Noor Haddad', email: 'noor@lanternworks.example', noReply: false },
    });
    expect(result.signals.compliments).toContain('enjoyed our conversation');
  });
});
