import { Button, Group } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

/**
 * A table row's two actions on the thing it shows: change it (`editLabel`: Edit, Rename) and
 * delete it. Each button's name says which row it acts on ("Delete Ops"), for screen readers.
 */
export function EditDeleteButtons(props: {
  name: string;
  editLabel?: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const editLabel = props.editLabel ?? 'Edit';
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconPencil size={14} aria-hidden />}
        aria-label={`${editLabel} ${props.name}`}
        onClick={props.onEdit}
      >
        {editLabel}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={14} aria-hidden />}
        aria-label={`Delete ${props.name}`}
        onClick={props.onDelete}
      >
        Delete
      </Button>
    </Group>
  );
}
