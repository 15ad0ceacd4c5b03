import { describe, expect, it } from 'vitest';
import {
  fromBase64,
  generateKeyPair,
  publicKeyOf,
  signText,
  verifyText,
} from '../../../lib/playbook/signature';

describe('Ed25519 signatures', () => {
  it('produces a raw 32-byte public key and a PKCS#8 private key, both base64', async () => {
    const keys = await generateKeyPair();
    expect(fromBase64(keys.publicKey)?.length).toBe(32);
    expect(fromBase64(keys.privateKey)?.length).toBeGreaterThan(32);
    expect(await publicKeyOf(keys.privateKey)).toBe(keys.publicKey);
  });

  it('verifies a signature over the exact text, including non-ASCII characters', async () => {
    const keys = await generateKeyPair();
    const text = 'name: Café Olé ☕\nversion: "1"\n';
    const sig = await signText(text, keys.privateKey);
    expect(fromBase64(sig)?.length).toBe(64);
    expect(await verifyText(text, `${sig}\n`, keys.publicKey)).toEqual({ ok: true });
  });

  it('fails when a single byte changes, even trailing whitespace', async () => {
    const keys = await generateKeyPair();
    const text = 'version: "1"\n';
    const sig = await signText(text, keys.privateKey);
    const res = await verifyText(`${text} `, sig, keys.publicKey);
    expect(res.ok).toBe(false);
  });

  it('explains a bad public key instead of throwing', async () => {
    const res = await verifyText('x', 'AAAA', 'c2hvcnQ=');
    expect(res).toEqual({ ok: false, message: expect.stringContaining('32 bytes') });
  });

  it('refuses to sign with something that is not a private key', async () => {
    await expect(signText('x', 'bm90IGEga2V5')).rejects.toThrow('PKCS#8');
  });
});
