import { Title } from '@mantine/core';

export function MySettingsPage() {
  return (
    <Title order={1} size="h2">
      My settings
    </Title>
  );
}
