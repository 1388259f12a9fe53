import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../../../functions/core/understanding/fields/signals.js';
import { MAX_QUOTE_CHARS } from '../../../../functions/core/understanding/fields/text-tools.js';

describe('extractSignals', () => {
  it('quotes the reason and the compliments', () => {
    // Prepare
    const body =
      'The panel really enjoyed your presentation. In the end we chose a candidate with more experience in large-scale data migrations, ' +
      'which this role needs from day one. You were a strong candidate.';
    // Act
    const signals = extractSignals(body, null);
    // Assess
    expect(signals.reasons).toEqual(['more experience in large-scale data migrations']);
    expect(signals.compliments).toEqual(expect.arrayContaining(['enjoyed your presentation', 'You were a strong candidate']));
  });

  it('flags a reapply invitation, staying in touch and a talent pool', () => {
    // Prepare
    const body = 'We encourage you to apply again next year. We will keep your CV on file and would love to stay in touch.';
    // Act
    const signals = extractSignals(body, null);
    // Assess
    expect(signals).toMatchObject({ reapplyInvitation: true, stayInTouch: true, feedbackOffered: false });
  });

  it('sees a feedback offer, and a feedback refusal', () => {
    // Prepare
    const offered = 'If you would like feedback on your interview, just reply to this email.';
    const refused = 'Due to the volume of applications we are unable to provide individual feedback.';
    // Act
    const results = [extractSignals(offered, null), extractSignals(refused, null)];
    // Assess
    expect(results.map((signals) => signals.feedbackOffered)).toEqual([true, false]);
  });

  it('counts a feedback address as a feedback offer and keeps it', () => {
    // Prepare
    const body = 'Thank you for applying.';
    // Act
    const signals = extractSignals(body, 'feedback@acme.example');
    // Assess
    expect(signals).toMatchObject({ feedbackOffered: true, feedbackAddress: 'feedback@acme.example' });
  });

  it('reads German and French stay-in-touch and reapply wording', () => {
    // Prepare
    const german = 'Wir nehmen Ihre Unterlagen gern in unseren Talentpool auf. Bewerben Sie sich gern erneut bei uns.';
    const french = 'Nous conservons votre candidature et vous invitons à postuler à nouveau.';
    // Act
    const results = [extractSignals(german, null), extractSignals(french, null)];
    // Assess
    expect(results.map((signals) => [signals.stayInTouch, signals.reapplyInvitation])).toEqual([
      [true, true],
      [true, true],
    ]);
  });

  it('caps long quotes', () => {
    // Prepare
    const body = `We needed more experience ${'with very specific and long-winded tooling '.repeat(20)}for this role.`;
    // Act
    const signals = extractSignals(body, null);
    // Assess
    expect(signals.reasons).toHaveLength(1);
    expect(signals.reasons[0]?.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS + 1);
  });
});
