/** Further invented mails: casual recruiters, personal mailboxes, German and French formal letters. */
import type { OriginalParts } from './make-original.js';

export const CASUAL_FIRST_NAME_SIGNATURE: OriginalParts = {
  fromName: 'Ben Okafor',
  fromAddress: 'ben@tallgrass.vc',
  subject: 'Quick update',
  body: `Hey Sam,

Really appreciated you taking the time to chat with the team. We loved your energy, but we've decided to go in a different direction for this hire.

Let's stay in touch!

Ben`,
};

export const PERSONAL_MAILBOX_OWNER: OriginalParts = {
  fromName: 'Pablo Ruiz',
  fromAddress: 'pablo.ruiz@gmail.com',
  subject: 'Barista position at Café Lumen',
  body: `Hi Sam,

Thanks for dropping off your CV at Café Lumen. We've already hired for the Barista position, sorry! We'll keep your CV in case something opens up.

Pablo
Owner, Café Lumen`,
};

export const GERMAN_FORMAL_WITH_TITLE: OriginalParts = {
  fromName: 'Personalabteilung Kranich Versicherung',
  fromAddress: 'karriere@kranich-versicherung.de',
  subject: 'Ihre Bewerbung als Sachbearbeiter Schadenregulierung (w/m/d)',
  body: `Sehr geehrter Herr Seeker,

wir danken Ihnen für Ihr Interesse an einer Tätigkeit in unserem Haus. Nach eingehender Prüfung müssen wir Ihnen leider mitteilen, dass wir Ihre Bewerbung nicht weiter berücksichtigen können.

Für Ihre berufliche Zukunft wünschen wir Ihnen alles Gute.

Mit freundlichen Grüßen

Dr. Anja Petersen
Leitung Personal
Kranich Versicherung AG`,
};

export const FRENCH_POSITION_FILLED: OriginalParts = {
  fromName: 'Maison Corbel',
  fromAddress: 'recrutement@maisoncorbel.fr',
  subject: 'Suite à votre candidature',
  body: `Madame, Monsieur,

Nous avons bien reçu votre candidature pour le poste de Chef de projet digital et nous vous en remercions.

Malheureusement, le poste a été pourvu.

Nous vous prions d'agréer nos salutations distinguées.

Le service recrutement
Maison Corbel`,
};
