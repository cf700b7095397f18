import { upgradeBatchSizes } from '../../../contract/upgrades.ts';

/** A remaining time as `m:ss` (or `h:mm:ss`); `0:00` once it has passed. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The batch ramp of an in-place upgrade, written out: `1, 2, 4, 8, 16, 20 × 3, 9` — repeated full
 * batches are folded so a 500-node preview stays one line.
 */
export function rampText(nodes: number, step: number): string {
  const sizes = upgradeBatchSizes(nodes, step);
  const parts: string[] = [];
  for (let i = 0; i < sizes.length;) {
    let j = i;
    while (j + 1 < sizes.length && sizes[j + 1] === sizes[i]) j++;
    const count = j - i + 1;
    parts.push(count > 1 ? `${sizes[i]} × ${count}` : String(sizes[i]));
    i = j + 1;
  }
  return parts.join(', ');
}
