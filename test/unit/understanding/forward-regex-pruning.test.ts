import EmailForwardParser from 'email-forward-parser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLikeForwardParser, preparePruner, readRequiredLiteral } from '../../../functions/core/understanding/forward-regex-pruning.js';
import { boundForForwardParser } from '../../../functions/core/understanding/inline-forward.js';
import { parseMime, readBodyText } from '../../../functions/core/understanding/parse-mime.js';

type InnerParser = { regexes: unknown };

/** Reads `text` with a parser whose lists are pruned for it, and with an untouched parser. */
function readBothWays(text: string, subject: string | undefined) {
  const reference = new EmailForwardParser();
  const pruned = new EmailForwardParser();
  const inner = (pruned as unknown as { parser: InnerParser }).parser;
  const pruner = preparePruner(inner.regexes);
  if (!pruner) throw new Error('the parser does not have the known shape');
  inner.regexes = pruner.prune(cleanLikeForwardParser(text));
  return { expected: reference.read(text, subject), got: pruned.read(text, subject) };
}

/** Forward bodies of several clients and languages, written for this test. */
const BODIES: Array<{ name: string; subject: string | undefined; text: string }> = [
  {
    name: 'Gmail, English',
    subject: 'Fwd: Your application',
    text: 'See below.\n\n---------- Forwarded message ---------\nFrom: Dana Reyes <dana@acme.example>\nDate: Mon, 3 Feb 2025 at 10:12\nSubject: Your application\nTo: <me@example.com>\n\n\nHi,\nWe decided to move forward with other candidates.\nDana\n',
  },
  {
    name: 'Apple Mail, German, quoted',
    subject: 'WG: Ihre Bewerbung',
    text: 'Zur Info\n\nAnfang der weitergeleiteten Nachricht:\n\n> Von: Jens Adler <jens@firma.example>\n> Betreff: Ihre Bewerbung\n> Datum: 3. Februar 2025 um 10:12:00 MEZ\n> An: ich@example.com\n> \n> Guten Tag,\n> leider haben wir uns anders entschieden.\n',
  },
  {
    name: 'Outlook, French, no separator',
    subject: 'TR: Votre candidature',
    text: 'De : Claire Martin <claire@societe.example>\nEnvoyé : lundi 3 février 2025 10:12\nÀ : moi@example.com\nObjet : Votre candidature\n\nBonjour,\nNous avons retenu un autre profil.\n',
  },
  {
    name: 'Outlook Live, underscores, Sent line',
    subject: 'FW: Update',
    text: '\n________________________________\nFrom: Sam Ortiz <sam@globex.example>\nSent: Monday, February 3, 2025 10:12 AM\nTo: Me <me@example.com>\nSubject: Update\n\nThe role has been filled.\n',
  },
  {
    name: 'Outlook 2019 separator with information',
    subject: 'Fwd: Update',
    text: 'FYI\n\nOn Mon, Feb 3, 2025, "Lee Park" <lee@initech.example> wrote:\nWe will not proceed.\n',
  },
  {
    name: 'Yahoo, lax header on one line',
    subject: 'Fwd: Hello',
    text: '----- Forwarded Message -----From: Ann Bell <ann@hooli.example>To: me@example.comSent: Monday, 3 February 2025, 10:12Subject: Hello\nThank you for applying.\n',
  },
  {
    name: 'byte-order marks and no-break spaces inside the labels',
    subject: 'Fwd: x',
    text: 'note\r\n\uFEFF---------- Forwarded\u00A0message ---------\r\nFr\uFEFFom: Kai <kai@acme.example>\u00A0\r\nSubj\uFEFFect: x\r\n\r\nbody\r\n',
  },
  {
    name: 'line separators, upper-casing that changes lengths (ß), labels that begin other labels (De / De la)',
    subject: 'Fwd: Straße',
    text: 'Grüße\u2028\u2028-----Mesaj redirecționat-----\u2029De la: Ioana Pop <ioana@firma.example>\nTrimis: 3 februarie 2025\nCătre: eu@example.com\nSubiect: Straße\n\nMulțumim.\n',
  },
  {
    name: 'Russian labels behind quote marks and indents',
    subject: 'Пересл: Ваша заявка',
    text: 'Смотри ниже\n\n  >  -------- Пересылаемое сообщение --------\n  > От: Иван Петров <ivan@firma.example>\n  > Дата: 3 февраля 2025\n  > Тема: Ваша заявка\n  > Кому: me@example.com\n  >\n  > Спасибо за интерес.\n',
  },
  {
    name: 'labels that are words (Dear, Date, Fromage) and a colon brought next to a label by quote removal',
    subject: 'Fwd: Menu',
    text: 'Dear all,\nDate night?\n\n---------- Forwarded message ---------\nFrom\n>\n: Chef <chef@bistro.example>\nDa :\n> Subject\n>: Menu\n\nFromage du jour.\n',
  },
  {
    name: 'mailto forms in the header lines (Outlook [mailto:], "<x<mailto:x>>")',
    subject: 'FW: Offer',
    text: '-----Original Message-----\nFrom: Jane Doe [mailto:jane@acme.example]\nSent: Monday, February 3, 2025 10:12 AM\nTo: Me <me@example.com<mailto:me@example.com>>; \'Sam\' <sam@x.example>\nCc: "Ops" <ops@acme.example>\nSubject: Offer\n\nWe filled the role.\n',
  },
  { name: 'no forward at all', subject: undefined, text: 'Dear applicant,\nThank you for your interest.\nBest regards\nThe team\n' },
  { name: 'empty', subject: undefined, text: '' },
];

