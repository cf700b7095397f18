import { Badge, Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../shared/api/api-client.ts';
import { forgetSession, useSession } from '../shared/auth/session.ts';
import { useI18n } from '../shared/i18n/i18n-context.ts';
import './shell-messages.ts';
import '../shared/i18n/shared-messages.ts';

/** Who is signed in, with which role, and the way out. */
export function UserMenu() {
  const { t } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => requestJson('/api/session', { method: 'DELETE' }),
    // Whatever the answer, this browser forgets everything it loaded under the old session; the
    // shell, seeing no session, shows the sign-in page.
    onSettled: () => forgetSession(queryClient),
  });
  if (!session) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={500} visibleFrom="sm">
        {session.user}
      </Text>
      <Badge
        variant="light"
        color={session.role === 'admin' ? 'grape' : session.role === 'operator' ? 'blue' : 'gray'}
        aria-label={t('session.roleLabel', { role: t(`roles.${session.role}`) })}
      >
        {t(`roles.${session.role}`)}
      </Badge>
      <Button variant="subtle" size="compact-sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('session.signOut')}
      </Button>
    </Group>
  );
}
