import { Anchor, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useMe, type Me } from '../../app/session';
import { PageLoader } from '../../shell/Loading';
import { TokenList } from '../tokens/TokenList';
import { AlertsSection } from './AlertsSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { SessionsSection } from './SessionsSection';
import { searchForSection, SECTION_LABELS, sectionFromSearch, sectionsFor, type Section } from './settings.sections';
import { TwoFactorSection } from './TwoFactorSection';

/** My settings: what every signed-in person changes about themselves, one tab a section. */
export function MySettingsPage() {
  const me = useMe();
  if (me.data === undefined || me.data === null) return <PageLoader />;
  return <MySettings me={me.data} />;
}

function MySettings({ me }: { me: Me }) {
  const [search, setSearch] = useSearchParams();
  const accountId = me.current_account?.account_id ?? null;
  const shown = sectionsFor(accountId !== null);
  const section = sectionFromSearch(search, shown);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        My settings
      </Title>
      <Tabs
        value={section}
        onChange={(value) => {
          const next = shown.find((s) => s === value);
          if (next !== undefined) setSearch(searchForSection(next));
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label="Sections of My settings">
          {shown.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {SECTION_LABELS[s]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shown.map((s) => (
          <Tabs.Panel key={s} value={s} pt="lg">
            <SectionContent section={s} me={me} accountId={accountId} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function SectionContent({ section, me, accountId }: { section: Section; me: Me; accountId: string | null }) {
  switch (section) {
    case 'profile':
      return <ProfileSection me={me} />;
    case 'password':
      return <PasswordSection me={me} />;
    case 'two-factor':
      return <TwoFactorSection me={me} />;
    case 'sessions':
      return <SessionsSection me={me} />;
    case 'tokens':
      return accountId === null ? null : (
        <Stack gap="md" maw={1100}>
          <Text size="sm">
            The API tokens you own in {me.current_account?.account_name ?? 'this account'}. Create them on the{' '}
            <Anchor component={Link} to="/tokens">
              API tokens page
            </Anchor>
            .
          </Text>
          <TokenList me={me} accountId={accountId} ownerId={me.user_id} />
        </Stack>
      );
    case 'alerts':
      return accountId === null ? null : <AlertsSection me={me} accountId={accountId} />;
  }
}
