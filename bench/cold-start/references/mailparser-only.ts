/** Reference bundle: mailparser alone (the MIME parser the inbound function carries). */
export { simpleParser } from 'mailparser';
