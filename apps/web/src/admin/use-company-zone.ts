import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import { useSession } from '../auth/session';
import { usableZone } from '../time/usable-zone';

/**
 * The company's time zone, in which the admin's screens show every time: from the settings for an
 * admin, from the person's own day (which carries them) for a manager, who may not read settings;
 * null until known (the default zone if it cannot be read).
 */
export function useCompanyZone(): string | null {
  const trpc = useTRPC();
  const admin = useSession().me.role === 'admin';
  const settings = useQuery({ ...trpc.admin.settings.get.queryOptions(), enabled: admin });
  const today = useQuery({ ...trpc.attendance.today.queryOptions(), enabled: !admin });
  const zone = admin ? settings.data?.timeZone : today.data?.settings.timeZone;
  if (zone) return usableZone(zone);
  return (admin ? settings : today).isError ? usableZone(undefined) : null;
}
