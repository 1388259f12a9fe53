/**
 * More invented mails: job boards and ATS senders, recruiter signatures, and wording variants.
 * Every company, person and sentence here was written for this project.
 */
import type { OriginalParts } from './make-original.js';

export const LINKEDIN_REJECTION: OriginalParts = {
  fromName: 'LinkedIn',
  fromAddress: 'jobs-noreply@linkedin.com',
  subject: 'Your application to Growth Product Manager at Fenwick Mobility',
  body: `Your update from Fenwick Mobility

Hi Sam,

Thank you for your interest in the Growth Product Manager position at Fenwick Mobility. Unfortunately, Fenwick Mobility has decided not to move forward with your application.

Keep exploring jobs on LinkedIn.

This email was intended for Sam Seeker. Learn why we included this.
© LinkedIn Corporation`,
};

export const ASHBY_REJECTION: OriginalParts = {
  fromName: 'Velo Health',
  fromAddress: 'no-reply@ashbyhq.com',
  subject: 'Following up on your Velo Health application',
  body: `Hi Sam,

Thanks again for applying to the Staff Frontend Engineer (Remote, US) role at Velo Health and for the time you spent with our team.

After a lot of discussion, we've decided to pursue candidates whose background is a closer fit for what the team needs right now. This was a hard decision, and we really appreciated your thoughtful questions.

We'd be happy to keep in touch as the team grows.

Best,
Velo Health Talent`,
};

export const RECRUITER_BLOCK_SIGNATURE: OriginalParts = {
  fromName: 'Hollis Grant',
  fromAddress: 'hgrant@pinecrest-energy.com',
  subject: 'RE: Senior Reservoir Engineer',
  body: `Hello Sam,

I hope you are well. I wanted to let you know that the hiring team has offered the position to another candidate whose experience is more closely aligned with the current project.

It was a pleasure getting to know you through the process, and I would welcome the chance to reconnect when a suitable opportunity opens up.

Kind regards,

Hollis Grant
Talent Acquisition Partner
Pinecrest Energy Ltd.
+44 20 7946 0000`,
};

export const INDEED_CONFIRMATION: OriginalParts = {
  fromName: 'Indeed',
  fromAddress: 'noreply@indeed.com',
  subject: 'Application submitted: Warehouse Associate – Night Shift',
  body: `Your application has been submitted

Warehouse Associate – Night Shift
Ridgeline Distribution - Dayton, OH

The employer will contact you if they would like to move forward. Good luck!`,
};

export const NOT_NEXT_ROUND: OriginalParts = {
  fromName: 'Recruiting at Driftwood',
  fromAddress: 'recruiting@driftwood.app',
  subject: 'Driftwood interview update',
  body: `Hi Sam,

Thank you for interviewing with us for the Mobile Engineer (iOS) role. We will not be moving you forward to the next round of interviews.

If you'd like feedback, reply to this email and we'll share what we can.

Thanks,
Recruiting at Driftwood`,
};

export const INTERVIEW_PHONE_SCREEN: OriginalParts = {
  fromName: 'Lena Ortiz',
  fromAddress: 'lena.ortiz@amberline.com',
  subject: 'Amberline - Customer Success Manager',
  body: `Hi Sam,

Thanks for applying to the Customer Success Manager role at Amberline! We'd like to schedule a phone interview with you next week. Could you share a few times that work?

Best,
Lena Ortiz
Recruiting Lead, Amberline`,
};

export const UNSUCCESSFUL_UK: OriginalParts = {
  fromName: 'Thornbury Council Recruitment',
  fromAddress: 'donotreply@thornbury.gov.uk',
  subject: 'Application outcome: Housing Officer (Ref: HO/2291)',
  body: `Dear Sam Seeker,

Thank you for applying for the post of Housing Officer. We received a high number of applications and, on this occasion, your application has been unsuccessful.

We wish you every success in the future.

Yours sincerely,

Recruitment Team
Thornbury Council`,
};
