import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blinkCursor, keepTextareaEmpty } from './cursorBlink.js';

/** The little of a DOM these helpers touch: a class list and a focusable textarea with a value. */
function fakeHost() {
  const classes = new Set<string>();
  const host = {
    classList: {
      toggle: (name: string) => (classes.has(name) ? classes.delete(name) : classes.add(name)),
      remove: (name: string) => classes.delete(name),
    },
  } as unknown as HTMLElement;
  return { host, off: () => classes.has('cursor-off') };
}

function fakeTextarea(focused: boolean) {
  const target = new EventTarget() as EventTarget & { value: string; ownerDocument: { activeElement: unknown } };
  target.value = '';
  target.ownerDocument = { activeElement: focused ? target : null };
  return target as unknown as HTMLTextAreaElement;
}

function inputEvent(inputType: string, isComposing = false): Event {
  return Object.assign(new Event('input'), { inputType, isComposing });
}

describe('blinkCursor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hides and shows the focused cursor every 530 ms, shows it again on output, and stops on blur', () => {
    const { host, off } = fakeHost();
    const textarea = fakeTextarea(true);
    const blink = blinkCursor(host, textarea);
    expect(off()).toBe(false);
    vi.advanceTimersByTime(530);
    expect(off()).toBe(true);
    vi.advanceTimersByTime(530);
    expect(off()).toBe(false);
    vi.advanceTimersByTime(530);
    expect(off()).toBe(true);
    blink.wake();
    expect(off()).toBe(false);
    vi.advanceTimersByTime(529);
    expect(off()).toBe(false);
    textarea.dispatchEvent(new Event('blur'));
    vi.advanceTimersByTime(5000);
    expect(off()).toBe(false);
    blink.dispose();
  });

  it('does not blink an unfocused terminal until it gets focus', () => {
    const { host, off } = fakeHost();
    const textarea = fakeTextarea(false);
    const blink = blinkCursor(host, textarea);
    vi.advanceTimersByTime(530);
    expect(off()).toBe(false);
    blink.wake();
    vi.advanceTimersByTime(530);
    expect(off()).toBe(false);
    textarea.dispatchEvent(new Event('focus'));
    vi.advanceTimersByTime(530);
    expect(off()).toBe(true);
    blink.dispose();
    expect(off()).toBe(false);
    vi.advanceTimersByTime(530);
    expect(off()).toBe(false);
  });
});

describe('keepTextareaEmpty', () => {
  it('empties the textarea after inserted text, but not while composing or for a screen reader', () => {
    const textarea = fakeTextarea(true);
    const options = { screenReaderMode: false };
    const release = keepTextareaEmpty({ textarea, options });
    textarea.value = 'docker ps';
    textarea.dispatchEvent(inputEvent('insertText'));
    expect(textarea.value).toBe('');
    textarea.value = 'にほ';
    textarea.dispatchEvent(inputEvent('insertCompositionText', true));
    expect(textarea.value).toBe('にほ');
    textarea.value = 'docker ps';
    options.screenReaderMode = true;
    textarea.dispatchEvent(inputEvent('insertText'));
    expect(textarea.value).toBe('docker ps');
    options.screenReaderMode = false;
    release();
    textarea.dispatchEvent(inputEvent('insertText'));
    expect(textarea.value).toBe('docker ps');
  });
});
