import type { CSSProperties } from 'react';
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { seatLayout, seatPositionLabel, type SeatView, type SeatingTableView } from '../../../../core/api';
import { isEmpty, samePlace, type PlaceRef } from './seating-edit';

const useStyles = makeStyles({
  plan: {
    display: 'grid',
    gridTemplateColumns: 'minmax(150px, 200px) minmax(120px, 180px) minmax(150px, 200px)',
    gap: tokens.spacingVerticalXS,
    justifyContent: 'start',
    alignItems: 'stretch',
  },
  board: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `2px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    padding: tokens.spacingHorizontalS,
    minHeight: '60px',
  },
  seat: {
    display: 'grid',
    gap: '1px',
    alignContent: 'start',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    minHeight: '52px',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  host: { backgroundColor: tokens.colorBrandBackground2 },
  empty: { border: `1px dashed ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground3 },
  selected: { border: `2px solid ${tokens.colorBrandStroke1}`, boxShadow: tokens.shadow8 },
  number: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  role: { color: tokens.colorNeutralForeground2 },
  honour: { color: tokens.colorPaletteMarigoldForeground2, fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightSemibold },
});

/** A seat as a button: select it (click, Enter, Space) or drag it onto another seat. */
export function SeatButton({
  seat,
  place,
  caption,
  description,
  selection,
  onSelect,
  onDropOn,
  style,
}: {
  seat: SeatView;
  place: PlaceRef;
  caption: string;
  description: string;
  selection: PlaceRef[];
  onSelect: (place: PlaceRef) => void;
  onDropOn: (from: PlaceRef, to: PlaceRef) => void;
  style?: CSSProperties;
}) {
  const styles = useStyles();
  const selected = selection.some((s) => samePlace(s, place));
  const empty = isEmpty(seat);
  const label = `${caption}, ${description}: ${empty ? 'frei' : [seat.label, seat.roleLabel, seat.honour ? 'Ehrengast' : ''].filter(Boolean).join(', ')}`;
  return (
    <button
      type="button"
      className={mergeClasses(styles.seat, seat.side === 'gastgeber' && styles.host, empty && styles.empty, selected && styles.selected)}
      style={style}
      aria-pressed={selected}
      aria-label={label}
      title={description}
      draggable={!empty}
      onClick={() => onSelect(place)}
      onDragStart={(event) => {
        event.dataTransfer.setData('application/x-rathaus-seat', JSON.stringify(place));
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('application/x-rathaus-seat')) event.preventDefault();
      }}
      onDrop={(event) => {
        event.preventDefault();
        const data = event.dataTransfer.getData('application/x-rathaus-seat');
        if (data) onDropOn(JSON.parse(data) as PlaceRef, place);
      }}
    >
      <span className={styles.number}>{caption}</span>
      <span className={styles.name}>{empty ? 'frei' : seat.label}</span>
      {seat.roleLabel && <span className={styles.role}>{seat.roleLabel}</span>}
      {seat.honour && <span className={styles.honour}>Ehrengast</span>}
    </button>
  );
}

/**
 * One table seen from above: the host at the head (top), the seats to the host's right down the
 * left-hand side — the host faces the viewer —, those to the host's left down the right-hand
 * side, the foot (opposite the host) at the bottom.
 */
export function TablePlan({
  table,
  tableIndex,
  selection,
  onSelect,
  onDropOn,
}: {
  table: SeatingTableView;
  tableIndex: number;
  selection: PlaceRef[];
  onSelect: (place: PlaceRef) => void;
  onDropOn: (from: PlaceRef, to: PlaceRef) => void;
}) {
  const styles = useStyles();
  const n = table.seats.length;
  const layout = seatLayout(n);
  const rows = Math.max(layout.hostRight.length, layout.hostLeft.length, 1);
  const seatAt = (index: number, gridRow: number, gridColumn: number) => (
    <SeatButton
      key={index}
      seat={table.seats[index]!}
      place={{ kind: 'seat', table: tableIndex, seat: index }}
      caption={`Platz ${index}`}
      description={seatPositionLabel(index, n)}
      selection={selection}
      onSelect={onSelect}
      onDropOn={onDropOn}
      style={{ gridRow, gridColumn }}
    />
  );
  return (
    <div className={styles.plan} role="group" aria-label={`Tischplan ${table.name}`}>
      {seatAt(0, 1, 2)}
      {n > 1 && (
        <div className={styles.board} style={{ gridRow: `2 / span ${rows}`, gridColumn: 2 }} aria-hidden>
          <Text weight="semibold">{table.name}</Text>
        </div>
      )}
      {layout.hostRight.map((seat, r) => seatAt(seat, r + 2, 1))}
      {layout.hostLeft.map((seat, r) => seatAt(seat, r + 2, 3))}
      {layout.foot !== null && seatAt(layout.foot, rows + 2, 2)}
    </div>
  );
}
