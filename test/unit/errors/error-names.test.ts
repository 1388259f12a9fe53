/**
 * Every AppError subclass says its own name, also in the deployed bundles, which esbuild
 * minifies without keeping class names (infra/bundling-options.ts): a log line reading
 * `errorName: "t"` would be no use to anyone. The modules are bundled and minified here the
 * same way, in memory, and the classes are built from that build.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTION_BUNDLING } from '../../../infra/bundling-options.js';

/** Every module that declares AppError subclasses, and how to build each class it exports. */
const ERROR_MODULES = {
  'functions/core/errors.ts': {
    InvalidInputError: ['bad input'],
    MailTooLargeError: [20, 10],
    NotFoundError: ['missing'],
    ConflictError: ['lost a race'],
    InvalidTokenError: ['tampered', 'bad-signature'],
    TransientError: ['try again'],
    ConfigError: [['NAME: missing']],
  },
  'functions/core/understanding/understanding-errors.ts': {
    EmptyMessageError: [],
    NotAnEmailError: ['not mail'],
    MalformedMimeError: ['broken'],
  },
  'functions/core/rendering/template-files.ts': { TemplateError: ['bad template', 'x.hbs'] },
  'functions/core/links/link-signer.ts': { ExpiredTokenError: [{}] },
  'local/stack/local-stack-errors.ts': {
    PortInUseError: ['SMTP', 2525, '--smtp-port', 'NOT_TODAY_SMTP_PORT'],
    StackNotRunningError: ['http://127.0.0.1:3000'],
    UsageError: ['bad flag'],
  },
} as const satisfies Record<string, Record<string, readonly unknown[]>>;

type ErrorClass = new (...args: unknown[]) => Error;

async function importMinified(): Promise<Record<string, unknown>> {
  const entry = Object.keys(ERROR_MODULES)
    .map((file, index) => `export * as m${index} from './${file}';`)
    .join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    minify: true,
    keepNames: FUNCTION_BUNDLING.keepNames,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
}

describe('error names in a minified build', () => {
  it('every AppError subclass of every error module is listed and names itself', async () => {
    // Prepare
    const bundle = await importMinified();
    const modules = Object.entries(ERROR_MODULES);
    const appError = (bundle['m0'] as Record<string, unknown>)['AppError'];

    // Act
    const seen = modules.map(([file, classes], index) => {
      const exports = bundle[`m${index}`] as Record<string, unknown>;
      const appErrors = Object.entries(exports).filter(
        ([, value]) => typeof value === 'function' && value !== appError && value.prototype instanceof Error,
      );
      const names = appErrors.map(([exportName, value]) => {
        const args = (classes as Record<string, readonly unknown[]>)[exportName];
        return { file, exportName, listed: args !== undefined, name: args ? new (value as ErrorClass)(...args).name : null };
      });
      return names;
    });

    // Assess
    const all = seen.flat();
    expect(all.length).toBe(modules.reduce((sum, [, classes]) => sum + Object.keys(classes).length, 0));
    for (const { file, exportName, listed, name } of all) {
      expect(listed, `${file}: ${exportName} is not listed in ERROR_MODULES`).toBe(true);
      expect(name, `${file}: ${exportName}`).toBe(exportName);
    }
  });
});
