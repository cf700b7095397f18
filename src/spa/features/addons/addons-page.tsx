import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AddonTemplate } from '../../../contract/addons.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { PageLoader } from '../../shared/ui/page-loader.tsx';
import { compatibleVersions, proposedVersion } from '../../resources/addons/addon-actions.ts';
import { templateTitle } from '../../resources/addons/addon-dialogs.tsx';
import { translated } from '../../resources/addons/addon-form-model.ts';
import { addonQueries } from '../../resources/addons/addon-queries.ts';
import { AddonStatusBadge } from '../../resources/addons/addon-status.tsx';
import { ClusterAddonsPanel } from '../../resources/addons/cluster-addons-panel.tsx';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import './addons-messages.ts';

/** The newest version of a template: where its translated description is read. */
function newest(template: AddonTemplate) {
  const versions = template.spec?.versions ?? [];
  return versions[versions.length - 1];
}

/**
 * The Add-ons page: the catalogue (every template with alias, description in the operator's
 * language, category and versions) and, with a cluster chosen (`?cluster=`), per template whether it
 * is installed there, which versions fit the cluster's Kubernetes version and the newest of them, and
 * the cluster's add-ons with their actions.
 */
export function AddonsPage() {
  const { t, language } = useI18n();
  const [params, setParams] = useSearchParams();
  const clusterId = params.get('cluster');
  const clusters = useQuery(clusterQueries.list());
  const templates = useQuery(addonQueries.templates());
  const cluster = clusters.data?.items?.find((c) => c.metadata.uid === clusterId);
  const instances = useQuery({ ...addonQueries.list(clusterId ?? ''), enabled: Boolean(cluster) });
  const [install, setInstall] = useState<{ template: string; key: number } | undefined>(undefined);
  const clusterVersion = cluster?.spec?.version ?? '';
  const addonCluster = cluster
    ? { uid: cluster.metadata.uid ?? '', name: cluster.metadata.name ?? '', version: clusterVersion, phase: cluster.status?.phase }
    : undefined;

  return (
    <Stack gap="lg">
      <PageHeader title={t('addons.title')} description={t('addons.description')} />
      <Select
        label={t('addonsPage.cluster')}
        placeholder={t('addonsPage.clusterPlaceholder')}
        description={t('addonsPage.clusterHelp')}
        searchable
        clearable
        w={420}
        data={(clusters.data?.items ?? []).map((c) => ({ value: c.metadata.uid ?? '', label: `${c.metadata.name} (${c.spec?.version ?? '—'})` }))}
        value={cluster ? clusterId : null}
        onChange={(value) => setParams(value ? { cluster: value } : {}, { replace: true })}
        error={clusters.isError ? t('addonsPage.clustersFailed') : undefined}
      />
      <Stack gap="sm">
        <Title order={3}>{t('addonsPage.catalogue')}</Title>
        {templates.isPending ? <PageLoader /> : null}
        {templates.isError ? (
          <ErrorPanel
            title={t('addonsPage.catalogueFailed')}
            error={templates.error}
            onRetry={() => void templates.refetch()}
            retrying={templates.isFetching}
          />
        ) : null}
        {templates.data ? (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" aria-label={t('addonsPage.catalogue')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('addons.column.addon')}</Table.Th>
                  <Table.Th>{t('addonsPage.column.category')}</Table.Th>
                  <Table.Th>{t('addonsPage.column.versions')}</Table.Th>
                  {cluster ? <Table.Th>{t('addonsPage.column.inCluster', { cluster: cluster.metadata.name ?? '' })}</Table.Th> : null}
                  {cluster ? <Table.Th>{t('addonsPage.column.compatible', { version: clusterVersion })}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(templates.data.items ?? []).map((template) => {
                  const name = template.metadata?.name ?? '';
                  const latest = newest(template);
                  const description = (latest && translated(latest, language, 'addon', 'description')) ?? template.spec?.description ?? '';
                  const instance = instances.data?.items?.find((i) => i.spec?.addonTemplateName === name);
                  const compatible = cluster ? compatibleVersions(template, clusterVersion) : [];
                  const proposed = cluster ? proposedVersion(template, clusterVersion) : undefined;
                  return (
                    <Table.Tr key={name}>
                      <Table.Td maw={420}>
                        <Group gap={6}>
                          <Text fw={500}>{templateTitle(template)}</Text>
                          {template.spec?.require ? (
                            <Badge size="xs" variant="outline" color="gray">
                              {t('addons.required')}
                            </Badge>
                          ) : null}
                        </Group>
                        <Text size="sm" c="dimmed">
                          {description}
                        </Text>
                      </Table.Td>
                      <Table.Td>{(template.spec?.labels ?? []).join(', ')}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {(template.spec?.versions ?? []).map((v) => (
                            <Badge
                              key={v.version}
                              variant={v.stable === false ? 'outline' : 'light'}
                              color={v.stable === false ? 'yellow' : 'gray'}
                              style={{ textTransform: 'none' }}
                            >
                              {v.stable === false ? t('addonForm.versionPreview', { version: v.version ?? '' }) : v.version}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      {cluster ? (
                        <Table.Td>
                          {instance ? (
                            <Group gap={6}>
                              <AddonStatusBadge status={instance.status} />
                              <Text size="sm">{instance.spec?.version}</Text>
                            </Group>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('addonsPage.notInstalled')}
                            </Text>
                          )}
                        </Table.Td>
                      ) : null}
                      {cluster ? (
                        <Table.Td>
                          <Stack gap={4}>
                            <Text size="sm">{compatible.length > 0 ? compatible.map((v) => v.version).join(', ') : t('addonsPage.noneCompatible')}</Text>
                            {proposed ? (
                              <Text size="xs" c="dimmed">
                                {t('addonsPage.newest', { version: proposed.version ?? '' })}
                              </Text>
                            ) : null}
                            {!instance && proposed ? (
                              <PermissionGate capability="operate">
                                {({ disabled }) => (
                                  <Button
                                    size="xs"
                                    variant="light"
                                    disabled={disabled || cluster.status?.phase !== 'Available'}
                                    onClick={() => setInstall({ template: name, key: Date.now() })}
                                  >
                                    {t('addonsPage.install', { addon: templateTitle(template) })}
                                  </Button>
                                )}
                              </PermissionGate>
                            ) : null}
                          </Stack>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      {addonCluster ? <ClusterAddonsPanel cluster={addonCluster} openInstall={install} /> : <Text c="dimmed">{t('addonsPage.chooseCluster')}</Text>}
    </Stack>
  );
}
