import { Alert, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Publicip } from '../../../contract/network.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { Translator } from '../../shared/i18n/i18n.ts';
import { describeError } from '../../shared/ui/error-message.ts';
import { freeEips } from './network-options.ts';
import { networkQueries } from './network-queries.ts';
import './network-messages.ts';

function eipLabel(eip: Publicip, t: Translator['t']): string {
  const address = eip.public_ip_address ?? eip.id;
  if (eip.bandwidth_size === undefined) return address;
  const share = t(eip.bandwidth_share_type === 'WHOLE' ? 'network.eipShare.shared' : 'network.eipShare.dedicated');
  return t('network.eipOption', { address, size: eip.bandwidth_size, share });
}

/**
 * Offers the free (unbound) elastic IPs by address; choosing one hands its id to `onPick`. Bound ones
 * are never offered. When the VPC service refuses the look-up (an account without VPC permissions)
 * it says so, and the form's own ID field stays the way to name one.
 */
export function FreeEipPicker({ value, onPick }: { value: string; onPick: (id: string) => void }) {
  const { t } = useI18n();
  const eips = useQuery(networkQueries.eips());
  if (eips.isError) {
    return (
      <Alert color="yellow" variant="light">
        {t('network.eipsUnavailable', { reason: describeError(eips.error, t) })}
      </Alert>
    );
  }
  const free = freeEips(eips.data?.publicips ?? []);
  const none = eips.isSuccess && free.length === 0;
  return (
    <Select
      label={t('network.eip')}
      description={none ? t('network.eipNone') : t('network.eipHint')}
      placeholder={eips.isPending ? t('network.eipLoading') : t('network.eipChoose')}
      data={free.map((eip) => ({ value: eip.id, label: eipLabel(eip, t) }))}
      value={free.some((eip) => eip.id === value) ? value : null}
      onChange={(id) => onPick(id ?? '')}
      disabled={eips.isPending || none}
      searchable
      nothingFoundMessage={t('network.eipNothingFound')}
    />
  );
}
