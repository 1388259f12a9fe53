/**
 * A simple PromptRenderer for use-case tests (the real one, from templates/, is tested on
 * its own). It puts what a test needs to see into a plain email: the prompt, the contact id,
 * and every link by action, one per line ("link sent: http://...").
 */
import type { OwnerEmail, PromptRenderer, PromptRenderInput } from '../../functions/core/ports.js';

export class FakeRenderer implements PromptRenderer {
  readonly rendered: PromptRenderInput[] = [];
  private failure: unknown = null;

  /** Makes the next render throw. */
  failNext(error: unknown): void {
    this.failure = error;
  }

  renderPrompt(input: PromptRenderInput): OwnerEmail {
    if (this.failure) {
      const error = this.failure;
      this.failure = null;
      throw error;
    }
    this.rendered.push(input);
    const who = [input.contact.company, input.contact.contactName].filter(Boolean).join(' - ') || 'unknown';
    const links = Object.entries(input.links).map(([action, url]) => `link ${action}: ${url}`);
    const text = [`prompt: ${input.prompt}`, `contact: ${input.contact.contactId}`, ...links].join('\n');
    return {
      subject: `Not Today: ${input.prompt} ${who}`.replace(/[\r\n]+/g, ' '),
      text,
      html: `<pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`,
    };
  }
}

/** The link of an action in a FakeRenderer email's text, or undefined. */
export function linkIn(text: string, action: string): string | undefined {
  return new RegExp(`^link ${action}: (\\S+)$`, 'm').exec(text)?.[1];
}

/** The token of an `${base}/a/<token>` link. */
export function tokenOf(url: string): string {
  const match = /\/a\/([^/?#]+)$/.exec(url);
  if (!match?.[1]) throw new Error(`not an action link: ${url}`);
  return decodeURIComponent(match[1]);
}
