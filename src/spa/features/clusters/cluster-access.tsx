import { Alert, Button, Card, Checkbox, Code, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { createClusterCert, showClusterEndpoints, updateClusterEip, type Cluster } from '../../../contract/clusters.ts';
import { CERT_DURATION_MAX_DAYS, CERT_DURATION_MAXIMUM, CERT_DURATION_MIN_DAYS, KUBECONFIG_NAMES, type Kubeconfig } from '../../../contract/kubeconfig.ts';
import { callOperation } from '../../shared/api/api-client.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { clusterQueries } from './cluster-queries.ts';

const endpointQueries = {
  access: (projectId: string, clusterId: string) =>
    queryOptions({
      queryKey: [...clusterQueries.all(), 'endpoints', { projectId, clusterId }] as const,
      queryFn: ({ signal }) => callOperation(showClusterEndpoints, { params: { project_id: projectId, cluster_id: clusterId }, signal }),
    }),
};

/** Offers the kubeconfig as a file; the object URL is revoked at once, nothing is kept or logged. */
function saveKubeconfig(kubeconfig: Kubeconfig, clusterName: string) {
  // JSON is valid YAML: kubectl reads this file as it is.
  const blob = new Blob([JSON.stringify(kubeconfig, null, 2)], { type: 'application/yaml' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${clusterName}-kubeconfig.yaml`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Endpoints, the public API-server address (bind/unbind an EIP) and the kubeconfig download. */
export function ClusterAccess({ projectId, cluster }: { projectId: string; cluster: Cluster }) {
  const { t } = useI18n();
  const clusterId = cluster.metadata.uid ?? '';
  const name = cluster.metadata.name ?? clusterId;
  const endpoints = useQuery(endpointQueries.access(projectId, clusterId));
  const [binding, setBinding] = useState(false);
  const [unbinding, setUnbinding] = useState(false);
  const [eipId, setEipId] = useState('');
  const [days, setDays] = useState<number | string>(30);
  const [maximum, setMaximum] = useState(false);
  const [contexts, setContexts] = useState<{ names: string[]; insecure: boolean } | null>(null);
  const invalidates = { invalidates: [clusterQueries.all()] };
  const eip = useMutation({
    mutationFn: (action: 'bind' | 'unbind') =>
      callOperation(updateClusterEip, { params: { project_id: projectId, cluster_id: clusterId }, body: { spec: action === 'bind' ? { action, spec: { id: eipId.trim() } } : { action } } }),
    meta: invalidates,
    onSuccess: () => {
      setBinding(false);
      setUnbinding(false);
      setEipId('');
    },
  });
  // A mutation, not a query: the kubeconfig holds a client key and must not sit in the query cache.
  const cert = useMutation({
    mutationFn: () => callOperation(createClusterCert, { params: { project_id: projectId, cluster_id: clusterId }, body: { duration: maximum ? CERT_DURATION_MAXIMUM : Number(days) } }),
    onSuccess: (kubeconfig) => {
      saveKubeconfig(kubeconfig, name);
      const names = (kubeconfig.contexts ?? []).map((c) => c.name).filter((n): n is string => Boolean(n));
      const insecure = (kubeconfig.clusters ?? []).some((c) => c.cluster?.['insecure-skip-tls-verify'] === true);
      setContexts({ names, insecure });
    },
  });
  const publicEndpoint = endpoints.data?.status?.publicEndpoint;
  const daysValid = maximum || (Number.isInteger(Number(days)) && Number(days) >= CERT_DURATION_MIN_DAYS && Number(days) <= CERT_DURATION_MAX_DAYS);

  return (
    <Stack gap="md">
      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          {t('clusterAccess.endpoints')}
        </Title>
        {endpoints.isError ? (
          <ErrorPanel title={t('clusterAccess.loadFailed')} error={endpoints.error} onRetry={() => void endpoints.refetch()} />
        ) : (
          <Table aria-label={t('clusterAccess.endpoints')}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('clusterAccess.private')}</Table.Th>
                <Table.Td>{endpoints.data?.status?.privateEndpoint ? <Code>{endpoints.data.status.privateEndpoint}</Code> : '—'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('clusterAccess.public')}</Table.Th>
                <Table.Td>{publicEndpoint ? <Code>{publicEndpoint}</Code> : <Text c="dimmed">{t('clusterAccess.noPublic')}</Text>}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        <Group mt="sm">
          <PermissionGate capability="operate">
            {({ disabled }) =>
              publicEndpoint ? (
                <Button variant="default" color="red" disabled={disabled} onClick={() => setUnbinding(true)}>
                  {t('clusterAccess.unbind')}
                </Button>
              ) : (
                <Button variant="default" disabled={disabled} onClick={() => setBinding(true)}>
                  {t('clusterAccess.bind')}
                </Button>
              )
            }
          </PermissionGate>
        </Group>
      </Card>

      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          {t('clusterAccess.kubeconfig')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (daysValid) cert.mutate();
          }}
        >
          <Stack gap="sm" maw={520}>
            <Text size="sm">{t('clusterAccess.kubeconfigIntro')}</Text>
            <Group align="flex-end">
              <NumberInput
                label={t('clusterAccess.validity')}
                min={CERT_DURATION_MIN_DAYS}
                max={CERT_DURATION_MAX_DAYS}
                value={days}
                onChange={setDays}
                disabled={maximum}
                allowDecimal={false}
                error={!daysValid ? t('clusterAccess.validityRule', { max: CERT_DURATION_MAX_DAYS }) : undefined}
                w={200}
              />
              <Checkbox label={t('clusterAccess.maximum')} checked={maximum} onChange={(e) => setMaximum(e.currentTarget.checked)} mb={8} />
            </Group>
            <PermissionGate capability="operate">
              {({ disabled }) => (
                <Button type="submit" disabled={disabled || !daysValid} loading={cert.isPending} w="fit-content">
                  {t('clusterAccess.download')}
                </Button>
              )}
            </PermissionGate>
            {cert.isError ? <ErrorPanel error={cert.error} title={t('clusterAccess.downloadFailed')} /> : null}
            {contexts ? (
              <Alert color={contexts.insecure ? 'yellow' : 'green'} variant="light" title={t('clusterAccess.downloaded')}>
                <Text size="sm">{t('clusterAccess.contexts', { contexts: contexts.names.join(', ') })}</Text>
                {contexts.names.includes(KUBECONFIG_NAMES.externalContext) && contexts.insecure ? <Text size="sm">{t('clusterAccess.insecureWarning')}</Text> : null}
              </Alert>
            ) : null}
          </Stack>
        </form>
      </Card>

      <Modal opened={binding} onClose={() => setBinding(false)} title={t('clusterAccess.bindTitle', { name })}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (eipId.trim()) eip.mutate('bind');
          }}
        >
          <Stack>
            <TextInput label={t('clusterAccess.eipId')} description={t('clusterAccess.eipIdHint')} value={eipId} onChange={(e) => setEipId(e.currentTarget.value)} required data-autofocus />
            {eip.isError ? <ErrorPanel error={eip.error} title={t('clusterAccess.bindFailed')} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setBinding(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!eipId.trim()} loading={eip.isPending}>
                {t('clusterAccess.bindSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={unbinding} onClose={() => setUnbinding(false)} title={t('clusterAccess.unbindTitle', { name })}>
        <Stack>
          <Text>{t('clusterAccess.unbindConfirm', { name, address: publicEndpoint ?? '' })}</Text>
          {eip.isError ? <ErrorPanel error={eip.error} title={t('clusterAccess.unbindFailed')} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUnbinding(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={eip.isPending} onClick={() => eip.mutate('unbind')}>
              {t('clusterAccess.unbindSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
