import { Button, Divider, Group, Modal, Stack, Switch, TagsInput, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { accountKeys, useAccountFeatures, usePrivilegeCatalog } from '../../app/account-data';
import { showFormError } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import { ME_KEY } from '../../app/session';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import type { Account } from './AccountsPage';
import { environmentNames, FEATURE_KEYS, FEATURES, privilegesByFeature, type FeatureKey } from './features';

type NewAccountForm = {
  name: string;
  environments: string[];
  admin_email: string;
  admin_name: string;
};

export function CreateAccountDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<NewAccountForm>({
    mode: 'controlled',
    initialValues: { name: '', environments: [], admin_email: '', admin_name: '' },
    validate: {
      name: (value) => (value.trim() === '' ? 'Give the account a name' : null),
      admin_email: (value) => (value.trim() === '' || value.includes('@') ? null : 'Enter an email address'),
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const create = useMutation({
    mutationFn: (values: NewAccountForm) => {
      const environments = environmentNames(values.environments);
      const email = values.admin_email.trim();
      const adminName = values.admin_name.trim();
      return ok(
        api.POST('/v1/accounts', {
          body: {
            name: values.name.trim(),
            ...(environments === undefined ? {} : { environments }),
            ...(email === '' ? {} : { admin_email: email }),
            ...(email === '' || adminName === '' ? {} : { admin_name: adminName }),
          },
        }),
      );
    },
    onSuccess: (account) => {
      notifySuccess(
        account.admin_user_id === null
          ? `Account “${account.name}” created.`
          : `Account “${account.name}” created; its first admin was mailed an invitation.`,
      );
      void queryClient.invalidateQueries({ queryKey: accountKeys.all() });
      close();
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  const hasEmail = form.getValues().admin_email.trim() !== '';
  return (
    <Modal opened={opened} onClose={close} title="Create an account" size="lg">
      <form
        onSubmit={form.onSubmit((values) => {
          create.mutate(values);
        })}
        noValidate
      >
        <Stack gap="md">
          <TextInput label="Name" required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          <TagsInput
            label="Environments"
            description="Press Enter after each name; none: a single Production environment"
            maxTags={100}
            {...form.getInputProps('environments')}
          />
          <TextInput
            label="First admin’s email"
            description="Optional: invited as the account’s first admin, by mail"
            type="email"
            maxLength={320}
            {...form.getInputProps('admin_email')}
          />
          <TextInput
            label="First admin’s name"
            description="Optional; default: the address before the @"
            maxLength={200}
            disabled={!hasEmail}
            {...form.getInputProps('admin_name')}
          />
          <Group justify="flex-end" wrap="wrap">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create account
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Rename an account and switch its features; each switch applies at once. */
export function EditAccountDialog({ account, onClose }: { account: Account | null; onClose: () => void }) {
  return (
    <Modal opened={account !== null} onClose={onClose} title={account === null ? '' : `Edit ${account.name}`} size="lg">
      {account === null ? null : (
        <Stack gap="lg">
          <RenameForm key={account.account_id} account={account} />
          <Divider />
          <FeatureSwitches accountId={account.account_id} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

type RenameValues = { name: string };

function RenameForm({ account }: { account: Account }) {
  const queryClient = useQueryClient();
  const form = useForm<RenameValues>({
    mode: 'controlled',
    initialValues: { name: account.name },
    validate: { name: (value) => (value.trim() === '' ? 'Give the account a name' : null) },
  });
  const rename = useMutation({
    mutationFn: (values: RenameValues) =>
      ok(
        api.PATCH('/v1/accounts/{account_id}', {
          params: { path: { account_id: account.account_id } },
          body: { name: values.name.trim() },
        }),
      ),
    onSuccess: (renamed) => {
      notifySuccess(`Account renamed “${renamed.name}”.`);
      form.setInitialValues({ name: renamed.name });
      form.setValues({ name: renamed.name });
      void queryClient.invalidateQueries({ queryKey: accountKeys.all() });
      // Memberships and the current account show the name too.
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (error) => {
      showFormError(form, error);
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        rename.mutate(values);
      })}
      noValidate
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Name"
          required
          maxLength={200}
          style={{ flex: 1, minWidth: 220 }}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Button type="submit" loading={rename.isPending} disabled={!form.isDirty()}>
          Rename
        </Button>
      </Group>
    </form>
  );
}

function FeatureSwitches({ accountId }: { accountId: string }) {
  const queryClient = useQueryClient();
  const features = useAccountFeatures(accountId);
  const privileges = usePrivilegeCatalog();
  const toggle = useMutation({
    mutationFn: ({ key, on }: { key: FeatureKey; on: boolean }) =>
      ok(
        api.PATCH('/v1/accounts/{account_id}/features', {
          params: { path: { account_id: accountId } },
          body: { [key]: on },
        }),
      ),
    onSuccess: (saved, { key, on }) => {
      queryClient.setQueryData(accountKeys.features(accountId), saved);
      notifySuccess(`${FEATURES[key].label} switched ${on ? 'on' : 'off'}.`);
      void queryClient.invalidateQueries({ queryKey: accountKeys.all() });
      // The privileges someone holds may come and go with a feature.
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      void queryClient.invalidateQueries({ queryKey: accountKeys.everyonesPermissions(accountId) });
    },
    onError: (error) => {
      notifyError(error, 'The feature was not switched');
    },
  });

  const added = privilegesByFeature(privileges.data?.items ?? []);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Features
      </Title>
      {features.isError ? (
        <LoadFailed error={features.error} onRetry={() => void features.refetch()} />
      ) : features.data === undefined ? (
        <PageLoader label="Loading features" />
      ) : (
        FEATURE_KEYS.map((key) => {
          const adds = added.get(key) ?? [];
          return (
            <Switch
              key={key}
              label={FEATURES[key].label}
              description={[
                FEATURES[key].description,
                adds.length === 0 ? undefined : `Adds the privileges ${adds.join(', ')}`,
              ]
                .filter((line) => line !== undefined)
                .join('. ')}
              checked={features.data[key]}
              disabled={toggle.isPending}
              onChange={(event) => {
                toggle.mutate({ key, on: event.currentTarget.checked });
              }}
            />
          );
        })
      )}
    </Stack>
  );
}
