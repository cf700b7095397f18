import { Alert, Button, Card, Checkbox, Code, Group, List, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiServerAddresses, createClusterCert, type Cluster } from '../../../contract/clusters.ts';
import { CERT_DURATION_MAX_DAYS, CERT_DURATION_MIN_DAYS, KUBECONFIG_NAMES, type Kubeconfig } from '../../../contract/kubeconfig.ts';
import { callInProject } from '../../shared/api/operation-query.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { putRefusalOnFields } from '../../shared/forms/api-refusal.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import {
  bindEipErrorsOf,
  bindEipRequest,
  certRequest,
  kubeconfigErrorsOf,
  validateBindEip,
  validateKubeconfig,
  type BindEipForm,
  type KubeconfigForm,
} from './cluster-access-form.ts';
import { useClusterChangeBlockReason } from './cluster-change-block.ts';
import { clusterMutations } from '../../resources/clusters/cluster-mutations.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { FreeEipPicker } from '../../resources/network/eip-picker.tsx';
import './cluster-detail-messages.ts';
import '../../shared/i18n/shared-messages.ts';

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
  const bindForm = useForm<BindEipForm>({
    mode: 'controlled',
    initialValues: { eipId: '' },
    validateInputOnBlur: true,
    validate: validateBindEip({ required: t('clusterAccess.eipIdRequired'), format: t('clusterAccess.eipIdFormat') }),
  });
  const validityRule = t('clusterAccess.validityRule', { min: CERT_DURATION_MIN_DAYS, max: CERT_DURATION_MAX_DAYS });
  const certForm = useForm<KubeconfigForm>({
    mode: 'controlled',
    initialValues: { days: 30, maximum: false },
    validateInputOnChange: ['days'],
    validate: validateKubeconfig(validityRule),
  });
  // A refusal about the EIP typed or the validity goes on that field; any other is shown whole.
  const [bindFailure, setBindFailure] = useState<unknown>(null);
  const [certFailure, setCertFailure] = useState<unknown>(null);

  // The access address, the cluster's endpoints and the list's "public endpoint" column all change.
  const eip = useMutation(clusterMutations.updateEip());
  const closeEipDialogs = () => {
    setBinding(false);
    setUnbinding(false);
    bindForm.reset();
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
    onMutate: () => setCertFailure(null),
    onError: (error) => setCertFailure(putRefusalOnFields(certForm, error, kubeconfigErrorsOf)),
  });

  // The same addresses, named the same way, as the Overview shows.
  const { internal: internalEndpoint, public: publicEndpoint } = apiServerAddresses(cluster, endpoints.data);
  const maximum = certForm.values.maximum;
  const openBind = () => {
    eip.reset();
    // A dialog dismissed with a refusal on its field opens again with the ID, not the old refusal.
    bindForm.clearErrors();
    setBindFailure(null);
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
                  {t('clusterAccess.internal')}
                </Table.Th>
                <Table.Td>{internalEndpoint ? <Code>{internalEndpoint}</Code> : endpoints.isPending ? t('app.loading') : '—'}</Table.Td>
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
        <form onSubmit={certForm.onSubmit((values) => cert.mutate(certRequest(values).duration))}>
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
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                w={220}
                {...certForm.getInputProps('days')}
                value={maximum ? '' : certForm.values.days}
                disabled={maximum}
              />
              <Checkbox
                label={t('clusterAccess.maximum')}
                mt={34}
                {...certForm.getInputProps('maximum', { type: 'checkbox' })}
                onChange={(e) => {
                  certForm.setFieldValue('maximum', e.currentTarget.checked);
                  // The days are not asked for with the maximum, nor wrong.
                  certForm.validateField('days');
                }}
              />
            </Group>
            <PermissionGate capability="operate">
              {({ controlProps }) => (
                <Button type="submit" disabled={!certForm.isValid()} loading={cert.isPending} w="fit-content" {...controlProps}>
                  {t('clusterAccess.download')}
                </Button>
              )}
            </PermissionGate>
            {certFailure ? <ErrorPanel error={certFailure} title={t('clusterAccess.downloadFailed')} /> : null}
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
          onSubmit={bindForm.onSubmit((values) => {
            setBindFailure(null);
            eip.mutate(
              { params: { cluster_id: clusterId }, body: bindEipRequest(values) },
              { onSuccess: closeEipDialogs, onError: (error) => setBindFailure(putRefusalOnFields(bindForm, error, bindEipErrorsOf)) },
            );
          })}
        >
          <Stack>
            <Text size="sm">{t('clusterAccess.bindIntro', { name })}</Text>
            <FreeEipPicker
              value={bindForm.values.eipId}
              onPick={(id) => {
                bindForm.setFieldValue('eipId', id);
                bindForm.clearFieldError('eipId');
                setBindFailure(null);
              }}
            />
            <TextInput
              label={t('clusterAccess.eipId')}
              description={t('clusterAccess.eipIdHint')}
              {...bindForm.getInputProps('eipId')}
              required
              autoComplete="off"
              data-autofocus
            />
            {bindFailure ? <ErrorPanel error={bindFailure} title={t('clusterAccess.bindFailed')} /> : null}
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
