import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import { usableZone } from '../time/usable-zone';

/** The company's time zone from its settings, in which the admin's screens show every time. */
export function useCompanyZone(): string {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  return usableZone(settings.data?.timeZone);
}
