import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PublicPage } from './PublicPage';

export function NotFoundPage() {
  return (
    <PublicPage title="Page not found">
      <Text>There is no page at this address.</Text>
      <Anchor component={Link} to="/">
        Go to the console
      </Anchor>
    </PublicPage>
  );
}
