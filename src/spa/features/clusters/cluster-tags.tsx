import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import type { Cluster } from '../../../contract/clusters.ts';
import { MAX_CLUSTER_TAGS, resourceTagListSchema, tagsCreateBodySchema } from '../../../contract/tags.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useRefused } from '../../shared/auth/session.ts';
import { apiErrorToFieldErrors, issuesToFieldErrors, type FieldErrors } from '../../shared/forms/field-errors.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { putRefusalOnFields } from '../../shared/forms/api-refusal.ts';
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
function validateTag(existing: readonly Tag[], tag: Tag, replaces: string | null, messages: { exists: string; limit: string }): TagErrors {
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
  const canOperate = !useRefused('operate');
  const tags: Tag[] = (cluster.spec?.clusterTags ?? []).map((tag) => ({ key: tag.key ?? '', value: tag.value ?? '' }));
  const clusterId = cluster.metadata.uid ?? '';
  const [editing, setEditing] = useState<string | null>(null);
  const form = useForm<Tag>({
    mode: 'controlled',
    initialValues: { key: '', value: '' },
    validate: (tag) => validateTag(tags, tag, editing, { exists: t('clusterTags.exists'), limit: t('clusterTags.limit', { max: MAX_CLUSTER_TAGS }) }),
  });
  const keyInput = useRef<HTMLInputElement>(null);
  const clear = () => {
    form.reset();
    setEditing(null);
  };
  // A refusal about the key or value goes on that field; any other is shown below the form.
  const [saveFailure, setSaveFailure] = useState<unknown>(null);
  const save = useMutation({
    ...clusterMutations.putTag(),
    onMutate: () => setSaveFailure(null),
    onSuccess: clear,
    onError: (error) => setSaveFailure(putRefusalOnFields(form, error, tagErrorsOf)),
  });
  const remove = useMutation(clusterMutations.removeTags());
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
                    {({ controlProps }) => (
                      <Group gap="xs">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('clusterTags.edit', { key: tag.key })}
                          onClick={() => {
                            setEditing(tag.key);
                            form.setValues(tag);
                            form.clearErrors();
                            keyInput.current?.focus();
                          }}
                          {...controlProps}
                        >
                          {t('clusterTags.editShort')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="red"
                          aria-label={t('clusterTags.remove', { key: tag.key })}
                          loading={remove.isPending && remove.variables.body?.tags[0]?.key === tag.key}
                          onClick={() => remove.mutate({ params: { cluster_id: clusterId }, body: { tags: [{ key: tag.key }] } })}
                          {...controlProps}
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
      {/* A viewer reads the tags; the form to change them is not offered. */}
      {canOperate ? (
        <form
          aria-label={editing ? t('clusterTags.editTitle', { key: editing }) : t('clusterTags.addTitle')}
          onSubmit={form.onSubmit((tag) => save.mutate({ clusterId, tag, replaces: editing, tagCount: tags.length }))}
        >
          <Stack gap="xs">
            <Title order={2} size="h5">
              {editing ? t('clusterTags.editTitle', { key: editing }) : t('clusterTags.addTitle')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('clusterTags.rules')}
            </Text>
            <Group align="flex-start">
              <TextInput ref={keyInput} label={t('clusterTags.key')} {...form.getInputProps('key')} w={260} autoComplete="off" />
              <TextInput label={t('clusterTags.value')} {...form.getInputProps('value')} w={260} autoComplete="off" />
              <PermissionGate capability="operate">
                {({ controlProps }) => (
                  <Button type="submit" mt={25} loading={save.isPending} {...controlProps}>
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
      ) : null}
      {failure ? <ErrorPanel title={t('clusterTags.failed')} error={failure} /> : null}
    </Stack>
  );
}
