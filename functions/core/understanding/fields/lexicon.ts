/**
 * Lookups over the word lists: is this a job title, a team label, a company-looking name, a
 * person's name? Shared by the company, role and contact extractors.
 */
import {
  COMPANY_WORDS,
  LEGAL_SUFFIXES,
  NOT_COMPANY,
  ROLE_NOUN_SUFFIXES,
  ROLE_NOUNS,
  TEAM_LABEL_WORDS,
} from '../phrases/name-words.js';
import { isPlatformName } from '../ats-senders.js';
import { createPerMessageCache } from './per-message-cache.js';
import { compactForm, foldDiacritics } from './text-tools.js';

const ROLE_NOUN_SET = new Set(ROLE_NOUNS);
const TEAM_SET = new Set(TEAM_LABEL_WORDS);
const COMPANY_WORD_SET = new Set(COMPANY_WORDS);
const LEGAL_SET = new Set(LEGAL_SUFFIXES);
const NOT_COMPANY_SET = new Set(NOT_COMPANY);
/** Shortest German compound that is matched by its ending. */
const MIN_COMPOUND_LENGTH = 7;

/** What separates the words of a label: anything but letters, digits, apostrophes, dots, hyphens and "&". */
const WORD_SEPARATORS = /[^\p{L}\p{N}'’.\-&]+/u;
/** Dots, hyphens and apostrophes around a word, which are not part of it. */
const WORD_EDGE_PUNCTUATION = /^[.\-']+|[.\-',]+$/g;
const CHAR_DOT = 0x2e;
const CHAR_HYPHEN = 0x2d;
const CHAR_APOSTROPHE = 0x27;
const CHAR_COMMA = 0x2c;

function isEdgePunctuation(code: number): boolean {
  return code === CHAR_DOT || code === CHAR_HYPHEN || code === CHAR_APOSTROPHE;
}

/** A word without the dots, hyphens and apostrophes around it (left as it is when it has none). */
function trimWordEdges(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (!isEdgePunctuation(word.charCodeAt(0)) && !isEdgePunctuation(last) && last !== CHAR_COMMA) return word;
  return word.replace(WORD_EDGE_PUNCTUATION, '');
}

/** Splits a label into lower-case words (letters, digits, apostrophes, hyphens kept). */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const part of text.toLowerCase().split(WORD_SEPARATORS)) {
    const word = trimWordEdges(part);
    if (word) words.push(word);
  }
  return words;
}

/**
 * The compound endings grouped by their last character: a word can only end with the endings
 * that share its last character, so most words ("team", "application") are compared with none.
 */
const ROLE_NOUN_SUFFIXES_BY_LAST_CHAR = groupByLastChar(ROLE_NOUN_SUFFIXES);

function groupByLastChar(words: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    const last = word.charAt(word.length - 1);
    const group = groups.get(last);
    if (group) group.push(word);
    else groups.set(last, [word]);
  }
  return groups;
}

/** True when a word is a job-title noun ("engineer", "Lagerfachkraft"). */
export function isRoleNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (ROLE_NOUN_SET.has(lower)) return true;
  if (lower.length < MIN_COMPOUND_LENGTH) return false;
  const suffixes = ROLE_NOUN_SUFFIXES_BY_LAST_CHAR.get(lower.charAt(lower.length - 1));
  return suffixes !== undefined && suffixes.some((suffix) => lower.endsWith(suffix));
}

/** True when a phrase contains a job-title noun. */
export function containsRoleNoun(text: string): boolean {
  return wordsOf(text).some(isRoleNoun);
}

/** True when a word belongs to team / department labels. */
export function isTeamWord(word: string): boolean {
  return TEAM_SET.has(word.toLowerCase());
}

/** True when every word of a label is a team word ("Human Resources Department"). */
export function isTeamLabel(text: string): boolean {
  const words = wordsOf(text);
  return words.length > 0 && words.every((word) => TEAM_SET.has(word) || word === 'the' || word === 'your' || word === 'ihr');
}

