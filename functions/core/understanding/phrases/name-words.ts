/**
 * Word lists (data) used to tell roles, companies, people and teams apart. Lower case.
 * Extend by adding words; matching is on whole words.
 */

/** Nouns that make a phrase a job title (en, de, fr). German compounds are matched by suffix. */
export const ROLE_NOUNS: readonly string[] = [
  'engineer', 'engineering', 'developer', 'development', 'programmer', 'manager', 'management', 'specialist', 'intern',
  'internship', 'coordinator', 'director', 'analyst', 'designer', 'assistant', 'associate', 'consultant', 'scientist',
  'architect', 'lead', 'officer', 'administrator', 'representative', 'technician', 'accountant', 'advisor', 'adviser',
  'agent', 'clerk', 'nurse', 'teacher', 'writer', 'editor', 'producer', 'researcher', 'tester', 'recruiter',
  'executive', 'head', 'vp', 'president', 'counsel', 'attorney', 'paralegal', 'cashier', 'barista', 'driver',
  'operator', 'mechanic', 'electrician', 'chef', 'cook', 'receptionist', 'fellow', 'apprentice', 'trainee',
  'strategist', 'owner', 'partner', 'sre', 'devops', 'qa', 'swe', 'sde', 'support', 'office', 'sales', 'marketing',
  'controller', 'auditor', 'economist', 'statistician', 'instructor', 'tutor', 'therapist', 'pharmacist', 'physician',
  'hygienist', 'dentist', 'supervisor', 'foreman', 'planner', 'buyer', 'generalist', 'secretary', 'bookkeeper',
  'marketer', 'advocate', 'attendant', 'courier', 'welder', 'machinist', 'carpenter', 'plumber', 'painter', 'baker',
  'bartender', 'waiter', 'waitress', 'housekeeper', 'janitor', 'custodian', 'caregiver', 'aide', 'midwife',
  'paramedic', 'surgeon', 'psychologist', 'veterinarian', 'lawyer', 'solicitor', 'translator', 'interpreter',
  'actuary', 'underwriter', 'broker', 'banker', 'teller', 'cfo', 'cto', 'ceo', 'coo', 'worker', 'labourer',
  'laborer', 'ambassador', 'evangelist', 'dispatcher', 'scheduler', 'estimator', 'surveyor', 'inspector',
  'investigator', 'storyteller', 'modeler', 'modeller', 'steward', 'hr business partner',
  'copywriter', 'illustrator', 'animator', 'photographer', 'journalist', 'librarian', 'counselor', 'counsellor',
  'werkstudent', 'praktikant', 'praktikum', 'ausbildung', 'sachbearbeiter', 'referent', 'leiter', 'leitung',
  'entwickler', 'berater', 'ingenieur', 'kaufmann', 'kauffrau', 'fachkraft', 'mitarbeiter', 'assistenz',
  'disponent', 'disponentin', 'erzieher', 'erzieherin', 'verkäufer', 'verkäuferin', 'koch', 'köchin', 'fahrer',
  'lagerist', 'monteur', 'elektriker', 'informatiker', 'buchhalter', 'sekretär', 'sekretärin', 'pfleger',
  'collaborateur', 'collaboratrice', 'comptable', 'développeur', 'ingénieur', 'chargé', 'chargée', 'responsable',
  'stagiaire', 'stage', 'juriste', 'avocat', 'avocate', 'alternant', 'alternance', 'conseiller', 'conseillère', 'chef', 'technicien', 'vendeur',
];

/** Endings of German compound job titles ("Lagerfachkraft", "Softwareentwickler"). */
export const ROLE_NOUN_SUFFIXES: readonly string[] = [
  'kraft', 'entwickler', 'entwicklerin', 'leiter', 'leiterin', 'berater', 'beraterin', 'ingenieur', 'ingenieurin',
  'manager', 'managerin', 'referent', 'referentin', 'assistent', 'assistentin', 'mitarbeiter', 'mitarbeiterin',
  'kaufmann', 'kauffrau', 'techniker', 'pfleger', 'pflegerin', 'helfer', 'helferin', 'fachkraft', 'engineer',
  'gestalter', 'gestalterin', 'erzieher', 'verkäufer', 'fahrer', 'monteur', 'arbeiter', 'informatiker', 'elektroniker',
  'mechaniker', 'planer', 'prüfer', 'wirt', 'wirtin', 'berater',
  'developer', 'designer',
];

