import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { UnavailableArea } from '../../shared/ui/unavailable-area.tsx';
import './addons-messages.ts';

/** Add-ons: not part of this version of the console, and the page says so plainly. */
export function AddonsPage() {
  const { t } = useI18n();
  return <UnavailableArea title={t('addons.title')} description={t('addons.description')} />;
}
