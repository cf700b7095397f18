import { Anchor, AppShell, Burger, Group, Loader, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useRef } from 'react';
import { NavLink as RouterNavLink, Link, Navigate, Outlet, useLocation } from 'react-router';
import { roleCan } from '../../contract/console-api.ts';
import { sessionQueries, wasSignedOutHere } from '../shared/auth/session.ts';
import { useI18n } from '../shared/i18n/i18n-context.ts';
import { PageLoader } from '../shared/ui/page-loader.tsx';
import { PageErrorBoundary } from '../shared/ui/page-error-boundary.tsx';
import { ColorSchemeToggle } from './color-scheme-toggle.tsx';
import { ContextIndicator } from './context-indicator.tsx';
import { LanguageSelect } from './language-select.tsx';
import { usePageCodeLoading } from './lazy-page.ts';
import { NAV_ENTRIES } from './features.ts';
import './shell-messages.ts';
import { UserMenu } from './user-menu.tsx';
import '../shared/i18n/shared-messages.ts';

export function AppLayout() {
  const { t, language } = useI18n();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { pathname, search } = useLocation();
  const pageCodeLoading = usePageCodeLoading();
  const session = useQuery(sessionQueries.current());
  const wasSignedIn = useRef(false);
  if (session.data) wasSignedIn.current = true;

  // Every page needs a session: without one, sign in and come back here.
  if (session.isPending) return <PageLoader fullScreen />;
  if (session.data === null) {
    if (wasSignedOutHere()) return <Navigate to="/sign-in" replace />;
    const next = encodeURIComponent(pathname + search);
    return <Navigate to={`/sign-in?next=${next}${wasSignedIn.current ? '&reason=expired' : ''}`} replace />;
  }
  if (session.isError) throw session.error;
  const role = session.data.role;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('header.toggleNavigation')} />
            <Anchor component={Link} to="/clusters" underline="never" c="inherit">
              <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Text>
            </Anchor>
            {/* A page's code is loading after a navigation: show it, the old page stays until then. */}
            {pageCodeLoading ? <Loader size="xs" aria-label={t('app.loading')} /> : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ContextIndicator />
            <LanguageSelect />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      {/* Plain overflow rather than Mantine's ScrollArea: seven links rarely scroll, and it is ~4 KB gzip. */}
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} style={{ overflowY: 'auto' }}>
        <AppShell.Section grow>
          {NAV_ENTRIES.filter((item) => !item.capability || roleCan(role, item.capability)).map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              label={item.label[language]}
              active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
              onClick={closeNav}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <PageErrorBoundary>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
