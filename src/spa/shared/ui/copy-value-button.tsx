import { ActionIcon, CopyButton } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useI18n } from '../i18n/i18n-context.ts';
import { Tooltip } from './tooltip.tsx';
import '../i18n/shared-messages.ts';

/**
 * The one copy button: an icon button named for what it copies ("Copy request ID"), confirming with a
 * check mark and "Copied" (tooltip and name) for two seconds.
 */
export function CopyValueButton({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('common.copied') : label}>
          <ActionIcon variant="subtle" size="sm" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={copied ? t('common.copied') : label}>
            {copied ? <IconCheck size={14} aria-hidden="true" /> : <IconCopy size={14} aria-hidden="true" />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
