/**
 * Finds the employer. Candidates come from the From display name, the sender's domain or the
 * ATS tenant, the subject, phrases in the body ("interest in X", "the team at X") and the
 * signature; each source adds weight, spellings of one company are grouped, and agreement
 * between sources raises the confidence. The ATS / job board is never the company.
 */
import type { PlatformSender } from '../ats-senders.js';
import { isPlatformName } from '../ats-senders.js';
import { WORDS } from '../phrases/index.js';
import { COMPANY_WORDS } from '../phrases/name-words.js';
import {
  companyKey,
  containsRoleNoun,
  isCompanyWord,
  looksLikeJobTitle,
  isLegalSuffix,
  isNeverCompany,
  givenNameFirst,
  isTeamWord,
  looksLikePersonName,
} from './lexicon.js';
import { createPerMessageCache } from './per-message-cache.js';
import { findAllRuns, readRun, type Run } from './runs.js';
import { escapeRegExp } from '../../text/escape-reg-exp.js';
import { collapseSpaces, compactForm, compactFormTransliterated, organisationLabel, splitAddress } from './text-tools.js';

/** Where a candidate came from; distinct sources agreeing raise confidence. */
export type CompanySource = 'display-name' | 'domain' | 'tenant' | 'subject' | 'body' | 'signature' | 'domain-guess';

/** Sources that name the company by a label (tenant, domain) rather than as the mail writes it. */
const LABEL_SOURCES: ReadonlySet<CompanySource> = new Set<CompanySource>(['tenant', 'domain', 'domain-guess']);

/** Weights per source. */
const WEIGHT = {
  displayName: 3,
  domainExact: 3,
  domainInitialism: 2,
  domainPrefix: 1.5,
  tenant: 3,
  subject: 3,
  body: 2,
  bodyLoose: 1,
  signature: 2,
  domainGuess: 1,
  listing: 1.5,
  employerExplicit: 6,
  repeatBonus: 0.5,
} as const;
/** Most repeat bonus a candidate collects from being mentioned again and again. */
const MAX_REPEAT_BONUS = 2;
/** Shortest domain label matched by prefix ("globex" in "globexworldwide"). */
const MIN_PREFIX_MATCH = 4;
/** Most capitalised runs of the body compared with the sender's domain (bounds the work on hostile input). */
const MAX_RUNS_MATCHED = 1_500;
/** Lines at the top of the body searched for job-board listing lines. */
const MAX_LISTING_LINES = 40;
/** "Ridgeway Foods - Dayton, OH" / "Acme GmbH · Berlin, Germany": a job board's employer-and-place line. */
const LISTING_LINE = /^(\p{Lu}[\p{L}\p{N}&'’.\- ]{1,60}?)\s+[-–·|]\s+\p{Lu}[\p{L} .'’-]{1,40},\s*\p{Lu}[\p{L}]{1,40}$/u;
/** The first `count` lines of a text (as `text.split('\n').slice(0, count)`, without splitting the rest). */
function leadingLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) {
      lines.push(text.slice(start));
      break;
    }
    lines.push(text.slice(start, newline));
    start = newline + 1;
  }
  return lines;
}

/** Most words in a company name read from text. */
const MAX_COMPANY_WORDS = 6;
/** Confidence model: base, per distinct source, per weight unit, ceiling, and for a domain guess only. */
const CONFIDENCE_BASE = 0.3;
const CONFIDENCE_PER_SOURCE = 0.13;
const CONFIDENCE_PER_WEIGHT = 0.02;
const CONFIDENCE_MAX = 0.96;
const DOMAIN_GUESS_CONFIDENCE = 0.35;
/** Share of the winner's weight above which the runner-up makes the result doubtful. */
const CLOSE_RUNNER_UP_SHARE = 0.75;
const CLOSE_RUNNER_UP_PENALTY = 0.75;

