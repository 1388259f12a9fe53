/**
 * The specific ways an inbound message can be unreadable. Each is an InvalidInputError
 * (permanent: the same bytes never become readable), with a message a person can act on.
 *
 * The line between an error and a "not understood" result: an error means the bytes are not a
 * readable email message at all (empty, too large, not MIME, broken MIME structure); a
 * "not understood" Understanding means the message was read but held nothing to work with
 * (no forwarded original inside, no readable text, an HTML body too deeply nested to read).
 */
import { InvalidInputError } from '../errors.js';

/** The input has no bytes, or only whitespace. */
export class EmptyMessageError extends InvalidInputError {
  override readonly name: string = 'EmptyMessageError';
  override readonly code = 'empty-message';
  constructor() {
    super('the message is empty (0 bytes or only whitespace)');
  }
}

/** The input does not start with an email header section (binary data, a random text file). */
export class NotAnEmailError extends InvalidInputError {
  override readonly name: string = 'NotAnEmailError';
  override readonly code = 'not-an-email';
}

/** The MIME structure could not be parsed at all. */
export class MalformedMimeError extends InvalidInputError {
  override readonly name: string = 'MalformedMimeError';
  override readonly code = 'malformed-mime';
}
