/**
 * Applicant-tracking systems, job boards, assessment platforms and recruiting relays that send
 * mail on an employer's behalf. Their name is never the company; their addresses are system
 * senders (no one reads replies). Data only: add a platform by adding an entry.
 */

/** One sending platform. */
export interface SendingPlatform {
  /** The platform's name as it appears in display names and bodies. */
  name: string;
  /** Domains (and their subdomains) the platform sends from. */
  domains: readonly string[];
  /**
   * True when the local part of the sender is the employer's tenant
   * (Workday `<tenant>@myworkday.com`, Taleo `<tenant>@taleo.net`).
   */
  tenantInLocalPart?: boolean;
  /** True when the tenant is the first label of a subdomain (`<tenant>.bamboohr.com`). */
  tenantInSubdomain?: boolean;
}

/** The platforms known to send rejections and confirmations. */
export const SENDING_PLATFORMS: readonly SendingPlatform[] = [
  { name: 'Workday', domains: ['myworkday.com', 'myworkdayjobs.com', 'workday.com'], tenantInLocalPart: true },
  { name: 'Taleo', domains: ['taleo.net', 'taleo.com'], tenantInLocalPart: true, tenantInSubdomain: true },
  { name: 'Greenhouse', domains: ['greenhouse.io', 'greenhouse-mail.io'] },
  { name: 'Lever', domains: ['hire.lever.co', 'lever.co'] },
  { name: 'iCIMS', domains: ['icims.com', 'talent.icims.com'], tenantInSubdomain: true },
  { name: 'Ashby', domains: ['ashbyhq.com', 'ashbyhq-mail.com'] },
  { name: 'SmartRecruiters', domains: ['smartrecruiters.com', 'smartrecruiters-mail.com'] },
  { name: 'Jobvite', domains: ['jobvite.com', 'jobvite-mail.com'] },
  { name: 'SuccessFactors', domains: ['successfactors.com', 'successfactors.eu', 'sapsf.com', 'sapsf.eu'] },
  { name: 'BambooHR', domains: ['bamboohr.com'], tenantInSubdomain: true },
  { name: 'Workable', domains: ['workable.com', 'workablemail.com', 'candidates.workablemail.com'] },
  { name: 'Teamtailor', domains: ['teamtailor.com', 'teamtailor-mail.com'], tenantInSubdomain: true },
  { name: 'Personio', domains: ['personio.de', 'personio.com'], tenantInSubdomain: true },
  { name: 'Recruitee', domains: ['recruitee.com', 'recruiteemail.com'], tenantInSubdomain: true },
  { name: 'JazzHR', domains: ['jazzhr.com', 'applytojob.com', 'resumatorapp.com'] },
  { name: 'Breezy', domains: ['breezy.hr', 'breezyhr.com'], tenantInSubdomain: true },
  { name: 'LinkedIn', domains: ['linkedin.com'] },
  { name: 'Indeed', domains: ['indeed.com', 'indeedemail.com'] },
  { name: 'Glassdoor', domains: ['glassdoor.com'] },
  { name: 'ZipRecruiter', domains: ['ziprecruiter.com'] },
  { name: 'StepStone', domains: ['stepstone.de', 'stepstone.com'] },
  { name: 'XING', domains: ['xing.com'] },
  { name: 'Welcome to the Jungle', domains: ['welcometothejungle.com'] },
  { name: 'HackerRank', domains: ['hackerrank.com', 'hackerrankforwork.com'] },
  { name: 'Codility', domains: ['codility.com'] },
  { name: 'CodeSignal', domains: ['codesignal.com'] },
  { name: 'HireVue', domains: ['hirevue.com'] },
  { name: 'Pymetrics', domains: ['pymetrics.com'] },
  { name: 'TestGorilla', domains: ['testgorilla.com'] },
  { name: 'Oracle Recruiting Cloud', domains: ['oraclecloud.com'] },
  { name: 'ADP', domains: ['adp.com'] },
  { name: 'UKG', domains: ['ultipro.com', 'ukg.com'] },
  { name: 'Paylocity', domains: ['paylocity.com'] },
  { name: 'Paycom', domains: ['paycomonline.net'] },
  { name: 'Rippling', domains: ['rippling.com', 'ats.rippling.com'] },
  { name: 'Pinpoint', domains: ['pinpointhq.com'] },
  { name: 'Comeet', domains: ['comeet.co', 'comeet.com'] },
  { name: 'Homerun', domains: ['homerun.co'] },
  { name: 'Join', domains: ['join.com'] },
  { name: 'Softgarden', domains: ['softgarden.io', 'softgarden.de'] },
  { name: 'Talentsoft', domains: ['talent-soft.com'] },
  { name: 'Cornerstone', domains: ['csod.com'] },
  { name: 'Avature', domains: ['avature.net'] },
  { name: 'Eightfold', domains: ['eightfold.ai'] },
  { name: 'Phenom', domains: ['phenompeople.com'] },
  { name: 'Dover', domains: ['dover.com'] },
  { name: 'Wellfound', domains: ['wellfound.com', 'angel.co'] },
];

/** What is known about a sender address when a platform sent it. */
export interface PlatformSender {
  platform: SendingPlatform;
  /** The employer's tenant name from the address, when the platform puts one there. */
  tenant: string | null;
}

/** Local parts that name no tenant even on a tenant platform. */
const GENERIC_LOCAL_PARTS = /^(?:no-?reply|do-?not-?reply|notifications?|mailer|jobs|careers|talent|recruiting|info|support|system|alerts?|hello|team)$/i;

function domainMatches(domain: string, platformDomain: string): boolean {
  return domain === platformDomain || domain.endsWith(`.${platformDomain}`);
}

/** Identifies the platform of a sender address, or null for an employer's own mail. */
export function identifyPlatformSender(address: string | null): PlatformSender | null {
  if (!address) return null;
  const lower = address.toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return null;
  const local = lower.slice(0, at);
  const domain = lower.slice(at + 1);
  for (const platform of SENDING_PLATFORMS) {
    const matched = platform.domains.find((platformDomain) => domainMatches(domain, platformDomain));
    if (!matched) continue;
    let tenant: string | null = null;
    if (platform.tenantInLocalPart && !GENERIC_LOCAL_PARTS.test(local)) tenant = local;
    if (!tenant && platform.tenantInSubdomain && domain !== matched) {
      const sub = domain.slice(0, domain.length - matched.length - 1).split('.').pop() ?? '';
      if (sub && !/^(?:mail|email|e|us|eu|talent|jobs|careers|app|www)$/.test(sub)) tenant = sub;
    }
    return { platform, tenant };
  }
  return null;
}

/** The platforms' names in lower case, for {@link isPlatformName}. */
const PLATFORM_NAMES_LOWER = SENDING_PLATFORMS.map((platform) => platform.name.toLowerCase());

/** True when a name (display name, signature line) is a platform's name rather than an employer's. */
export function isPlatformName(name: string): boolean {
  const lower = name.toLowerCase().trim();
  if (!lower) return false;
  return PLATFORM_NAMES_LOWER.some((platformLower) => lower === platformLower || (lower.startsWith(platformLower) && lower.charAt(platformLower.length) === ' '));
}

