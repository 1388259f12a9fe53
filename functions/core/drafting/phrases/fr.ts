import type { DraftingPhraseSet } from '../drafting-phrases.js';

/** French phrases. Syntax: see functions/core/text/phrase-syntax.ts. */
export const FRENCH_DRAFTING: DraftingPhraseSet = {
  language: 'fr',
  reasonKinds: {
    experience: [
      '{plus d\'|davantage d\'|une plus grande |une plus longue }expérience',
      'correspond~ {davantage|mieux|plus}',
      '{davantage|mieux|plus} {adapté~|aligné~|en adéquation|en phase|proche~|pertinent~|expérimenté~|qualifié~}',
      'meilleure adéquation',
    ],
    requirements: [
      'ne {correspond|correspondent|répond|répondent|convient} pas',
      'pas {en adéquation|adapté~|aligné~}',
      'manque {d\'expérience|de compétences}',
      'ne {remplit|remplissez} pas',
      'adéquation avec',
    ],
    closed: [
      'n\'est plus {disponible|ouvert|ouverte|d\'actualité|à pourvoir}',
      'ne sera pas pourvu~',
      '{annulé|annulée|fermé|fermée|clôturé|clôturée|supprimé|supprimée|retiré|retirée}',
    ],
    filled: [
      '{a été|est|sont|ont été|est déjà|a déjà été|déjà} pourvu~',
      'candidat~ interne~',
      'en interne',
      '{retenu|choisi|sélectionné|retenue|choisie|sélectionnée} {un|une} autre',
    ],
    'on-hold': [
      'en suspens',
      'en pause',
      'en attente',
      'suspendu~',
      'gel des {recrutements|embauches}',
      'budgétaire~',
      'reporté~',
      'réorganisation',
    ],
    location: [
      'localisation',
      'lieu de travail',
      'permis de travail',
      'titre de séjour',
      'sur site',
      'déménagement',
      'mobilité géographique',
    ],
    volume: [
      '{nombreuses|nombreux|grand nombre de|nombre important de|multitude de|afflux de|volume de} {candidatures|candidats|profils}',
      'très {nombreuses|nombreux}',
      'forte concurrence',
      'très compétiti~',
    ],
  },
  complimentTopics: {
    portfolio: ['portfolio~'],
    'case-study': ['étude~ de cas', 'cas pratique'],
    assignment: ['exercice~', 'test technique', 'mise en situation', 'devoir'],
    presentation: ['présentation~', 'exposé'],
    interview: ['entretien~', 'entrevue~'],
    conversation: ['échange~', 'rencontre~'],
    questions: ['questions'],
    communication: ['communication'],
    enthusiasm: ['enthousiasme', 'dynamisme', 'énergie', 'curiosité', 'motivation', 'passion'],
    approach: ['approche', 'démarche', 'réflexion', 'créativité', 'idées'],
    skills: ['compétence~', 'savoir-faire', 'connaissances', 'aptitudes'],
    experience: ['expérience~'],
    background: ['parcours', 'formation'],
    profile: ['profil~'],
  },
};
