import { useEffect } from 'react';
import { FIX_LABELS, type FixEvent, type FixRequest } from '../../fix/protocol';
import { Assemble } from './Assemble';
import { Edit } from './Edit';
import { Folder } from './Folder';
import { Split } from './Split';
import type { ToolProps } from './Shell';

/** The tools the admin works in, in a dialog over the host page (Element UI's look). */
export function ToolDialog({
  request,
  onDone,
}: {
  request: FixRequest;
  onDone: (ev: FixEvent, transfer?: Transferable[]) => void;
}) {
  const cancel = () => onDone({ kind: 'cancel' });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const props: ToolProps = {
    request,
    result: (file, stats) => onDone({ kind: 'result', file, stats }, [file.bytes]),
    handoff: (items) =>
      onDone(
        { kind: 'handoff', items },
        items.map((i) => i.file.bytes),
      ),
    cancel,
  };
  const tool = request.tool;
  return (
    <div className="mask">
      <div className="dialog" role="dialog" aria-modal="true" aria-label={FIX_LABELS[tool]}>
        {tool === 'assemble' ? (
          <Assemble {...props} />
        ) : tool === 'edit' ? (
          <Edit {...props} />
        ) : tool === 'split' ? (
          <Split {...props} />
        ) : tool === 'folder' ? (
          <Folder {...props} />
        ) : null}
      </div>
    </div>
  );
}
