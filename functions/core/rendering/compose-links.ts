/**
 * Links that open a drafted note in the owner's mail program: a `mailto:` URL (RFC 6068) and
 * a Gmail compose URL. Every part is percent-encoded with encodeURIComponent (spaces as %20,
 * never "+"), so nothing from an inbound mail can add a header or a recipient. Also the check
 * that keeps any other URL we print to plain http(s).
 */

/** Longest address accepted as a recipient (RFC 5321 path limit). */
const MAX_ADDRESS_LENGTH = 254;
/** Characters that never appear in an address we are willing to put in a link. */
const PLAUSIBLE_ADDRESS = /^[^\s@<>()[\]\\,;:"`?&=#%/]+@[^\s@<>()[\]\\,;:"'`?&=#%/]+\.[^\s@<>()[\]\\,;:"'`?&=#%/.]{2,}$/u;

/** Gmail's compose window, opened full-screen. */
export const GMAIL_COMPOSE_BASE = 'https://mail.google.com/mail/?view=cm&fs=1';

/**
 * True for a plain address (local@domain.tld) with nothing that could act as a URL scheme,
 * query or extra header. Anything else is not used as a recipient.
 */
export function isPlausibleEmailAddress(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.length <= MAX_ADDRESS_LENGTH && PLAUSIBLE_ADDRESS.test(value);
}

/** RFC 6068 asks for CRLF line breaks in a mailto body. */
function toCrlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

function encodeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return `${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
}

/** What a compose link is made of. `to` may be empty (no known person to write to). */
export interface ComposeParts {
  to: string;
  subject: string;
  body: string;
}

/**
 * A `mailto:` URL with recipient, subject and body (RFC 6068). An implausible or empty
 * recipient is left out, which gives `mailto:?subject=...` (the owner fills in "To").
 */
export function buildMailtoUrl(parts: ComposeParts): string {
  const to = isPlausibleEmailAddress(parts.to) ? encodeAddress(parts.to) : '';
  return `mailto:${to}?subject=${encodeURIComponent(parts.subject)}&body=${encodeURIComponent(toCrlf(parts.body))}`;
}

/** A Gmail compose URL with `to`, `su` (subject) and `body`; `to` is empty when unknown. */
export function buildGmailComposeUrl(parts: ComposeParts): string {
  const to = isPlausibleEmailAddress(parts.to) ? parts.to : '';
  const body = parts.body.replace(/\r\n|\r/g, '\n');
  return `${GMAIL_COMPOSE_BASE}&to=${encodeURIComponent(to)}&su=${encodeURIComponent(parts.subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The URL itself when it is an absolute http(s) URL without whitespace or control characters;
 * otherwise null (a `javascript:` or `data:` URL is never printed as a link).
 */
export function toSafeHttpUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value === '' || /[\s\u0000-\u001F\u007F]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.href;
}
