/**
 * Part 1: what understanding one forward costs, against parsing its MIME alone.
 *
 * Same bytes, same process, one core (JavaScript runs on one thread; nothing here is
 * parallel). For each message, in turn: mailparser's simpleParser with the options the core
 * gives it (the MIME parsing alone: the reference), and understandEmail (parse, find the
 * original, extract the fields); the order alternates per message so neither always runs
 * first. A warm-up pass runs before timing. Also timed, for context: simpleParser with its
 * defaults (it then also makes text from HTML and HTML from text, which the core skips).
 */
import { simpleParser } from 'mailparser';
import { performance } from 'node:perf_hooks';
import { extractFields } from '../../functions/core/understanding/extract-fields.js';
import { findOriginal } from '../../functions/core/understanding/find-original.js';
import { parseMime } from '../../functions/core/understanding/parse-mime.js';
import { understandEmail } from '../../functions/core/understanding/understand-email.js';
import { median, percentile, ratio, sum } from '../support/stats.js';
import { formatMs, formatRatio, row, type ResultRow } from '../support/table.js';
import { FIXTURE_OWNER_ADDRESSES, generateForwards, type BenchMessage } from './generate-forwards.js';

/** What the core passes to simpleParser (parse-mime.ts): the MIME work alone. */
const PARSE_ONLY_OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true } as const;
/** Target: understanding costs at most this many times parsing alone (issue 6). */
export const UNDERSTANDING_COST_TARGET = 1.5;
/** Messages in the warm-up pass. */
const WARM_UP_MESSAGES = 300;
const MILLISECONDS_PER_SECOND = 1000;

export interface ThroughputSizes {
  messages: number;
}

export interface ThroughputResult {
  rows: ResultRow[];
  messages: number;
  notes: string[];
  /** Per style: understanding / parse ratio of totals. */
  perStyle: { style: string; count: number; ratio: number; understandP50: number }[];
}

type Timed = { parse: number; parseDefault: number; understand: number; style: string; failed: boolean };

async function timeOne(message: BenchMessage, understandFirst: boolean): Promise<Timed> {
  const timeParse = async () => {
    const start = performance.now();
    await simpleParser(message.raw, PARSE_ONLY_OPTIONS);
    return performance.now() - start;
  };
  let failed = false;
  const timeUnderstand = async () => {
    const start = performance.now();
    try {
      await understandEmail(message.raw, { ownerAddresses: FIXTURE_OWNER_ADDRESSES });
    } catch {
      failed = true;
    }
    return performance.now() - start;
  };
  const timeParseDefault = async () => {
    const start = performance.now();
    await simpleParser(message.raw);
    return performance.now() - start;
  };
  let parse: number;
  let understand: number;
  if (understandFirst) {
    understand = await timeUnderstand();
    parse = await timeParse();
  } else {
    parse = await timeParse();
    understand = await timeUnderstand();
  }
  const parseDefault = await timeParseDefault();
  return { parse, parseDefault, understand, style: message.style, failed };
}

type StageTimes = { parse: number; readMime: number; findOriginal: number; extractFields: number };

/**
 * Where the understanding time goes, for the breakdown row: the three stages of understandEmail
 * timed one after the other on one message (the MIME read with its input checks, the search for
 * the original, the field extraction), beside simpleParser alone on the same bytes.
 */
async function timeStages(message: BenchMessage, parseFirst: boolean): Promise<StageTimes> {
  const timeParse = async () => {
    const start = performance.now();
    await simpleParser(message.raw, PARSE_ONLY_OPTIONS);
    return performance.now() - start;
  };
  const parse = parseFirst ? await timeParse() : 0;
  let start = performance.now();
  const parsed = await parseMime(message.raw).catch(() => null);
  const readMime = performance.now() - start;
  let findTime = 0;
  let extractTime = 0;
  if (parsed) {
    start = performance.now();
    const found = await findOriginal(parsed, { ownerAddresses: FIXTURE_OWNER_ADDRESSES });
    findTime = performance.now() - start;
    start = performance.now();
    if (found.found) extractFields(found.original, { ownerAddresses: found.ownerAddresses });
    extractTime = performance.now() - start;
  }
  return { parse: parseFirst ? parse : await timeParse(), readMime, findOriginal: findTime, extractFields: extractTime };
}

