import { Alert, Autocomplete, MultiSelect, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type { Cluster } from '../../../contract/clusters.ts';
import { eniSubnetOptions, hostSubnetOptions, vpcOptions } from '../../resources/network/network-options.ts';
import { networkQueries } from '../../resources/network/network-queries.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { describeError } from '../../shared/ui/error-message.ts';
import { networkSuggestions, type CreateClusterForm } from './create-cluster-request.ts';
import './create-cluster-messages.ts';

type Form = UseFormReturnType<CreateClusterForm>;

/** The VPC's subnets, when a VPC is chosen and the VPC service answers (shared by the network step and the review). */
export function useNetworkLookups(vpcId: string) {
  const vpcs = useQuery(networkQueries.vpcs());
  const subnets = useQuery({ ...networkQueries.subnets(vpcId), enabled: vpcs.isSuccess && vpcId !== '' });
  return { vpcs, subnets, error: vpcs.error ?? subnets.error };
}

/**
 * The wizard's network step. The VPC, its host subnet and its ENI subnets are picked by name and CIDR
 * from the VPC service; ENI and host subnets are those of the chosen VPC only. When the look-up is
 * refused (an account without VPC permissions) or fails, the step says so and takes typed IDs, with
 * the VPCs and subnets of the project's clusters as suggestions.
 */
export function NetworkStep({ form, clusters }: { form: Form; clusters: readonly Cluster[] }) {
  const { t } = useI18n();
  const { values } = form;
  const vpcId = values.vpc.trim();
  const lookups = useNetworkLookups(vpcId);
  return (
    <Stack gap="sm" mt="md">
      {lookups.error ? (
        <>
          <Alert color="yellow" variant="light">
            {t('clusterCreate.networkLookupFailed', { reason: describeError(lookups.error, t) })}
          </Alert>
          <TypedNetworkFields form={form} clusters={clusters} />
        </>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('clusterCreate.networkIntro')}
          </Text>
          <PickedNetworkFields form={form} lookups={lookups} />
        </>
      )}
      <TextInput
        label={t('clusterCreate.serviceCidr')}
        description={t('clusterCreate.serviceCidrHint')}
        autoComplete="off"
        {...form.getInputProps('serviceCidr')}
      />
      <Switch label={t('clusterCreate.snat')} description={t('clusterCreate.snatHint')} {...form.getInputProps('enableSnat', { type: 'checkbox' })} />
      <Switch label={t('clusterCreate.swr')} description={t('clusterCreate.swrHint')} {...form.getInputProps('enableSwr', { type: 'checkbox' })} />
    </Stack>
  );
}

function PickedNetworkFields({ form, lookups }: { form: Form; lookups: ReturnType<typeof useNetworkLookups> }) {
  const { t } = useI18n();
  const { values } = form;
  const vpcId = values.vpc.trim();
  const subnets = lookups.subnets.data?.subnets ?? [];
  const subnetsReady = vpcId !== '' && lookups.subnets.isSuccess;
  const noSubnets = subnetsReady && subnets.length === 0;
  const subnetPlaceholder = vpcId === '' ? t('clusterCreate.chooseVpcFirst') : subnetsReady ? t('clusterCreate.choose') : t('clusterCreate.readingNetwork');
  return (
    <>
      <Select
        label={t('clusterCreate.vpcPick')}
        description={t('clusterCreate.vpcPickHint')}
        required
        searchable
        placeholder={lookups.vpcs.isPending ? t('clusterCreate.readingNetwork') : t('clusterCreate.choose')}
        nothingFoundMessage={t('clusterCreate.nothingFound')}
        data={vpcOptions(lookups.vpcs.data?.vpcs ?? [], vpcId)}
        value={vpcId || null}
        // Subnets belong to one VPC: another VPC starts its subnets afresh.
        onChange={(id) => form.setValues({ vpc: id ?? '', ...(id === vpcId ? {} : { subnet: '', eniSubnets: [] }) })}
        error={form.errors.vpc}
        allowDeselect={false}
      />
      <Select
        label={t('clusterCreate.subnetPick')}
        description={noSubnets ? t('clusterCreate.noSubnets') : t('clusterCreate.subnetPickHint')}
        required
        searchable
        disabled={!subnetsReady}
        placeholder={subnetPlaceholder}
        nothingFoundMessage={t('clusterCreate.nothingFound')}
        data={hostSubnetOptions(subnets, vpcId, values.subnet.trim())}
        value={values.subnet.trim() || null}
        onChange={(id) => form.setFieldValue('subnet', id ?? '')}
        error={form.errors.subnet}
        allowDeselect={false}
      />
      <MultiSelect
        label={t('clusterCreate.eniSubnetsPick')}
        description={t('clusterCreate.eniSubnetsPickHint')}
        searchable
        clearable
        disabled={!subnetsReady}
        placeholder={subnetPlaceholder}
        nothingFoundMessage={t('clusterCreate.nothingFound')}
        data={eniSubnetOptions(subnets, vpcId, values.eniSubnets)}
        value={values.eniSubnets}
        onChange={(ids) => form.setFieldValue('eniSubnets', ids)}
        error={form.errors.eniSubnets}
      />
    </>
  );
}

function TypedNetworkFields({ form, clusters }: { form: Form; clusters: readonly Cluster[] }) {
  const { t } = useI18n();
  const suggestions = networkSuggestions(clusters, form.values.vpc);
  return (
    <>
      <Autocomplete
        label={t('clusterCreate.vpc')}
        description={t('clusterCreate.vpcHint')}
        required
        data={suggestions.vpcs}
        autoComplete="off"
        {...form.getInputProps('vpc')}
      />
      <Autocomplete
        label={t('clusterCreate.subnet')}
        description={t('clusterCreate.subnetHint')}
        required
        data={suggestions.hostSubnets}
        autoComplete="off"
        {...form.getInputProps('subnet')}
      />
      <TagsInput
        label={t('clusterCreate.eniSubnets')}
        description={t('clusterCreate.eniSubnetsHint')}
        data={suggestions.eniSubnets}
        splitChars={[',', ' ']}
        clearable
        {...form.getInputProps('eniSubnets')}
      />
    </>
  );
}
