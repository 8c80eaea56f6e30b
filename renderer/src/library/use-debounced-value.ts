import { useEffect, useState } from 'react';

/** The value after it has stopped changing for `delay` ms (search as you type without a call per key). */
export const useDebouncedValue = <T,>(value: T, delay: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
};
