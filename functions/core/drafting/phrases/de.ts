import type { DraftingPhraseSet } from '../drafting-phrases.js';

/** German phrases. Syntax: see functions/core/text/phrase-syntax.ts. */
export const GERMAN_DRAFTING: DraftingPhraseSet = {
  language: 'de',
  reasonKinds: {
    experience: [
      '{mehr|weitere|weitergehende~|einschlägige~|längere|umfangreichere~|tiefere~|spezifischere~|mehrjährige~|direktere~|stärkere~} {erfahrung~|berufserfahrung|kenntnisse|expertise|praxiserfahrung|fachkenntnisse}',
      '{besser|genauer|stärker|eher} {passen|passt|passende~|entsprechen|entspricht|geeignet~|übereinstimm~|zu den anforderungen}',
      '{passender~|geeigneter~}',
      'mehr {übereinstimm~|überschneidung~}',
    ],
    requirements: [
      'nicht {ganz |vollständig |ausreichend |genau |in allen punkten |}{entspricht|entsprechen|passt|passen|erfüllt|erfüllen|übereinstimm~}',
      '{entspricht|entsprechen|passt|passen|erfüllt|erfüllen} {leider |}{nicht|noch nicht}',
      'anforderungsprofil',
      'anforderungen nicht',
      'fehlende~ {erfahrung|kenntnisse|qualifikation~}',
    ],
    closed: [
      'nicht mehr {verfügbar|vakant|offen|ausgeschrieben|aktuell|zu besetzen|besetzt}',
      'nicht {neu |}{besetzt|besetzen|nachbesetzt|nachbesetzen}',
      '{zurückgezogen|gestrichen|storniert|geschlossen|entfällt}',
    ],
    filled: [
      '{bereits|schon|anderweitig|intern} {besetzt|vergeben}',
      '{wurde|wurden|ist|sind|haben|hat|konnte|konnten} * {besetzt|vergeben}',
      'interne~ {kandidat~|bewerber~|besetzung|lösung|nachbesetzung}',
      'für {einen|eine} {anderen|andere} {kandidat~|bewerber~|bewerbung}',
    ],
    'on-hold': [
      'auf eis',
      'pausiert',
      'budget~',
      'einstellungsstopp~',
      'zurückgestellt',
      'verschoben',
      'umstrukturierung~',
      'vorerst nicht',
    ],
    location: [
      'standort~',
      'wohnort~',
      'arbeitserlaubnis',
      'aufenthaltstitel',
      'visum',
      'umzug',
      'vor ort',
    ],
    volume: [
      '{vielzahl|fülle|menge|flut} {an|von} {bewerbungen|bewerber~|kandidat~}',
      '{viele|vielen|zahlreiche~|sehr viele|so viele} {qualifizierte~ |gute~ |}{bewerbungen|bewerber~|kandidat~}',
      '{hohe~|große~|großen} {anzahl|zahl|resonanz|nachfrage}',
      'starke~ konkurrenz',
    ],
  },
  complimentTopics: {
    portfolio: ['portfolio~'],
    'case-study': ['fallstudie~'],
    assignment: ['probeaufgabe~', 'testaufgabe~', 'fallaufgabe~', 'arbeitsprobe~', 'aufgabe~'],
    presentation: ['präsentation~', 'vortrag'],
    interview: ['vorstellungsgespräch~', 'bewerbungsgespräch~'],
    conversation: ['gespräch~', 'austausch', 'unterhaltung'],
    questions: ['fragen'],
    communication: ['kommunikation~', 'kommunikationsfähigkeit~', 'kommunikativ~'],
    enthusiasm: ['begeisterung', 'leidenschaft', 'engagement', 'motivation', 'enthusiasmus', 'neugier~'],
    approach: ['herangehensweise', 'denkweise', 'lösungsansatz', 'lösungsansätze', 'lösung~', 'ideen', 'kreativität'],
    skills: ['fähigkeiten', 'kenntnisse', 'kompetenz~', 'fachwissen', 'know-how'],
    experience: ['erfahrung~', 'berufserfahrung'],
    background: ['hintergrund', 'werdegang', 'lebenslauf', 'qualifikation~'],
    profile: ['profil'],
  },
};
