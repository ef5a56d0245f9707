import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, ok } from '../../api/client';
import { FormModal } from '../../app/FormModal';
import { useAccountFeatures, usePrivilegeCatalog } from '../../app/account-data';
import { showFormError } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { type Me } from '../../app/session';
import { holds } from '../../app/access';
import { LoadFailed, PageLoader } from '../../shell/Loading';
import { roleChanged, type Role } from './roles.data';
import {
  chosenPrivileges,
  groupPrivileges,
  roleKeyFromName,
  type Privilege,
  type PrivilegeChoice,
} from './roles.privileges';

interface RoleValues {
  [field: string]: unknown;
  key: string;
  name: string;
  description: string;
  privileges: string[];
}

/** Creates a custom role (`role` null) or edits one: its name, description and privileges. */
export function RoleEditor(props: {
  me: Me;
  accountId: string;
  role: Role | null;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.role === null ? 'New custom role' : `Edit ${props.role.name}`}
      size="xl"
    >
      {props.opened ? <RoleForm {...props} /> : null}
    </FormModal>
  );
}

function RoleForm({
  me,
  accountId,
  role,
  onClose,
}: {
  me: Me;
  accountId: string;
  role: Role | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const catalog = usePrivilegeCatalog();
  // Only holders of `settings:manage` may read the features; for anyone else the API decides.
  const features = useAccountFeatures(accountId, holds(me, 'settings:manage'));
  const [keyEdited, setKeyEdited] = useState(role !== null);
  const form = useForm<RoleValues>({
    initialValues: {
      key: role?.key ?? '',
      name: role?.name ?? '',
      description: role?.description ?? '',
      privileges: role?.privileges ?? [],
    },
    validate: {
      key: (value) =>
        role !== null || /^[a-z][a-z0-9_]{1,62}$/.test(value)
          ? null
          : 'Lower-case letters, digits and _, starting with a letter (2 to 63 characters)',
      name: (value) => (value.trim() === '' ? 'Name the role' : null),
    },
  });
  const save = useMutation({
    mutationFn: (values: RoleValues) => {
      const privileges = chosenPrivileges(catalog.data?.items ?? [], values.privileges);
      const body = { name: values.name.trim(), description: values.description.trim(), privileges };
      return role === null
        ? ok(
            api.POST('/v1/accounts/{account_id}/roles', {
              params: { path: { account_id: accountId } },
              body: { key: values.key, ...body },
            }),
          )
        : ok(
            api.PATCH('/v1/accounts/{account_id}/roles/{role_key}', {
              params: { path: { account_id: accountId, role_key: role.key } },
              body,
            }),
          );
    },
    onSuccess: async (saved) => {
      await roleChanged(queryClient, accountId);
      notifySuccess(role === null ? `Role ${saved.name} created` : `Role ${saved.name} saved`);
      onClose();
    },
    onError: (error) => {
      // A taken key is the key field's problem when creating; an edit has no key field.
      showFormError(form, error, { conflictField: role === null ? 'key' : undefined });
    },
  });

  if (catalog.isError) return <LoadFailed error={catalog.error} onRetry={() => void catalog.refetch()} />;
  if (catalog.data === undefined || (features.isPending && features.fetchStatus !== 'idle')) {
    return <PageLoader label="Loading privileges" />;
  }
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        save.mutate(values);
      })}
      noValidate
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Name"
            required
            maxLength={100}
            {...form.getInputProps('name')}
            onChange={(event) => {
              const name = event.currentTarget.value;
              form.setFieldValue('name', name);
              if (!keyEdited) form.setFieldValue('key', roleKeyFromName(name));
            }}
          />
          <TextInput
            label="Key"
            description={role === null ? 'How the API names the role; it cannot change later' : 'It cannot change'}
            required={role === null}
            disabled={role !== null}
            maxLength={63}
            {...form.getInputProps('key')}
            onChange={(event) => {
              setKeyEdited(true);
              form.setFieldValue('key', event.currentTarget.value);
            }}
          />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxLength={500} {...form.getInputProps('description')} />
        {features.isError ? (
          <Alert color="yellow" title="The account’s features could not be read">
            Privileges that need a feature are offered anyway; Steward refuses them if the account lacks it.
          </Alert>
        ) : null}
        <PrivilegePicker
          catalog={catalog.data.items}
          features={features.data ?? null}
          value={form.values.privileges}
          error={form.errors.privileges}
          onChange={(privileges) => {
            form.setFieldValue('privileges', privileges);
          }}
        />
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {role === null ? 'Create role' : 'Save role'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The catalog's privileges as checkboxes, account-wide then per environment, by area. */
function PrivilegePicker(props: {
  catalog: Privilege[];
  features: Parameters<typeof groupPrivileges>[1];
  value: string[];
  error: unknown;
  onChange: (privileges: string[]) => void;
}) {
  const groups = useMemo(() => groupPrivileges(props.catalog, props.features), [props.catalog, props.features]);
  const count = props.value.length;
  return (
    <Checkbox.Group
      label="Privileges"
      description={`${String(count)} chosen`}
      value={props.value}
      onChange={props.onChange}
      error={typeof props.error === 'string' ? props.error : undefined}
    >
      <Stack gap="md" mt="xs">
        {groups.map((group) => (
          <Fieldset key={group.level} legend={group.label} variant="filled">
            <Text size="sm" c="dimmed" mb="sm">
              {group.hint}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              {group.areas.map((area) => (
                <Stack key={area.area} gap="xs">
                  <Title order={3} size="h5">
                    {area.label}
                  </Title>
                  {area.choices.map((choice) => (
                    <PrivilegeBox
                      key={choice.privilege.key}
                      choice={choice}
                      checked={props.value.includes(choice.privilege.key)}
                    />
                  ))}
                </Stack>
              ))}
            </SimpleGrid>
          </Fieldset>
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function PrivilegeBox({ choice, checked }: { choice: PrivilegeChoice; checked: boolean }) {
  const { privilege, unavailable, note } = choice;
  const reason = unavailable ?? note;
  return (
    <Checkbox
      value={privilege.key}
      label={privilege.key}
      // One the role already holds can still be unticked, though it could not be added again.
      disabled={unavailable !== null && !checked}
      description={
        <>
          {privilege.description}
          {reason === null ? null : (
            <Text component="span" display="block" size="xs" fw={unavailable === null ? 400 : 600}>
              {reason}
            </Text>
          )}
        </>
      }
    />
  );
}
