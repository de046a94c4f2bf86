import { problemOf } from '../../api/errors';
import { ProblemMessage } from '../../ui/ProblemMessage';

/** A list screen's top: its title, a button for a new one, what the screen is for, a failed read. */
export function ScreenHead({
  title,
  newLabel,
  onNew,
  help,
  list,
}: {
  title: string;
  newLabel: string;
  onNew: () => void;
  help: string;
  /** The screen's list as read: its failure is said, with a retry. */
  list: { error: unknown; refetch: () => unknown };
}) {
  return (
    <>
      <div className="row between">
        <h1>{title}</h1>
        <button className="button primary" onClick={onNew}>
          {newLabel}
        </button>
      </div>
      <p className="muted">{help}</p>
      <ProblemMessage problem={problemOf(list.error)} retry={() => void list.refetch()} />
    </>
  );
}
