import { useQuery } from '@tanstack/react-query';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { ProblemMessage } from '../../ui/ProblemMessage';

/** A request's photo (a doctor's note), read when shown. */
export function AttachmentPhoto({ id, alt }: { id: number; alt: string }) {
  const trpc = useTRPC();
  const photo = useQuery(trpc.requests.attachment.queryOptions({ id }));
  if (!photo.data) return <ProblemMessage problem={problemOf(photo.error)} />;
  return (
    <img
      className="photo"
      alt={alt}
      data-testid="attachment"
      src={`data:${photo.data.contentType};base64,${photo.data.base64}`}
    />
  );
}
