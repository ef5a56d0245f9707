import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A page's heading, a line under it (how many there are, or what the page is for; read out when
 * it changes) and the page's main action on the right.
 */
export function PageHeader({ title, summary, action }: { title: string; summary?: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {summary === undefined ? null : (
          <Text size="sm" aria-live="polite">
            {summary}
          </Text>
        )}
      </Stack>
      {action}
    </Group>
  );
}
