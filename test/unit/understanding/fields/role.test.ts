import { describe, expect, it } from 'vitest';
import { cleanRole, extractRole } from '../../../../functions/core/understanding/fields/role.js';

describe('extractRole', () => {
  it.each([
    ['Your application: Senior Site Reliability Engineer (Req ID 4411)', '', 'Senior Site Reliability Engineer'],
    ['Application update', 'Thank you for applying for the Junior Data Engineer – Payments position at Acme.', 'Junior Data Engineer – Payments'],
    ['Your application to Backend Engineer, at Acme.', '', 'Backend Engineer'],
    ['Ihre Bewerbung', 'vielen Dank für Ihre Bewerbung als Werkstudent Marketing (m/w/d) bei uns.', 'Werkstudent Marketing (m/w/d)'],
    ['Application received', 'We received your application for Staff Engineer, Identity (Job ID: 2024-881).', 'Staff Engineer, Identity'],
    ['Update', 'Thanks for your interest in the Entry Level Accountant opening.', 'Entry Level Accountant'],
    ['Candidature', 'Merci pour votre candidature au poste de Responsable des achats et pour votre intérêt.', 'Responsable des achats'],
    ['Following up', 'Thank you for applying for the "Senior Analyst, Pricing" position.', 'Senior Analyst, Pricing'],
    ['Ihre Bewerbung', 'Danke für Ihre Bewerbung als „Lagerist (m/w/d)“ bei uns.', 'Lagerist (m/w/d)'],
  ])('subject "%s" / body "%s" -> "%s"', (subject, body, expected) => {
    // Prepare
    const company = 'Acme';
    // Act
    const result = extractRole(subject, body, company);
    // Assess
    expect(result.role).toBe(expected);
  });

  it('returns null when the mail names no role', () => {
    // Prepare
    const body = 'Thank you for your interest in Acme. We have decided not to move forward with your application for this opening.';
    // Act
    const result = extractRole('Your application to Acme', body, 'Acme');
    // Assess
    expect(result.role).toBeNull();
  });

  it('raises confidence when subject and body agree', () => {
    // Prepare
    const subject = 'Your application for Product Analyst';
    // Act
    const agreeing = extractRole(subject, 'Thanks for applying for the Product Analyst role.', 'Acme');
    const single = extractRole(subject, 'Thanks for applying.', 'Acme');
    // Assess
    expect(agreeing.role).toBe('Product Analyst');
    expect(agreeing.confidence).toBeGreaterThan(single.confidence);
  });
});

describe('cleanRole', () => {
  it.each([
    ['Senior Backend Engineer R-12345', 'Senior Backend Engineer'],
    ['Data Scientist (Job ID: 99812)', 'Data Scientist'],
    ['Software Engineer, ', 'Software Engineer'],
    ['Acme Field Technician', 'Field Technician'],
    ['Unit 4, Main Street, Springfield\'s Warehouse Associate', 'Warehouse Associate'],
    ['Pflegefachkraft (m/w/d)', 'Pflegefachkraft (m/w/d)'],
  ])('cleans "%s" to "%s"', (raw, expected) => {
    // Prepare
    const company = 'Acme';
    // Act
    const role = cleanRole(raw, company);
    // Assess
    expect(role).toBe(expected);
  });
});
