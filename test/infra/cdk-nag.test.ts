/**
 * The full offline synth, as `cdk synth` does it: both stacks, the three functions bundled
 * by the local esbuild, and cdk-nag's AwsSolutions checks. Zero unacknowledged findings,
 * every acknowledgement with a one-sentence reason, and bundles that hold the handler and the templates.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PublicEndpointChecks } from '../../infra/nag/public-endpoint-checks.js';
import { STATELESS_STACK_NAME } from '../../infra/not-today-app.js';
import { type BuiltApp, buildTestApp } from './support/build-app.js';
import { PRECOMPILED_TEMPLATES_FILE } from '../../functions/core/rendering/template-files.js';
import { fileOfUnitKey } from '../../functions/core/rendering/template-set.js';
import { loadTemplates } from '../../functions/runtime/load-templates.js';

/** A reason shorter than this cannot say why. */
const MIN_REASON_LENGTH = 40;
const REPO_TEMPLATES = resolve(import.meta.dirname, '../../templates');

let built: BuiltApp;
let assembly: CloudAssembly;

/** Every acknowledgement recorded anywhere in a construct tree: rule id -> reason, with its path. */
function acknowledgementsIn(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

/** Relative paths of every file under a directory. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

beforeAll(() => {
  // Prepare: build with real bundling and synthesize the cloud assembly once.
  built = buildTestApp({ bundle: true });
  assembly = built.app.synth();
});

describe('cdk-nag', () => {
  it.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['the public-endpoint rules', () => new PublicEndpointChecks()],
  ])('%s finds nothing unacknowledged: no errors and no warnings', (_pack, createPack) => {
    // Act
    const report = createPack().validateScope(built.app);

    // Assess
    expect(
      report.violations.map(
        (violation) => `${violation.ruleName} at ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
      ),
    ).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('left no violation in the validation report the synth wrote', () => {
    // Act
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations?: unknown[] }[];
    };

    // Assess
    expect(report.pluginReports.flatMap((plugin) => plugin.violations ?? [])).toEqual([]);
  });

  it('does flag what it should (an unlogged bucket, a public Function URL), so the checks above can fail', () => {
    // Prepare
    const app = new App();
    const stack = new Stack(app, 'Careless');
    new s3.Bucket(stack, 'Bucket');

    new lambda.Function(stack, 'Open', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('export const handler = async () => 1;'),
    }).addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });

    // Act
    const solutions = new AwsSolutionsChecks().validateScope(app);
    const endpoints = new PublicEndpointChecks().validateScope(app);

    // Assess
    expect(solutions.violations.map((violation) => violation.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
    expect(endpoints.violations.map((violation) => violation.ruleName)).toEqual(
      expect.arrayContaining(['NotTodayPublicEndpoints-LambdaFunctionUrlAuth', 'NotTodayPublicEndpoints-LambdaFunctionPublicAccessProhibited']),
    );
  });

  it('has every acknowledgement name one finding and give its reason in one sentence', () => {
    // Act
    const acknowledgements = acknowledgementsIn(built.app);

    // Assess
    expect(acknowledgements.map((ack) => ack.id.replace(/\[.*$/, '')).sort()).toEqual(
      [
        'AwsSolutions-IAM4', // the aws-cdk-lib custom-resource provider's managed basic execution role
        'AwsSolutions-IAM5', // X-Ray, inbound
        'AwsSolutions-IAM5', // X-Ray, dispatch
        'AwsSolutions-IAM5', // X-Ray, actions
        'AwsSolutions-IAM5', // raw mail under inbound/*
        'AwsSolutions-IAM5', // ses:SetActiveReceiptRuleSet
        'NotTodayPublicEndpoints-LambdaFunctionUrlAuth', // the actions URL: HMAC-signed tokens
        'NotTodayPublicEndpoints-LambdaFunctionPublicAccessProhibited', // its invoke-function-url permission
        'NotTodayPublicEndpoints-LambdaFunctionPublicAccessProhibited', // its invoke-function permission
        'AwsSolutions-S1', // the access-log bucket
        'AwsSolutions-SQS3', // the failure queue is itself the destination
      ].sort(),
    );
    for (const ack of acknowledgements) {
      expect(ack.id).toMatch(/^(AwsSolutions-[A-Z]+\d+|NotTodayPublicEndpoints-Lambda[A-Za-z]+)(\[.+\])?$/);
      expect(ack.reason.length).toBeGreaterThan(MIN_REASON_LENGTH);
      expect(ack.reason).toMatch(/\.$/);
      expect(ack.reason).not.toMatch(/\.\s+\S/); // a single sentence
    }
  });
});

describe('the bundles', () => {
  const functionAssets = (): { id: string; dir: string; handler: string }[] => {
    const template = assembly.getStackByName(STATELESS_STACK_NAME).template as {
      Resources: Record<string, { Type: string; Properties: { Handler?: string; Code?: { S3Key?: string } } }>;
    };
    // A function's code is staged as asset.<hash> and uploaded as <hash>.zip.
    return Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.Handler === 'index.handler')
      .map(([id, resource]) => ({
        id,
        dir: join(assembly.directory, `asset.${resource.Properties.Code!.S3Key!.replace(/\.zip$/, '')}`),
        handler: resource.Properties.Handler!,
      }));
  };

  it('are ESM files exporting the handler, with the CommonJS require shim', () => {
    // Act
    const assets = functionAssets();

    // Assess
    expect(assets).toHaveLength(3);
    for (const asset of assets) {
      const code = readFileSync(join(asset.dir, 'index.mjs'), 'utf8');
      expect(asset.handler).toBe('index.handler');
      expect(code.startsWith('import { createRequire as __notTodayCreateRequire }')).toBe(true);
      expect(code).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
      expect(existsSync(join(asset.dir, 'index.js'))).toBe(false);
      // Code split: what only some invocations need (the renderer, MailComposer) is in chunks/.
      expect(existsSync(join(asset.dir, 'chunks'))).toBe(true);
    }
  });

  it('load on their own in a bare Node.js (no node_modules, no environment) and export a handler function', () => {
    // Prepare: copy each bundle away from the repository, so nothing can resolve from node_modules.
    const copies = functionAssets().map((asset) => {
      const copy = join(mkdtempSync(join(tmpdir(), 'not-today-bundle-')), 'task');
      cpSync(asset.dir, copy, { recursive: true });
      return copy;
    });

    // Act
    const loads = copies.map((copy) =>
      spawnSync(
        process.execPath,
        ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(copy, 'index.mjs')).href)}); console.log(typeof m.handler);`],
        { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
      ),
    );

    // Assess
    for (const load of loads) {
      expect(load.stderr).toBe('');
      expect(load.stdout.trim()).toBe('function');
    }
  });

  it('each carry an exact copy of templates/, and the templates compiled at build beside it', () => {
    // Prepare
    const expected = filesUnder(REPO_TEMPLATES).sort();

    // Act
    const copies = functionAssets().map((asset) => join(asset.dir, 'templates'));

    // Assess
    expect(expected.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(filesUnder(copy).sort()).toEqual([...expected, PRECOMPILED_TEMPLATES_FILE].sort());
      for (const file of expected) {
        expect(readFileSync(join(copy, file), 'utf8')).toBe(readFileSync(join(REPO_TEMPLATES, file), 'utf8'));
      }
    }
  });

  it('carry compiled templates that load in a bare Node.js, each made from the copied file', () => {
    for (const asset of functionAssets()) {
      // Prepare: what the runtime compares an entry with (loadTemplates reads the .hbs files)
      const copy = join(asset.dir, 'templates');
      const sources = loadTemplates(copy);

      // Act: load the compiled module alone, as the runtime does, and list each entry's source
      const load = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(pathToFileURL(join(copy, PRECOMPILED_TEMPLATES_FILE)).href)}); console.log(JSON.stringify(Object.fromEntries(Object.entries(m.default).map(([key, entry]) => [key, [entry.source, typeof entry.spec.main]]))));`,
        ],
        { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
      );
      const entries = Object.entries(JSON.parse(load.stdout) as Record<string, [string, string]>);

      // Assess: every prompt template file (pages are compiled by the page renderer) is there compiled, from its own text
      expect(load.stderr).toBe('');
      for (const [key, [source, main]] of entries) {
        expect(main).toBe('function');
        const file = fileOfUnitKey(key)!;
        if (!key.includes('#')) expect(source).toBe(sources[file]);
        else expect(sources[file]).toContain(source);
      }
      const compiledFiles = new Set(entries.map(([key]) => fileOfUnitKey(key)));
      expect([...compiledFiles].sort()).toEqual(Object.keys(sources).filter((file) => !file.startsWith('pages/')).sort());
    }
  });
});
