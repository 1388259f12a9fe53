/**
 * The security-header policy of every response of the actions function, as data.
 *
 * Why this strict: the pages show text taken from hostile inbound mail, and they carry
 * tokens that act on the owner's data. So the browser is told to run no script but the one
 * auto-submit script (by hash), load nothing from anywhere (no fonts, images, frames),
 * post forms only to this origin, never be framed, send no referrer (a token in a URL must
 * not leak to another site), never cache a page, and stay on HTTPS.
 */
import { createHash } from 'node:crypto';

/** One year, the usual HSTS max-age. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/** A CSP source expression for an inline block: 'sha256-<base64 of its exact text>'. */
export function cspHashSource(inlineText: string): string {
  return `'sha256-${createHash('sha256').update(inlineText, 'utf8').digest('base64')}'`;
}

/** The inline blocks a policy allows, by their exact text. */
export interface InlineAllowances {
  scripts: readonly string[];
  styles: readonly string[];
}

/** The Content-Security-Policy value: nothing is allowed unless listed here. */
export function buildContentSecurityPolicy(allow: InlineAllowances): string {
  const scriptSources = allow.scripts.map(cspHashSource);
  const styleSources = allow.styles.map(cspHashSource);
  const directives: [string, string][] = [
    ['default-src', "'none'"],
    ['script-src', scriptSources.length > 0 ? scriptSources.join(' ') : "'none'"],
    ['style-src', styleSources.length > 0 ? styleSources.join(' ') : "'none'"],
    ['img-src', "'none'"],
    ['font-src', "'none'"],
    ['connect-src', "'none'"],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['manifest-src', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Headers sent with every response, whatever its content type. */
export function buildSecurityHeaders(allow: InlineAllowances): Record<string, string> {
  return {
    'content-security-policy': buildContentSecurityPolicy(allow),
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
