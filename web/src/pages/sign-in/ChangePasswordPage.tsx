import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { loginUrl } from '../../app/navigation';
import { fetchMe, ME_KEY, useMe } from '../../app/session';
import { landingPath } from '../../app/access';
import { PageLoader } from '../../shell/Loading';
import { PublicPage } from '../../shell/PublicPage';
import { PasswordChangeForm } from './PasswordChangeForm';

/** Where a person whose password is older than an account allows goes before anything else. */
export function ChangePasswordPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (me.isPending) return <PageLoader />;
  if (me.data === null) return <Navigate to={loginUrl('/change-password')} replace />;
  return (
    <PublicPage title="Change your password">
      {me.data?.must_change_password === true ? (
        <Alert color="blue">
          Your password is older than an account you work in allows: choose a new one to go on.
        </Alert>
      ) : null}
      <PasswordChangeForm
        onChanged={async () => {
          const updated = await queryClient.query({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
          await navigate(updated === null ? '/login' : landingPath(updated), { replace: true });
        }}
      />
    </PublicPage>
  );
}
