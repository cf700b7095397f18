import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.ts';
import '../i18n/shared-messages.ts';

/** Shown while a page's code is being fetched (first load, or the first visit to a lazy page). */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useI18n();
  return (
    <Center h={fullScreen ? '100vh' : 200} role="status">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}
