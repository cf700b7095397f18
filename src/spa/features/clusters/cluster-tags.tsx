import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Cluster } from '../../../contract/clusters.ts';
import { MAX_CLUSTER_TAGS, resourceTagListSchema, tagsCreateBodySchema } from '../../../contract/tags.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { apiErrorToFieldErrors, issuesToFieldErrors, type FieldErrors } from '../../shared/forms/field-errors.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { clusterMutations } from '../../resources/clusters/cluster-mutations.ts';
import './cluster-detail-messages.ts';
import './clusters-messages.ts';
import '../../shared/i18n/shared-messages.ts';

type TagErrors = FieldErrors<'key' | 'value'>;
interface Tag {
  key: string;
  value: string;
}

/**
 * Checks a tag against the contract's request schemas before anything is sent: the documented
 * key/value rules (`tagsCreateBodySchema`) and, on the list the cluster would end up with, the
 * 20-tag limit (`resourceTagListSchema`). `replaces` is the key being edited, if any.
 */
export function validateTag(existing: readonly Tag[], tag: Tag, replaces: string | null, messages: { exists: string; limit: string }): TagErrors {
  const parsed = tagsCreateBodySchema.safeParse({ tags: [tag] });
  // An issue with the tag as a whole (`tags.0`) is shown on the key.
  if (!parsed.success) return issuesToFieldErrors(parsed.error.issues, (path) => fieldOfTagPath(path) ?? 'key');
  if (tag.key !== replaces && existing.some((t) => t.key === tag.key)) return { key: messages.exists };
  const after = [...existing.filter((t) => t.key !== replaces && t.key !== tag.key), tag];
  if (!resourceTagListSchema.safeParse(after).success) return { key: messages.limit };
  return {};
}

/** `tags.0.key`, `tags[0].value`, … → the tag field it names. */
function fieldOfTagPath(path: string): keyof TagErrors | undefined {
  if (/\.key$/.test(path)) return 'key';
  if (/\.value$/.test(path)) return 'value';
  return undefined;
}

/** A refusal from the API that concerns the key or value typed (`tags[0].key: …`, or the BFF's `body.tags.0.value`). */
export function tagErrorsOf(error: unknown): TagErrors {
  return error instanceof ApiError ? apiErrorToFieldErrors(error, fieldOfTagPath) : {};
}

/** The cluster's tags: add, edit and remove through the batch tag operations (both answer 204). */
export function ClusterTags({ cluster }: { cluster: Cluster }) {
  const { t } = useI18n();
  const tags: Tag[] = (cluster.spec?.clusterTags ?? []).map((tag) => ({ key: tag.key ?? '', value: tag.value ?? '' }));
  const clusterId = cluster.metadata.uid ?? '';
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<TagErrors>({});
  const keyInput = useRef<HTMLInputElement>(null);
  const clear = () => {
    setKey('');
    setValue('');
    setEditing(null);
    setErrors({});
  };
  const save = useMutation({
    ...clusterMutations.putTag(),
    onSuccess: clear,
    onError: (error) => setErrors(tagErrorsOf(error)),
  });
  const remove = useMutation(clusterMutations.removeTags());

  const submit = () => {
    const tag = { key, value };
    const next = validateTag(tags, tag, editing, { exists: t('clusterTags.exists'), limit: t('clusterTags.limit', { max: MAX_CLUSTER_TAGS }) });
    setErrors(next);
    if (!next.key && !next.value) save.mutate({ clusterId, tag, replaces: editing, tagCount: tags.length });
  };
  const saveFailure = save.isError && !tagErrorsOf(save.error).key && !tagErrorsOf(save.error).value ? save.error : null;
  const failure = saveFailure ?? remove.error;
  const full = tags.length >= MAX_CLUSTER_TAGS;

  return (
    <Stack gap="md">
      <Text size="sm" c={full ? 'orange' : 'dimmed'}>
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
              <Table.Tr key={tag.key} aria-current={editing === tag.key ? 'true' : undefined}>
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
                          aria-label={t('clusterTags.edit', { key: tag.key })}
                          onClick={() => {
                            setEditing(tag.key);
                            setKey(tag.key);
                            setValue(tag.value);
                            setErrors({});
                            keyInput.current?.focus();
                          }}
                        >
                          {t('clusterTags.editShort')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="red"
                          disabled={disabled}
                          aria-label={t('clusterTags.remove', { key: tag.key })}
                          loading={remove.isPending && remove.variables.body?.tags[0]?.key === tag.key}
                          onClick={() => remove.mutate({ params: { cluster_id: clusterId }, body: { tags: [{ key: tag.key }] } })}
                        >
                          {t('clusterTags.removeShort')}
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
        aria-label={editing ? t('clusterTags.editTitle', { key: editing }) : t('clusterTags.addTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h5">
            {editing ? t('clusterTags.editTitle', { key: editing }) : t('clusterTags.addTitle')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('clusterTags.rules')}
          </Text>
          <Group align="flex-start">
            <TextInput ref={keyInput} label={t('clusterTags.key')} value={key} onChange={(e) => setKey(e.currentTarget.value)} error={errors.key} w={260} autoComplete="off" />
            <TextInput label={t('clusterTags.value')} value={value} onChange={(e) => setValue(e.currentTarget.value)} error={errors.value} w={260} autoComplete="off" />
            <PermissionGate capability="operate">
              {({ disabled }) => (
                <Button type="submit" mt={25} disabled={disabled} loading={save.isPending}>
                  {editing ? t('clusterTags.saveEdit') : t('clusterTags.add')}
                </Button>
              )}
            </PermissionGate>
            {editing ? (
              <Button mt={25} variant="subtle" onClick={clear}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
      {failure ? <ErrorPanel title={t('clusterTags.failed')} error={failure} /> : null}
    </Stack>
  );
}
