/**
 * Ed25519 detached signatures over the exact UTF-8 bytes of a playbook file, with WebCrypto so the same code
 * runs in the service worker, the options page and Node.
 *
 * How a signature travels:
 * - a file `playbook.yaml` is signed into `playbook.yaml.sig` (one line of base64);
 * - a subscribed URL `https://host/p.yaml` has its signature at `https://host/p.yaml.sig`;
 * - an inline policy playbook carries it in the `playbookSignature` policy field.
 * Keys are base64: the public key as the raw 32 bytes, the private key as PKCS#8.
 */

const ALGORITHM = { name: 'Ed25519' } as const;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return undefined;
  try {
    const binary = atob(clean);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

export async function generateKeyPair(subtle: SubtleCrypto = crypto.subtle): Promise<KeyPair> {
  const pair = (await subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pub = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  const priv = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKey: toBase64(pub), privateKey: toBase64(priv) };
}

export class SignatureError extends Error {
  override name = 'SignatureError';
}

async function importPrivateKey(privateKey: string, subtle: SubtleCrypto): Promise<CryptoKey> {
  const bytes = fromBase64(privateKey);
  if (!bytes) throw new SignatureError('the private key is not valid base64');
  try {
    return await subtle.importKey('pkcs8', bytes, ALGORITHM, false, ['sign']);
  } catch {
    throw new SignatureError('the private key is not an Ed25519 PKCS#8 key');
  }
}

async function importPublicKey(publicKey: string, subtle: SubtleCrypto): Promise<CryptoKey> {
  const bytes = fromBase64(publicKey);
  if (bytes?.length !== 32) {
    throw new SignatureError('the public key must be 32 bytes of base64 (an Ed25519 raw public key)');
  }
  try {
    return await subtle.importKey('raw', bytes, ALGORITHM, false, ['verify']);
  } catch {
    throw new SignatureError('the public key is not a valid Ed25519 key');
  }
}

/** The public half of a private key, so a manager can check which key they hold. */
export async function publicKeyOf(privateKey: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const bytes = fromBase64(privateKey);
  if (!bytes) throw new SignatureError('the private key is not valid base64');
  let key: CryptoKey;
  try {
    key = await subtle.importKey('pkcs8', bytes, ALGORITHM, true, ['sign']);
  } catch {
    throw new SignatureError('the private key is not an Ed25519 PKCS#8 key');
  }
  const jwk = await subtle.exportKey('jwk', key);
  if (!jwk.x) throw new SignatureError('the private key does not contain its public key');
  const b64 = jwk.x.replace(/-/g, '+').replace(/_/g, '/');
  return b64 + '='.repeat((4 - (b64.length % 4)) % 4);
}

export async function signText(
  text: string,
  privateKey: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<string> {
  const key = await importPrivateKey(privateKey, subtle);
  const sig = new Uint8Array(await subtle.sign(ALGORITHM, key, utf8(text)));
  return toBase64(sig);
}

export type VerifyResult = { ok: true } | { ok: false; message: string };

/**
 * Checks `signature` over `text`. Distinguishes a missing signature, a malformed one and one that does not
 * match, because each needs a different fix from the manager.
 */
export async function verifyText(
  text: string,
  signature: string | undefined,
  publicKey: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<VerifyResult> {
  let key: CryptoKey;
  try {
    key = await importPublicKey(publicKey, subtle);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  if (signature === undefined || signature.trim() === '') {
    return {
      ok: false,
      message: 'the playbook is not signed, but a public key is pinned: a signature is required',
    };
  }
  const sig = fromBase64(signature);
  if (sig?.length !== 64) {
    return { ok: false, message: 'the signature is malformed (expected 64 bytes of base64)' };
  }
  const valid = await subtle.verify(ALGORITHM, key, sig, utf8(text));
  return valid
    ? { ok: true }
    : {
        ok: false,
        message:
          'the signature does not match: the playbook was changed after signing or signed with another key',
      };
}
