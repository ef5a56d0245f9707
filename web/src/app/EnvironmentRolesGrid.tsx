import { Fieldset, Input, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { NO_ROLE, type RoleGrid } from './environment-grants';

/**
 * The role held in each environment of the account, one native select per environment (the
 * browser's own, so every keyboard and screen reader knows it) with the "none" choice first,
 * worded by `noneLabel` ("No access" for a user, "No role" for a team). `isAdmin`: admins hold
 * everything, so for them it says so instead.
 */
export function EnvironmentRolesGrid(props: {
  environments: readonly { environment_id: string; name: string }[];
  roles: readonly { key: string; name: string }[];
  value: RoleGrid;
  onChange: (environmentId: string, role: string) => void;
  noneLabel: string;
  description?: ReactNode;
  isAdmin?: boolean;
  error?: ReactNode;
}) {
  const options = [
    { value: NO_ROLE, label: props.noneLabel },
    ...props.roles.map((role) => ({ value: role.key, label: role.name })),
  ];
  return (
    <Fieldset legend="Role in each environment" variant="unstyled">
      <Stack gap="xs">
        {props.description === undefined ? null : (
          <Text size="sm" c="dimmed">
            {props.description}
          </Text>
        )}
        {props.isAdmin === true ? (
          <Text size="sm" c="dimmed">
            Admins hold every privilege in every environment.
          </Text>
        ) : props.environments.length === 0 ? (
          <Text size="sm" c="dimmed">
            The account has no environments yet.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
            {props.environments.map((environment) => (
              <NativeSelect
                key={environment.environment_id}
                label={environment.name}
                data={options}
                value={props.value[environment.environment_id] ?? NO_ROLE}
                onChange={(event) => {
                  props.onChange(environment.environment_id, event.currentTarget.value);
                }}
              />
            ))}
          </SimpleGrid>
        )}
        {props.error === undefined || props.error === null ? null : <Input.Error>{props.error}</Input.Error>}
      </Stack>
    </Fieldset>
  );
}
