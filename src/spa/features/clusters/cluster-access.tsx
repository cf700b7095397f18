import { Alert, Button, Card, Checkbox, Code, Group, List, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { createClusterCert, type Cluster } from '../../../contract/clusters.ts';
import { CERT_DURATION_MAX_DAYS, CERT_DURATION_MAXIMUM, CERT_DURATION_MIN_DAYS, KUBECONFIG_NAMES, type Kubeconfig } from '../../../contract/kubeconfig.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { callInProject } from '../../shared/api/operation-query.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { useClusterChangeBlockReason } from './cluster-change-block.ts';
import { clusterMutations } from '../../resources/clusters/cluster-mutations.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { FreeEipPicker } from '../../resources/network/eip-picker.tsx';
import './cluster-detail-messages.ts';
import '../../shared/i18n/shared-messages.ts';

/** EIP IDs are UUIDs (the reference's example: `a757a69e-f920-455a-b1ba-d7a22db0fd51`). */
const EIP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function validateEipId(id: string): 'required' | 'format' | null {
  const value = id.trim();
  if (!value) return 'required';
  return EIP_ID.test(value) ? null : 'format';
}

/**
 * The refusal of a bind that concerns the EIP ID the operator typed (unknown, already bound
 * elsewhere): the BFF's field error on `spec.spec.id`, or the request path the simulator and CCE
 * write before the message. Anything else (cluster busy, already has an EIP) is about the cluster.
 */
function eipIdErrorOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const field = error.fields.find((f) => /spec\.spec\.id$/.test(f.path));
  if (field) return field.message;
  const prefix = /^spec\.spec\.id:\s*/.exec(error.message);
  return prefix ? error.message.slice(prefix[0].length) : null;
}

interface KubeconfigSummary {
  contexts: string[];
  currentContext: string | undefined;
  /** Names of the clusters in the file that skip TLS verification. */
  insecureClusters: string[];
}

function summariseKubeconfig(kubeconfig: Kubeconfig): KubeconfigSummary {
  return {
    contexts: kubeconfig.contexts.map((c) => c.name).filter((n): n is string => Boolean(n)),
    currentContext: kubeconfig['current-context'],
    insecureClusters: kubeconfig.clusters.filter((c) => c.cluster?.['insecure-skip-tls-verify'] === true).map((c) => c.name ?? '?'),
  };
}

/**
 * Offers the kubeconfig as a file. The object URL is revoked once the click has handed the blob to
 * the browser's download; the content is never logged, shown or stored by the console.
 */