describe('readRequiredLiteral', () => {
  it('finds the fixed text a pattern requires, and whether it stands at a line head', () => {
    // Prepare
    const patterns = [
      /^>?\s*Begin forwarded message\s?:/m,
      /^(\*?\s*From\s?:\*?(.+))$/m,
      /^\s*-{8,10}\s*Forwarded message\s*-{8,10}\s*/m,
      /^\s?On\s?(?<date>.+)\,\s?\"(?<from_name>.+)\"\s*[\[|<](?<from_address>.+)[\]|>]\s?wrote\s?:/m,
      /^\s*Kopie \(CC\)\s?:(.+)$/m,
      /^\s*_{32}\s*$/m,
      /^\s?.+\s*[\[|<].+[\]|>]\s?kirjoitti\s?.+\s?:/m,
      /(?:optional)?x/,
      /a|b/,
      /^\s*A\s?:(.+)$/m,
      /^\s*A\s?:?(.+)$/m,
      /(?:_{8})?x/,
    ];

    // Act
    const literals = patterns.map((pattern) => readRequiredLiteral(pattern.source));

    // Assess
    expect(literals).toEqual([
      { text: 'Begin forwarded message', atLineStart: true, thenColon: true },
      { text: 'From', atLineStart: true, thenColon: true },
      { text: 'Forwarded message', atLineStart: true, thenColon: false },
      { text: 'On', atLineStart: true, thenColon: false },
      { text: 'Kopie (CC)', atLineStart: true, thenColon: true },
      { text: '_'.repeat(32), atLineStart: false, thenColon: false },
      { text: 'kirjoitti', atLineStart: false, thenColon: false },
      null,
      null,
      { text: 'A', atLineStart: true, thenColon: true },
      null,
      null,
    ]);
  });
});

describe('pruned email-forward-parser', () => {
  it('remembers the lists cut for one set of answers and cuts others for another', () => {
    // Prepare
    const inner = (new EmailForwardParser() as unknown as { parser: InnerParser }).parser;
    const pruner = preparePruner(inner.regexes);
    if (!pruner) throw new Error('the parser does not have the known shape');
    const gmail = (name: string) => `---------- Forwarded message ---------\nFrom: ${name} <x@acme.example>\nSubject: Hi\n\nText\n`;

    // Act
    const first = pruner.prune(gmail('Kim'));
    const second = pruner.prune(gmail('Lee'));
    const german = pruner.prune('Anfang der weitergeleiteten Nachricht:\nVon: Jens <j@firma.example>\nBetreff: Hallo\n\nText\n');

    // Assess
    expect(second).toBe(first);
    expect(german).not.toBe(first);
    expect((german.separator as unknown[]).length).toBeLessThan((inner.regexes as { separator: unknown[] }).separator.length);
  });

  it('carries no answer from one body over to the next (each body gets the lists a fresh pruner gives it)', () => {
    // Prepare
    const regexes = (new EmailForwardParser() as unknown as { parser: InnerParser }).parser.regexes;
    const reused = preparePruner(regexes);
    const fresh = preparePruner(regexes);
    if (!reused || !fresh) throw new Error('the parser does not have the known shape');
    const texts = BODIES.map(({ text }) => cleanLikeForwardParser(boundForForwardParser(text)));
    const sources = (lists: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(lists).map(([key, value]) => [key, ([] as Array<{ source: string }>).concat(value as never).map((regex) => regex.source)]));

    // Act: every body after every other one, with the same pruner
    const afterOthers = texts.map((_, index) => {
      for (const other of texts) if (other !== texts[index]) reused.prune(other);
      return sources(reused.prune(texts[index]!));
    });

    // Assess
    expect(afterOthers).toEqual(texts.map((text) => sources(preparePruner(regexes)!.prune(text))));
  });

  it.each(BODIES)('gives the same result as the full parser: $name', ({ text, subject }) => {
    // Prepare
    const bounded = boundForForwardParser(text);

    // Act
    const { expected, got } = readBothWays(bounded, subject);

    // Assess
    expect(got).toEqual(expected);
  });

  it('gives the same result as the full parser on every .eml fixture body', async () => {
    // Prepare
    const root = join(import.meta.dirname, '../../fixtures/eml');
    const files = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.eml'))
      .map((entry) => join(entry.parentPath, entry.name));
    const bodies: Array<{ text: string; subject: string | undefined }> = [];
    for (const file of files) {
      const message = await parseMime(await readFile(file)).catch(() => null);
      if (!message) continue;
      for (const text of [message.text, message.html ? readBodyText({ ...message, text: null }).text : null]) {
        if (text) bodies.push({ text: boundForForwardParser(text), subject: message.subject ?? undefined });
      }
    }

    // Act
    const differences = bodies.filter(({ text, subject }) => {
      const { expected, got } = readBothWays(text, subject);
      return JSON.stringify(expected) !== JSON.stringify(got);
    });

    // Assess
    expect(bodies.length).toBeGreaterThan(50);
    expect(differences).toEqual([]);
  });
});