/** Domains of personal mailboxes: they name no employer. */
const PERSONAL_MAIL_DOMAINS = new Set([
  'gmail', 'googlemail', 'outlook', 'hotmail', 'live', 'msn', 'yahoo', 'ymail', 'icloud', 'me', 'mac', 'aol', 'gmx',
  'web', 'proton', 'protonmail', 'pm', 'mail', 'yandex', 'zoho', 'fastmail', 't-online', 'freenet', 'orange', 'free',
  'laposte', 'wanadoo', 'hey', 'tutanota', 'qq', '163',
]);

/** Inputs of the company extractor. */
export interface CompanyInput {
  fromName: string | null;
  fromAddress: string | null;
  subject: string;
  body: string;
  /** The signature block (lines after the closing), if found. */
  signatureLines: readonly string[];
  platform: PlatformSender | null;
  /** Names that are people (greeting addressee, signer): never a company. */
  personNames: readonly string[];
}

/** The chosen company with its confidence and the sources that agreed. */
export interface CompanyResult {
  company: string | null;
  confidence: number;
  sources: CompanySource[];
}

interface Candidate {
  name: string;
  weight: number;
  source: CompanySource;
  /** True when the form was seen mid-sentence, so its capitals (and a leading "The") are the company's own. */
  asWritten: boolean;
}

const COMPANY_STOP_WORDS = new Set(['the', 'a', 'an', 'our', 'your', 'this', 'that', 'and', 'or', 'us', 'you', 'we']);

/** "Acme via Codility": a platform sending on the employer's behalf, named after "via". */
const VIA_SENDER = /\s+via\s+(.+)$/i;
/** Trademark signs, dropped from labels and runs. */
const TRADEMARK_SIGNS = /[®™]/g;
/** A short parenthetical in a label ("(she/her)", "(Remote)"), replaced by a space. */
const LABEL_PARENTHETICAL = /\([^)]{0,60}\)/g;
/** " at ", " @ ", " bei ": the word before the organisation in "Recruiting Team at Acme". */
const ORGANISATION_AFTER = /\s(?:@|at|bei|chez|with|from)\s/gi;
const WHITESPACE_RUN = /\s+/;

/** The label without trademark signs and short parentheticals, its spaces collapsed. */
function simplifyLabel(label: string): string {
  let text = label;
  if (text.includes('®') || text.includes('™')) text = text.replace(TRADEMARK_SIGNS, '');
  if (text.includes('(')) text = text.replace(LABEL_PARENTHETICAL, ' ');
  return collapseSpaces(text);
}

/** Words stripped from either end of a label: team words, "your", "our", "ihr", "from", "the". */
function isStrippableLabelWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/[,.:;!]+$/, '');
  return isTeamWord(lower) || lower === 'your' || lower === 'our' || lower === 'ihr' || lower === 'from' || lower === 'the';
}

/** True when a word names a team or a role ("Recruiting", "Coordinator"): the organisation follows it. */
function isTeamOrRoleWord(word: string): boolean {
  return isTeamWord(word.toLowerCase()) || containsRoleNoun(word);
}
/**
 * Cleans a label (display name, signature line) down to the company it names:
 * "The Recruiting Team at Acme" -> "Acme", "Acme Talent Acquisition" -> "Acme".
 */