async function saveKubeconfig(kubeconfig: Kubeconfig, clusterName: string) {
  // Written as YAML, the form operators read and diff; the library loads only when a file is saved.
  const { stringify } = await import('yaml');
  const blob = new Blob([stringify(kubeconfig)], { type: 'application/yaml' });
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
export function ClusterAccess({ cluster }: { cluster: Cluster }) {
  const { t } = useI18n();
  const clusterId = cluster.metadata.uid ?? '';
  const name = cluster.metadata.name ?? clusterId;
  const blocked = useClusterChangeBlockReason(cluster);
  const endpoints = useQuery(clusterQueries.endpoints(clusterId));
  const [binding, setBinding] = useState(false);
  const [unbinding, setUnbinding] = useState(false);
  const [eipId, setEipId] = useState('');
  const [eipIdTouched, setEipIdTouched] = useState(false);
  const [days, setDays] = useState<number | string>(30);
  const [maximum, setMaximum] = useState(false);

  // The access address, the cluster's endpoints and the list's "public endpoint" column all change.
  const eip = useMutation(clusterMutations.updateEip());
  const closeEipDialogs = () => {
    setBinding(false);
    setUnbinding(false);
    setEipId('');
    setEipIdTouched(false);
  };
  // A mutation, not a query, and the file is saved inside it: the kubeconfig holds a client key, so
  // only its summary (context names) ever reaches React state or TanStack's caches.
  const cert = useMutation({
    mutationFn: async (duration: number, { client }): Promise<KubeconfigSummary> => {
      const kubeconfig = await callInProject(client, createClusterCert, { params: { cluster_id: clusterId }, body: { duration } });
      await saveKubeconfig(kubeconfig, name);
      return summariseKubeconfig(kubeconfig);
    },
    gcTime: 0,
  });

  const publicEndpoint = endpoints.data?.status?.publicEndpoint;
  const daysNumber = Number(days);
  const daysValid = maximum || (days !== '' && Number.isInteger(daysNumber) && daysNumber >= CERT_DURATION_MIN_DAYS && daysNumber <= CERT_DURATION_MAX_DAYS);
  const eipIdProblem = validateEipId(eipId);
  const eipIdError =
    eipIdTouched && eipIdProblem ? t(eipIdProblem === 'required' ? 'clusterAccess.eipIdRequired' : 'clusterAccess.eipIdFormat') : eipIdErrorOf(eip.error);
  const openBind = () => {
    eip.reset();
    setBinding(true);
  };
  const openUnbind = () => {
    eip.reset();
    setUnbinding(true);
  };
  const expectedContexts = publicEndpoint ? [KUBECONFIG_NAMES.internalContext, KUBECONFIG_NAMES.externalContext] : [KUBECONFIG_NAMES.internalContext];

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
                <Table.Th scope="row" w="35%">
                  {t('clusterAccess.private')}
                </Table.Th>
                <Table.Td>
                  {endpoints.data?.status?.privateEndpoint ? (
                    <Code>{endpoints.data.status.privateEndpoint}</Code>
                  ) : endpoints.isPending ? (
                    t('app.loading')
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('clusterAccess.public')}</Table.Th>
                <Table.Td>
                  {publicEndpoint ? (
                    <Code>{publicEndpoint}</Code>
                  ) : endpoints.isPending ? (
                    t('app.loading')
                  ) : (
                    <Text c="dimmed">{t('clusterAccess.noPublic')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        <Group mt="sm">
          <PermissionGate capability="operate">
            {({ controlProps }) =>
              publicEndpoint ? (
                <Button variant="default" color="red" disabled={Boolean(blocked)} onClick={openUnbind} {...controlProps}>
                  {t('clusterAccess.unbind')}
                </Button>
              ) : (
                <Button variant="default" disabled={Boolean(blocked) || !endpoints.isSuccess} onClick={openBind} {...controlProps}>
                  {t('clusterAccess.bind')}
                </Button>
              )
            }
          </PermissionGate>
          {blocked ? (
            <Text size="sm" c="dimmed">
              {blocked}
            </Text>
          ) : null}
        </Group>
      </Card>

      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          {t('clusterAccess.kubeconfig')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (daysValid) cert.mutate(maximum ? CERT_DURATION_MAXIMUM : daysNumber);
          }}
        >
          <Stack gap="sm" maw={620}>
            <Text size="sm">{t('clusterAccess.kubeconfigIntro')}</Text>
            <Text size="sm" c="dimmed">
              {t('clusterAccess.expectedContexts', { contexts: expectedContexts.join(', ') })}
            </Text>
            <Group align="flex-start">
              <NumberInput
                label={t('clusterAccess.validity')}
                description={t('clusterAccess.validityHint', { min: CERT_DURATION_MIN_DAYS, max: CERT_DURATION_MAX_DAYS })}
                min={CERT_DURATION_MIN_DAYS}
                max={CERT_DURATION_MAX_DAYS}
                value={maximum ? '' : days}
                onChange={setDays}
                disabled={maximum}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                error={!daysValid ? t('clusterAccess.validityRule', { min: CERT_DURATION_MIN_DAYS, max: CERT_DURATION_MAX_DAYS }) : undefined}
                w={220}
              />
              <Checkbox label={t('clusterAccess.maximum')} checked={maximum} onChange={(e) => setMaximum(e.currentTarget.checked)} mt={34} />
            </Group>
            <PermissionGate capability="operate">
              {({ controlProps }) => (
                <Button type="submit" disabled={!daysValid} loading={cert.isPending} w="fit-content" {...controlProps}>
                  {t('clusterAccess.download')}
                </Button>
              )}
            </PermissionGate>
            {cert.isError ? <ErrorPanel error={cert.error} title={t('clusterAccess.downloadFailed')} /> : null}
            {cert.data ? (
              <Alert
                color={cert.data.insecureClusters.length > 0 ? 'yellow' : 'green'}
                variant="light"
                title={t('clusterAccess.downloaded', { file: `${name}-kubeconfig.yaml` })}
              >
                <Stack gap={4}>
                  <Text size="sm">{t('clusterAccess.contexts', { contexts: cert.data.contexts.join(', ') })}</Text>
                  <List size="sm">
                    {cert.data.contexts.map((context) => (
                      <List.Item key={context}>
                        {context === KUBECONFIG_NAMES.externalContext
                          ? t('clusterAccess.context.external')
                          : context === KUBECONFIG_NAMES.internalContext
                            ? t('clusterAccess.context.internal')
                            : context}
                        {context === cert.data.currentContext ? ` ${t('clusterAccess.context.current')}` : ''}
                      </List.Item>
                    ))}
                  </List>
                  {cert.data.insecureClusters.length > 0 ? <Text size="sm">{t('clusterAccess.insecureWarning')}</Text> : null}
                </Stack>
              </Alert>
            ) : null}
          </Stack>
        </form>
      </Card>

      <Modal opened={binding} onClose={() => setBinding(false)} title={t('clusterAccess.bindTitle', { name })}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setEipIdTouched(true);
            if (!eipIdProblem)
              eip.mutate({ params: { cluster_id: clusterId }, body: { spec: { action: 'bind', spec: { id: eipId.trim() } } } }, { onSuccess: closeEipDialogs });
          }}
        >
          <Stack>
            <Text size="sm">{t('clusterAccess.bindIntro', { name })}</Text>
            <FreeEipPicker
              value={eipId}
              onPick={(id) => {
                setEipId(id);
                if (eip.isError) eip.reset();
              }}
            />
            <TextInput
              label={t('clusterAccess.eipId')}
              description={t('clusterAccess.eipIdHint')}
              value={eipId}
              onChange={(e) => {
                setEipId(e.currentTarget.value);
                if (eip.isError) eip.reset();
              }}
              onBlur={() => setEipIdTouched(eipId.trim() !== '')}
              error={eipIdError}
              required
              autoComplete="off"
              data-autofocus
            />
            {eip.isError && !eipIdErrorOf(eip.error) ? <ErrorPanel error={eip.error} title={t('clusterAccess.bindFailed')} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setBinding(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={eip.isPending}>
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
            <Button
              color="red"
              loading={eip.isPending}
              onClick={() => eip.mutate({ params: { cluster_id: clusterId }, body: { spec: { action: 'unbind' } } }, { onSuccess: closeEipDialogs })}
            >
              {t('clusterAccess.unbindSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
