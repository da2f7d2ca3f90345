import type { BadgeProps } from '@fluentui/react-components';
import type { ChannelKey, PostStatus } from '../../../../core/api';

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

/** Each channel's colour in the plan (the text on it follows `textColorOn`). */
export const CHANNEL_COLORS: Record<ChannelKey, string> = {
  portal: '#0f6cbd',
  intranet: '#5c2e91',
  facebook: '#1b3a6b',
  instagram: '#c239b3',
  x: '#242424',
  mastodon: '#4f52b2',
  bluesky: '#0099bc',
  threads: '#616161',
  linkedin: '#005b70',
  youtube: '#a4262c',
  whatsapp: '#107c10',
};
