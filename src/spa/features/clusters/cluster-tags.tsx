import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { batchCreateClusterTags, batchDeleteClusterTags, type Cluster } from '../../../contract/clusters.ts';
import { MAX_CLUSTER_TAGS, tagKeySchema, tagValueSchema } from '../../../contract/tags.ts';
import { callOperation } from '../../shared/api/api-client.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { clusterQueries } from './cluster-queries.ts';

/** The cluster's tags: add, edit (delete + create, as the API has no update) and remove, validated first. */
export function ClusterTags({ projectId, cluster }: { projectId: string; cluster: Cluster }) {
  const { t } = useI18n();
  const tags = cluster.spec?.clusterTags ?? [];
  const params = { project_id: projectId, cluster_id: cluster.metadata.uid ?? '' };
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ key?: string; value?: string }>({});
  const meta = { invalidates: [clusterQueries.all()] };
  const save = useMutation({
    mutationFn: async (tag: { key: string; value: string; replaces: string | null }) => {
      if (tag.replaces !== null && tag.replaces !== tag.key) await callOperation(batchDeleteClusterTags, { params, body: { tags: [{ key: tag.replaces }] } });
      await callOperation(batchCreateClusterTags, { params, body: { tags: [{ key: tag.key, value: tag.value }] } });
    },
    meta,
    onSuccess: () => {
      setKey('');
      setValue('');
      setEditing(null);
    },
  });
  const remove = useMutation({ mutationFn: (tagKey: string) => callOperation(batchDeleteClusterTags, { params, body: { tags: [{ key: tagKey }] } }), meta });

  const submit = () => {
    const k = tagKeySchema.safeParse(key);
    const v = tagValueSchema.safeParse(value);
    const next: { key?: string; value?: string } = {};
    if (!k.success) next.key = k.error.issues[0]!.message;
    if (!v.success) next.value = v.error.issues[0]!.message;
    const adding = editing === null && !tags.some((tag) => tag.key === key);
    if (k.success && adding && tags.length >= MAX_CLUSTER_TAGS) next.key = t('clusterTags.limit', { max: MAX_CLUSTER_TAGS });
    if (k.success && editing === null && !adding) next.key = t('clusterTags.exists');
    setErrors(next);
    if (!next.key && !next.value) save.mutate({ key, value, replaces: editing });
  };
  const failure = save.error ?? remove.error;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('clusterTags.count', { count: tags.length, max: MAX_CLUSTER_TAGS })}
      </Text>
      {tags.length > 0 ? (
        <Table aria-label={t('clusterTags.tableLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clusterTags.key')}</Table.Th>
              <Table.Th>{t('clusterTags.value')}</Table.Th>
              <Table.Th>{t('clusters.column.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tags.map((tag) => (
              <Table.Tr key={tag.key}>
                <Table.Td>
                  <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                    {tag.key}
                  </Badge>
                </Table.Td>
                <Table.Td>{tag.value || <Text c="dimmed">—</Text>}</Table.Td>
                <Table.Td>
                  <PermissionGate capability="operate">
                    {({ disabled }) => (
                      <Group gap="xs">
                        <Button
                          size="compact-sm"
                          variant="default"
                          disabled={disabled}
                          onClick={() => {
                            setEditing(tag.key ?? null);
                            setKey(tag.key ?? '');
                            setValue(tag.value ?? '');
                          }}
                        >
                          {t('clusterTags.edit', { key: tag.key ?? '' })}
                        </Button>
                        <Button size="compact-sm" variant="light" color="red" disabled={disabled} loading={remove.isPending && remove.variables === tag.key} onClick={() => tag.key && remove.mutate(tag.key)}>
                          {t('clusterTags.remove', { key: tag.key ?? '' })}
                        </Button>
                      </Group>
                    )}
                  </PermissionGate>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed">{t('clusterTags.none')}</Text>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Group align="flex-start">
          <TextInput label={t('clusterTags.key')} value={key} onChange={(e) => setKey(e.currentTarget.value)} error={errors.key} w={240} />
          <TextInput label={t('clusterTags.value')} value={value} onChange={(e) => setValue(e.currentTarget.value)} error={errors.value} w={240} />
          <PermissionGate capability="operate">
            {({ disabled }) => (
              <Button type="submit" mt={25} disabled={disabled} loading={save.isPending}>
                {editing ? t('clusterTags.saveEdit') : t('clusterTags.add')}
              </Button>
            )}
          </PermissionGate>
          {editing ? (
            <Button
              mt={25}
              variant="subtle"
              onClick={() => {
                setEditing(null);
                setKey('');
                setValue('');
              }}
            >
              {t('common.cancel')}
            </Button>
          ) : null}
        </Group>
      </form>
      {failure ? (
        <ErrorPanel title={t('clusterTags.failed')} error={failure} />
      ) : null}
    </Stack>
  );
}
