import { ActionIcon, Button, Card, Code, CopyButton, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { serviceCidrOf, updateCluster, updateClusterBodySchema, type Cluster } from '../../../contract/clusters.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { callOperation } from '../../shared/api/api-client.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { clusterQueries } from './cluster-queries.ts';

function Copyable({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="nowrap">
      <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <ActionIcon variant="subtle" size="sm" onClick={copy} aria-label={copied ? t('common.copied') : t('common.copy', { what: label })}>
            {copied ? '✓' : '⧉'}
          </ActionIcon>
        )}
      </CopyButton>
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
export function ClusterOverview({ projectId, cluster }: { projectId: string; cluster: Cluster }) {
  const { t, formatDateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const { metadata, spec, status } = cluster;
  const time = (value: string | undefined) => {
    const date = parseCceTimestamp(value);
    return date ? <time dateTime={date.toISOString()} title={date.toISOString()}>{formatDateTime(date)}</time> : value;
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
  const available = status?.phase === 'Available';
  return (
    <Stack gap="md">
      <Group>
        <PermissionGate capability="operate">
          {({ disabled }) => (
            <Button variant="default" disabled={disabled || !available} onClick={() => setEditing(true)}>
              {t('clusterEdit.button')}
            </Button>
          )}
        </PermissionGate>
        {!available ? (
          <Text size="sm" c="dimmed">
            {t('clusterEdit.onlyAvailable', { phase: status?.phase ?? '—' })}
          </Text>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Group_ title={t('clusterDetail.group.general')}>
          <Field label={t('clusterDetail.field.id')}>{metadata.uid ? <Copyable value={metadata.uid} label={t('clusterDetail.field.id')} /> : null}</Field>
          <Field label={t('clusterDetail.field.name')}>{metadata.name}</Field>
          <Field label={t('clusterDetail.field.alias')}>{metadata.alias}</Field>
          <Field label={t('clusterDetail.field.description')}>{spec?.description || null}</Field>
          <Field label={t('clusterDetail.field.version')}>{spec?.version}</Field>
          <Field label={t('clusterDetail.field.platformVersion')}>{spec?.platformVersion}</Field>
          <Field label={t('clusterDetail.field.category')}>{spec?.category}</Field>
          <Field label={t('clusterDetail.field.type')}>{spec?.type}</Field>
          <Field label={t('clusterDetail.field.flavor')}>{spec?.flavor}</Field>
          <Field label={t('clusterDetail.field.billing')}>{spec?.billingMode === undefined ? null : spec.billingMode === 0 ? t('clusterDetail.billing.payPerUse') : String(spec.billingMode)}</Field>
          <Field label={t('clusterDetail.field.az')}>{spec?.az}</Field>
          <Field label={t('clusterDetail.field.enterpriseProject')}>{spec?.extendParam?.enterpriseProjectId ? <Copyable value={spec.extendParam.enterpriseProjectId} label={t('clusterDetail.field.enterpriseProject')} /> : null}</Field>
        </Group_>
        <Group_ title={t('clusterDetail.group.network')}>
          <Field label={t('clusterDetail.field.vpc')}>{spec?.hostNetwork?.vpc ? <Copyable value={spec.hostNetwork.vpc} label={t('clusterDetail.field.vpc')} /> : null}</Field>
          <Field label={t('clusterDetail.field.subnet')}>{spec?.hostNetwork?.subnet ? <Copyable value={spec.hostNetwork.subnet} label={t('clusterDetail.field.subnet')} /> : null}</Field>
          <Field label={t('clusterDetail.field.eniSubnets')}>
            {(spec?.eniNetwork?.subnets ?? []).length > 0 ? (
              <Stack gap={2}>
                {spec!.eniNetwork!.subnets!.map((s) => (s.subnetID ? <Copyable key={s.subnetID} value={s.subnetID} label={t('clusterDetail.field.eniSubnets')} /> : null))}
              </Stack>
            ) : null}
          </Field>
          <Field label={t('clusterDetail.field.serviceCidr')}>{serviceCidrOf(cluster)}</Field>
          <Field label={t('clusterDetail.field.containerNetwork')}>{spec?.containerNetwork?.mode}</Field>
          <Field label={t('clusterDetail.field.kubeProxy')}>{spec?.kubeProxyMode}</Field>
          <Field label={t('clusterDetail.field.endpoints')}>
            {(status?.endpoints ?? []).length > 0 ? (
              <Stack gap={2}>
                {status!.endpoints!.map((e) => (
                  <Text key={`${e.type}-${e.url}`} size="sm">
                    {e.type}: <Code>{e.url}</Code>
                  </Text>
                ))}
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
          <Field label={t('clusterDetail.field.jobId')}>{status?.jobID ? <Copyable value={status.jobID} label={t('clusterDetail.field.jobId')} /> : null}</Field>
        </Group_>
      </SimpleGrid>
      {editing ? <EditClusterDialog projectId={projectId} cluster={cluster} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}

/** Alias, description and ENI subnets — the fields the update API takes, validated by its schema. */
function EditClusterDialog({ projectId, cluster, onClose }: { projectId: string; cluster: Cluster; onClose: () => void }) {
  const { t } = useI18n();
  const [alias, setAlias] = useState(cluster.metadata.alias ?? '');
  const [description, setDescription] = useState(cluster.spec?.description ?? '');
  const [subnets, setSubnets] = useState((cluster.spec?.eniNetwork?.subnets ?? []).map((s) => s.subnetID).filter(Boolean).join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const body = {
    metadata: { alias },
    spec: { description, eniNetwork: { subnets: subnets.split(/\s+/).filter(Boolean).map((subnetID) => ({ subnetID })) } },
  };
  const save = useMutation({
    mutationFn: () => callOperation(updateCluster, { params: { project_id: projectId, cluster_id: cluster.metadata.uid ?? '' }, body }),
    meta: { invalidates: [clusterQueries.all()] },
    onSuccess: onClose,
  });
  const submit = () => {
    const parsed = updateClusterBodySchema.safeParse(body);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    setErrors({});
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('clusterEdit.title', { name: cluster.metadata.name ?? '' })} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput label={t('clusterDetail.field.alias')} value={alias} onChange={(e) => setAlias(e.currentTarget.value)} error={errors['metadata.alias']} />
          <Textarea label={t('clusterDetail.field.description')} description={t('clusterEdit.descriptionRule')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors['spec.description']} autosize minRows={2} />
          <Textarea label={t('clusterDetail.field.eniSubnets')} description={t('clusterEdit.subnetsRule')} value={subnets} onChange={(e) => setSubnets(e.currentTarget.value)} error={errors['spec.eniNetwork.subnets']} autosize minRows={2} />
          {save.isError ? (
            <ErrorPanel title={t('clusterEdit.failed')} error={save.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('clusterEdit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
