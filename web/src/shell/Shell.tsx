import {
  AppShell,
  Burger,
  Group,
  Menu,
  NavLink,
  Select,
  Text,
  UnstyledButton,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconLogout, IconUserCog } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, ok, rememberCsrfToken } from '../api/client';
import { notifyError } from '../app/notify';
import { ME_KEY, type Me } from '../app/session';
import { navItemsFor } from './nav';

export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const [navOpen, nav] = useDisclosure(false);
  const location = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
            />
            <img src="/favicon.svg" alt="" width={24} height={24} />
            <Text fw={700} visibleFrom="xs">
              Steward
            </Text>
            <AccountSwitcher me={me} />
          </Group>
          <UserMenu me={me} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {navItemsFor(me).map((item) => (
          <NavLink
            key={item.path}
            component={Link}
            to={item.path}
            label={item.label}
            leftSection={<item.icon size={18} aria-hidden />}
            active={location.pathname.startsWith(item.path)}
            aria-current={location.pathname.startsWith(item.path) ? 'page' : undefined}
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

/** The account the session works in; a choice when the person is an active member of several. */
function AccountSwitcher({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const switchAccount = useMutation({
    mutationFn: (accountId: string) => ok(api.PATCH('/v1/me', { body: { current_account_id: accountId } })),
    onSuccess: async (updated) => {
      rememberCsrfToken(updated.csrf_token);
      // Everything shown belongs to the account: drop it all, then show the new account's.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, updated);
      await navigate('/');
    },
    onError: (error) => {
      notifyError(error, 'Could not switch accounts');
    },
  });
  const accounts = me.memberships.filter((m) => m.is_active && m.status === 'active');
  const current = me.current_account;
  if (accounts.length <= 1) {
    return (
      <Text fw={500} truncate="end" maw={{ base: 140, xs: 260 }}>
        {current?.account_name ?? 'No account'}
      </Text>
    );
  }
  return (
    <Select
      aria-label="Account"
      data={accounts.map((m) => ({ value: m.account_id, label: m.account_name }))}
      value={current?.account_id ?? null}
      onChange={(value) => {
        if (value !== null && value !== current?.account_id) switchAccount.mutate(value);
      }}
      allowDeselect={false}
      searchable={accounts.length > 8}
      disabled={switchAccount.isPending}
      w={{ base: 150, xs: 240 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function UserMenu({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => ok(api.POST('/v1/auth/logout')),
    onSettled: async () => {
      rememberCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      await navigate('/login', { replace: true });
    },
  });
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={`Your menu: ${me.name}`}>
          <Group gap={4} wrap="nowrap">
            <Text size="sm" fw={500} truncate="end" maw={{ base: 90, xs: 200 }}>
              {me.name}
            </Text>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/settings" leftSection={<IconUserCog size={16} aria-hidden />}>
          My settings
        </Menu.Item>
        <ThemeChoices />
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => {
            signOut.mutate();
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const SCHEMES: { value: MantineColorScheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'As the system' },
];

/** Light, dark or as the system says; Mantine keeps the choice in this browser. */
function ThemeChoices() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <>
      <Menu.Divider />
      <Menu.Label>Theme</Menu.Label>
      {SCHEMES.map((scheme) => (
        <Menu.Item
          key={scheme.value}
          leftSection={
            colorScheme === scheme.value ? (
              <IconCheck size={16} role="img" aria-label="Chosen:" />
            ) : (
              <span style={{ width: 16 }} />
            )
          }
          onClick={() => {
            setColorScheme(scheme.value);
          }}
        >
          {scheme.label}
        </Menu.Item>
      ))}
    </>
  );
}
