import { Field } from '../../ui/Field';
import { useAdminLang } from '../use-admin-lang';
import type { ShiftTimesDraft } from './shift-checks';

/** A shift's clock-in and clock-out as wall-clock times in the company's zone. */
export function ShiftTimesFields({
  times,
  zone,
  outRequired,
  onChange,
}: {
  times: ShiftTimesDraft;
  zone: string;
  outRequired: boolean;
  onChange: (times: ShiftTimesDraft) => void;
}) {
  const { t } = useAdminLang();
  return (
    <>
      <Field label={`${t('in')} (${zone})`}>
        <input
          type="datetime-local"
          required
          value={times.clockIn}
          onChange={(event) => onChange({ ...times, clockIn: event.target.value })}
        />
      </Field>
      <Field label={`${t('out')} (${zone})`}>
        <input
          type="datetime-local"
          required={outRequired}
          value={times.clockOut}
          onChange={(event) => onChange({ ...times, clockOut: event.target.value })}
        />
      </Field>
    </>
  );
}
