/**
 * The size limit of inbound mail, in one place: the runtime's config default, the CDK
 * settings' default, the local stack and the understanding core all read it from here. Kept
 * apart from the understanding code so that importing it pulls no MIME parser into a bundle.
 */

const MEBIBYTE = 1024 * 1024;

/** The largest inbound message read: 10 MB (SES itself accepts up to 40 MB; rejections are small). */
export const DEFAULT_MAX_MESSAGE_BYTES = 10 * MEBIBYTE;
