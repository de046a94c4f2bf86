import type { ShiftType } from './shift-type';

/** A shift type's code on its colour, as the roster shows it. */
export function ShiftChip({ type }: { type: Pick<ShiftType, 'code' | 'color' | 'name'> }) {
  return (
    <span className="chip" style={{ background: type.color }} title={type.name}>
      {type.code}
    </span>
  );
}
