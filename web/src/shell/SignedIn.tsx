import { Navigate, Outlet, useLocation } from 'react-router';
import { loginUrl } from '../app/navigation';
import { useMe } from '../app/session';
import { LoadFailed, PageLoader } from './Loading';
import { Shell } from './Shell';

/**
 * The pages of a signed-in person, inside the shell. Nobody signed in goes to the login page
 * (and comes back here after); a person who must enrol 2FA or change an expired password does
 * that first, as the API refuses them everything else until then.
 */
export function SignedIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <main>
        <LoadFailed error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (me.data === null) return <Navigate to={loginUrl(location.pathname + location.search)} replace />;
  if (me.data.must_enrol_two_factor) return <Navigate to="/two-factor/enrol" replace />;
  if (me.data.must_change_password) return <Navigate to="/change-password" replace />;
  return (
    <Shell me={me.data}>
      <Outlet />
    </Shell>
  );
}
