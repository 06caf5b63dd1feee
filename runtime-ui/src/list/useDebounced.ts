import { useEffect, useRef, useState } from 'react';

/**
 * A text input's own value that reports to `commit` once typing pauses for `delay` ms, and follows
 * `external` when it changes from outside (a removed chip, an applied view, the back button).
 */
export function useDebouncedText(
  external: string,
  commit: (value: string) => void,
  delay = 250,
): [string, (value: string) => void] {
  const [value, setValue] = useState(external);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef(false);

  useEffect(() => {
    if (!pending.current) setValue(external);
  }, [external]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: string) => {
    setValue(next);
    pending.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      pending.current = false;
      commitRef.current(next);
    }, delay);
  };
  return [value, change];
}
