/** Source of "now" for every lifecycle decision; tests pass a fake one and jump it forward. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can move: `clock.advance(30_000)`. */
export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Formats a time the way CCE prints it — Go's `time.Time.String()` in UTC, e.g.
 * `2024-06-04 12:49:28.773718231 +0000 UTC` — not ISO 8601 (reference quirk 26). Milliseconds are all
 * a JS clock has; the remaining sub-millisecond digits are derived from `salt` so that two fields of
 * one object differ the way real ones do, while staying deterministic for tests.
 */
export function formatCceTimestamp(ms: number, salt = ''): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const sub = fnv1a(salt) % 1_000_000;
  // The reference shows both 6- and 9-digit fractions; vary the width by salt like Go trims zeros.
  const fraction = `${pad(d.getUTCMilliseconds(), 3)}${pad(sub, 6)}`;
  const digits = fnv1a(`${salt}#w`) % 2 === 0 ? fraction : fraction.slice(0, 6);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${digits} +0000 UTC`;
}

/** ISO 8601 with microseconds, as IAM prints `expires_at` (`2024-06-05T12:49:28.773000Z`). */
export function formatIamTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Stable 32-bit hash, exported for deterministic seed data. */
export const hashString = fnv1a;
