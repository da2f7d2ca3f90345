import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The layout of the app's form dialogs (appointment, invitation, speech): one column no wider than
 * the dialog, so long lines wrap instead of widening it past its edge; rows as tall as their
 * content, so the content scrolls and a message bar (overflow hidden) is not squeezed.
 */
export const useFormDialogStyles = makeStyles({
  surface: { width: '94vw', maxWidth: '980px' },
  content: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gridAutoRows: 'max-content', gap: tokens.spacingVerticalM },
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start', '& > *': { minWidth: 0 } },
  section: { margin: `${tokens.spacingVerticalS} 0 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '2px' },
});

/** The layout of a register page (invitations, speeches): a heading row, filters, a table with overdue rows marked. */
export const useRegisterPageStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  row: { cursor: 'pointer' },
  overdue: { backgroundColor: tokens.colorPaletteRedBackground1 },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  stack: { display: 'grid', gap: '2px' },
  badges: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
});
