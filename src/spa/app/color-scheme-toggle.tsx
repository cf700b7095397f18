import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useI18n } from '../shared/i18n/i18n-context.ts';
import './shell-messages.ts';

/**
 * "Dark mode", a toggle button: screen readers hear whether it is on (`aria-pressed`). One icon shows
 * at a time — a moon while light, a sun while dark — chosen by Mantine's scheme classes, so it is
 * right on the first paint even before the computed scheme is known.
 */
export function ColorSchemeToggle() {
  const { t } = useI18n();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true });
  const dark = computed === 'dark';
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={t('header.toggleColorScheme')}
      aria-pressed={dark}
      onClick={() => setColorScheme(dark ? 'light' : 'dark')}
    >
      <IconMoon size={18} aria-hidden="true" className="mantine-dark-hidden" />
      <IconSun size={18} aria-hidden="true" className="mantine-light-hidden" />
    </ActionIcon>
  );
}
