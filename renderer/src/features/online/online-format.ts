import type { BadgeProps } from '@fluentui/react-components';
import type { PostStatus } from '../../../../core/api';

export const POST_STATUS_COLORS: Record<PostStatus, BadgeProps['color']> = {
  idee: 'subtle',
  entwurf: 'informative',
  zur_freigabe: 'warning',
  freigegeben: 'success',
  geplant: 'brand',
  veroeffentlicht: 'brand',
  zurueckgezogen: 'subtle',
};

/** The first words of a post's text for a register row. */
export function excerpt(text: string, max = 90): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
