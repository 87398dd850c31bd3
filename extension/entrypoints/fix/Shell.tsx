/** What every tool's dialog is made of: the props it gets, its frame, its progress bar. */
import type { ReactNode } from 'react';
import type { FixRequest, FixStats, HandoffItem, InputFile } from '../../fix/protocol';

export interface ToolProps {
  request: FixRequest;
  /** The finished file for the member's upload. */
  result(file: InputFile, stats: FixStats): void;
  /** Files for several members (split, folder). */
  handoff(items: HandoffItem[]): void;
  cancel(): void;
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
