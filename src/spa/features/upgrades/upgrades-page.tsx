import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { UnavailableArea } from '../../shared/ui/unavailable-area.tsx';
import './upgrades-messages.ts';

/** Upgrades: not part of this version of the console, and the page says so plainly. */
export function UpgradesPage() {
  const { t } = useI18n();
  return <UnavailableArea title={t('upgrades.title')} description={t('upgrades.description')} />;
}
