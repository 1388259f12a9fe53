import { describe, expect, it } from 'vitest';
import { identifyPlatformSender, isPlatformName } from '../../../../functions/core/understanding/ats-senders.js';

describe('identifyPlatformSender', () => {
  it.each([
    ['acmecorp@myworkday.com', 'Workday', 'acmecorp'],
    ['acme@taleo.net', 'Taleo', 'acme'],
    ['no-reply@us.greenhouse-mail.io', 'Greenhouse', null],
    ['no-reply@hire.lever.co', 'Lever', null],
    ['notification@smartrecruiters.com', 'SmartRecruiters', null],
    ['jobs-noreply@linkedin.com', 'LinkedIn', null],
    ['careers@acme.bamboohr.com', 'BambooHR', 'acme'],
  ])('%s is %s (tenant %s)', (address, platform, tenant) => {
    // Prepare
    const sender = address;
    // Act
    const result = identifyPlatformSender(sender);
    // Assess
    expect(result?.platform.name).toBe(platform);
    expect(result?.tenant ?? null).toBe(tenant);
  });

  it('does not take an employer domain for a platform', () => {
    // Prepare
    const sender = 'recruiting@acme.example';
    // Act
    const result = identifyPlatformSender(sender);
    // Assess
    expect(result).toBeNull();
  });

  it('recognises platform names in labels but not employers that merely start alike', () => {
    // Prepare
    const labels = ['Codility Team', 'Workday', 'Leverton Partners', 'Joinery Studio'];
    // Act
    const results = labels.map(isPlatformName);
    // Assess
    expect(results).toEqual([true, true, false, false]);
  });
});
