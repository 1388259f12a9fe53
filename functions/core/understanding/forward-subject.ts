/**
 * Subject prefixes that mail clients put on a forward, in the languages email-forward-parser
 * reads (English Fwd/Fw, German WG, French TR, Spanish/Portuguese RV/ENC, Italian I/Inoltra,
 * Dutch Doorst, Nordic VS/VB/Vs, Polish PD, Czech/Slovak Fwd/PD, Hungarian Tov, Turkish İlt,
 * Romanian Redirecționat, Russian/Ukrainian Пересл/Переслать, Japanese 転送). Kept as data.
 */
import { escapeRegExp } from '../text/escape-reg-exp.js';

export const FORWARD_SUBJECT_PREFIXES: readonly string[] = [
  'fwd', 'fw', 'fwrd', 'wg', 'tr', 'trs', 'rv', 'enc', 'i', 'inoltra', 'doorst', 'vs', 'vb', 'vl', 'pd', 'tov', 'ilt', 'i̇lt',
  'redirecționat', 'пересл', 'переслать', 'fs', '転送',
];

const PREFIX_PATTERN = new RegExp(
  `^\\s*(?:\\[[^\\]]*\\]\\s*)?(?:${FORWARD_SUBJECT_PREFIXES.map(escapeRegExp).join('|')})\\s*(?:\\[\\d+\\])?\\s*[:：]`,
  'iu',
);

/** True when the subject starts with a forward prefix ("Fwd:", "WG:", "TR :", "[EXT] FW:"). */
export function hasForwardPrefix(subject: string | null | undefined): boolean {
  return !!subject && PREFIX_PATTERN.test(subject);
}
