import { Alert, Box, Button, Center, Code, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { signInBodySchema, type SignInBody } from '../../../contract/console-api.ts';
import { requestJson } from '../../shared/api/api-client.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { contextQueries } from '../../shared/api/console-context.ts';
import { acceptSession, SESSION_QUERY_KEY, sessionQueries } from '../../shared/auth/session.ts';
import { issuesToFieldErrors } from '../../shared/forms/field-errors.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { Translator } from '../../shared/i18n/i18n.ts';
import { ErrorDetails } from '../../shared/ui/error-details.tsx';
import './sign-in-messages.ts';
import '../../shared/i18n/shared-messages.ts';

/** Only same-origin, absolute paths: `next` must not send a signed-in operator to another site. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/sign-in')) return '/clusters';
  return next;
}

/** What went wrong, in words: wrong credentials, a disabled account, or throttling with the wait the BFF asked for. */
function signInErrorTitle(error: ApiError, { t, tn }: Translator): string {
  if (error.code === 'BFF.TOO_MANY_ATTEMPTS' || error.status === 429) {
    const seconds = error.retryAfterSeconds;
    if (seconds === undefined) return t('signIn.throttledNoWait');
    // Whole minutes from a minute up (rounded up, never promising less than the server asked).
    const wait = seconds >= 60 ? tn('signIn.wait.minutes', Math.ceil(seconds / 60)) : tn('signIn.wait.seconds', Math.max(1, seconds));
    return t('signIn.throttled', { wait });
  }
  if (error.code === 'BFF.ACCOUNT_DISABLED') return t('signIn.disabled');
  return t(error.status === 401 ? 'signIn.failed' : 'signIn.error');
}

export function SignInPage() {
  const translator = useI18n();
  const { t } = translator;
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQueries.current());
  const context = useQuery(contextQueries.current());
  const form = useForm<SignInBody>({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: (values) => {
      const result = signInBodySchema.safeParse(values);
      return result.success ? {} : issuesToFieldErrors(result.error.issues, (path) => (path === 'username' || path === 'password' ? path : undefined));
    },
  });
  const signIn = useMutation({
    mutationFn: async (body: SignInBody) =>
      acceptSession(
        await requestJson('/api/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
    onSuccess: async (data) => {
      // Nothing read under another session survives, except the public context (the same for every
      // operator): kept, the cluster list's first call needs no round for the project id first.
      const consoleContext = queryClient.getQueryData(contextQueries.current().queryKey);
      queryClient.clear();
      if (consoleContext) queryClient.setQueryData(contextQueries.current().queryKey, consoleContext);
      queryClient.setQueryData(SESSION_QUERY_KEY, data);
      await navigate(next, { replace: true });
    },
  });

  if (session.data) return <Navigate to={next} replace />;
  const error = signIn.error instanceof ApiError ? signIn.error : null;
  const demoAccounts = context.data?.demoAccounts ?? [];

  return (
    <Center component="main" mih="100vh" p="md">
      <Stack w={420} gap="lg">
        <Title order={1} size="h2" ta="center">
          {t('signIn.title')}
        </Title>
        {params.get('reason') === 'expired' ? (
          <Alert color="yellow" variant="light">
            {t('signIn.sessionEnded')}
          </Alert>
        ) : null}
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
            <Stack gap="md">
              <TextInput label={t('signIn.username')} autoComplete="username" required {...form.getInputProps('username')} />
              <PasswordInput label={t('signIn.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
              {error ? (
                <Alert color="red" variant="light" title={signInErrorTitle(error, translator)}>
                  {error.status === 401 || error.status === 429 ? null : <ErrorDetails error={error} />}
                </Alert>
              ) : null}
              <Button type="submit" loading={signIn.isPending}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        {demoAccounts.length > 0 ? (
          <Paper withBorder p="lg" radius="md">
            <Stack gap="xs">
              <Title order={2} size="h5">
                {t('signIn.demo.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('signIn.demo.description')}
              </Text>
              <Box>
                <Table aria-label={t('signIn.demo.title')} striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('signIn.demo.role')}</Table.Th>
                      <Table.Th>{t('signIn.username')}</Table.Th>
                      <Table.Th>{t('signIn.password')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {demoAccounts.map((account) => (
                      <Table.Tr key={account.username}>
                        <Table.Td>{t(`roles.${account.role}`)}</Table.Td>
                        <Table.Td>
                          <Code>{account.username}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Code>{account.password}</Code>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </Center>
  );
}
