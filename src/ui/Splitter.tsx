/**
 * A pane divider: drag it, or focus it and use the arrow keys (WCAG 2.5.7
 * asks for a way that is not dragging). It reports a fraction of the parent.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  readonly direction: 'vertical' | 'horizontal';
  readonly value: number;
  readonly onChange: (fraction: number) => void;
  readonly label: string;
}

const clamp = (n: number): number => Math.min(0.85, Math.max(0.15, n));

export function Splitter({ direction, value, onChange, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const vertical = direction === 'vertical';

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const box = parent.getBoundingClientRect();
    const move = (e: globalThis.PointerEvent): void => {
      onChange(clamp(vertical ? (e.clientX - box.left) / box.width : (e.clientY - box.top) / box.height));
    };
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const less = vertical ? 'ArrowLeft' : 'ArrowUp';
    const more = vertical ? 'ArrowRight' : 'ArrowDown';
    if (event.key === less) onChange(clamp(value - 0.05));
    else if (event.key === more) onChange(clamp(value + 0.05));
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={ref}
      className={`splitter ${direction}`}
      role="separator"
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-label={label}
      aria-valuenow={Math.round(value * 100)}
      aria-valuemin={15}
      aria-valuemax={85}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
