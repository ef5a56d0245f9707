import { Navigate } from 'react-router';
import { useMe } from '../app/session';
import { landingPath } from '../app/access';

/** `/` opens the page the person chose as their landing page (My settings). */
export function Landing() {
  const me = useMe();
  if (me.data === undefined || me.data === null) return null;
  return <Navigate to={landingPath(me.data)} replace />;
}