export function companyFromLabel(label: string): string | null {
  let text = simplifyLabel(label);
  const via = VIA_SENDER.exec(text);
  if (via && isPlatformName(via[1] ?? '')) text = text.slice(0, via.index);
  if (givenNameFirst(text) !== null) return null;
  ORGANISATION_AFTER.lastIndex = 0;
  let lastAt: RegExpExecArray | null = null;
  for (let match = ORGANISATION_AFTER.exec(text); match !== null; match = ORGANISATION_AFTER.exec(text)) lastAt = match;
  if (lastAt) {
    const before = text.slice(0, lastAt.index);
    if (before.split(WHITESPACE_RUN).some(isTeamOrRoleWord)) {
      text = text.slice(lastAt.index + lastAt[0].length);
    }
  }
  const words = text.split(WHITESPACE_RUN).filter(Boolean);
  while (words.length > 0 && isStrippableLabelWord(words[words.length - 1] ?? '')) words.pop();
  while (words.length > 0 && isStrippableLabelWord(words[0] ?? '') && !(words[0] === 'The' && words.length > 1 && !isTeamWord((words[1] ?? '').toLowerCase()))) {
    words.shift();
  }
  const result = words.join(' ').replace(/[,:;!]+$/, '').replace(/^[-–—|,\s]+/, '').trim();
  // isNeverCompany covers platform names ("LinkedIn", "Greenhouse") too.
  if (!result || !/\p{L}/u.test(result) || isNeverCompany(result)) return null;
  if (looksLikeJobTitle(result)) return null;
  return result;
}

/** Shortest word split off a domain label, and shortest rest left before it. */
const MIN_SPLIT_WORD = 3;
/** Domain labels this short are initialisms ("ibm" -> "IBM"). */
const MAX_INITIALISM_LABEL = 3;
const COMPANY_WORDS_LONGEST_FIRST = [...COMPANY_WORDS].sort((a, b) => b.length - a.length);

