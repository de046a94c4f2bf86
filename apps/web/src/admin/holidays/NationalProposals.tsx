import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import type { Formatters } from '../../i18n/format';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { EditForm } from '../ui/EditForm';
import { useAdminLang } from '../use-admin-lang';

/**
 * Indonesia's national holidays of a year, as proposed by the server, to tick and confirm for every
 * site; dates that already have a holiday are shown with it and left unticked.
 */
export function NationalProposals({
  year,
  f,
  onDone,
}: {
  year: number;
  f: Formatters;
  onDone: () => void;
}) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const proposals = useQuery(trpc.admin.holidays.propose.queryOptions({ year }));
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const confirm = useMutation(
    trpc.admin.holidays.confirm.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.admin.holidays.pathFilter());
        onDone();
      },
    }),
  );
  const items = proposals.data ?? [];
  const chosen = items.filter((item) => !item.existing && !unticked.has(item.date));
  const toggle = (date: string) => {
    const next = new Set(unticked);
    if (next.has(date)) next.delete(date);
    else next.add(date);
    setUnticked(next);
  };
  return (
    <EditForm
      title={t('proposalsTitle', { year })}
      saveLabel={t('confirmChosen')}
      saving={[confirm]}
      onCancel={onDone}
      onSubmit={() => {
        if (chosen.length > 0) confirm.mutate({ year, dates: chosen.map((item) => item.date) });
      }}
    >
      <ProblemMessage problem={problemOf(proposals.error)} retry={() => void proposals.refetch()} />
      <p className="muted">{t('proposalsHelp')}</p>
      <ul className="proposals" data-testid="proposals">
        {items.map((item) => (
          <li key={item.date}>
            <label className="check">
              <input
                type="checkbox"
                disabled={item.existing !== null}
                checked={!item.existing && !unticked.has(item.date)}
                onChange={() => toggle(item.date)}
              />
              <span>
                {f.date(item.date)} — {item.name}
                {item.existing && (
                  <span className="muted">
                    {' '}
                    ({t('alreadyHoliday', { name: item.existing.name })})
                  </span>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p>{t('proposalsChosen', { count: chosen.length })}</p>
    </EditForm>
  );
}
