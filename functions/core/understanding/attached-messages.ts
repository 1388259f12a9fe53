/**
 * Finds messages attached to a message: `message/rfc822` parts (inline or attachment) and
 * attached `.eml` files. mailparser merges an inline message/rfc822 part into the outer text
 * and drops its Message-ID, so the parts are located here from the raw MIME tree and each is
 * parsed again as a message of its own.
 */

/** At most this many MIME parts are looked at in one message. */
export const MAX_MIME_PARTS = 500;
/** Multipart nesting deeper than this is not followed. */
export const MAX_MIME_NESTING = 16;

const HEADER_END = /\r?\n\r?\n/;
const EML_NAME = /\.eml\b/i;
/**
 * A part is taken for an attached message only when its Content-Type says message/rfc822 or its
 * headers name an .eml file, as written in the raw bytes (part headers are never encoded): when
 * neither appears anywhere, the MIME tree is not walked at all (most mail).
 */
const ATTACHED_MESSAGE_HINT = /message\/rfc822|\.eml\b/i;

interface PartHeaders {
  contentType: string;
  boundary: string | null;
  transferEncoding: string;
  /** The raw Content-Type and Content-Disposition values, to look for an .eml file name. */
  naming: string;
}

/** Reads the few headers a part needs, from the latin1 text of its header block. */
function readPartHeaders(headerBlock: string): PartHeaders {
  const unfolded = headerBlock.replace(/\r?\n[ \t]+/g, ' ');
  const fields = new Map<string, string>();
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
  }
  const contentTypeValue = fields.get('content-type') ?? 'text/plain';
  const boundaryMatch = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentTypeValue);
  return {
    contentType: (contentTypeValue.split(';')[0] ?? '').trim().toLowerCase(),
    boundary: boundaryMatch ? (boundaryMatch[1] ?? boundaryMatch[2] ?? null) : null,
    transferEncoding: (fields.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase(),
    naming: `${contentTypeValue} ${fields.get('content-disposition') ?? ''}`,
  };
}

/** Decodes a quoted-printable body (latin1 text in, bytes out). */
function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

/** Decodes a part body per its Content-Transfer-Encoding. */
function decodePartBody(body: string, transferEncoding: string): Buffer {
  if (transferEncoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (transferEncoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

/** Splits a multipart body (latin1 text) into its parts' raw text. */
function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let position = body.indexOf(delimiter);
  while (position !== -1 && parts.length < MAX_MIME_PARTS) {
    const afterDelimiter = position + delimiter.length;
    if (body.startsWith('--', afterDelimiter)) break; // closing delimiter
    const start = body.indexOf('\n', afterDelimiter);
    if (start === -1) break;
    const next = body.indexOf(`\n${delimiter}`, start);
    const end = next === -1 ? body.length : next;
    parts.push(body.slice(start + 1, end).replace(/\r$/, ''));
    position = next === -1 ? -1 : next + 1;
  }
  return parts;
}

/** Splits raw part text into its header block and body (empty body when there is no blank line). */
function splitHeadersAndBody(part: string): { headerBlock: string; body: string } {
  const match = HEADER_END.exec(part);
  if (!match) return { headerBlock: part, body: '' };
  return { headerBlock: part.slice(0, match.index), body: part.slice(match.index + match[0].length) };
}

/**
 * Returns the raw bytes of every message attached to `raw` (not descending into them: an
 * attached message is parsed on its own, and its own attachments found then). `latin1Text`, when
 * the caller has it already, is the whole of `raw` read as Latin-1.
 */
export function findAttachedMessages(raw: Uint8Array, latin1Text?: string): Uint8Array[] {
  const text = latin1Text ?? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  if (!ATTACHED_MESSAGE_HINT.test(text)) return [];
  const found: Uint8Array[] = [];
  const visit = (partText: string, nesting: number, isRoot: boolean): void => {
    if (nesting > MAX_MIME_NESTING || found.length >= MAX_MIME_PARTS) return;
    const { headerBlock, body } = splitHeadersAndBody(partText);
    const headers = readPartHeaders(headerBlock);
    if (!isRoot && (headers.contentType === 'message/rfc822' || EML_NAME.test(headers.naming))) {
      const bytes = decodePartBody(body, headers.transferEncoding);
      if (bytes.length > 0) found.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return;
    }
    if (headers.contentType.startsWith('multipart/') && headers.boundary) {
      for (const child of splitMultipart(body, headers.boundary)) visit(child, nesting + 1, false);
    }
  };
  visit(text, 0, true);
  return found;
}