/** Splits a domain label into words using common company-name words: "larchmontsystems" -> "Larchmont Systems". */
export function guessNameFromLabel(label: string): string {
  const clean = label.replace(/[^a-z0-9-]/gi, '');
  if (clean.includes('-')) return clean.split('-').filter(Boolean).map(capitalise).join('-');
  for (const word of COMPANY_WORDS_LONGEST_FIRST) {
    if (word.length >= MIN_SPLIT_WORD && clean.length >= word.length + MIN_SPLIT_WORD && clean.endsWith(word)) {
      return `${capitalise(clean.slice(0, clean.length - word.length))} ${capitalise(word)}`;
    }
  }
  return clean.length <= MAX_INITIALISM_LABEL ? clean.toUpperCase() : capitalise(clean);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** cleanRun results kept for the message (a run is cleaned again for mentions and label matches); also emptied when full. */
const MAX_CACHED_RUNS = 10_000;
const CLEANED_RUNS = createPerMessageCache<string, string | null>(MAX_CACHED_RUNS);

/** Trims a run read from text into a company name (drops team words, trailing punctuation, role tails). */
function cleanRun(run: string): string | null {
  return CLEANED_RUNS.remember(run, cleanRunUncached);
}

function cleanRunUncached(run: string): string | null {
  const words = run.replace(/[®™]/g, '').split(/\s+/).filter(Boolean);
  while (words.length > 0 && isTeamWord((words[words.length - 1] ?? '').toLowerCase())) words.pop();
  while (words.length > 0 && COMPANY_STOP_WORDS.has((words[0] ?? '').toLowerCase()) && (words[0] ?? '') !== 'The') words.shift();
  if (words[0] === 'The' && words.length === 1) return null;
  const text = words.slice(0, MAX_COMPANY_WORDS).join(' ').replace(/['’]s$/, '').replace(/[,:;!]+$/, '').trim();
  if (!text || !/\p{L}/u.test(text) || isNeverCompany(text)) return null;
  if (looksLikeJobTitle(text)) return null;
  return text;
}

const RUN_OPTIONS = { maxWords: MAX_COMPANY_WORDS } as const;

/** Builds one regex matching any introducer followed by whitespace (and an optional "the"). */
function compileIntroducers(introducers: readonly string[]): RegExp {
  const body = [...introducers]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.split(/\s+/).map(escapeRegExp).join('\\s+'))
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})[ \\t]+(?:the[ \\t]+|der[ \\t]+|die[ \\t]+)?`, 'giu');
}

const BODY_INTRODUCERS = compileIntroducers(WORDS.companyIntroducers);
const LOOSE_INTRODUCERS = compileIntroducers(['at', 'with', 'within', 'to', 'from']);
/**
 * Phrases that name the employer of the role outright ("the Nurse role at X", "on behalf of X").
 * They outweigh the sender's identity, which may be a recruiting agency or service.
 */
const EMPLOYER_EXPLICIT = compileIntroducers([
  'role at', 'position at', 'opening at', 'vacancy at', 'job at', 'role with', 'position with', 'on behalf of', 'our client',
  'poste chez', 'stelle bei',
]);

function candidatesAfter(pattern: RegExp, text: string, weight: number, source: CompanySource, out: Candidate[]): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const run = readRun(text, match.index + match[0].length, RUN_OPTIONS);
    pattern.lastIndex = match.index + 1;
    if (!run) continue;
    const name = cleanRun(legalSuffixExtended(text, run));
    if (name) out.push({ name, weight, source, asWritten: true });
  }
}

/** How far after a run a legal suffix (", Incorporated") is looked for. */
const LEGAL_SUFFIX_LOOKAHEAD_CHARS = 16;

/** Extends a run over ", Inc." style legal suffixes that follow it. */
function legalSuffixExtended(text: string, run: Run): string {
  const after = text.slice(run.end, run.end + LEGAL_SUFFIX_LOOKAHEAD_CHARS);
  const suffix = /^,?\s(\p{L}{2,12}\.?)(?![\p{L}])/u.exec(after);
  if (suffix?.[1] && isLegalSuffix(suffix[1])) return `${run.text}${suffix[0].trimEnd()}`;
  return run.text;
}

/**
 * A sub-run of the text (words `from` to `to` of a run), with the compact forms a domain label is
 * compared with (computed once per sub-run). Its phrase, and the phrase extended over following
 * company words ("Council", "Ltd."), are joined only for the few sub-runs that match.
 */
interface SubRun {
  /** The words of the run the sub-run is part of. */
  words: readonly string[];
  from: number;
  to: number;
  /** compactForm of the phrase without a leading "the". */
  compact: string;
  /** The same, with German umlauts transliterated ("ö" -> "oe"). */
  transliterated: string;
  /** compactForm of the whole phrase, "the" included. */
  withThe: string;
  /** First letters of its words that start with a letter or digit ("International Business Machines" -> "ibm"). */
  initials: string;
  /** How many words count for the initials. */
  initialWords: number;
}

const STARTS_WITH_LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const LEADING_THE = /^the\s+/i;

/** The words of a sub-run joined: the phrase as the text writes it (spaces collapsed). */
function phraseOf(sub: SubRun): string {
  return sub.words.slice(sub.from, sub.to).join(' ');
}

/** The phrase extended over the company words that follow it in its run ("Acme" -> "Acme Industries"). */
function extendedPhraseOf(sub: SubRun): string {
  let end = sub.to;
  while (end < sub.words.length && end - sub.from < MAX_COMPANY_WORDS && isCompanyWord(sub.words[end] ?? '')) end += 1;
  return sub.words.slice(sub.from, end).join(' ');
}

/** The compact forms of one phrase (a display-name label, say) for {@link matchLabelInText}. */
function describePhrase(phrase: string): SubRun {
  const withoutThe = phrase.replace(LEADING_THE, '');
  const words = phrase.split(WHITESPACE_RUN).filter((word) => STARTS_WITH_LETTER_OR_DIGIT.test(word));
  return {
    words: [phrase],
    from: 0,
    to: 1,
    compact: compactForm(withoutThe),
    transliterated: compactFormTransliterated(withoutThe),
    withThe: compactForm(phrase),
    initials: words.map((word) => compactForm(word).charAt(0)).join(''),
    initialWords: words.length,
  };
}

/**
 * Every run and contiguous sub-run of the text, for matching a domain label against it. The
 * compact forms are built from each word's, computed once per run: compactForm is per character,
 * so the form of "Northwind Traders" is the form of "Northwind" followed by that of "Traders".
 */
function subRuns(runs: readonly Run[]): SubRun[] {
  const out: SubRun[] = [];
  for (const run of runs) {
    const words = run.text.split(WHITESPACE_RUN).filter(Boolean);
    const compactWords = words.map(compactForm);
    const transliteratedWords = words.map((word, index) => compactFormTransliterated(word, compactWords[index]));
    const countsForInitials = words.map((word) => STARTS_WITH_LETTER_OR_DIGIT.test(word));
    for (let from = 0; from < words.length; from += 1) {
      let withThe = '';
      let transliteratedWithThe = '';
      let initials = '';
      let initialWords = 0;
      // "the" is dropped only when a word follows it (as /^the\s+/ does on the joined phrase).
      const startsWithThe = (words[from] ?? '').toLowerCase() === 'the';
      for (let to = from + 1; to <= Math.min(words.length, from + MAX_COMPANY_WORDS); to += 1) {
        const compactWord = compactWords[to - 1] ?? '';
        withThe += compactWord;
        transliteratedWithThe += transliteratedWords[to - 1];
        if (countsForInitials[to - 1]) {
          initials += compactWord.charAt(0);
          initialWords += 1;
        }
        const dropThe = startsWithThe && to - from >= 2;
        out.push({
          words,
          from,
          to,
          compact: dropThe ? withThe.slice((compactWords[from] ?? '').length) : withThe,
          transliterated: dropThe ? transliteratedWithThe.slice((transliteratedWords[from] ?? '').length) : transliteratedWithThe,
          withThe,
          initials,
          initialWords,
        });
      }
    }
  }
  return out;
}

/** True when every character of `needle` appears in `haystack` in order. */
function isSubsequence(needle: string, haystack: string): boolean {
  let position = 0;
  for (const char of needle) {
    position = haystack.indexOf(char, position) + 1;
    if (position === 0) return false;
  }
  return true;
}

/** The label as compared with compact forms: lower-case ASCII letters and digits. */
function labelTarget(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The capitalised runs of a message with their compact forms, each computed once and shared by
 * the label matches and the mention counts.
 */
class RunForms {
  readonly compacts: string[];
  private readonly transliterated: (string | undefined)[] = [];

  constructor(readonly runs: readonly Run[]) {
    this.compacts = runs.map((run) => compactForm(run.text));
  }

  /** compactFormTransliterated of run `index`, computed on first use. */
  transliteratedOf(index: number): string {
    let form = this.transliterated[index];
    if (form === undefined) {
      const text = this.runs[index]?.text ?? '';
      form = compactFormTransliterated(text, this.compacts[index]);
      this.transliterated[index] = form;
    }
    return form;
  }
}

/**
 * The runs that may hold a sub-run {@link matchLabelInText} accepts for the label, so only they
 * are split into sub-runs. Every accepted sub-run's compact form is a part of its run's: an
 * exact or prefix match puts the label's first letters in the run's compact form (or its
 * transliteration), and an initialism's letters appear in the run's compact form in order.
 */
function runsThatMayName(label: string, forms: RunForms): Run[] {
  const target = labelTarget(label);
  if (!target) return [];
  const head = target.slice(0, MIN_PREFIX_MATCH);
  const out: Run[] = [];
  for (let index = 0; index < forms.runs.length; index += 1) {
    const compact = forms.compacts[index] ?? '';
    if (compact.includes(head) || isSubsequence(target, compact) || forms.transliteratedOf(index).includes(head)) {
      const run = forms.runs[index];
      if (run) out.push(run);
    }
  }
  return out;
}

/** The best name found so far by {@link matchLabelInText}. */
interface LabelMatch {
  name: string;
  weight: number;
  length: number;
}

/** `best`, or the cleaned `name` when it beats it (more weight, or as much and longer). */
function betterMatch(best: LabelMatch | null, name: string, weight: number): LabelMatch | null {
  // Cleaning never lengthens a name, so one that cannot beat the best so far is not cleaned.
  if (best && (weight < best.weight || (weight === best.weight && name.length <= best.length))) return best;
  const cleaned = cleanRun(name);
  if (!cleaned) return best;
  if (!best || weight > best.weight || (weight === best.weight && cleaned.length > best.length)) {
    return { name: cleaned, weight, length: cleaned.length };
  }
  return best;
}

/** Finds how the text writes the organisation a domain label or tenant names. */
function matchLabelInText(label: string, phrases: readonly SubRun[]): { name: string; weight: number } | null {
  const target = labelTarget(label);
  if (!target) return null;
  let best: LabelMatch | null = null;
  for (const sub of phrases) {
    const { compact, transliterated, withThe, initials, initialWords } = sub;
    if (compact === target || transliterated === target || withThe === target) {
      best = betterMatch(best, extendedPhraseOf(sub), WEIGHT.domainExact);
      continue;
    }
    if (initialWords >= 2 && initials === target) {
      best = betterMatch(best, extendedPhraseOf(sub), WEIGHT.domainInitialism);
      continue;
    }
    if (compact.length >= MIN_PREFIX_MATCH && target.length >= MIN_PREFIX_MATCH) {
      if (target.startsWith(compact) || compact.startsWith(target) || transliterated.startsWith(target)) {
        best = betterMatch(best, phraseOf(sub), WEIGHT.domainPrefix);
      }
    }
  }
  return best;
}

/** Chooses the company from all candidates. */
export function extractCompany(input: CompanyInput): CompanyResult {
  const candidates: Candidate[] = [];
  const platform = input.platform;
  const subject = input.subject;
  const body = input.body;
  const signatureText = input.signatureLines.join('\n');
  // People (and their first names, as they sign) are never the company.
  const personKeys = new Set(
    input.personNames.flatMap((name) => [compactForm(name), compactForm(name.split(/\s+/)[0] ?? '')]).filter(Boolean),
  );

  // The sender's organisation: the domain of the company, or the tenant of the platform.
  let senderLabel: string | null = null;
  let senderSource: CompanySource = 'domain';
  if (platform) {
    senderLabel = platform.tenant;
    senderSource = 'tenant';
  } else if (input.fromAddress) {
    const label = organisationLabel(splitAddress(input.fromAddress).domain);
    if (label && !PERSONAL_MAIL_DOMAINS.has(label)) senderLabel = label;
  }

  // 1. From display name.
  if (input.fromName) {
    const fromCompany = companyFromLabel(input.fromName);
    // "Jo <jo@acme.example>": a display name that is the mailbox's own name is a person's.
    const isMailboxName = fromCompany !== null && input.fromAddress !== null && compactForm(fromCompany) === compactForm(splitAddress(input.fromAddress).local);
    // A name that reads as a person's is the organisation's after all when it matches the sender's domain
    // (asked only then: most display names settle it before).
    const isPerson =
      fromCompany !== null &&
      (looksLikePersonName(fromCompany) || isMailboxName) &&
      !(senderLabel !== null && matchLabelInText(senderLabel, [describePhrase(fromCompany)]) !== null);
    const signedBySamePerson = input.personNames.some((name) => compactForm(name) === compactForm(fromCompany ?? ''));
    if (fromCompany && !signedBySamePerson && (!isPerson || platform !== null)) {
      candidates.push({ name: fromCompany, weight: WEIGHT.displayName, source: 'display-name', asWritten: false });
    }
  }

  // 2. Subject: introducers, loose prepositions, and dash-separated segments.
  candidatesAfter(BODY_INTRODUCERS, subject, WEIGHT.subject, 'subject', candidates);
  candidatesAfter(LOOSE_INTRODUCERS, subject, WEIGHT.subject - 1, 'subject', candidates);

  // 3. Body phrases.
  candidatesAfter(BODY_INTRODUCERS, body, WEIGHT.body, 'body', candidates);
  candidatesAfter(LOOSE_INTRODUCERS, body, WEIGHT.bodyLoose, 'body', candidates);
  candidatesAfter(EMPLOYER_EXPLICIT, `${subject}\n${body}`, WEIGHT.employerExplicit, 'body', candidates);

  // 3b. Job-board listing lines: "Company - City, ST".
  for (const line of leadingLines(body, MAX_LISTING_LINES)) {
    // The pattern needs the comma between city and region: most lines have none.
    if (!line.includes(',')) continue;
    const listing = LISTING_LINE.exec(line.trim());
    if (!listing?.[1]) continue;
    const name = cleanRun(listing[1]);
    if (name) candidates.push({ name, weight: WEIGHT.listing, source: 'body', asWritten: true });
  }

  // 4. Signature lines.
  for (const line of input.signatureLines) {
    if (looksLikePersonName(line.split(/[|,–—]/)[0] ?? '')) continue;
    const name = companyFromLabel(line);
    if (name && name.split(/\s+/).length <= MAX_COMPANY_WORDS && !looksLikePersonName(name)) {
      candidates.push({ name, weight: WEIGHT.signature, source: 'signature', asWritten: true });
    }
  }

  // 5. Domain or tenant, matched against the way the mail writes names.
  const allRuns = [
    ...findAllRuns(input.fromName ?? '', RUN_OPTIONS),
    ...findAllRuns(subject, RUN_OPTIONS),
    ...findAllRuns(body, RUN_OPTIONS).slice(0, MAX_RUNS_MATCHED),
    ...findAllRuns(signatureText, RUN_OPTIONS),
  ];
  const runForms = new RunForms(allRuns);
  if (senderLabel) {
    const labelParts = senderLabel.split('-').filter((part) => part.length >= 2);
    const matched =
      matchLabelInText(senderLabel, subRuns(runsThatMayName(senderLabel, runForms))) ??
      (labelParts.length > 1 ? matchLabelInText(labelParts[0] ?? '', subRuns(runsThatMayName(labelParts[0] ?? '', runForms))) : null);
    if (matched) {
      candidates.push({ name: matched.name, weight: matched.weight, source: senderSource, asWritten: true });
    } else {
      candidates.push({ name: guessNameFromLabel(senderLabel), weight: WEIGHT.domainGuess, source: 'domain-guess', asWritten: false });
    }
  }

  const usable = candidates.filter((candidate) => {
    const key = companyKey(candidate.name);
    return key.length > 0 && !personKeys.has(compactForm(candidate.name)) && !(platform && isPlatformName(candidate.name));
  });
  if (usable.length === 0) return { company: null, confidence: 0, sources: [] };

  // Repeat bonus: how often each candidate's key is mentioned across the text. A run's key is a
  // part of the run's compact form, so runs that hold no candidate's key are not cleaned at all.
  // Distinct keys: a company named again and again by the body is looked for once per run.
  const candidateKeys = [...new Set(usable.map((candidate) => companyKey(candidate.name)))];
  const mentionCounts = new Map<string, number>();
  for (let index = 0; index < allRuns.length; index += 1) {
    const compactRun = runForms.compacts[index] ?? '';
    if (!candidateKeys.some((candidateKey) => compactRun.includes(candidateKey))) continue;
    const key = companyKey(cleanRun(allRuns[index]?.text ?? '') ?? '');
    if (key) mentionCounts.set(key, (mentionCounts.get(key) ?? 0) + 1);
  }

  return chooseCompany(usable, mentionCounts);
}

interface Group {
  members: Candidate[];
  keys: Set<string>;
  wordKeys: string[][];
  weight: number;
  sources: Set<CompanySource>;
}

function wordKeysOf(name: string): string[] {
  return name
    .split(/\s+/)
    .map((word) => compactForm(word))
    .filter((word) => word && word !== 'the' && !isLegalSuffix(word));
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

function related(a: readonly string[], b: readonly string[]): boolean {
  return containsSequence(a, b) || containsSequence(b, a);
}

function chooseCompany(candidates: readonly Candidate[], mentionCounts: ReadonlyMap<string, number>): CompanyResult {
  const groups: Group[] = [];
  for (const candidate of candidates) {
    const key = companyKey(candidate.name);
    const wordKeys = wordKeysOf(candidate.name);
    const group = groups.find((existing) => existing.keys.has(key) || existing.wordKeys.some((other) => related(other, wordKeys)));
    if (group) {
      group.members.push(candidate);
      group.keys.add(key);
      group.wordKeys.push(wordKeys);
      group.weight += candidate.weight;
      group.sources.add(candidate.source);
    } else {
      groups.push({ members: [candidate], keys: new Set([key]), wordKeys: [wordKeys], weight: candidate.weight, sources: new Set([candidate.source]) });
    }
  }
  for (const group of groups) {
    const mentions = Math.max(...[...group.keys].map((key) => mentionCounts.get(key) ?? 0));
    group.weight += Math.min(MAX_REPEAT_BONUS, Math.max(0, mentions - 1) * WEIGHT.repeatBonus);
  }
  groups.sort((a, b) => b.weight - a.weight);
  const best = groups[0];
  if (!best) return { company: null, confidence: 0, sources: [] };
  const runnerUp = groups[1];

  // The spelling: the form with most weight; forms seen mid-sentence keep their capitals and "The".
  const formWeights = new Map<string, { name: string; weight: number; asWritten: boolean; fromLabelOnly: boolean; fromSignature: boolean }>();
  for (const member of best.members) {
    const form = formWeights.get(member.name) ?? { name: member.name, weight: 0, asWritten: false, fromLabelOnly: true, fromSignature: false };
    form.weight += member.weight;
    form.asWritten ||= member.asWritten;
    form.fromLabelOnly &&= LABEL_SOURCES.has(member.source);
    form.fromSignature ||= member.source === 'signature';
    formWeights.set(member.name, form);
  }
  const forms = [...formWeights.values()].sort((a, b) => b.weight - a.weight || Number(b.asWritten) - Number(a.asWritten));
  let name = forms[0]?.name ?? null;
  // A form read off a tenant or domain ("Halvorsen") gives way to the fuller name the mail writes
  // with it ("Halvorsen Maritime"): the company is named the way the email itself writes it.
  // Signature lines are left out: they carry job titles ("Founder, Tiny Fern").
  const top = forms[0];
  if (top?.fromLabelOnly) {
    const labelWords = wordKeysOf(top.name);
    const written = forms.find((form) => !form.fromLabelOnly && !form.fromSignature && form.name.length > top.name.length && containsSequence(wordKeysOf(form.name), labelWords));
    if (written) name = written.name;
  }
  if (name && /^The\s/.test(name) && !forms.some((form) => form.asWritten && form.name === name)) {
    const without = name.replace(/^The\s+/, '');
    if (forms.some((form) => form.name === without) || !forms.some((form) => form.asWritten && /^The\s/.test(form.name))) name = without;
  }

  const onlyGuess = best.sources.size === 1 && best.sources.has('domain-guess');
  let confidence = onlyGuess
    ? DOMAIN_GUESS_CONFIDENCE
    : Math.min(CONFIDENCE_MAX, CONFIDENCE_BASE + best.sources.size * CONFIDENCE_PER_SOURCE + best.weight * CONFIDENCE_PER_WEIGHT);
  if (runnerUp && runnerUp.weight >= best.weight * CLOSE_RUNNER_UP_SHARE) confidence *= CLOSE_RUNNER_UP_PENALTY;
  return { company: name, confidence: Number(confidence.toFixed(2)), sources: [...best.sources] };
}
