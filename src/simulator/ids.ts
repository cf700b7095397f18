import type { Clock } from './time.ts';
import { hashString } from './time.ts';

/** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
const UUID_EPOCH_OFFSET_MS = 12_219_292_800_000n;

/**
 * A version-1 UUID for a time, as CCE issues them: cluster and job ids in the reference look like
 * `e18f8b25-2270-11ef-a160-0255ac100100` — time-based, with a node part starting `0255ac10`.
 */
export function uuidV1At(ms: number, sub100ns: number, clockSeq: number, nodeSuffix: number): string {
  const ts = (BigInt(Math.floor(ms)) + UUID_EPOCH_OFFSET_MS) * 10_000n + BigInt(sub100ns % 10_000);
  const timeLow = (ts & 0xffffffffn).toString(16).padStart(8, '0');
  const timeMid = ((ts >> 32n) & 0xffffn).toString(16).padStart(4, '0');
  const timeHi = (((ts >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, '0');
  const seq = ((clockSeq & 0x3fff) | 0x8000).toString(16).padStart(4, '0');
  const node = `0255ac10${(nodeSuffix & 0xffff).toString(16).padStart(4, '0')}`;
  return `${timeLow}-${timeMid}-${timeHi}-${seq}-${node}`;
}

/** Default id source: time-based ids on the simulator's clock, unique within the process. */
export function createIdGenerator(clock: Clock): () => string {
  const random = crypto.getRandomValues(new Uint16Array(2));
  const clockSeq = random[0]!;
  const node = random[1]!;
  let lastMs = -1;
  let counter = 0;
  return () => {
    const ms = clock.now();
    counter = ms === lastMs ? counter + 1 : 0;
    lastMs = ms;
    return uuidV1At(ms, counter, clockSeq, node);
  };
}

/** A deterministic v1-style id for seed data: the same key always gives the same id. */
export function seededUuidV1(key: string, ms: number): string {
  const h = hashString(key);
  return uuidV1At(ms, h % 10_000, hashString(`${key}/seq`), hashString(`${key}/node`));
}

/** A deterministic random-looking (v4-style) id for seed data such as VPCs, subnets and EIPs. */
export function seededUuidV4(key: string): string {
  const hex = [0, 1, 2, 3].map((i) => hashString(`${key}#${i}`).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
