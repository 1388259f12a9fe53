/**
 * The drafting phrase data of every language. To add a language, write a DraftingPhraseSet
 * file beside en.ts and list it here; every language's phrases are applied to every fragment
 * (a rejection may be in any of them, whatever language the drafts are written in).
 */
import type { DraftingPhraseSet } from '../drafting-phrases.js';
import { GERMAN_DRAFTING } from './de.js';
import { ENGLISH_DRAFTING } from './en.js';
import { FRENCH_DRAFTING } from './fr.js';

export const DRAFTING_LANGUAGES: readonly DraftingPhraseSet[] = [ENGLISH_DRAFTING, GERMAN_DRAFTING, FRENCH_DRAFTING];
