import { describe, expect, it } from 'vitest';
import { extractFields } from '../../../../functions/core/understanding/extract-fields.js';
import * as fixtures from './fixtures-platforms.js';
import { makeOriginal, OWNER, type OriginalParts } from './make-original.js';

function extract(parts: OriginalParts) {
  return extractFields(makeOriginal(parts), { ownerAddresses: [OWNER] });
}

describe('extractFields on job-board and ATS mails', () => {
  it('takes the employer, not LinkedIn, from a LinkedIn rejection', () => {
    // Prepare
    const parts = fixtures.LINKEDIN_REJECTION;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({
      isRejection: true,
      company: 'Fenwick Mobility',
      role: 'Growth Product Manager',
      contact: { name: null, email: 'jobs-noreply@linkedin.com', noReply: true },
    });
  });

  it('reads an Ashby rejection with a parenthetical in the title', () => {
    // Prepare
    const parts = fixtures.ASHBY_REJECTION;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({ isRejection: true, company: 'Velo Health', role: 'Staff Frontend Engineer (Remote, US)' });
    expect(result.contact.noReply).toBe(true);
    expect(result.signals.stayInTouch).toBe(true);
  });

  it('reads a recruiter signature block and extends the company over its legal form', () => {
    // Prepare
    const parts = fixtures.RECRUITER_BLOCK_SIGNATURE;
    // Act
    const result = extract(parts);
    // Assess
    expect(result.contact.name).toBe('Hollis Grant');
    expect(result.company).toMatch(/^Pinecrest Energy( Ltd\.)?$/);
    expect(result.role).toBe('Senior Reservoir Engineer');
    expect(result.isRejection).toBe(true);
  });

  it('reads the employer from a job board listing line of a confirmation', () => {
    // Prepare
    const parts = fixtures.INDEED_CONFIRMATION;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({
      isRejection: false,
      kind: 'application-confirmation',
      company: 'Ridgeline Distribution',
      role: 'Warehouse Associate – Night Shift',
    });
  });

  it('takes "not moving you forward to the next round" for a rejection, not an invitation', () => {
    // Prepare
    const parts = fixtures.NOT_NEXT_ROUND;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({ isRejection: true, kind: 'rejection', company: 'Driftwood', role: 'Mobile Engineer (iOS)' });
    expect(result.signals.feedbackOffered).toBe(true);
  });

  it('takes a request to schedule a phone interview for an invitation', () => {
    // Prepare
    const parts = fixtures.INTERVIEW_PHONE_SCREEN;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({ isRejection: false, kind: 'interview-invitation', company: 'Amberline', contact: { name: 'Lena Ortiz' } });
  });

  it('reads a British public-sector rejection: reference dropped, organisation from a gov.uk domain', () => {
    // Prepare
    const parts = fixtures.UNSUCCESSFUL_UK;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({
      isRejection: true,
      company: 'Thornbury Council',
      role: 'Housing Officer',
      contact: { name: null, email: 'donotreply@thornbury.gov.uk', noReply: true },
    });
  });

  it('names the employer, not the recruiting agency that wrote on its behalf', () => {
    // Prepare
    const parts: OriginalParts = {
      fromName: 'Kit Moreno',
      fromAddress: 'kit@talentbridgesearch.example',
      subject: 'Finance Manager opportunity',
      body: [
        'Hi Sam,',
        '',
        'Thank you for your interest in the Finance Manager role at Harlow & Finch. I have now heard back from the hiring team, and they have decided to proceed with other candidates.',
        '',
        'Kind regards,',
        'Kit Moreno',
        'Senior Consultant | Talentbridge Search',
      ].join('\n'),
    };
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({ isRejection: true, company: 'Harlow & Finch', role: 'Finance Manager', contact: { name: 'Kit Moreno' } });
  });
});
