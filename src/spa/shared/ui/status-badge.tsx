import { Badge, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Tooltip } from './tooltip.tsx';

/**
 * How an operator reads a status at a glance, for every resource alike: working, moving on its own,
 * broken, or parked (and anything the console does not know).
 */
export type StatusTone = 'ok' | 'moving' | 'failed' | 'idle';

/** The one place status colours are chosen. */
export const STATUS_TONE_COLORS: Record<StatusTone, string> = {
  ok: 'green',
  moving: 'blue',
  failed: 'red',
  idle: 'gray',
};

/** What a badge says about a status: its label, and in the tooltip its meaning and what to do. */
export interface StatusDescription {
  tone: StatusTone;
  label: string;
  meaning: string;
  /** What the operator can do about it, when anything. */
  todo?: string | undefined;
  /** The cloud's own words, when it says why (reason, message). */
  details?: readonly string[] | undefined;
}

/**
 * A status as a coloured badge with its meaning in a tooltip. The badge takes keyboard focus so the
 * tooltip is reachable without a mouse (screen readers get the same text through aria-describedby).
 */
export function StatusBadge({ status, size }: { status: StatusDescription; size?: 'sm' | 'md' }) {
  const lines: ReactNode[] = [status.meaning, ...(status.details ?? []), ...(status.todo ? [status.todo] : [])];
  return (
    <Tooltip
      label={
        <Stack gap={4}>
          {lines.map((line, index) => (
            <Text key={index} size="sm">
              {line}
            </Text>
          ))}
        </Stack>
      }
    >
      <Badge
        tabIndex={0}
        size={size}
        color={STATUS_TONE_COLORS[status.tone]}
        variant={status.tone === 'idle' ? 'outline' : 'light'}
        leftSection={status.tone === 'moving' ? <Loader size={10} color={STATUS_TONE_COLORS.moving} aria-hidden /> : undefined}
        style={{ cursor: 'help', textTransform: 'none' }}
        // The light variant's coloured text is under 4.5:1 on its own tint (WCAG AA): the tint carries the
        // colour, the label is in the text colour of the scheme.
        styles={status.tone === 'idle' ? undefined : { label: { color: 'var(--mantine-color-text)' } }}
      >
        {status.label}
      </Badge>
    </Tooltip>
  );
}
