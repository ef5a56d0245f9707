import { Fieldset, Input, NativeSelect, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import type { ChangeEvent, ReactNode } from 'react';
import type { Answer } from '../../api/types';
import { NO_ACCESS, type RoleGrid } from './users.access';

export type Environment = Answer<'list_environments'>['items'][number];
export type Role = Answer<'list_roles'>['items'][number];

/**
 * The role a user holds in each environment of the account, one select per environment with
 * "No access" first. Admins hold everything, so for them it says so instead.
 */
export function EnvironmentRolesGrid(props: {
  environments: readonly Environment[];
  roles: readonly Role[];
  value: RoleGrid;
  onChange: (environmentId: string, role: string) => void;
  isAdmin: boolean;
  error?: ReactNode;
}) {
  const options = [
    { value: NO_ACCESS, label: 'No access' },
    ...props.roles.map((role) => ({ value: role.key, label: role.name })),
  ];
  return (
    <Fieldset legend="Role in each environment" variant="unstyled">
      {props.isAdmin ? (
        <Text size="sm" c="dimmed">
          Admins hold every privilege in every environment.
        </Text>
      ) : props.environments.length === 0 ? (
        <Text size="sm" c="dimmed">
          The account has no environments yet.
        </Text>
      ) : (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
            {props.environments.map((environment) => (
              <NativeSelect
                key={environment.environment_id}
                label={environment.name}
                data={options}
                value={props.value[environment.environment_id] ?? NO_ACCESS}
                onChange={(event) => {
                  props.onChange(environment.environment_id, event.currentTarget.value);
                }}
              />
            ))}
          </SimpleGrid>
          {props.error === undefined || props.error === null ? null : <Input.Error>{props.error}</Input.Error>}
        </Stack>
      )}
    </Fieldset>
  );
}

export interface LoginMethods {
  allow_login_password: boolean;
  allow_login_google: boolean;
  allow_login_sso: boolean;
}

/** How the user may sign in. `ssoFixed`: the edit API cannot change single sign-on, so it only shows it. */
export function LoginMethodSwitches(props: {
  value: LoginMethods;
  onChange: (method: keyof LoginMethods, allowed: boolean) => void;
  ssoFixed?: boolean;
}) {
  const toggle = (method: keyof LoginMethods) => (event: ChangeEvent<HTMLInputElement>) => {
    props.onChange(method, event.currentTarget.checked);
  };
  return (
    <Fieldset legend="Sign-in methods" variant="unstyled">
      <Stack gap="xs">
        <Switch label="Password" checked={props.value.allow_login_password} onChange={toggle('allow_login_password')} />
        <Switch label="Google" checked={props.value.allow_login_google} onChange={toggle('allow_login_google')} />
        <Switch
          label="Single sign-on (SSO)"
          checked={props.value.allow_login_sso}
          onChange={toggle('allow_login_sso')}
          disabled={props.ssoFixed ?? false}
          description={props.ssoFixed === true ? 'Set when the user was invited' : undefined}
        />
      </Stack>
    </Fieldset>
  );
}
