/**
 * Invented rejection and non-rejection emails for the field-extraction tests. Every company,
 * person and sentence here was written for this project.
 */
import type { OriginalParts } from './make-original.js';

export const WORKDAY_REJECTION: OriginalParts = {
  fromName: 'Northwind Traders Careers',
  fromAddress: 'northwindtraders@myworkday.com',
  subject: 'Update on your application for Senior Data Analyst (R-20417)',
  body: `Dear Sam,

Thank you for your interest in Northwind Traders and for applying to the Senior Data Analyst position.

After reviewing your application, we have decided to move forward with other candidates whose experience more closely matches the needs of the team.

We encourage you to apply for future openings that match your skills.

Kind regards,
Northwind Traders Talent Acquisition`,
};

export const GREENHOUSE_REJECTION: OriginalParts = {
  fromName: 'Bluefin Robotics',
  fromAddress: 'no-reply@us.greenhouse-mail.io',
  subject: 'Your application to Bluefin Robotics',
  body: `Hi Sam,

Thanks so much for your interest in the Firmware Engineer, Motion Control role. We enjoyed speaking with you and loved your passion for embedded systems.

Unfortunately, we won't be moving forward with your candidacy at this time. The team was looking for someone with more experience in safety-critical firmware.

If you'd like feedback on your interview, please write to hiring-feedback@bluefinrobotics.io and we will get back to you.

Best wishes,
The Bluefin Robotics Recruiting Team`,
};

export const RECRUITER_REJECTION: OriginalParts = {
  fromName: 'Priya Natarajan',
  fromAddress: 'priya.natarajan@kestrelanalytics.com',
  subject: 'Kestrel Analytics - Product Designer',
  body: `Hi Sam,

Thank you for taking the time to meet the team last week. I'm sorry to tell you that we have decided to go with another candidate for the Product Designer role.

You were a strong candidate and the panel was impressed with your portfolio. I'd love to stay in touch and will reach out if something similar opens up.

All the best,
Dr. Priya Natarajan
Senior Talent Partner | Kestrel Analytics`,
};

export const TEAM_SIGNED_COMPANY_DOMAIN: OriginalParts = {
  fromName: 'Recruiting',
  fromAddress: 'jobs@bbr-partners.com',
  subject: 'Your application',
  body: `Dear Sam,

Thank you for applying for the Associate, Corporate Finance position at Bellweather Bridge Rowe.

We regret to inform you that the position has been filled.

Sincerely,
Human Resources
Bellweather Bridge Rowe`,
};

export const GERMAN_REJECTION: OriginalParts = {
  fromName: 'Lindenhof Logistik Personalabteilung',
  fromAddress: 'bewerbung@lindenhof-logistik.de',
  subject: 'Ihre Bewerbung als Disponent (m/w/d) – Referenz 88213',
  body: `Sehr geehrte Frau Seeker,

vielen Dank für Ihre Bewerbung als Disponent (m/w/d) und Ihr Interesse an der Lindenhof Logistik GmbH.

Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.

Gerne nehmen wir Ihre Unterlagen in unseren Talentpool auf und kommen bei passenden Stellen auf Sie zurück.

Mit freundlichen Grüßen
Ihr Personalteam
Lindenhof Logistik GmbH`,
};

export const FRENCH_REJECTION: OriginalParts = {
  fromName: 'Atelier Vermeil',
  fromAddress: 'rh@ateliervermeil.fr',
  subject: 'Votre candidature – Chargée de communication',
  body: `Bonjour Sam,

Nous vous remercions pour votre candidature au poste de Chargée de communication et pour l'intérêt que vous portez à Atelier Vermeil.

Après examen de votre dossier, nous avons le regret de vous informer que nous ne pouvons pas donner suite à votre candidature.

Nous vous souhaitons bonne continuation dans vos recherches.

Cordialement,
L'équipe RH`,
};

export const CONFIRMATION_TRAP: OriginalParts = {
  fromName: 'Harborview Clinics Careers',
  fromAddress: 'careers-noreply@harborviewclinics.org',
  subject: 'We received your application',
  body: `Hello Sam,

Thank you for applying to Harborview Clinics! We have received your application for the Patient Services Coordinator position and our team will review it shortly.

If you are not selected for an interview, we will let you know by email. Unfortunately, we cannot reply to individual status requests.

Please do not reply to this message.

Harborview Clinics Talent Team`,
};

export const INTERVIEW_INVITATION: OriginalParts = {
  fromName: 'Tomás Ferreira',
  fromAddress: 'tomas@quillandpine.co',
  subject: 'Next steps: interview for Backend Developer',
  body: `Hi Sam,

Great news! We would like to invite you to an interview for the Backend Developer role at Quill & Pine.

Please use the link below to select a time that works for you.

Cheers,
Tomás Ferreira
Engineering Manager`,
};

export const OFFER: OriginalParts = {
  fromName: 'Ostrava Labs People Team',
  fromAddress: 'people@ostravalabs.com',
  subject: 'Your offer from Ostrava Labs',
  body: `Dear Sam,

We are delighted to offer you the position of QA Engineer at Ostrava Labs! Your offer letter is attached, and your start date would be the first Monday of next month.

Welcome aboard,
Ostrava Labs People Team`,
};

export const GERMAN_OFFER: OriginalParts = {
  fromName: 'Bergwerk Medien',
  fromAddress: 'jobs@bergwerk-medien.de',
  subject: 'Zusage für Ihre Bewerbung als Mediengestalter (m/w/d)',
  body: `Liebe Frau Seeker,

wir freuen uns, Ihnen die Stelle als Mediengestalter (m/w/d) anbieten zu können. Den Arbeitsvertrag senden wir Ihnen in den nächsten Tagen zu.

Herzliche Grüße
Ihr Team von Bergwerk Medien`,
};

export const ON_HOLD: OriginalParts = {
  fromName: 'Marigold Health Recruiting',
  fromAddress: 'recruiting@marigoldhealth.com',
  subject: 'Clinical Operations Manager – update',
  body: `Hi Sam,

Thank you for your patience during our process for the Clinical Operations Manager opening. Due to a change in budget, the role has been put on hold and we are not able to proceed with any candidates at this time.

We will keep your resume on file and reach out if the search reopens.

Warm regards,
Marigold Health Recruiting`,
};

export const AUTO_REPLY: OriginalParts = {
  fromName: 'Jonas Whitcombe',
  fromAddress: 'jonas.whitcombe@fernhollow.com',
  subject: 'Automatic reply: Application for Growth Marketer',
  body: `I am currently out of the office with limited access to email and will be back on Monday. For urgent matters please contact office@fernhollow.com.`,
};

export const LEVER_NO_ROLE: OriginalParts = {
  fromName: 'Copperleaf Games',
  fromAddress: 'no-reply@hire.lever.co',
  subject: 'Thank you for your interest in Copperleaf Games',
  body: `Hi Sam,

Thank you for your interest in Copperleaf Games. After careful consideration, we have decided to pursue other candidates for this opening.

We appreciate the time you invested and wish you the best in your search.

Copperleaf Games Talent`,
};
