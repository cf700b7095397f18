import { Accordion, Code, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CreateClusterBody } from '../../../contract/clusters.ts';
import { subnetLabel, vpcLabel } from '../../resources/network/network-options.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { useNetworkLookups } from './create-cluster-network-step.tsx';
import { parseTags, type CreateClusterForm } from './create-cluster-request.ts';
import './create-cluster-messages.ts';
import './cluster-detail-messages.ts';

/** A network object by its name and CIDR, with its id (what the request names); the bare id when the look-up has no such object. */
function named(label: string | undefined, id: string): string {
  return label ? `${label} · ${id}` : id;
}

/**
 * The review step: what will be created, as an operator reads it (names and CIDRs of the network,
 * not only ids), then the exact request the console sends, collapsed, wrapping instead of running
 * off the edge.
 */
export function CreateClusterReview({ values, request, requestLine }: { values: CreateClusterForm; request: CreateClusterBody; requestLine: string }) {
  const { t } = useI18n();
  const vpcId = values.vpc.trim();
  const { vpcs, subnets } = useNetworkLookups(vpcId);
  const vpc = vpcs.data?.vpcs.find((v) => v.id === vpcId);
  const subnetList = subnets.data?.subnets ?? [];
  const hostSubnet = subnetList.find((s) => s.id === values.subnet.trim());
  const eniSubnets = request.spec.eniNetwork?.subnets.map(({ subnetID }) => {
    const subnet = subnetList.find((s) => s.neutron_subnet_id === subnetID);
    return named(subnet && subnetLabel(subnet), subnetID);
  });
  const tags = parseTags(values.tags);
  const none = t('clusterCreate.summaryNone');
  const rows: [string, ReactNode][] = [
    [t('clusterCreate.name'), request.metadata.name],
    [t('clusterCreate.alias'), request.metadata.alias ?? t('clusterCreate.summaryAliasSame')],
    [t('clusterCreate.version'), request.spec.version],
    [t('clusterDetail.field.description'), request.spec.description ?? none],
    [t('clusterCreate.vpcPick'), named(vpc && vpcLabel(vpc), vpcId)],
    [t('clusterCreate.subnetPick'), named(hostSubnet && subnetLabel(hostSubnet), values.subnet.trim())],
    [t('clusterCreate.eniSubnetsPick'), eniSubnets?.length ? eniSubnets.join(', ') : none],
    [t('clusterCreate.serviceCidr'), request.spec.serviceNetwork?.IPv4CIDR ?? none],
    [t('clusterCreate.snat'), values.enableSnat ? t('common.yes') : t('common.no')],
    [t('clusterCreate.swr'), values.enableSwr ? t('common.yes') : t('common.no')],
    [t('clusterDetail.field.enterpriseProject'), values.enterpriseProjectId.trim() || t('clusterCreate.summaryDefault')],
    [t('clusterCreate.tags'), tags.length > 0 ? tags.map((tag) => (tag.value ? `${tag.key}=${tag.value}` : tag.key)).join(', ') : none],
    [t('clusterCreate.addons'), values.addons.length > 0 ? values.addons.join(', ') : none],
  ];
  return (
    <>
      <Table aria-label={t('clusterCreate.summary')} layout="fixed" withRowBorders>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="32%">
                {label}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Accordion variant="contained">
        <Accordion.Item value="request">
          <Accordion.Control>{t('clusterCreate.showRequest')}</Accordion.Control>
          <Accordion.Panel>
            <Code block aria-label={t('clusterCreate.requestLabel')} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {`${requestLine}\n${JSON.stringify(request, null, 2)}`}
            </Code>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </>
  );
}
