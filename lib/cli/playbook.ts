import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { formatProblem, loadPlaybook } from '../playbook/load';
import { fromBase64, generateKeyPair, publicKeyOf, signText, verifyText } from '../playbook/signature';

const USAGE = `usage: npm run -s cli -- playbook <command>

  lint FILE                          check a playbook; exit 0 when valid (warnings allowed), 1 when not
  keygen [--out PREFIX]              new Ed25519 key pair: PREFIX.key (private, keep it secret) and PREFIX.pub
  sign FILE --key KEY [--out SIG]    write FILE.sig; KEY is a .key file or the base64 private key
  verify FILE --pub PUB [--sig SIG]  check FILE.sig; PUB is a .pub file or the base64 public key`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `--key value` pairs after the positional arguments. */
function parseArgs(args: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) flags.set(arg.slice(2), '');
      else {
        flags.set(arg.slice(2), next);
        i++;
      }
    } else positional.push(arg);
  }
  return { positional, flags };
}

/** A key given as a file path or inline base64; a path wins when such a file exists. */
function readKey(value: string): string {
  if (existsSync(value)) return readFileSync(value, 'utf8').trim();
  if (fromBase64(value)) return value.trim();
  throw new Error(`no key file "${value}", and it is not base64 either`);
}

function readText(file: string): string {
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  // Exact bytes as UTF-8 text: the signature covers exactly what staff browsers will receive.
  return readFileSync(file, 'utf8');
}

function lint(file: string, io: Io): number {
  const text = readText(file);
  const res = loadPlaybook(text, { format: file.endsWith('.json') ? 'json' : undefined });
  for (const w of res.warnings) io.err(formatProblem(w));
  if (!res.ok) {
    for (const e of res.errors) io.err(formatProblem(e));
    io.err(`${file}: invalid: ${res.errors.length} error(s), ${res.warnings.length} warning(s)`);
    return 1;
  }
  const p = res.playbook;
  io.out(
    `${file}: ok: "${p.name}" version ${p.version}, ${p.responses.length} responses, ` +
      `${p.offers.length} offers, ${res.warnings.length} warning(s)`,
  );
  return 0;
}

async function keygen(prefix: string, io: Io): Promise<number> {
  const keyFile = `${prefix}.key`;
  const pubFile = `${prefix}.pub`;
  for (const f of [keyFile, pubFile]) {
    if (existsSync(f)) {
      io.err(`${f} already exists; choose another --out prefix (keys are never overwritten)`);
      return 1;
    }
  }
  const pair = await generateKeyPair();
  writeFileSync(keyFile, `${pair.privateKey}\n`, { mode: 0o600 });
  writeFileSync(pubFile, `${pair.publicKey}\n`);
  io.out(`private key: ${keyFile} (keep it secret; whoever holds it can publish playbooks)`);
  io.out(`public key:  ${pubFile}`);
  io.out(pair.publicKey);
  return 0;
}

async function sign(file: string, keyArg: string, out: string, io: Io): Promise<number> {
  const text = readText(file);
  const res = loadPlaybook(text, { format: file.endsWith('.json') ? 'json' : undefined });
  if (!res.ok) {
    for (const e of res.errors) io.err(formatProblem(e));
    io.err(`${file}: not signed: fix the errors first`);
    return 1;
  }
  const key = readKey(keyArg);
  const signature = await signText(text, key);
  writeFileSync(out, `${signature}\n`);
  io.out(`signed ${file} (version ${res.playbook.version}) -> ${out}`);
  io.out(`public key: ${await publicKeyOf(key)}`);
  return 0;
}

async function verify(file: string, pubArg: string, sigFile: string, io: Io): Promise<number> {
  const text = readText(file);
  if (!existsSync(sigFile)) {
    io.err(`${file}: not signed: no signature file ${sigFile}`);
    return 1;
  }
  const verdict = await verifyText(text, readFileSync(sigFile, 'utf8'), readKey(pubArg));
  if (!verdict.ok) {
    io.err(`${file}: ${verdict.message}`);
    return 1;
  }
  io.out(`${file}: signature ok (${sigFile})`);
  return 0;
}

export async function run(args: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = args;
  const { positional, flags } = parseArgs(rest);
  const file = positional[0];
  try {
    switch (command) {
      case 'lint':
        if (!file) break;
        return lint(file, io);
      case 'keygen':
        return await keygen(flags.get('out') || 'playbook-signing', io);
      case 'sign': {
        const key = flags.get('key');
        if (!file || !key) break;
        return await sign(file, key, flags.get('out') || `${file}.sig`, io);
      }
      case 'verify': {
        const pub = flags.get('pub');
        if (!file || !pub) break;
        return await verify(file, pub, flags.get('sig') || `${file}.sig`, io);
      }
    }
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
  io.err(USAGE);
  return 2;
}
