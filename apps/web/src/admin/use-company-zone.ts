import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import { usableZone } from '../time/usable-zone';

/**
 * The company's time zone from its settings, in which the admin's screens show every time; null
 * until the settings are read (the default zone if they cannot be).
 */
export function useCompanyZone(): string | null {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  if (settings.data) return usableZone(settings.data.timeZone);
  return settings.isError ? usableZone(undefined) : null;
}
