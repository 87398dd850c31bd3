import { useEffect, type ReactNode } from 'react';
import {
  FIX_LABELS,
  type FixEvent,
  type FixRequest,
  type FixStats,
  type HandoffItem,
  type InputFile,
} from '../../fix/protocol';
import { Assemble } from './Assemble';
import { Edit } from './Edit';
import { Folder } from './Folder';
import { Split } from './Split';

export interface ToolProps {
  request: FixRequest;
  /** The finished file for the member's upload. */
  result(file: InputFile, stats: FixStats): void;
  /** Files for several members (split, folder). */
  handoff(items: HandoffItem[]): void;
  cancel(): void;
}

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

/** The dialog's frame: title with the member, content, and a footer with status and buttons. */
export function Shell({
  title,
  who,
  status,
  children,
  buttons,
  onClose,
}: {
  title: string;
  who?: string | undefined;
  status?: ReactNode;
  children: ReactNode;
  buttons: ReactNode;
  onClose: () => void;
}) {
  return (
    <>
      <header>
        <h2>{title}</h2>
        {who ? <span className="who">{who}</span> : null}
        <button className="close" type="button" aria-label="关闭" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="content">{children}</div>
      <footer>
        <span className="status">{status}</span>
        {buttons}
      </footer>
    </>
  );
}

export function memberLine(m: FixRequest['member']): string | undefined {
  if (!m) return undefined;
  return `${m.name}${m.devNumber ? ` · 发展团员编号 ${m.devNumber}` : ''}${m.joinedOn ? ` · 入团时间 ${m.joinedOn}` : ''}`;
}

export function Progress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {label} {total ? `${done}/${total}` : ''}
      <span className="progress">
        <i style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
      </span>
    </span>
  );
}

/** A thumbnail's object URL from JPEG bytes. */
export function blobUrl(bytes: ArrayBuffer): string {
  return URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' }));
}
