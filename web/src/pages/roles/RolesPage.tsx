import { Title } from '@mantine/core';

export function RolesPage() {
  return (
    <Title order={1} size="h2">
      Roles
    </Title>
  );
}