/** True when a word is typical of company names ("Industries", "GmbH", "Health"). */
export function isCompanyWord(word: string): boolean {
  const lower = withoutFinalDot(word.toLowerCase());
  if (LEGAL_SET.has(lower)) return true;
  return COMPANY_WORD_SET.has(lower) && !isRoleNoun(lower);
}

/**
 * True when a phrase reads as a job title rather than an organisation: it ends with a title
 * noun ("Software Engineer", "VP of Engineering"), or holds one and no company word.
 */
export function looksLikeJobTitle(text: string): boolean {
  const words = wordsOf(text).filter((word) => !isLegalSuffix(word));
  while (words.length > 1 && /^(?:i{1,3}|iv|v|\d{1,2}|sr|jr)$/.test(words[words.length - 1] ?? '')) words.pop();
  const last = words[words.length - 1];
  if (!last) return false;
  if (isRoleNoun(last)) return true;
  return words.some(isRoleNoun) && !words.some(isCompanyWord);
}

/** True when a word is a legal-form suffix. */
export function isLegalSuffix(word: string): boolean {
  const lower = word.toLowerCase();
  return LEGAL_SET.has(lower) || (lower.charCodeAt(lower.length - 1) === CHAR_DOT && LEGAL_SET.has(lower.slice(0, -1)));
}

/** The word without one final dot ("Inc." -> "Inc"). */
function withoutFinalDot(word: string): string {
  return word.charCodeAt(word.length - 1) === CHAR_DOT ? word.slice(0, -1) : word;
}

/** Any whitespace: a name without it is one word. */
const HAS_WHITESPACE = /\s/;

/** True for capitalised phrases that are never a company ("Careers Page", "Monday", "LinkedIn"). */
export function isNeverCompany(text: string): boolean {
  const lower = foldDiacritics(text).toLowerCase().trim();
  return NOT_COMPANY_SET.has(lower) || NOT_COMPANY_SET.has(text.toLowerCase().trim()) || isPlatformName(text);
}

/**
 * The key under which spellings of one company are compared: compact form without a leading
 * "the" and without legal suffixes ("The Acme Company" and "Acme" -> "acme").
 */
export function companyKey(name: string): string {
  // One word: nothing to drop.
  if (!HAS_WHITESPACE.test(name)) return compactForm(name);
  return COMPANY_KEYS.remember(name, companyKeyOfWords);
}

/** Most names whose companyKey is kept for a message. */
const MAX_CACHED_COMPANY_KEYS = 10_000;
/** companyKey answers for the message: candidates, runs and hints are keyed again and again. */
const COMPANY_KEYS = createPerMessageCache<string, string>(MAX_CACHED_COMPANY_KEYS);

function companyKeyOfWords(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  while (words.length > 1 && /^the$/i.test(words[0] ?? '')) words.shift();
  while (words.length > 1 && isLegalSuffix((words[words.length - 1] ?? '').replace(/^,/, ''))) words.pop();
  return compactForm(words.join(' '));
}

/** Academic and courtesy titles dropped from a person's name. */
const PERSON_TITLES = /^(?:dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame|herr|frau|mme|mlle|m|dipl(?:\.-?ing)?|ing|mag|rer|nat|med|phil)\.?$/i;
const PERSON_SUFFIXES = /^(?:phd|ph\.d\.?|md|m\.d\.?|mba|msc|m\.sc\.?|bsc|b\.sc\.?|ma|ba|jr\.?|sr\.?|ii|iii|iv|esq\.?|cpa|shrm-cp|shrm-scp|phr|sphr)$/i;
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'le', 'la', 'bin', 'al', 'ter', 'du', 'dos', 'das']);
/** Most words in a person's name (particles included). */
const MAX_NAME_WORDS = 5;

