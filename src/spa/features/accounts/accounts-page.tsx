import { Alert, Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { createAccountBodySchema, passwordSchema, ROLES, type Account, type CreateAccountBody, type Role } from '../../../contract/console-api.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { useCan, useSession } from '../../shared/auth/session.ts';
import { apiErrorToFieldErrors, issuesToFieldErrors } from '../../shared/forms/field-errors.ts';
import { localizeValidationMessage } from '../../shared/forms/validation-messages.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { PageLoader } from '../../shared/ui/page-loader.tsx';
import { Timestamp } from '../../shared/ui/timestamp.tsx';
import { Tooltip } from '../../shared/ui/tooltip.tsx';
import { accountQueries, createAccount, unlockSignIn, updateAccount } from './accounts-queries.ts';
import './accounts-messages.ts';
import '../../shared/i18n/shared-messages.ts';

const INVALIDATES = { invalidates: [['accounts']] } as const;

/** The account form's field a request path (`username`, `password`, `role`) belongs to. */
function fieldOfPath(path: string): keyof CreateAccountBody | undefined {
  const field = path.split('.')[0];
  return field === 'username' || field === 'password' || field === 'role' ? field : undefined;
}

/** Server field errors (`body.password`) onto the form's fields. */
function serverFieldErrors(error: unknown) {
  return error instanceof ApiError ? apiErrorToFieldErrors(error, fieldOfPath) : {};
}

export function AccountsPage() {
  const { t } = useI18n();
  const isAdmin = useCan('administer');
  const accounts = useQuery({ ...accountQueries.list(), enabled: isAdmin });
  const [creating, setCreating] = useState(false);

  if (!isAdmin) {
    return (
      <Stack maw={760}>
        <PageHeader title={t('accounts.title')} />
        <Alert color="yellow" variant="light">
          {t('accounts.needsAdmin')}
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={t('accounts.title')}
        description={t('accounts.description')}
        actions={<Button onClick={() => setCreating(true)}>{t('accounts.create')}</Button>}
      />
      {accounts.isPending ? (
        <PageLoader />
      ) : accounts.isError ? (
        <ErrorPanel title={t('accounts.loadFailed')} error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <Table aria-label={t('accounts.tableLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.column.username')}</Table.Th>
              <Table.Th>{t('accounts.column.role')}</Table.Th>
              <Table.Th>{t('accounts.column.status')}</Table.Th>
              <Table.Th>{t('accounts.column.created')}</Table.Th>
              <Table.Th>{t('accounts.column.updated')}</Table.Th>
              <Table.Th>{t('accounts.column.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.data.map((account) => (
              <AccountRow key={account.username} account={account} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CreateAccountDialog opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

/**
 * The BFF refuses an admin disabling or demoting their own account (BFF.SELF_LOCKOUT); the page says
 * so up front on the disabled control instead of letting the click fail.
 */
function SelfLockoutReason({ self, children }: { self: boolean; children: ReactElement }) {
  const { t } = useI18n();
  if (!self) return children;
  return (
    <Tooltip label={t('accounts.selfLockout')}>
      <span tabIndex={0} style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        {children}
      </span>
    </Tooltip>
  );
}

function AccountRow({ account }: { account: Account }) {
  const { t } = useI18n();
  const session = useSession();
  const self = session?.user === account.username;
  const [confirmToggle, setConfirmToggle] = useState(false);
  const [resetting, setResetting] = useState(false);
  const change = useMutation({ mutationFn: (body: Parameters<typeof updateAccount>[1]) => updateAccount(account.username, body), meta: INVALIDATES });
  const unlock = useMutation({ mutationFn: () => unlockSignIn(account.username), meta: INVALIDATES });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{account.username}</Text>
        {self ? (
          <Text size="xs" c="dimmed">
            {t('accounts.you')}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <SelfLockoutReason self={self}>
          <Select
            aria-label={t('accounts.roleOf', { username: account.username })}
            data={roleOptions}
            value={account.role}
            allowDeselect={false}
            disabled={self || change.isPending}
            onChange={(value) => value && value !== account.role && change.mutate({ role: value as Role })}
            w={140}
          />
        </SelfLockoutReason>
      </Table.Td>
      <Table.Td>
        <Badge color={account.disabled ? 'gray' : 'green'} variant="light">
          {t(account.disabled ? 'accounts.status.disabled' : 'accounts.status.active')}
        </Badge>
        {account.signInThrottled ? (
          <Badge color="orange" variant="light" ml="xs">
            {t('accounts.status.throttled')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Timestamp value={account.createdAt} />
      </Table.Td>
      <Table.Td>
        <Timestamp value={account.updatedAt} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <SelfLockoutReason self={self}>
            <Button size="compact-sm" variant="default" disabled={self} onClick={() => setConfirmToggle(true)}>
              {t(account.disabled ? 'accounts.enable' : 'accounts.disable', { username: account.username })}
            </Button>
          </SelfLockoutReason>
          <Button size="compact-sm" variant="default" onClick={() => setResetting(true)}>
            {t('accounts.resetPassword', { username: account.username })}
          </Button>
          {account.signInThrottled ? (
            <Button size="compact-sm" variant="default" loading={unlock.isPending} onClick={() => unlock.mutate()}>
              {t('accounts.unlockSignIn', { username: account.username })}
            </Button>
          ) : null}
        </Group>
        {change.isError || unlock.isError ? (
          <ErrorPanel title={t('accounts.changeFailed', { username: account.username })} error={change.error ?? unlock.error} />
        ) : null}
        <Modal
          opened={confirmToggle}
          onClose={() => setConfirmToggle(false)}
          title={t(account.disabled ? 'accounts.enableTitle' : 'accounts.disableTitle', { username: account.username })}
        >
          <Stack>
            <Text>{t(account.disabled ? 'accounts.enableConfirm' : 'accounts.disableConfirm', { username: account.username })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmToggle(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={account.disabled ? 'blue' : 'red'}
                loading={change.isPending}
                onClick={() => change.mutate({ disabled: !account.disabled }, { onSuccess: () => setConfirmToggle(false) })}
              >
                {t(account.disabled ? 'accounts.enable' : 'accounts.disable', { username: account.username })}
              </Button>
            </Group>
          </Stack>
        </Modal>
        <ResetPasswordDialog account={account} opened={resetting} onClose={() => setResetting(false)} />
      </Table.Td>
    </Table.Tr>
  );
}

function ResetPasswordDialog({ account, opened, onClose }: { account: Account; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: {
      password: (value) => {
        const result = passwordSchema.safeParse(value);
        return result.success ? null : result.error.issues[0] ? localizeValidationMessage(result.error.issues[0].message) : null;
      },
    },
  });
  const reset = useMutation({
    mutationFn: (password: string) => updateAccount(account.username, { password }),
    meta: INVALIDATES,
    onSuccess: () => {
      form.reset();
      onClose();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('accounts.resetTitle', { username: account.username })}>
      <form onSubmit={form.onSubmit((values) => reset.mutate(values.password))} noValidate>
        <Stack>
          <Text size="sm">{t('accounts.resetHint')}</Text>
          <PasswordInput label={t('accounts.field.newPassword')} autoComplete="new-password" required {...form.getInputProps('password')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('accounts.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CreateAccountDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const form = useForm<CreateAccountBody>({
    mode: 'controlled',
    initialValues: { username: '', password: '', role: 'operator' },
    validate: (values) => {
      const parsed = createAccountBodySchema.safeParse(values);
      return parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, fieldOfPath);
    },
  });
  const create = useMutation({
    mutationFn: createAccount,
    meta: INVALIDATES,
    onSuccess: () => {
      form.reset();
      onClose();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const otherError = create.error instanceof ApiError && !create.error.fields?.length ? create.error : null;
  return (
    <Modal opened={opened} onClose={onClose} title={t('accounts.createTitle')}>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack>
          <TextInput label={t('accounts.field.username')} autoComplete="off" required {...form.getInputProps('username')} />
          <PasswordInput
            label={t('accounts.field.password')}
            description={t('accounts.passwordRule')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Select
            label={t('accounts.field.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          {otherError ? <ErrorPanel title={t('accounts.createFailed')} error={otherError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('accounts.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
