import { useState, type ReactNode } from 'react';

export interface Card {
  id: string;
  label: string;
  /** Object URL of a small JPEG, once made. */
  thumb?: string | undefined;
  /** Clockwise turn shown on the thumbnail. */
  rotate: number;
  problem?: boolean;
}

/**
 * Pages or photos as cards, in order: drag a card onto another to move it there (or use ← →),
 * with each card's own buttons below it.
 */
export function CardGrid({
  cards,
  onMove,
  tools,
}: {
  cards: Card[];
  onMove: (from: number, to: number) => void;
  tools: (card: Card, index: number) => ReactNode;
}) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  return (
    <div className="grid" role="list">
      {cards.map((c, i) => (
        <div
          key={c.id}
          role="listitem"
          className={`card${dragging === i ? ' dragging' : ''}${target === i && dragging !== i ? ' target' : ''}${c.problem ? ' problem' : ''}`}
          data-card={c.label}
          draggable
          onDragStart={(e) => {
            setDragging(i);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', c.id);
          }}
          onDragOver={(e) => {
            e.preventDefault();
            if (target !== i) setTarget(i);
          }}
          onDragLeave={() => setTarget((t) => (t === i ? null : t))}
          onDrop={(e) => {
            e.preventDefault();
            if (dragging !== null && dragging !== i) onMove(dragging, i);
            setDragging(null);
            setTarget(null);
          }}
          onDragEnd={() => {
            setDragging(null);
            setTarget(null);
          }}
        >
          <div className="pic">
            {c.thumb ? (
              <img src={c.thumb} alt={c.label} style={{ transform: `rotate(${c.rotate}deg)` }} draggable={false} />
            ) : (
              <span>…</span>
            )}
          </div>
          <div className="name" title={c.label}>
            {i + 1}. {c.label}
          </div>
          <div className="tools">
            <button
              type="button"
              className="btn small"
              aria-label="前移"
              disabled={i === 0}
              onClick={() => onMove(i, i - 1)}
            >
              ←
            </button>
            <button
              type="button"
              className="btn small"
              aria-label="后移"
              disabled={i === cards.length - 1}
              onClick={() => onMove(i, i + 1)}
            >
              →
            </button>
            {tools(c, i)}
          </div>
        </div>
      ))}
    </div>
  );
}

export function moved<T>(list: T[], from: number, to: number): T[] {
  const next = list.slice();
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x!);
  return next;
}

export const turn = (r: number, by: number) => ((((r + by) % 360) + 360) % 360) as 0 | 90 | 180 | 270;