/** Most names whose stripped form is kept for a message. */
const MAX_CACHED_STRIPPED_NAMES = 10_000;
/** stripPersonTitles answers for the message: the display name and signature lines are stripped by several readers. */
const STRIPPED_NAMES = createPerMessageCache<string, string>(MAX_CACHED_STRIPPED_NAMES);

/** Removes academic and courtesy titles and degree suffixes: "Dr. Jane Roe, PhD" -> "Jane Roe". */
export function stripPersonTitles(name: string): string {
  return STRIPPED_NAMES.remember(name, stripPersonTitlesUncached);
}

function stripPersonTitlesUncached(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  while (words.length > 1 && PERSON_TITLES.test(words[0] ?? '')) words.shift();
  while (words.length > 1 && PERSON_SUFFIXES.test((words[words.length - 1] ?? '').replace(/,$/, ''))) words.pop();
  return words.join(' ').replace(/,$/, '');
}

/**
 * True when a label reads as a person's name: one to five words, each capitalised (particles
 * allowed), an initial allowed, no team, company or title words, no digits.
 */
export function looksLikePersonName(label: string, options: { allowSingleWord?: boolean } = {}): boolean {
  const allowSingleWord = options.allowSingleWord === true;
  const cache = allowSingleWord ? PERSON_NAMES_ONE_WORD_ALLOWED : PERSON_NAMES;
  return cache.remember(label, (name) => isPersonName(name, allowSingleWord));
}

/**
 * looksLikePersonName answers for the message: the display name and the signature lines are
 * asked about by the contact and the company extractors alike. One map per option.
 */
const MAX_CACHED_PERSON_NAMES = 10_000;
const PERSON_NAMES = createPerMessageCache<string, boolean>(MAX_CACHED_PERSON_NAMES);
const PERSON_NAMES_ONE_WORD_ALLOWED = createPerMessageCache<string, boolean>(MAX_CACHED_PERSON_NAMES);
/** Characters a person's name never holds. */
const NOT_IN_PERSON_NAMES = /[\d@&/|:;!?()]/;
/** A capitalised word of a name: "Anne-Marie", "O’Brien", "J.". */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’\-.]*$/u;
/** Three capitals or more: an acronym such as "IBM", not a name. */
const ACRONYM = /^\p{Lu}{3,}$/u;

function isPersonName(label: string, allowSingleWord: boolean): boolean {
  const name = stripPersonTitles(label.trim());
  if (!name || NOT_IN_PERSON_NAMES.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return false;
  if (words.length === 1 && !allowSingleWord) return false;
  let capitalised = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (NAME_PARTICLES.has(lower)) continue;
    if (isTeamWord(lower) || isCompanyWord(lower) || isRoleNoun(lower) || NOT_COMPANY_SET.has(lower)) return false;
    if (!NAME_WORD.test(word)) return false;
    if (ACRONYM.test(word)) return false; // acronyms such as "IBM" are not names
    capitalised += 1;
  }
  return capitalised > 0;
}

/** "Doe, Jane": a person written surname first, as address books and Outlook show senders. */
const SURNAME_FIRST = /^(\p{Lu}[\p{L}'’-]+),\s*(\p{Lu}[\p{L}'’-]+)$/u;

/**
 * "Doe, Jane" -> "Jane Doe"; null when the label is not a surname-first person name ("Acme, Inc."
 * is not). Display names are often written this way, and then they name a person, never the employer.
 */
export function givenNameFirst(label: string): string | null {
  const match = SURNAME_FIRST.exec(label.trim());
  if (!match) return null;
  const surname = match[1] ?? '';
  const givenName = match[2] ?? '';
  const isNameWord = (word: string): boolean => !isCompanyWord(word.toLowerCase()) && !isLegalSuffix(word.toLowerCase()) && !isTeamWord(word.toLowerCase());
  return isNameWord(surname) && isNameWord(givenName) ? `${givenName} ${surname}` : null;
}
