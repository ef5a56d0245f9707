import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** A dialog holding a long form: full screen on a phone, where a centred box would leave it no room. */
export function FormModal(props: Pick<ModalProps, 'opened' | 'onClose' | 'title' | 'size' | 'children'>) {
  const narrow = useMediaQuery('(max-width: 48em)');
  return <Modal {...props} fullScreen={narrow} />;
}
