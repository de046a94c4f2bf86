import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import { DEFAULT_ZONE } from '../time/default-zone';

/** The company's time zone from its settings, in which the admin's screens show every time. */
export function useCompanyZone(): string {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  return settings.data?.timeZone ?? DEFAULT_ZONE;
}
