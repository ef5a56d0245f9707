import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Input,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { accountKeys } from '../../app/account-data';
import { showFormError } from '../../app/forms';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { notifySuccess } from '../../app/notify';
import { ME_KEY, type Me } from '../../app/session';
import {
  formFromSettings,
  LIMITS,
  securityFormPaths,
  securityFormProblems,
  settingsPatch,
  TRUSTED_IPS_MAX,
  type SecurityForm as SecurityValues,
  type SecurityPatch,
  type SecuritySettings,
} from './security.rules';

/** The security settings as a form; it sends only what changed. */
export function SecurityForm({ me, accountId, settings }: { me: Me; accountId: string; settings: SecuritySettings }) {
  const queryClient = useQueryClient();
  const [confirmingTwoFactor, setConfirmingTwoFactor] = useState(false);
  const form = useForm<SecurityValues>({
    mode: 'controlled',
    initialValues: formFromSettings(settings),
    validate: securityFormProblems,
    validateInputOnBlur: true,
  });

  const save = useMutation({
    mutationFn: (patch: SecurityPatch) =>
      ok(
        api.PATCH('/v1/accounts/{account_id}/settings/security', {
          params: { path: { account_id: accountId } },
          body: patch,
        }),
      ),
    onSuccess: (saved, patch) => {
      notifySuccess('Security settings saved.');
      queryClient.setQueryData(accountKeys.security(accountId), saved);
      void queryClient.invalidateQueries({ queryKey: accountKeys.security(accountId) });
      // Whether the signed-in person must now enrol 2FA or change their password is in /v1/me.
      if (patch.require_two_factor !== undefined || patch.password_policy?.max_age_days !== undefined) {
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
      }
    },
    onError: (error) => {
      showFormError(form, error, { fields: securityFormPaths(form.getValues()) });
    },
  });

  const values = form.getValues();
  const patch = settingsPatch(settings, values);
  const number = (path: keyof typeof LIMITS) => ({
    min: LIMITS[path][0],
    max: LIMITS[path][1],
    allowDecimal: false,
    ...form.getInputProps(path),
  });

  return (
    <form
      onSubmit={form.onSubmit((submitted) => {
        const changes = settingsPatch(settings, submitted);
        if (changes !== null) save.mutate(changes);
      })}
      noValidate
    >
      <Stack gap="lg">
        <Fieldset legend="Sessions">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Idle timeout (minutes)"
              description="A session ends after this long without a request"
              {...number('idle_timeout_minutes')}
            />
            <NumberInput
              label="Sessions per person"
              description="Signing in once more ends the oldest"
              {...number('max_sessions_per_user')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Two-factor authentication">
          <Switch
            label="Require two-factor authentication"
            description="Members without it must enrol before they can do anything else"
            checked={values.require_two_factor}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              if (on && !settings.require_two_factor) setConfirmingTwoFactor(true);
              else form.setFieldValue('require_two_factor', on);
            }}
          />
        </Fieldset>

        <Fieldset legend="Passwords">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label="Minimum length" description="In characters" {...number('password_policy.min_length')} />
            <NumberInput
              label="Character classes to mix"
              description="Of lower case, upper case, digits, symbols; 0: no such rule"
              {...number('password_policy.character_classes')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
            <NumberInput
              label="Earlier passwords refused"
              description="How many may not be used again; 0: no such rule"
              {...number('password_policy.history_count')}
            />
            <NumberInput
              label="Maximum age (days)"
              description="After this, a password must be changed; empty: never"
              placeholder="Never"
              {...number('password_policy.max_age_days')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Trusted IPs for API tokens">
          <Stack gap="xs">
            <Text size="sm" id="trusted-ips-help">
              API tokens work only from these addresses and CIDR ranges (such as 203.0.113.7, 203.0.113.0/24,
              2001:db8::/32). Empty: from anywhere. The list must include the address you are using now.
            </Text>
            {values.trusted_ips.length === 0 ? (
              <Text size="sm" c="dimmed">
                No trusted IPs: tokens are accepted from anywhere.
              </Text>
            ) : null}
            {values.trusted_ips.map((_, index) => (
              <Group key={form.key(`trusted_ips.${String(index)}`)} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  aria-label={`Trusted IP ${String(index + 1)}`}
                  placeholder="203.0.113.0/24"
                  maxLength={64}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`trusted_ips.${String(index)}`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`Remove trusted IP ${String(index + 1)}`}
                  onClick={() => {
                    form.removeListItem('trusted_ips', index);
                  }}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {typeof form.errors.trusted_ips === 'string' ? (
              <Input.Error role="alert">{form.errors.trusted_ips}</Input.Error>
            ) : null}
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                disabled={values.trusted_ips.length >= TRUSTED_IPS_MAX}
                onClick={() => {
                  form.insertListItem('trusted_ips', '');
                }}
              >
                Add trusted IP
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        {patch?.require_two_factor === true ? (
          <Alert color="yellow" title="Two-factor authentication will be required">
            Members without it must enrol at their next request before they can do anything else.
            {me.two_factor_enabled ? null : ' That includes you: you will be asked to enrol right after saving.'}
          </Alert>
        ) : null}

        <Group justify="flex-end" wrap="wrap">
          <Button
            variant="default"
            disabled={patch === null}
            onClick={() => {
              form.setValues(formFromSettings(settings));
              form.clearErrors();
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" loading={save.isPending} disabled={patch === null}>
            Save changes
          </Button>
        </Group>
      </Stack>

      <ConfirmDialog
        opened={confirmingTwoFactor}
        title="Require two-factor authentication?"
        confirmLabel="Require it"
        onConfirm={() => {
          form.setFieldValue('require_two_factor', true);
          setConfirmingTwoFactor(false);
        }}
        onClose={() => {
          setConfirmingTwoFactor(false);
        }}
      >
        Once saved, every member without two-factor authentication must enrol at their next request: the API refuses
        them everything else until they do.
        {me.two_factor_enabled ? null : ' You have not set it up yourself, so you will be asked to enrol too.'}
      </ConfirmDialog>
    </form>
  );
}
