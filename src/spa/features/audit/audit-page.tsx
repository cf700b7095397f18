import { Badge, Button, Code, EmptyState, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AUDIT_OUTCOMES, type AuditEntry } from '../../../contract/console-api.ts';
import { operationById } from '../../../contract/operations.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { TableSkeleton } from '../../shared/ui/table-skeleton.tsx';
import { Timestamp } from '../../shared/ui/timestamp.tsx';
import { CopyValueButton } from '../../shared/ui/copy-value-button.tsx';
import { auditQueries, type AuditFilters } from '../../resources/audit/audit-queries.ts';
import './audit-messages.ts';
import '../../shared/i18n/shared-messages.ts';

const FILTER_KEYS = ['actor', 'action', 'target', 'outcome', 'from', 'to'] as const;
const OUTCOME_COLOR: Record<AuditEntry['outcome'], string> = { success: 'green', failure: 'red', denied: 'orange' };

/** `datetime-local` value ↔ ISO instant (the API takes ISO 8601 with an offset). */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function filtersFrom(params: URLSearchParams): AuditFilters {
  const outcome = params.get('outcome');
  return {
    ...(params.get('actor') ? { actor: params.get('actor')! } : {}),
    ...(params.get('action') ? { action: params.get('action')! } : {}),
    ...(params.get('target') ? { target: params.get('target')! } : {}),
    ...(outcome && (AUDIT_OUTCOMES as readonly string[]).includes(outcome) ? { outcome: outcome as AuditFilters['outcome'] } : {}),
    ...(toIso(params.get('from') ?? '') ? { from: toIso(params.get('from')!) } : {}),
    ...(toIso(params.get('to') ?? '') ? { to: toIso(params.get('to')!) } : {}),
  };
}

/**
 * The audit trail: every change made through the console, newest first. Filters live in the URL so a
 * view ("everything alice did to cluster X yesterday") can be shared; this is the "who did it" source
 * for every history the console shows.
 */
export function AuditPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(
    () => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>,
  );
  const filters = filtersFrom(params);
  const query = useInfiniteQuery(auditQueries.list(filters));
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = () => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) if (draft[key]) next.set(key, draft[key]);
    setParams(next);
  };
  const clear = () => {
    setDraft({ actor: '', action: '', target: '', outcome: '', from: '', to: '' });
    setParams(new URLSearchParams());
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label={t('audit.filter.actor')} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })} w={160} />
          <TextInput
            label={t('audit.filter.action')}
            placeholder="DeleteAutopilotCluster"
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            w={230}
          />
          <TextInput label={t('audit.filter.target')} value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.currentTarget.value })} w={260} />
          <Select
            label={t('audit.filter.outcome')}
            data={[{ value: '', label: t('audit.filter.anyOutcome') }, ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))]}
            value={draft.outcome}
            onChange={(value) => setDraft({ ...draft, outcome: value ?? '' })}
            allowDeselect={false}
            w={150}
          />
          <TextInput
            type="datetime-local"
            label={t('audit.filter.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput type="datetime-local" label={t('audit.filter.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          <Button type="submit">{t('audit.filter.apply')}</Button>
          <Button variant="default" onClick={clear}>
            {t('audit.filter.clear')}
          </Button>
        </Group>
      </form>

      {query.isPending ? (
        <TableSkeleton columns={[15, 15, 25, 20, 10, 15]} />
      ) : query.isError ? (
        <ErrorPanel title={t('audit.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t('audit.empty')} description={t('audit.emptyHint')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={t('audit.tableLabel')} striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.column.time')}</Table.Th>
                  <Table.Th>{t('audit.column.actor')}</Table.Th>
                  <Table.Th>{t('audit.column.action')}</Table.Th>
                  <Table.Th>{t('audit.column.target')}</Table.Th>
                  <Table.Th>{t('audit.column.outcome')}</Table.Th>
                  <Table.Th>{t('audit.column.requestId')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {query.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                {t('audit.loadOlder')}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const title = operationById(entry.action)?.title;
  // A name beside the id when the entry kept one that says more than the id itself.
  const named = Boolean(entry.targetName) && entry.targetName !== entry.targetId;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Timestamp value={entry.at} />
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.actor ?? '—'}</Text>
          {entry.actorRole ? (
            <Text size="xs" c="dimmed">
              {t(`roles.${entry.actorRole}`)}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          <Code>{entry.action}</Code>
          {title ? (
            <Text size="xs" c="dimmed">
              {title}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          {entry.targetKind ? (
            <Text size="xs" c="dimmed">
              {entry.targetKind}
            </Text>
          ) : null}
          {/* The name it had then (a deleted cluster is still recognised), and the id it is known by. */}
          {named ? (
            <Text size="sm" fw={500}>
              {entry.targetName}
            </Text>
          ) : null}
          <Text size={named ? 'xs' : 'sm'} ff="monospace" style={{ wordBreak: 'break-all' }}>
            {entry.targetId ?? '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Badge color={OUTCOME_COLOR[entry.outcome]} variant="light">
            {t(`audit.outcome.${entry.outcome}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {[entry.status, entry.errorCode].filter((v) => v !== null).join(' · ')}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Code style={{ wordBreak: 'break-all' }}>{entry.requestId ?? '—'}</Code>
            {entry.requestId ? <CopyValueButton value={entry.requestId} label={t('error.copyRequestId')} /> : null}
          </Group>
          <Button variant="subtle" size="compact-xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? t('audit.hideDetails') : t('audit.showDetails')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open ? (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <Code block>{JSON.stringify({ summary: entry.summary, upstreamRequestId: entry.upstreamRequestId, clientIp: entry.clientIp }, null, 2)}</Code>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
