import { Box, Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the pages before signing in: the name, a heading, one card. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="main" mih="100vh" bg="gray.0" py="xl">
      <Container size={460} px="md">
        <Stack gap="lg">
          <Center>
            <Group gap="xs">
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Text fw={700} size="xl">
                Steward
              </Text>
            </Group>
          </Center>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <Stack gap="md">
              <Title order={1} size="h3">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
