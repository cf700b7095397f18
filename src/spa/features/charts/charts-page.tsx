import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { UnavailableArea } from '../../shared/ui/unavailable-area.tsx';
import './charts-messages.ts';

/** Charts: not part of this version of the console, and the page says so plainly. */
export function ChartsPage() {
  const { t } = useI18n();
  return <UnavailableArea title={t('charts.title')} description={t('charts.description')} />;
}
