/**
 * Small runtime pieces: the once-per-cold-start memo, the installable clock, address masking
 * and how SDK clients are configured for the local stack. No sockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsClients, SDK_MAX_ATTEMPTS } from '../../../functions/runtime/clients.js';
import { ControllableClock, installClock, restoreSystemClock, runtimeClock } from '../../../functions/runtime/clock.js';
import { memoizeAsync, ownerSettingsOf } from '../../../functions/runtime/container.js';
import { parseConfig } from '../../../functions/runtime/config.js';
import { maskAddress } from '../../../functions/runtime/logger.js';
import { requestBaseUrlOf } from '../../../functions/handlers/actions.js';

afterEach(() => {
  restoreSystemClock();
});

describe('memoizeAsync', () => {
  it('builds once for concurrent and later callers', async () => {
    // Prepare
    let builds = 0;
    const load = memoizeAsync(async () => {
      builds += 1;
      return { built: builds };
    });

    // Act
    const [first, second] = await Promise.all([load(), load()]);
    const third = await load();

    // Assess
    expect(builds).toBe(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
  });

  it('forgets a failed build so the next call tries again', async () => {
    // Prepare
    let attempts = 0;
    const load = memoizeAsync(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('secret not readable yet');
      return 'wired';
    });

    // Act
    const failed = load();
    await failed.catch(() => undefined);
    const retried = await load();

    // Assess
    await expect(failed).rejects.toThrow('secret not readable yet');
    expect(retried).toBe('wired');
    expect(attempts).toBe(2);
  });
});

describe('runtime clock', () => {
  it('follows an installed clock, even for code that captured it before', () => {
    // Prepare
    const captured = runtimeClock;
    const clock = new ControllableClock(new Date('2026-03-02T09:00:00.000Z'));

    // Act
    installClock(clock);
    clock.advanceBy(31 * 24 * 60 * 60 * 1000);

    // Assess
    expect(captured.now().toISOString()).toBe('2026-04-02T09:00:00.000Z');
  });

  it('is the system clock unless one is installed', () => {
    // Prepare
    const before = Date.now();

    // Act
    const now = runtimeClock.now().getTime();

    // Assess
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('maskAddress', () => {
  it.each([
    ['jane.doe@acme.example', 'j***@acme.example'],
    ['x@y.example', 'x***@y.example'],
    ['not an address', '***'],
    ['@acme.example', '***'],
    [null, '(none)'],
  ])('masks %s as %s', (address, masked) => {
    // Prepare
    const input = address;

    // Act
    const result = maskAddress(input);

    // Assess
    expect(result).toBe(masked);
  });
});

describe('createAwsClients', () => {
  it('points clients at local endpoints with fixed fake credentials, path-style S3 and bounded retries', async () => {
    // Prepare
    const clients = createAwsClients({
      AWS_REGION: 'us-east-1',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567',
      S3_ENDPOINT: 'http://127.0.0.1:4568',
    });

    // Act
    const dynamo = clients.dynamo();
    const s3 = clients.s3();
    const credentials = await s3.config.credentials();
    const endpoint = await dynamo.config.endpoint?.();

    // Assess
    expect(clients.dynamo()).toBe(dynamo);
    expect(endpoint?.hostname).toBe('127.0.0.1');
    expect(endpoint?.port).toBe(4567);
    expect(s3.config.forcePathStyle).toBe(true);
    expect(credentials.accessKeyId).toBe('S3RVER');
    expect(await dynamo.config.maxAttempts()).toBe(SDK_MAX_ATTEMPTS);
    dynamo.destroy();
    s3.destroy();
  });
});

describe('ownerSettingsOf', () => {
  /** What every function needs, and no more (no ACTIONS_BASE_URL). */
  const MINIMAL_ENV = {
    TABLE_NAME: 't',
    RAW_MAIL_BUCKET: 'b',
    OWNER_ADDRESSES: 'sam.lee@mailbox.example',
    FROM_ADDRESS: 'not-today@mail.sam-lee.example',
    INBOUND_ADDRESS: 'not-today@in.sam-lee.example',
    SIGNING_KEYS: '{"k1":"0123456789abcdef0123456789abcdef"}',
  };

  it('builds the owner settings from config, with the parsed cadence', () => {
    // Prepare
    const config = parseConfig({
      ...MINIMAL_ENV,
      ACTIONS_BASE_URL: 'https://abc.lambda-url.eu-west-1.on.aws/',
      CADENCE: 'checkins=2mo,4mo;quietAfter=3',
      TIME_ZONE: 'Europe/Berlin',
    });

    // Act
    const owner = ownerSettingsOf(config);

    // Assess
    expect(owner).toMatchObject({
      ownerId: 'owner',
      addresses: ['sam.lee@mailbox.example'],
      timeZone: 'Europe/Berlin',
      actionsBaseUrl: 'https://abc.lambda-url.eu-west-1.on.aws',
    });
    expect(owner.cadence.checkInMonths).toEqual([2, 4]);
    expect(owner.cadence.quietAfterUnanswered).toBe(3);
  });

  it('lets only a caller with a fallback (the actions function) do without ACTIONS_BASE_URL', () => {
    // Prepare
    const config = parseConfig(MINIMAL_ENV);

    // Act
    const withFallback = ownerSettingsOf(config, 'https://abc.lambda-url.eu-west-1.on.aws');
    const withoutFallback = (): unknown => ownerSettingsOf(config);

    // Assess
    expect(withFallback.actionsBaseUrl).toBe('https://abc.lambda-url.eu-west-1.on.aws');
    expect(withoutFallback).toThrow(/ACTIONS_BASE_URL/);
  });
});

describe('requestBaseUrlOf', () => {
  it('takes the Function URL host of the request, and refuses anything that is not a host name', () => {
    // Prepare
    const event = { requestContext: { domainName: 'abc.lambda-url.eu-west-1.on.aws' } };
    const hostile = { requestContext: { domainName: 'evil.example/path?x=' } };

    // Act
    const fromEvent = requestBaseUrlOf(event);
    const fromHostile = requestBaseUrlOf(hostile);
    const fromNothing = requestBaseUrlOf({});

    // Assess
    expect(fromEvent).toBe('https://abc.lambda-url.eu-west-1.on.aws');
    expect(fromHostile).toBeUndefined();
    expect(fromNothing).toBeUndefined();
  });
});
