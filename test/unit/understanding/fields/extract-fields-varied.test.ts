import { describe, expect, it } from 'vitest';
import { extractFields } from '../../../../functions/core/understanding/extract-fields.js';
import { makeOriginal, OWNER } from './make-original.js';

/**
 * Varied invented mails (written for this project): quoted titles, requisition tags in brackets,
 * informal German, job-board confirmations, newsletters, offers to another candidate.
 */
interface VariedCase {
  fn: string | null;
  fa: string;
  s: string;
  b: string;
  exp: { rej: boolean; company: string; name: string | null; email: string; nr: boolean; role: string | null };
}

const CASES: VariedCase[] = [
 { fn: 'Maya Chen', fa: 'no-reply@greenhouse.io', s: 'Following up on your application', b: `Hi Sam,\n\nThank you for applying for the "Senior Analyst, Pricing" position. Unfortunately we will not be moving forward with your application.\n\nBest,\nMaya Chen\nRecruiter at Lumina Retail`, exp: { rej: true, company: 'Lumina Retail', name: 'Maya Chen', email: 'no-reply@greenhouse.io', nr: true, role: 'Senior Analyst, Pricing' } },
 { fn: 'Acme Corp', fa: 'notification@smartrecruiters.com', s: 'Acme Corp: Update on your application', b: `Dear Sam,\n\nThank you for your interest in the position Java Developer - Remote at Acme Corp. We regret to let you know that we have decided to pursue other applicants.\n\nKind regards,\nAcme Corp Recruiting`, exp: { rej: true, company: 'Acme Corp', name: null, email: 'notification@smartrecruiters.com', nr: true, role: 'Java Developer - Remote' } },
 { fn: 'Kreativ Werk Jobs', fa: 'jobs@kreativwerk.de', s: 'Absage: Ihre Bewerbung als UX Designer', b: `Hallo Sam,\n\nvielen Dank für deine Bewerbung als UX Designer. Leider haben wir uns für eine andere Kandidatin entschieden.\n\nViele Grüße\nLena vom Kreativ Werk Team`, exp: { rej: true, company: 'Kreativ Werk', name: null, email: 'jobs@kreativwerk.de', nr: false, role: 'UX Designer' } },
 { fn: 'Fjord Hotels', fa: 'careers@fjordhotels.com', s: 'Thank you for your application', b: `Dear Sam,\n\nThank you for applying for the role of Front Desk Agent. Due to the high number of applications, we are unable to respond to every applicant individually. If you have not heard from us within four weeks, please assume that your application has been unsuccessful.\n\nFjord Hotels People Team`, exp: { rej: false, company: 'Fjord Hotels', name: null, email: 'careers@fjordhotels.com', nr: false, role: 'Front Desk Agent' } },
 { fn: 'Nadia Rahman', fa: 'nadia@brightpath.io', s: 'Brightpath offer', b: `Hi Sam,\n\nI'm thrilled to offer you the position of Data Engineer at Brightpath! Attached is your offer letter.\n\nWelcome to the team,\nNadia Rahman\nCTO`, exp: { rej: false, company: 'Brightpath', name: 'Nadia Rahman', email: 'nadia@brightpath.io', nr: false, role: 'Data Engineer' } },
 { fn: 'Sunrise Dental Careers', fa: 'no-reply@sunrisedental.com', s: 'Re: Dental Hygienist', b: `Hello Sam,\n\nThank you for your interest in joining Sunrise Dental. We have carefully reviewed your application for the Dental Hygienist opening, and we will not be proceeding with your candidacy.\n\nFor questions about this decision, you can reach our recruitment team at hiring@sunrisedental.com.\n\nSunrise Dental`, exp: { rej: true, company: 'Sunrise Dental', name: null, email: 'hiring@sunrisedental.com', nr: false, role: 'Dental Hygienist' } },
 { fn: null, fa: 'recruiting@vantapay.com', s: 'VantaPay application', b: `Hi Sam - thanks for your interest in VantaPay. We're not going to move forward at this time, but we appreciate you applying.\n- VantaPay Recruiting`, exp: { rej: true, company: 'VantaPay', name: null, email: 'recruiting@vantapay.com', nr: false, role: null } },
 { fn: 'Halcyon Careers', fa: 'halcyon@myworkday.com', s: '[Halcyon] Your application for Software Engineer - Backend (Req# JR-10442)', b: `Hi there,\n\n\nThank you for your interest in Halcyon.\n\n\nWe have reviewed your application for Software Engineer - Backend and have decided to move forward with other candidates at this time.\n\n\nSincerely,\n\nHalcyon Talent Acquisition\n\n\n\nThis is an automated message, please do not reply.`, exp: { rej: true, company: 'Halcyon', name: null, email: 'halcyon@myworkday.com', nr: true, role: 'Software Engineer - Backend' } },
 { fn: 'LinkedIn', fa: 'jobs-noreply@linkedin.com', s: 'Your application was sent to Quarry & Vine', b: `Your application was sent to Quarry & Vine\n\nSommelier\nQuarry & Vine · Napa, California\nApplied on March 2\n\nNow, take these next steps for more success with your job search`, exp: { rej: false, company: 'Quarry & Vine', name: null, email: 'jobs-noreply@linkedin.com', nr: true, role: null } },
 { fn: 'Jana Novak', fa: 'jana@papierwerk.de', s: 'Absage', b: `Hallo Sam,\n\nleider müssen wir dir für die Stelle als Junior Projektmanagerin absagen. Wir haben uns für jemanden mit mehr Erfahrung im Eventbereich entschieden.\n\nLiebe Grüße\nJana Novak\nPapierwerk GmbH`, exp: { rej: true, company: 'Papierwerk GmbH', name: 'Jana Novak', email: 'jana@papierwerk.de', nr: false, role: 'Junior Projektmanagerin' } },
 { fn: 'Talent Acquisition', fa: 'ta@corvid-labs.com', s: 'Application update', b: `Hello Sam,\n\nThank you for your application to the position of Research Scientist, Protein Design. The position is no longer open.\n\nRegards\nJohan Berg, Corvid Labs`, exp: { rej: true, company: 'Corvid Labs', name: 'Johan Berg', email: 'ta@corvid-labs.com', nr: false, role: 'Research Scientist, Protein Design' } },
 { fn: 'Mosaic Learning', fa: 'newsletter@mosaiclearning.com', s: 'Our March newsletter', b: `Hi Sam,\n\nHere is what's new at Mosaic Learning this month: three new courses, a webinar and a community meetup.\n\nSee you soon,\nThe Mosaic Learning Team`, exp: { rej: false, company: 'Mosaic Learning', name: null, email: 'newsletter@mosaiclearning.com', nr: false, role: null } },
 { fn: 'Rhea Kapoor', fa: 'rhea.kapoor@aldergrove.ca', s: 'RE: Interview follow-up - Operations Analyst', b: `Hi Sam,\n\nThank you again for meeting with us. After much deliberation, the team has decided to extend an offer to another candidate. This was not an easy decision, as you impressed everyone with your preparation.\n\nPlease don't hesitate to apply for future roles with Aldergrove.\n\nRhea Kapoor\nSenior HR Generalist | Aldergrove Foods`, exp: { rej: true, company: 'Aldergrove Foods', name: 'Rhea Kapoor', email: 'rhea.kapoor@aldergrove.ca', nr: false, role: 'Operations Analyst' } },
];

describe('extractFields on varied invented mails', () => {
  it.each(CASES.map((entry) => [entry.s, entry] as const))('reads "%s"', (_subject, entry) => {
    // Prepare
    const original = makeOriginal({ fromName: entry.fn, fromAddress: entry.fa, subject: entry.s, body: entry.b });
    // Act
    const result = extractFields(original, { ownerAddresses: [OWNER] });
    // Assess
    expect({
      rej: result.isRejection,
      company: result.company,
      name: result.contact.name,
      email: result.contact.email,
      nr: result.contact.noReply,
      role: result.role,
    }).toEqual(entry.exp);
  });
});
