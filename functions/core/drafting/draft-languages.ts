/**
 * The languages drafts are written in, and the few words of each that the draft view builds
 * rather than the templates: elapsed times ("3 months"), dates, and what a compliment was
 * about ("my portfolio"). Everything else a draft says lives in its template file
 * (templates/drafts/<draft>.hbs for English, templates/drafts/<language>/<draft>.hbs for the
 * others; see docs/emails-and-templates.md, "Drafts in other languages").
 *
 * A contact's drafts follow `contact.language`: the language the rejection was written in,
 * or the owner's choice on the fix-details page. English is the default, and the fallback for
 * a contact stored before languages existed.
 */
import type { MessageLanguage } from '../understanding/types.js';
import { COMPLIMENT_TOPIC_WORDING, type ComplimentTopic } from './drafting-phrases.js';

/** A language drafts can be written in (a code the understanding can detect, too). */
export type DraftLanguage = MessageLanguage;

/** Every draft language, in the order the fix-details page offers them. */
export const DRAFT_LANGUAGES: readonly DraftLanguage[] = ['en', 'de', 'fr'];

/** The language of the drafts when nothing else is known. */
export const DEFAULT_DRAFT_LANGUAGE: DraftLanguage = 'en';

/** A language's name in its own words (the fix-details select) and in English (the owner email). */
export const DRAFT_LANGUAGE_NAMES: Readonly<Record<DraftLanguage, { native: string; english: string }>> = {
  en: { native: 'English', english: 'English' },
  de: { native: 'Deutsch', english: 'German' },
  fr: { native: 'Français', english: 'French' },
};

/** True for one of DRAFT_LANGUAGES. */
export function isDraftLanguage(value: unknown): value is DraftLanguage {
  return typeof value === 'string' && (DRAFT_LANGUAGES as readonly string[]).includes(value);
}

/** The language of a contact's drafts: its own when it is a known one, else English. */
export function draftLanguageOf(contact: { language?: string | null }): DraftLanguage {
  return isDraftLanguage(contact.language) ? contact.language : DEFAULT_DRAFT_LANGUAGE;
}

/**
 * What a compliment was about, as the drafts write it, per language. English (the shared
 * COMPLIMENT_TOPIC_WORDING): after "your kind words about". German: dative, after "zu" ("Ihre freundlichen Worte zu meinem
 * Portfolio"). French: after "sur" ("vos mots aimables sur mon portfolio").
 */
export const COMPLIMENT_TOPIC_WORDING_BY_LANGUAGE: Readonly<Record<DraftLanguage, Readonly<Record<ComplimentTopic, string>>>> = {
  en: COMPLIMENT_TOPIC_WORDING,
  de: {
    portfolio: 'meinem Portfolio',
    'case-study': 'meiner Fallstudie',
    assignment: 'meiner Probeaufgabe',
    presentation: 'meiner Präsentation',
    interview: 'meinem Vorstellungsgespräch',
    conversation: 'unserem Gespräch',
    questions: 'meinen Fragen',
    communication: 'meiner Kommunikation',
    enthusiasm: 'meiner Begeisterung',
    approach: 'meiner Herangehensweise',
    skills: 'meinen Fähigkeiten',
    experience: 'meiner Erfahrung',
    background: 'meinem Werdegang',
    profile: 'meinem Profil',
  },
  fr: {
    portfolio: 'mon portfolio',
    'case-study': 'mon étude de cas',
    assignment: 'mon exercice',
    presentation: 'ma présentation',
    interview: 'mon entretien',
    conversation: 'notre échange',
    questions: 'mes questions',
    communication: 'ma communication',
    enthusiasm: 'mon enthousiasme',
    approach: 'ma démarche',
    skills: 'mes compétences',
    experience: 'mon expérience',
    background: 'mon parcours',
    profile: 'mon profil',
  },
};

/** Units an elapsed time is said in. */
export type ElapsedUnit = 'day' | 'week' | 'month' | 'year';

/**
 * Elapsed-time words per language, as the drafts use them: English "It has been 3 months",
 * German accusative "Es ist einen Monat her", French "Cela fait un mois".
 */
export interface ElapsedWords {
  lessThanADay: string;
  one: Readonly<Record<ElapsedUnit, string>>;
  many: Readonly<Record<ElapsedUnit, string>>;
}

export const ELAPSED_WORDS: Readonly<Record<DraftLanguage, ElapsedWords>> = {
  en: {
    lessThanADay: 'less than a day',
    one: { day: 'a day', week: 'a week', month: 'a month', year: 'a year' },
    many: { day: 'days', week: 'weeks', month: 'months', year: 'years' },
  },
  de: {
    lessThanADay: 'weniger als einen Tag',
    one: { day: 'einen Tag', week: 'eine Woche', month: 'einen Monat', year: 'ein Jahr' },
    many: { day: 'Tage', week: 'Wochen', month: 'Monate', year: 'Jahre' },
  },
  fr: {
    lessThanADay: "moins d'un jour",
    one: { day: 'un jour', week: 'une semaine', month: 'un mois', year: 'un an' },
    many: { day: 'jours', week: 'semaines', month: 'mois', year: 'ans' },
  },
};

/** Titles in a name that say how to address the person; lower case, without a final dot. */
const FORM_OF_ADDRESS_TITLES: Readonly<Record<string, 'ms' | 'mr'>> = {
  frau: 'ms',
  ms: 'ms',
  mrs: 'ms',
  miss: 'ms',
  madame: 'ms',
  mme: 'ms',
  herr: 'mr',
  mr: 'mr',
  monsieur: 'mr',
};


/** A word of a name as written to greet someone: letters (with marks), inner apostrophes, hyphens, a final dot ("Dr."). */
const NAME_WORD = /^\p{L}[\p{L}\p{M}'’-]*\.?$/u;

/**
 * How to address a person formally, from the name as understood or corrected: the name in
 * reading order ("Vogel, Katrin" -> "Katrin Vogel"; null when a word of it is not a name),
 * and, when the name carries a title ("Frau Katrin Vogel", "Mme Claire Dupont",
 * "M. Jean Martin"), the title ('ms' | 'mr') and the surname. Drafts in German and French
 * greet "Sehr geehrte Frau Vogel," / "Bonjour Madame Dupont," only then; without a title they
 * greet by the full name, which needs no guess at anyone's gender.
 */
export function findFormOfAddress(name: string | null): { fullName: string | null; title: 'ms' | 'mr' | null; surname: string | null } {
  if (!name) return { fullName: null, title: null, surname: null };
  const comma = name.indexOf(',');
  const ordered = comma > 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
  const words = ordered.split(/\s+/).filter(Boolean);
  const fullName = words.length > 0 && words.every((word) => NAME_WORD.test(word)) ? words.join(' ') : null;
  if (fullName === null || words.length < 2) return { fullName, title: null, surname: null };
  const first = words[0]!;
  // "M." is French for Monsieur only with its dot (an initial "M" alone is not a title).
  const title = FORM_OF_ADDRESS_TITLES[first.replace(/\.$/, '').toLowerCase()] ?? (first === 'M.' ? 'mr' : null);
  const surname = words.at(-1)!.replace(/\.$/, '');
  return { fullName, title, surname: title ? surname : null };
}
