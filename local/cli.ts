/**
 * The `not-today` command-line tool: one entry, one subcommand per file in local/commands/.
 * Subcommands are imported lazily so `parse` does not load the local servers and vice versa.
 */
type Command = {
  summary: string;
  load: () => Promise<{ run: (argv: string[]) => Promise<number> }>;
};

const commands: Record<string, Command> = {
  start: { summary: 'run the whole product locally (SMTP, actions, mail viewer, scheduler)', load: () => import('./commands/start.js') },
  demo: { summary: 'forward the sample rejections into the running local stack', load: () => import('./commands/demo.js') },
  list: { summary: 'list every contact of the running local stack [--json]', load: () => import('./commands/list.js') },
  tick: { summary: 'move the local clock [--advance 3mo] and run the dispatcher now', load: () => import('./commands/tick.js') },
  ingest: { summary: 'feed saved .eml files (or a folder) through the SMTP path', load: () => import('./commands/ingest.js') },
  parse: { summary: 'print what Not Today understands of .eml files', load: () => import('./commands/parse.js') },
  eval: { summary: 'measure extraction accuracy against ../shared/corpus', load: () => import('./commands/eval.js') },
};

function printUsage(): void {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`);
  process.stdout.write(`usage: not-today <command> [options]\n\ncommands:\n${lines.join('\n')}\n`);
}

/** Runs one subcommand; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printUsage();
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`not-today: unknown command "${name}"\n`);
    printUsage();
    return 2;
  }
  const module = await command.load();
  return module.run(rest);
}
