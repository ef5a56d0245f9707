import { Title } from '@mantine/core';

export function EnvironmentsPage() {
  return (
    <Title order={1} size="h2">
      Environments
    </Title>
  );
}
