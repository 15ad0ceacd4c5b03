/**
 * `npm run -s cli -- <command> …`: one entry, one module per command family. Each module exports
 * `run(args: string[]): Promise<number>` and returns the process exit code.
 */
type CommandModule = { run(args: string[]): Promise<number> };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  playbook: () => import('./playbook'),
  classify: () => import('./analysis').then((m) => ({ run: (a: string[]) => m.run(['classify', ...a]) })),
  promo: () => import('./analysis').then((m) => ({ run: (a: string[]) => m.run(['promo', ...a]) })),
  suggest: () => import('./analysis').then((m) => ({ run: (a: string[]) => m.run(['suggest', ...a]) })),
  check: () => import('./analysis').then((m) => ({ run: (a: string[]) => m.run(['check', ...a]) })),
  extract: () => import('./extract'),
};

const USAGE = `usage: npm run -s cli -- <command> [options]

commands:
  playbook lint FILE | keygen | sign FILE --key KEY | verify FILE --pub PUB
  classify [--in FILE]                     JSON Lines {"id","text"} -> intent, sentiment, complaint
  promo [--playbook F] [--in FILE]         JSON Lines {"id","text"} -> promotion score and reasons
  suggest --playbook F [--k 3] [--platform x|facebook] [--in FILE]
  check --playbook F [--platform x|facebook] [--in FILE]
  extract --site x|facebook FILE.html [--brand NAME]...`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
