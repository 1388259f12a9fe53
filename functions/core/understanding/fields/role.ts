/**
 * Finds the role title exactly as the mail writes it: after "application for (the)", "position
 * of", "au poste de", "Bewerbung als", before "position" / "role" / "opening", or as a segment of
 * the subject. Requisition numbers, the company's name in front and trailing punctuation are
 * removed; seniority words, commas inside the title, dashes, parentheticals and gender tags stay.
 */
import { foldCase, PATTERNS, WORDS } from '../phrases/index.js';
import { containsRoleNoun, isNeverCompany } from './lexicon.js';
import { createPerMessageCache } from './per-message-cache.js';
import { findAllRuns, readRun, type Run, type RunOptions } from './runs.js';
import { escapeRegExp } from '../../text/escape-reg-exp.js';
import { collapseSpaces, compactForm } from './text-tools.js';

/** Weights per source. */
const WEIGHT = { follower: 2, introducer: 2, subjectIntroducer: 2.5, subjectSegment: 1.5, subjectPart: 1, lowercase: 1 } as const;
/** Most words in a role title. */
const MAX_ROLE_WORDS = 18;
/** How far after a title a follower word ("position") is looked for. */
const FOLLOWER_LOOKAHEAD_CHARS = 40;
/** How far before a quoted title its introducer ("for the") is looked for. */
const QUOTE_CONTEXT_CHARS = 20;
/** Confidence model. */
const CONFIDENCE_ONE_SOURCE = 0.6;
const CONFIDENCE_AGREEING = 0.85;
const CONFIDENCE_ROLE_NOUN_BONUS = 0.08;
const CONFIDENCE_SAME_SOURCE_BONUS = 0.1;
const CONFIDENCE_NONE = 0.5;
const CONFIDENCE_MAX = 0.95;

/** Words after a title that mark it as one ("Software Engineer role"). */
const FOLLOWERS = [
  'position', 'role', 'opening', 'opportunity', 'vacancy', 'job', 'candidate', 'code challenge', 'coding challenge',
  'assessment', 'requisition', 'req', 'posting', 'internship program', 'stelle', 'poste',
];
const FOLLOWER_ALTERNATION = FOLLOWERS.map((word) => word.split(' ').map(escapeRegExp).join('\\s+')).join('|');
const FOLLOWER_PATTERN = new RegExp(`^[ \\t]*(?:${FOLLOWER_ALTERNATION})(?![\\p{L}])`, 'iu');
const TRAILING_FOLLOWER = new RegExp(`\\s+(?:${FOLLOWER_ALTERNATION})$`, 'iu');
/** A follower word anywhere, even inside a word: a line without one holds no run a follower marks. */
const ANY_FOLLOWER = new RegExp(`(?:${FOLLOWER_ALTERNATION})`, 'giu');

/** Lower-case words that end a title in lower-case mode (French, German, lower-case English). */
const LOWERCASE_STOPS = new Set([
  'et', 'pour', 'chez', 'au', 'aux', 'à', 'dans', 'avec', 'und', 'bei', 'der', 'die', 'das', 'im', 'an', 'mit', 'zum', 'zur',
  'and', 'at', 'with', 'for', 'you', 'we', 'in', 'on', 'to', 'that', 'which', 'has', 'have', 'is', 'was', 'will', 'but',
  'sowie', 'ihr', 'ihre', 'unsere', 'sur', 'anbieten', 'zu', 'ab', 'sofort',
]);

const TITLE_RUN: RunOptions = { allowCommas: true, allowDashes: true, allowParentheses: true, maxWords: MAX_ROLE_WORDS };
/** Most words of a title written in lower case (French titles after "poste de"). */
const MAX_LOWERCASE_TITLE_WORDS = 6;
const TITLE_RUN_LOWERCASE: RunOptions = { ...TITLE_RUN, allowLowercase: true, stopWords: LOWERCASE_STOPS, maxWords: MAX_LOWERCASE_TITLE_WORDS };
/** Most words of a German title read after "als". */
const MAX_GERMAN_TITLE_WORDS = 6;
/** Length of "'s " (a possessive before a title: "Acme's Data Engineer"). */
const POSSESSIVE_CHARS = 3;
/** Noise prefixes are stripped twice ("Re: Your application: ..."). */
const NOISE_PASSES = 2;

