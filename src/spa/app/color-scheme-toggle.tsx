import { ActionIcon, Box, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useI18n } from '../shared/i18n/i18n-context.ts';
import './shell-messages.ts';

/**
 * Light/dark switch. Both icons are rendered and Mantine's global classes hide the wrong one, so the
 * icon is right on the first paint even before the computed scheme is known.
 */
export function ColorSchemeToggle() {
  const { t } = useI18n();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true });
  return (
    <ActionIcon variant="default" size="lg" aria-label={t('header.toggleColorScheme')} onClick={() => setColorScheme(computed === 'dark' ? 'light' : 'dark')}>
      <Box component="span" darkHidden display="flex">
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
        </svg>
      </Box>
      <Box component="span" lightHidden display="flex">
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <circle cx="12" cy="12" r="4" />
          <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
        </svg>
      </Box>
    </ActionIcon>
  );
}