/** Words a company name often ends with: used to split domains ("larchmontsystems") and to tell companies from people. */
export const COMPANY_WORDS: readonly string[] = [
  'industries', 'industry', 'systems', 'technologies', 'technology', 'tech', 'labs', 'lab', 'group', 'health',
  'healthcare', 'software', 'solutions', 'networks', 'network', 'energy', 'capital', 'partners', 'media', 'games',
  'studios', 'studio', 'foods', 'food', 'motors', 'bank', 'insurance', 'consulting', 'engineering', 'robotics',
  'analytics', 'pharma', 'therapeutics', 'biotech', 'logistics', 'dynamics', 'digital', 'global', 'international',
  'services', 'holdings', 'ventures', 'works', 'mobile', 'security', 'cloud', 'data', 'company', 'corporation',
  'foundation', 'institute', 'university', 'college', 'hospital', 'clinic', 'trust', 'market', 'markets',
  'financial', 'finance', 'bio', 'medical', 'design', 'interactive', 'entertainment', 'brands', 'retail',
  'airlines', 'air', 'aerospace', 'automotive', 'electric', 'power', 'communications', 'telecom', 'wireless',
  'apps', 'app', 'hq', 'inc', 'llc', 'ltd', 'gmbh', 'ag', 'corp', 'co', 'sa', 'se', 'plc', 'dienste', 'gruppe',
  'consultants', 'associates', 'agency', 'realty', 'properties', 'construction', 'manufacturing', 'academy',
  'council', 'county', 'city', 'district', 'school', 'schools', 'church', 'museum', 'society', 'association',
  'federation', 'union', 'club', 'board', 'authority', 'commission', 'ministry', 'trust', 'bancorp', 'partnership',
  'distribution', 'logistics', 'supply', 'foods', 'farms', 'hotels', 'resorts', 'restaurants', 'stores', 'pharmacy',
  'stiftung', 'stadtwerke', 'verein', 'verband', 'kliniken', 'klinikum', 'werke', 'société', 'groupe', 'cabinet',
];

/** Legal-form suffixes that may be dropped or added when comparing company names. */
export const LEGAL_SUFFIXES: readonly string[] = [
  'inc', 'inc.', 'incorporated', 'llc', 'l.l.c.', 'ltd', 'ltd.', 'limited', 'gmbh', 'ag', 'se', 'sa', 's.a.', 'sas',
  'sarl', 'plc', 'corp', 'corp.', 'corporation', 'co', 'co.', 'company', 'kg', 'e.v.', 'ev', 'bv', 'b.v.', 'nv',
  'n.v.', 'oy', 'ab', 'as', 'spa', 'srl', 'pty', 'lp', 'llp', 'usa',
];

/** Capitalised words and phrases that are never a company (pages, weekdays, networks, greetings). */
export const NOT_COMPANY: readonly string[] = [
  'careers', 'career', 'careers page', 'careers site', 'career site', 'career center', 'careers website', 'website',
  'page', 'site', 'portal', 'linkedin', 'facebook', 'twitter', 'instagram', 'youtube', 'glassdoor', 'talent network',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'team', 'applicant',
  'candidate', 'hi', 'hello', 'dear', 'thanks', 'thank', 'thank you', 'regards', 'best', 'sincerely', 'we', 'i',
  'you', 'our', 'your', 'us', 'it', 'this', 'that', 'unfortunately', 'however', 'please', 'english', 'human resources',
  'hr', 'talent acquisition', 'recruiting', 'recruiting team', 'hiring team', 'people', 'the team', 'ceo', 'cto',
  'social security', 'security', 'united states', 'usa', 'us', 'uk', 'remote', 'covid', 'covid-19', 'ai', 'ok',
  'bewerbung', 'stelle', 'ihre', 'sie', 'wir', 'vielen', 'dank', 'votre', 'nous', 'merci', 'candidature',
  'job agent', 'career section', 'my jobpage', 'talent community',
];

/** Words of a team, department or function label (stripped from display names and signatures). */
export const TEAM_LABEL_WORDS: readonly string[] = [
  'team', 'teams', 'recruiting', 'recruitment', 'recruiter', 'recruiters', 'talent', 'acquisition', 'careers', 'career',
  'jobs', 'job', 'hiring', 'hr', 'human', 'resources', 'people', 'department', 'dept', 'campus', 'university',
  'notifications', 'notification', 'no-reply', 'noreply', 'mailer', 'personalteam', 'personalabteilung',
  'personalbereich', 'personalservice', 'personal', 'recrutement', 'équipe', "l'équipe", 'rh', 'ressources', 'humaines', 'services',
  'operations', 'staffing', 'office', 'support', 'candidate', 'experience', 'acquisitions', 'admin', 'partner',
  'partners', 'coordinator', 'coordinators', 'specialist', 'technical', 'sr', 'sr.', 'senior', 'principal', 'lead',
  'head', 'of',
];
