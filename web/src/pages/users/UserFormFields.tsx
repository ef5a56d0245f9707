import { Fieldset, Stack, Switch } from '@mantine/core';
import type { ChangeEvent } from 'react';
import type { Answer } from '../../api/types';

export type Environment = Answer<'list_environments'>['items'][number];
export type Role = Answer<'list_roles'>['items'][number];

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