export async function runUnderstandingThroughput(sizes: ThroughputSizes): Promise<ThroughputResult> {
  const section = '1 understanding';
  const { messages, fixtures, originals } = await generateForwards(sizes.messages);
  const totalBytes = sum(messages.map((message) => message.raw.length));

  for (const [index, message] of messages.slice(0, WARM_UP_MESSAGES).entries()) await timeOne(message, index % 2 === 0);
  const timed: Timed[] = [];
  for (const [index, message] of messages.entries()) timed.push(await timeOne(message, index % 2 === 0));

  const parse = timed.map((item) => item.parse);
  const understand = timed.map((item) => item.understand);
  const parseDefault = timed.map((item) => item.parseDefault);
  const totalRatio = ratio(sum(understand), sum(parse));
  const medianRatio = ratio(median(understand), median(parse));
  const perSecond = (times: number[]) => (times.length * MILLISECONDS_PER_SECOND) / sum(times);
  const failures = timed.filter((item) => item.failed).length;

  const styles = [...new Set(timed.map((item) => item.style))];
  const perStyle = styles.map((style) => {
    const ofStyle = timed.filter((item) => item.style === style);
    return {
      style,
      count: ofStyle.length,
      ratio: ratio(sum(ofStyle.map((item) => item.understand)), sum(ofStyle.map((item) => item.parse))),
      understandP50: median(ofStyle.map((item) => item.understand)),
    };
  });

  const stages: StageTimes[] = [];
  for (const [index, message] of messages.entries()) stages.push(await timeStages(message, index % 2 === 0));
  const stageParse = sum(stages.map((item) => item.parse));
  const stageRatio = (key: keyof StageTimes) => formatRatio(ratio(sum(stages.map((item) => item[key])), stageParse));

  const rows: ResultRow[] = [
    row(section, `understandEmail / simpleParser alone, total time (${messages.length} forwards)`, formatRatio(totalRatio),
      `${formatMs(sum(understand))} vs ${formatMs(sum(parse))}`,
      { text: `<= ${UNDERSTANDING_COST_TARGET}x`, pass: totalRatio <= UNDERSTANDING_COST_TARGET }),
    row(section, 'understandEmail / simpleParser alone, median per message', formatRatio(medianRatio),
      `p50 ${formatMs(median(understand))} vs ${formatMs(median(parse))}`,
      { text: `<= ${UNDERSTANDING_COST_TARGET}x`, pass: medianRatio <= UNDERSTANDING_COST_TARGET }),
    row(section, 'understandEmail throughput, one core', `${perSecond(understand).toFixed(0)} msg/s`,
      `p50 ${formatMs(median(understand))}, p99 ${formatMs(percentile(understand, 99))}, max ${formatMs(Math.max(...understand))}`),
    row(section, 'simpleParser alone (core options) throughput', `${perSecond(parse).toFixed(0)} msg/s`,
      `p50 ${formatMs(median(parse))}, p99 ${formatMs(percentile(parse, 99))}`),
    row(section, 'understandEmail / simpleParser with its defaults (context)', formatRatio(ratio(sum(understand), sum(parseDefault))),
      `defaults p50 ${formatMs(median(parseDefault))}, p99 ${formatMs(percentile(parseDefault, 99))}`),
    row(section, 'understanding by stage / simpleParser alone (second pass, total time)',
      `${stageRatio('readMime')} + ${stageRatio('findOriginal')} + ${stageRatio('extractFields')}`,
      `MIME read (simpleParser + input checks) ${stageRatio('readMime')}, find the original (forward parser, HTML to text, attached messages) ${stageRatio('findOriginal')}, extract fields ${stageRatio('extractFields')}`),
    row(section, 'worst style: understandEmail / parse alone', (() => {
      const worst = [...perStyle].sort((left, right) => right.ratio - left.ratio)[0]!;
      return `${formatRatio(worst.ratio)} (${worst.style})`;
    })(), perStyle.map((item) => `${item.style} ${formatRatio(item.ratio)}`).join(', ')),
  ];
  const notes = [
    `Inputs: ${messages.length} messages (${(totalBytes / 1024 / 1024).toFixed(1)} MB) from ${fixtures} fixtures of the project (${originals} originals re-wrapped in ${styles.length - 1} styles + the fixtures as they are); ${failures} threw a clear input error (timed all the same).`,
    'Reference: mailparser simpleParser on the same bytes with the options the core passes it (skipHtmlToText, skipTextToHtml, skipTextLinks, skipImageLinks) — the MIME work alone. Order alternates per message; one warm-up pass first.',
  ];
  return { rows, messages: messages.length, notes, perStyle };
}
