import { Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { formatTimestamp } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { ME_KEY, type Me } from '../../app/session';
import { PasswordChangeForm } from '../sign-in/PasswordChangeForm';
import { MY_SESSIONS_KEY } from './settings.keys';

export function PasswordSection({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  return (
    <Stack gap="sm" maw={560}>
      <Title order={2} size="h4">
        Change your password
      </Title>
      <Text size="sm">
        Changing it signs you out of every other browser and device; this one stays signed in.{' '}
        {me.password_changed_at === null
          ? ''
          : `Last changed ${formatTimestamp(me.password_changed_at, me.time_zone)}.`}
      </Text>
      <PasswordChangeForm
        onChanged={() => {
          notifySuccess('Your password is changed. Every other browser you were signed in with is signed out.');
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
          void queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY });
        }}
      />
    </Stack>
  );
}
