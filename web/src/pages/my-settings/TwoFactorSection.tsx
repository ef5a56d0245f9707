import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { showFormError } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { ME_KEY, type Me } from '../../app/session';
import { twoFactorCode } from './settings.labels';

export function TwoFactorSection({ me }: { me: Me }) {
  const [turningOff, setTurningOff] = useState(false);
  const on = me.two_factor_enabled;
  const codesLeft = me.recovery_codes_left;
  return (
    <Stack gap="sm" maw={560}>
      <Group gap="sm">
        <Title order={2} size="h4">
          Two-factor authentication
        </Title>
        <Badge color={on ? 'teal' : 'gray'} variant="light">
          {on ? 'On' : 'Off'}
        </Badge>
      </Group>
      {on ? (
        <>
          <Text size="sm">
            Signing in asks for a code from your authenticator app after your password. You have{' '}
            <strong>
              {String(codesLeft)} recovery code{codesLeft === 1 ? '' : 's'}
            </strong>{' '}
            left for when you do not have your phone.
          </Text>
          {codesLeft <= 3 ? (
            <Alert color="yellow" title="Few recovery codes left">
              Turn two-factor authentication off and on again to get ten new recovery codes.
            </Alert>
          ) : null}
          <Group>
            <Button
              variant="outline"
              color="red"
              onClick={() => {
                setTurningOff(true);
              }}
            >
              Turn off two-factor authentication
            </Button>
          </Group>
          <TurnOffDialog
            opened={turningOff}
            onClose={() => {
              setTurningOff(false);
            }}
          />
        </>
      ) : (
        <>
          <Text size="sm">
            With two-factor authentication, signing in also asks for a code from an authenticator app on your phone, so
            your password alone is not enough to get in.
          </Text>
          <Group>
            <Button component={Link} to="/two-factor/enrol">
              Turn on two-factor authentication
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** Turning it off needs a current code (or a recovery code): a stolen session alone cannot. */
function TurnOffDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (value.trim() === '' ? 'Enter a code' : null) },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const turnOff = useMutation({
    mutationFn: (values: typeof form.values) =>
      ok(api.DELETE('/v1/me/two-factor', { body: { code: twoFactorCode(values.code) } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      notifySuccess('Two-factor authentication is off; your recovery codes no longer work.');
      close();
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  return (
    <Modal opened={opened} onClose={close} title="Turn off two-factor authentication?" centered>
      <form
        onSubmit={form.onSubmit((values) => {
          turnOff.mutate(values);
        })}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">
            Signing in will ask for your password only, and your recovery codes stop working. To confirm, enter the code
            your authenticator app shows, or one of your recovery codes.
          </Text>
          <TextInput
            label="Code from your app or a recovery code"
            required
            autoComplete="one-time-code"
            maxLength={64}
            data-autofocus
            {...form.getInputProps('code')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={turnOff.isPending}>
              Turn off
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
