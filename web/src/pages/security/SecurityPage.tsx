import { Title } from '@mantine/core';

export function SecurityPage() {
  return (
    <Title order={1} size="h2">
      Security
    </Title>
  );
}
