import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { errorMessage } from '../api/errors';

export function PageLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Center mih={240} role="status" aria-live="polite">
      <Loader aria-label={label} />
    </Center>
  );
}

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title="This could not be loaded" role="alert">
      <Stack gap="sm" align="flex-start">
        {errorMessage(error)}
        {onRetry === undefined ? null : (
          <Button variant="outline" color="red" size="xs" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
