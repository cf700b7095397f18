import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { UnavailableArea } from '../../shared/ui/unavailable-area.tsx';
import './releases-messages.ts';

/** Releases: not part of this version of the console, and the page says so plainly. */
export function ReleasesPage() {
  const { t } = useI18n();
  return <UnavailableArea title={t('releases.title')} description={t('releases.description')} />;
}
