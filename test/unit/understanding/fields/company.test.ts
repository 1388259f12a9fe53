import { describe, expect, it } from 'vitest';
import { identifyPlatformSender } from '../../../../functions/core/understanding/ats-senders.js';
import {
  companyFromLabel,
  extractCompany,
  guessNameFromLabel,
  type CompanyInput,
} from '../../../../functions/core/understanding/fields/company.js';

function input(parts: Partial<CompanyInput> & { fromAddress: string }): CompanyInput {
  return {
    fromName: null,
    subject: '',
    body: '',
    signatureLines: [],
    platform: identifyPlatformSender(parts.fromAddress),
    personNames: [],
    ...parts,
  };
}

describe('extractCompany', () => {
  it('names the company as the display name writes it, not by the shorter tenant label', () => {
    // Prepare
    const mail = input({ fromName: 'Quellbrook Shipping', fromAddress: 'quellbrook@myworkday.com', body: 'Thank you for applying.' });
    // Act
    const result = extractCompany(mail);
    // Assess
    expect(result.company).toBe('Quellbrook Shipping');
  });

  it('takes the employer from the display name of an ATS sender, never the ATS', () => {
    // Prepare
    const mail = input({ fromName: 'Careers at Tidewater Bank', fromAddress: 'no-reply@smartrecruiters.com', body: 'Your application was sent via SmartRecruiters.' });
    // Act
    const result = extractCompany(mail);
    // Assess
    expect(result.company).toBe('Tidewater Bank');
  });

  it('weighs subject, body and tenant against a misleading display name', () => {
    // Prepare
    const mail = input({
      fromName: 'Talent Acquisition',
      fromAddress: 'greyharbor@myworkday.com',
      subject: 'Your application to Grey Harbor Shipping',
      body: 'Thank you for your interest in Grey Harbor Shipping. We have chosen another applicant.',
    });
    // Act
    const result = extractCompany(mail);
    // Assess
    expect(result.company).toBe('Grey Harbor Shipping');
    expect(result.sources.length).toBeGreaterThan(1);
    expect(result.confidence).toBeGreaterThan(0.7);
  });

  it('names the company as written in the mail rather than capitalising the domain', () => {
    // Prepare
    const mail = input({
      fromName: 'Jo Park',
      fromAddress: 'jo.park@ohl.example',
      body: 'Thanks for meeting us at Oakes Hale Lindqvist last week. We will not be moving forward.',
    });
    // Act
    const result = extractCompany(mail);
    // Assess
    expect(result.company).toBe('Oakes Hale Lindqvist');
  });

  it('keeps a leading "The" and capitals when the mail writes them mid-sentence', () => {
    // Prepare
    const mail = input({
      fromName: 'The Copper Kettle Recruiting Team',
      fromAddress: 'jobs@copperkettle.com',
      body: 'Everyone here at The Copper Kettle thanks you for applying.',
    });
    // Act
    const result = extractCompany(mail);
    // Assess
    expect(result.company).toBe('The Copper Kettle');
  });

  it('falls back to the sender domain, split into words, with low confidence', () => {
    // Prepare
    const mail = input({ fromName: 'Ada Brook', fromAddress: 'ada@lumenrobotics.com', body: 'We went with someone else.' });
    // Act
    const result = extractCompany(mail);
    // Assess
    expect(result.company).toBe('Lumen Robotics');
    expect(result.confidence).toBeLessThan(0.5);
  });

  it('does not take a job title after "applying to the" for the company', () => {
    // Prepare
    const mail = input({
      fromName: 'Rui Costa',
      fromAddress: 'rui@saltmarsh.io',
      body: 'Thank you for applying to the Staff Platform Engineer role. Thanks again for your interest in Saltmarsh.',
    });
    // Act
    const result = extractCompany(mail);
    // Assess
    expect(result.company).toBe('Saltmarsh');
  });

  it('finds the employer in the body of an assessment-platform receipt', () => {
    // Prepare
    const mail = input({
      fromName: 'Codility Team',
      fromAddress: 'no-reply@codility.com',
      subject: 'Thanks for completing the Orchard Mobile Backend Engineer test',
      body: 'We have sent your results to Orchard Mobile. Please contact Orchard Mobile directly with questions.',
    });
    // Act
    const result = extractCompany(mail);
    // Assess
    expect(result.company).toBe('Orchard Mobile');
  });
});

describe('companyFromLabel and guessNameFromLabel', () => {
  it.each([
    ['Acme Talent Acquisition', 'Acme'],
    ['Careers at Acme', 'Acme'],
    ['The Recruiting Team at Acme Widgets', 'Acme Widgets'],
    ['Your Acme Careers Team', 'Acme'],
    ['Human Resources Department', null],
    ['Greenhouse', null],
    ['Junior Data Engineer Hiring Team', null],
  ])('reads "%s" as %s', (label, expected) => {
    // Prepare
    const text = label;
    // Act
    const company = companyFromLabel(text);
    // Assess
    expect(company).toBe(expected);
  });

  it.each([
    ['larchmontsystems', 'Larchmont Systems'],
    ['blue-heron', 'Blue-Heron'],
    ['ibm', 'IBM'],
    ['acme', 'Acme'],
  ])('guesses "%s" as "%s"', (label, expected) => {
    // Prepare
    const domainLabel = label;
    // Act
    const guess = guessNameFromLabel(domainLabel);
    // Assess
    expect(guess).toBe(expected);
  });
});
