import { Button, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { apiServerAddresses, serviceCidrOf, type Cluster } from '../../../contract/clusters.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { useRefused } from '../../shared/auth/session.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { CopyValueButton } from '../../shared/ui/copy-value-button.tsx';
import { useClusterChangeBlockReason } from './cluster-change-block.ts';
import './cluster-detail-messages.ts';
import '../../shared/i18n/shared-messages.ts';

/** An id with a copy button; `label` is the button's full name ("Copy cluster ID"). */
function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
      <CopyValueButton value={value} label={label} />
    </Group>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="40%" scope="row">
        <Text size="sm" c="dimmed" fw={400}>
          {label}
        </Text>
      </Table.Th>
      <Table.Td>{children ?? <Text c="dimmed">—</Text>}</Table.Td>
    </Table.Tr>
  );
}

function Group_({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <Table aria-label={title} verticalSpacing={6}>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Card>
  );
}

/** Everything an operator needs from spec, status and metadata, in readable groups. */
export function ClusterOverview({ cluster }: { cluster: Cluster }) {
  const { t, formatDateTime } = useI18n();
  const blocked = useClusterChangeBlockReason(cluster);
  // A viewer is not offered a change they cannot make; the Edit tab still shows the values read-only.
  const canOperate = !useRefused('operate');
  const { metadata, spec, status } = cluster;
  // The same addresses, named the same way, as the Access tab shows.
  const addresses = apiServerAddresses(cluster);
  const time = (value: string | undefined) => {
    const date = parseCceTimestamp(value);
    return date ? (
      <time dateTime={date.toISOString()} title={date.toISOString()}>
        {formatDateTime(date)}
      </time>
    ) : (
      value
    );
  };
  const map = (m: Record<string, string> | undefined) =>
    m && Object.keys(m).length > 0 ? (
      <Stack gap={2}>
        {Object.entries(m).map(([k, v]) => (
          <Code key={k} style={{ wordBreak: 'break-all' }}>
            {k}={v}
          </Code>
        ))}
      </Stack>
    ) : null;
  return (
    <Stack gap="md">
      <Group>
        {canOperate ? (
          <Button component={Link} to="?tab=edit" variant="default" size="xs">
            {t('clusterEdit.button')}
          </Button>
        ) : null}
        {blocked ? (
          <Text size="sm" c="dimmed">
            {blocked}
          </Text>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Group_ title={t('clusterDetail.group.general')}>
          <Field label={t('clusterDetail.field.id')}>{metadata.uid ? <Copyable value={metadata.uid} label={t('clusterDetail.copy.id')} /> : null}</Field>
          <Field label={t('clusterDetail.field.name')}>{metadata.name}</Field>
          <Field label={t('clusterDetail.field.alias')}>{metadata.alias}</Field>
          <Field label={t('clusterDetail.field.description')}>{spec?.description || null}</Field>
          <Field label={t('clusterDetail.field.version')}>{spec?.version}</Field>
          <Field label={t('clusterDetail.field.platformVersion')}>{spec?.platformVersion}</Field>
          <Field label={t('clusterDetail.field.category')}>{spec?.category}</Field>
          <Field label={t('clusterDetail.field.type')}>{spec?.type}</Field>
          <Field label={t('clusterDetail.field.flavor')}>{spec?.flavor}</Field>
          <Field label={t('clusterDetail.field.billing')}>
            {spec?.billingMode === undefined ? null : spec.billingMode === 0 ? t('clusterDetail.billing.payPerUse') : String(spec.billingMode)}
          </Field>
          <Field label={t('clusterDetail.field.az')}>{spec?.az}</Field>
          <Field label={t('clusterDetail.field.enterpriseProject')}>
            {spec?.extendParam?.enterpriseProjectId ? (
              <Copyable value={spec.extendParam.enterpriseProjectId} label={t('clusterDetail.copy.enterpriseProject')} />
            ) : null}
          </Field>
          <Field label={t('clusterDetail.field.authentication')}>{spec?.authentication?.mode}</Field>
          <Field label={t('clusterDetail.field.upgradedFrom')}>{spec?.extendParam?.upgradefrom || spec?.extendParam?.upgradeFrom || null}</Field>
        </Group_>
        <Group_ title={t('clusterDetail.group.network')}>
          <Field label={t('clusterDetail.field.vpc')}>
            {spec?.hostNetwork?.vpc ? <Copyable value={spec.hostNetwork.vpc} label={t('clusterDetail.copy.vpc')} /> : null}
          </Field>
          <Field label={t('clusterDetail.field.subnet')}>
            {spec?.hostNetwork?.subnet ? <Copyable value={spec.hostNetwork.subnet} label={t('clusterDetail.copy.subnet')} /> : null}
          </Field>
          <Field label={t('clusterDetail.field.eniSubnets')}>
            {(spec?.eniNetwork?.subnets ?? []).length > 0 ? (
              <Stack gap={2}>
                {spec!.eniNetwork!.subnets!.map((s) =>
                  s.subnetID ? <Copyable key={s.subnetID} value={s.subnetID} label={t('clusterDetail.copy.eniSubnet', { id: s.subnetID })} /> : null,
                )}
              </Stack>
            ) : null}
          </Field>
          <Field label={t('clusterDetail.field.serviceCidr')}>{serviceCidrOf(cluster)}</Field>
          <Field label={t('clusterDetail.field.containerNetwork')}>{spec?.containerNetwork?.mode}</Field>
          <Field label={t('clusterDetail.field.kubeProxy')}>{spec?.kubeProxyMode}</Field>
          <Field label={t('clusterDetail.field.endpoints')}>
            {addresses.internal || addresses.public ? (
              <Stack gap={2}>
                {addresses.internal ? (
                  <Text size="sm">
                    {t('clusterAccess.internal')}: <Code>{addresses.internal}</Code>
                  </Text>
                ) : null}
                {addresses.public ? (
                  <Text size="sm">
                    {t('clusterAccess.public')}: <Code>{addresses.public}</Code>
                  </Text>
                ) : null}
              </Stack>
            ) : null}
          </Field>
        </Group_>
        <Group_ title={t('clusterDetail.group.metadata')}>
          <Field label={t('clusterDetail.field.created')}>{time(metadata.creationTimestamp)}</Field>
          <Field label={t('clusterDetail.field.updated')}>{time(metadata.updateTimestamp)}</Field>
          <Field label={t('clusterDetail.field.labels')}>{map(metadata.labels as Record<string, string> | undefined)}</Field>
          <Field label={t('clusterDetail.field.annotations')}>{map(metadata.annotations as Record<string, string> | undefined)}</Field>
        </Group_>
        <Group_ title={t('clusterDetail.group.status')}>
          <Field label={t('clusterDetail.field.phase')}>{status?.phase}</Field>
          <Field label={t('clusterDetail.field.reason')}>{status?.reason}</Field>
          <Field label={t('clusterDetail.field.message')}>{status?.message}</Field>
          <Field label={t('clusterDetail.field.jobId')}>{status?.jobID ? <Copyable value={status.jobID} label={t('clusterDetail.copy.jobId')} /> : null}</Field>
          <Field label={t('clusterDetail.field.locked')}>
            {status?.isLocked === undefined
              ? null
              : status.isLocked
                ? t('clusterDetail.locked.yes', { scene: status.lockScene || '—', source: status.lockSource || '—' })
                : t('clusterDetail.locked.no')}
          </Field>
        </Group_>
      </SimpleGrid>
    </Stack>
  );
}
