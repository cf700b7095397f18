import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../contract/signing.ts';
import { nodeCryptoPrimitives } from './node-crypto.ts';

async function webHmac(key: string, data: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return Buffer.from(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data))).toString('hex');
}

describe('nodeCryptoPrimitives', () => {
  const inputs: (string | Uint8Array)[] = ['', 'abc', 'ü测试😀\n', 'x'.repeat(100_000), new Uint8Array([0, 255, 13, 10]), new Uint8Array(0)];

  it('hashes exactly like the contract’s Web Crypto sha256Hex', async () => {
    for (const input of inputs) expect(nodeCryptoPrimitives.sha256Hex(input)).toBe(await sha256Hex(input));
    expect(nodeCryptoPrimitives.sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('computes HMAC-SHA256 exactly like Web Crypto, for unicode keys and data too', async () => {
    for (const [key, data] of [
      ['SKEXAMPLE', 'SDK-HMAC-SHA256\n20260102T030405Z\nabc'],
      ['ключ/+=', 'ü测试'],
      ['k', ''],
    ] as const) {
      expect(nodeCryptoPrimitives.hmacSha256Hex(key, data)).toBe(await webHmac(key, data));
    }
  });
});