/** Introducers after which French titles run on in lower case ("Chargée de communication"). */
const LOWERCASE_INTRODUCERS = /(?:au poste d[e'’]|pour le poste d[e'’]|poste d[e'’])\s*$/i;
/** German introducers: the title is capitalised, and so are the nouns after it, so stop words end it. */
const GERMAN_INTRODUCERS = /(?:als|für die stelle|auf die stelle|an der position|an der stelle)\s*$/i;
const GERMAN_STOPS = new Set([
  'und', 'bei', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'interesse', 'an', 'der', 'die', 'das', 'den', 'dem', 'zu', 'zum', 'zur',
  'in', 'im', 'mit', 'für', 'wir', 'sie', 'uns', 'unser', 'unsere', 'leider', 'absagen', 'anbieten', 'haben', 'hat', 'ist',
]);
const TITLE_RUN_GERMAN: RunOptions = { ...TITLE_RUN, stopWords: GERMAN_STOPS, maxWords: MAX_GERMAN_TITLE_WORDS };

/**
 * Requisition and reference numbers: "R-12345", "Req ID 4411", "(Job ID: 77)", ", 2024-101928", "#5521".
 * The first needs a bracket, every other one a digit: a title with neither skips them all.
 */
const BRACKETED_REFERENCE = /\s*[([]\s*(?:job|req|requisition|ref|reference|referenz|kennziffer|posting|vacancy|id)\b[^)\]]{0,40}[)\]]/gi;
const NUMBERED_REFERENCES: readonly RegExp[] = [
  /\s*[([]\s*(?:job|req(?:uisition)?|ref(?:erence)?|referenz|kennziffer|posting|position)?\.?\s*(?:id|#|no\.?|number|nr\.?)?\s*[:#]?\s*[A-Z]{0,4}[-_]?\d[\d-]{1,19}\s*[)\]]/gi,
  /[\s,;–—-]*\b(?:job|req(?:uisition)?|ref(?:erence)?|referenz|kennziffer|posting)\.?\s*(?:id|#|no\.?|number|nr\.?)?\s*[:#]?\s*[A-Z]{0,4}[-_]?\d[\d-]{1,19}\b/gi,
  /[\s,;–—-]*\b(?:R|JR|REQ|JOB)[-_]?\d{3,12}\b/g,
  /[\s,;–—-]*#\s?\d{2,12}\b/g,
  /[\s,;]+\d{4}-\d{3,12}$/g,
  /[\s,;–—-]+\d{5,12}$/g,
];
const HAS_BRACKET = /[([]/;
const HAS_DIGIT = /\d/;

/** The title without requisition and reference numbers. */
function stripRequisitions(title: string): string {
  let role = title;
  if (HAS_BRACKET.test(role)) role = role.replace(BRACKETED_REFERENCE, '');
  if (HAS_DIGIT.test(role)) for (const pattern of NUMBERED_REFERENCES) role = role.replace(pattern, '');
  return role;
}

/** ", at Acme" and what follows: an organisation after the title (kept when it holds a role noun). */
const ORGANISATION_TAIL = /\s*,?\s+(?:at|with|bei|chez)\s+.*$/i;
/** " - ", " – ", " — ": where a title splits into segments. */
const SEGMENT_SEPARATOR = /\s[-–—]\s/;
const HAS_DASH = /[-–—]/;
/** Punctuation (and spaces) that a title neither starts nor ends with. */
const TRAILING_PUNCTUATION = /[\s,.;:!?]+$/;
const LEADING_PUNCTUATION = /^[\s,.;:!?–—-]+/;
const ENDS_WITH_PUNCTUATION = /[\s,.;:!?]$/;
const STARTS_WITH_PUNCTUATION = /^[\s,.;:!?–—-]/;

/** An organisation tail is dropped unless it holds a role noun ("Head of Sales at Acme" keeps "Head of"). */
function keepTailWithRoleNoun(tail: string): string {
  return containsRoleNoun(tail) ? tail : '';
}

/** How many words a text has when split at whitespace (as `split(/\s+/).length` counts them). */
function countWords(text: string): number {
  let count = 1;
  let inSpace = false;
  for (let index = 0; index < text.length; index += 1) {
    const space = isWhitespace(text, index);
    if (space && !inSpace) count += 1;
    inSpace = space;
  }
  return count;
}

const CHAR_SPACE = 0x20;
const ASCII_LIMIT = 0x80;
const SINGLE_WHITESPACE = /\s/;
/** ASCII whitespace: tab, line feed, vertical tab, form feed, carriage return. */
const CHAR_TAB = 0x09;
const CHAR_CARRIAGE_RETURN = 0x0d;

function isWhitespace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === CHAR_SPACE || (code >= CHAR_TAB && code <= CHAR_CARRIAGE_RETURN)) return true;
  return code >= ASCII_LIMIT && SINGLE_WHITESPACE.test(text[index] ?? '');
}

/** Leading words that are not part of a title. */
const LEADING_NOISE = /^(?:the|our|a|an|this|open|current|following|new|your|re|fwd?|aw|wg|tr|stelle)\b[:\s]+/i;

/** A dash-separated tail that says where the process stands, not what the job is ("Analyst - next steps"). */
const STATUS_SEGMENT = /^(?:next steps?|update|status|outcome|decision|feedback|follow[- ]?up|your application|application (?:status|update))$/i;

/** An automatic reply's subject prefix ("Out of Office: Re: ..."): the rest is the subject it answers. */
const AUTO_REPLY_PREFIX = /^\s*(?:out of (?:the )?office|automatic reply|auto-?reply|abwesenheitsnotiz|réponse automatique)\s*:\s*/i;

/** Subject phrases that carry no title ("Your application", "Update on"). */
const SUBJECT_NOISE = /^(?:re|fwd?|aw|wg|tr)\s*:\s*|^(?:(?:regarding|update on|update|status of|re)\s+)?(?:your|the|my)?\s*(?:job\s+)?application\s*(?:status|update|received)?\s*(?:for|to|as|:)?\s*(?:the\s+)?|^application (?:received|submitted|update|outcome)(?: for)?\s*|^votre candidature\s*(?:au poste de|pour le poste de)?\s*|^(?:rückmeldung zu )?ihre(?:r)? bewerbung\s*(?:als|für)?\s*/i;

interface RoleCandidate {
  role: string;
  weight: number;
  source: 'subject' | 'body';
}

/** German and Austrian gender tags that only job titles carry: "(m/w/d)", "(w/m/d)", "(m/f/d)", "(all genders)". */
const GENDER_TAG = /\((?:[mwfdxi](?:\s*[/|,]\s*[mwfdxi]){1,3}|all genders|alle geschlechter|h\/f|f\/h)\)/i;

/** True when a phrase carries a gender tag. */
export function hasGenderTag(text: string): boolean {
  return GENDER_TAG.test(text);
}

let lastCompanyPrefix: { company: string; pattern: RegExp } | null = null;

/** "Acme - ", "The Acme's ": the company written before a title (compiled once per company, not per title). */
function compileCompanyPrefix(company: string): RegExp {
  if (lastCompanyPrefix?.company !== company) {
    const pattern = new RegExp(`^(?:the\\s+)?${escapeRegExp(company).replace(/\\s+|\s+/g, '\\s+')}(?:['’]s)?\\s*[-–—:|]?\\s+`, 'i');
    lastCompanyPrefix = { company, pattern };
  }
  return lastCompanyPrefix.pattern;
}

/**
 * cleanRole results for the message, by company and raw title: the same raw title comes back
 * from the subject's segments, its runs and the body.
 */
const MAX_CACHED_ROLES = 10_000;
const CLEANED_ROLES = createPerMessageCache<string, string | null>(MAX_CACHED_ROLES);

/** Cleans a raw title: possessive merge bugs, requisition numbers, the company in front, punctuation. */
export function cleanRole(raw: string, company: string | null): string | null {
  // A company never holds NUL (names are single-line, control characters stripped), and
  // no company and '' clean alike.
  return CLEANED_ROLES.remember(`${company ?? ''}\u0000${raw}`, () => cleanRoleUncached(raw, company));
}

function cleanRoleUncached(raw: string, company: string | null): string | null {
  let role = collapseSpaces(raw);
  const possessive = role.lastIndexOf("'s ");
  const curlyPossessive = role.lastIndexOf('’s ');
  const cut = Math.max(possessive, curlyPossessive);
  if (cut >= 0 && containsRoleNoun(role.slice(cut + POSSESSIVE_CHARS))) role = role.slice(cut + POSSESSIVE_CHARS);
  role = stripRequisitions(role);
  role = role.replace(ORGANISATION_TAIL, keepTailWithRoleNoun);
  role = role.replace(TRAILING_FOLLOWER, '');
  for (let pass = 0; pass < NOISE_PASSES; pass += 1) role = role.replace(LEADING_NOISE, '');
  if (company) {
    const stripped = role.replace(compileCompanyPrefix(company), '');
    if (stripped !== role && containsRoleNoun(stripped)) role = stripped;
  }
  if (HAS_DASH.test(role)) {
    const segments = role.split(SEGMENT_SEPARATOR);
    while (segments.length > 1 && !containsRoleNoun(segments[0] ?? '') && containsRoleNoun(segments.slice(1).join(' '))) segments.shift();
    while (segments.length > 1 && STATUS_SEGMENT.test((segments[segments.length - 1] ?? '').trim())) segments.pop();
    role = segments.join(role.includes(' – ') ? ' – ' : role.includes(' — ') ? ' — ' : ' - ');
  }
  if (ENDS_WITH_PUNCTUATION.test(role)) role = role.replace(TRAILING_PUNCTUATION, '');
  if (STARTS_WITH_PUNCTUATION.test(role)) role = role.replace(LEADING_PUNCTUATION, '');
  role = role.trim();
  if (!role || countWords(role) > MAX_ROLE_WORDS || isNeverCompany(role)) return null;
  if (company && compactForm(role) === compactForm(company)) return null;
  return role;
}

function compileIntroducers(introducers: readonly string[]): RegExp {
  const body = [...introducers]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.split(/\s+/).map(escapeRegExp).join('\\s+'))
    .join('|');
  // A phrase ends in spaces, or in an elided article with the title right after it ("poste d'Analyste").
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?:[ \\t]+|(?<=['’]))`, 'giu');
}

const INTRODUCERS = compileIntroducers(WORDS.roleIntroducers);
/** "for the regional sales manager position": a lower-case title framed by an article and a follower. */
const LOWERCASE_ENGLISH = /(?<![\p{L}])(?:for|of|as|in) the ((?:[\p{Ll}-]{2,30} ){0,5}[\p{Ll}-]{2,30}) (?:position|role|opening|vacancy)(?![\p{L}])/gu;

function fromIntroducers(text: string, source: 'subject' | 'body', weight: number, company: string | null, out: RoleCandidate[]): void {
  INTRODUCERS.lastIndex = 0;
  for (let match = INTRODUCERS.exec(text); match !== null; match = INTRODUCERS.exec(text)) {
    const start = match.index + match[0].length;
    INTRODUCERS.lastIndex = match.index + 1;
    const lowercase = LOWERCASE_INTRODUCERS.test(match[0]);
    const german = !lowercase && GERMAN_INTRODUCERS.test(match[0]);
    const options = lowercase ? TITLE_RUN_LOWERCASE : german ? TITLE_RUN_GERMAN : TITLE_RUN;
    const run = readRun(text, start, options);
    if (!run) continue;
    const followed = FOLLOWER_PATTERN.test(text.slice(run.end, run.end + FOLLOWER_LOOKAHEAD_CHARS)) || TRAILING_FOLLOWER.test(run.text);
    const role = cleanRole(run.text, company);
    if (role && (containsRoleNoun(role) || hasGenderTag(role) || (followed && !lowercase))) out.push({ role, weight: weight + (followed ? 1 : 0), source });
  }
}

/**
 * The runs of the lines where a follower word starts: a run and the follower that marks it (after
 * it, or as its last word) stand on one line, and the other lines are not read at all.
 */
function runsOnFollowerLines(text: string): Run[] {
  const runs: Run[] = [];
  ANY_FOLLOWER.lastIndex = 0;
  for (let match = ANY_FOLLOWER.exec(text); match !== null; match = ANY_FOLLOWER.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const newline = text.indexOf('\n', match.index);
    const lineEnd = newline < 0 ? text.length : newline;
    runs.push(...findAllRuns(text, TITLE_RUN, lineStart, lineEnd));
    ANY_FOLLOWER.lastIndex = lineEnd;
  }
  return runs;
}

function fromFollowers(text: string, source: 'subject' | 'body', company: string | null, out: RoleCandidate[]): void {
  for (const run of runsOnFollowerLines(text)) {
    const followed = FOLLOWER_PATTERN.test(text.slice(run.end, run.end + FOLLOWER_LOOKAHEAD_CHARS));
    const trailing = TRAILING_FOLLOWER.test(run.text);
    if (!followed && !trailing) continue;
    const role = cleanRole(run.text, company);
    if (role && role.split(/\s+/).length <= MAX_ROLE_WORDS && (containsRoleNoun(role) || hasGenderTag(role))) {
      out.push({ role, weight: WEIGHT.follower, source });
    }
  }
  LOWERCASE_ENGLISH.lastIndex = 0;
  for (let match = LOWERCASE_ENGLISH.exec(text); match !== null; match = LOWERCASE_ENGLISH.exec(text)) {
    const role = cleanRole(match[1] ?? '', company);
    if (role && containsRoleNoun(role)) out.push({ role, weight: WEIGHT.lowercase, source });
  }
}

const CHAR_COLON = 0x3a;
const CHAR_EXCLAMATION = 0x21;

/** True when a subject separator (each starts with whitespace, ":" or "!") may start at `index`. */
function maySeparateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === CHAR_COLON || code === CHAR_EXCLAMATION || isWhitespace(text, index);
}

/**
 * Splits at separators that stand outside parentheses. `separator` is sticky and every match
 * starts with whitespace, ":" or "!", so it is only tried where one stands.
 */
function splitOutsideParentheses(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && maySeparateAt(text, index)) {
      separator.lastIndex = index;
      const match = separator.exec(text);
      if (match && match.index === index) {
        parts.push(text.slice(start, index));
        start = index + match[0].length;
        index = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const MAJOR_SEPARATOR = /:\s+|\s+\|\s+|!\s+/y;
const DASH_SEPARATOR = /\s+[-–—]\s+/y;
const ANY_SEPARATOR = /\s+[-–—|]\s+|:\s+|!\s+/y;

function fromSubjectSegments(subject: string, company: string | null, out: RoleCandidate[]): void {
  const companyKey = company ? compactForm(company) : null;
  for (const part of splitOutsideParentheses(subject, MAJOR_SEPARATOR)) {
    let text = part.trim();
    for (let pass = 0; pass < NOISE_PASSES; pass += 1) text = text.replace(SUBJECT_NOISE, '').trim();
    const dashes = splitOutsideParentheses(text, DASH_SEPARATOR).map((segment) => segment.trim()).filter(Boolean);
    while (dashes.length > 1 && companyKey && compactForm(dashes[dashes.length - 1] ?? '') === companyKey) dashes.pop();
    if (dashes.length > 1) {
      const joined = text.slice(text.indexOf(dashes[0] ?? ''), text.lastIndexOf(dashes[dashes.length - 1] ?? '') + (dashes[dashes.length - 1] ?? '').length);
      const role = cleanRole(joined.replace(/^\((.*)\)$/, '$1'), company);
      if (role && (containsRoleNoun(role) || hasGenderTag(role))) out.push({ role, weight: WEIGHT.subjectSegment, source: 'subject' });
    }
  }
  const segments = splitOutsideParentheses(subject, ANY_SEPARATOR);
  for (const segment of segments) {
    let text = segment.trim();
    for (let pass = 0; pass < NOISE_PASSES; pass += 1) text = text.replace(SUBJECT_NOISE, '').trim();
    text = text.replace(/^\((.*)\)$/, '$1');
    const role = cleanRole(text, company);
    if (role && (containsRoleNoun(role) || hasGenderTag(role)) && !PATTERNS.greetings.test(foldCase(role))) out.push({ role, weight: WEIGHT.subjectPart, source: 'subject' });
    PATTERNS.greetings.lastIndex = 0;
  }
}

/** The role found and its confidence. */
export interface RoleResult {
  role: string | null;
  confidence: number;
}

/** A quoted title: "Senior Analyst, Pricing", „Disponent (m/w/d)“. */
const QUOTED_TITLE = /["“„«]\s?([^"“”„«»\n]{2,100}?)\s?["”“»]/g;
/** Context before a quote that makes it a title: an introducer ending the preceding text. */
const QUOTE_INTRODUCED = /(?:for|of|as|to|the|our|position|role|poste de|als|für|\bre:)\s*$/i;

function fromQuotes(text: string, source: 'subject' | 'body', company: string | null, out: RoleCandidate[]): void {
  QUOTED_TITLE.lastIndex = 0;
  for (let match = QUOTED_TITLE.exec(text); match !== null; match = QUOTED_TITLE.exec(text)) {
    const inner = match[1] ?? '';
    const before = text.slice(Math.max(0, match.index - QUOTE_CONTEXT_CHARS), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + FOLLOWER_LOOKAHEAD_CHARS);
    if (!QUOTE_INTRODUCED.test(before) && !FOLLOWER_PATTERN.test(after)) continue;
    const role = cleanRole(inner, company);
    if (role && (containsRoleNoun(role) || hasGenderTag(role))) out.push({ role, weight: WEIGHT.introducer + 1, source });
  }
}

/** Spellings of one title: the candidates, their compact forms, their summed weight and sources. */
interface RoleGroup {
  members: RoleCandidate[];
  keys: string[];
  weight: number;
  sources: Set<string>;
}

/** Chooses the role title from subject and body. */
export function extractRole(rawSubject: string, body: string, company: string | null): RoleResult {
  const subject = rawSubject.replace(AUTO_REPLY_PREFIX, '');
  const candidates: RoleCandidate[] = [];
  fromIntroducers(subject, 'subject', WEIGHT.subjectIntroducer, company, candidates);
  fromFollowers(subject, 'subject', company, candidates);
  fromSubjectSegments(subject, company, candidates);
  fromQuotes(subject, 'subject', company, candidates);
  fromQuotes(body, 'body', company, candidates);
  fromIntroducers(body, 'body', WEIGHT.introducer, company, candidates);
  fromFollowers(body, 'body', company, candidates);
  if (candidates.length === 0) return { role: null, confidence: CONFIDENCE_NONE };

  // Group spellings: same compact form, or one title contained in another.
  const groups: RoleGroup[] = [];
  for (const candidate of candidates) {
    const key = compactForm(candidate.role);
    const group = groups.find((existing) => existing.keys.some((other) => other.includes(key) || key.includes(other)));
    if (group) {
      group.members.push(candidate);
      group.keys.push(key);
      group.weight += candidate.weight;
      group.sources.add(candidate.source);
    } else {
      groups.push({ members: [candidate], keys: [key], weight: candidate.weight, sources: new Set([candidate.source]) });
    }
  }
  groups.sort((a, b) => b.weight - a.weight);
  const best = groups[0];
  if (!best) return { role: null, confidence: CONFIDENCE_NONE };
  const forms = new Map<string, number>();
  for (const member of best.members) forms.set(member.role, (forms.get(member.role) ?? 0) + member.weight);
  const ranked = [...forms.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const role = ranked[0]?.[0] ?? null;
  let confidence = best.sources.size > 1 ? CONFIDENCE_AGREEING : CONFIDENCE_ONE_SOURCE;
  if (best.sources.size === 1 && best.members.length > 1) confidence += CONFIDENCE_SAME_SOURCE_BONUS;
  if (role && containsRoleNoun(role)) confidence += CONFIDENCE_ROLE_NOUN_BONUS;
  return { role, confidence: Math.min(CONFIDENCE_MAX, Number(confidence.toFixed(2))) };
}
