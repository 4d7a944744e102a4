import { describe, expect, it } from 'vitest';
import { formatDuration, formatSize, formatTime } from '../../src/core/format';

describe('format', () => {
  it('formats sizes and durations', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2.0 kB');
    expect(formatSize(undefined)).toBe('—');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1500)).toBe('1.50 s');
  });
  it('formats a clock time to the millisecond', () => {
    expect(formatTime(new Date(2026, 0, 2, 3, 4, 5, 6).getTime())).toBe('03:04:05.006');
    expect(formatTime(undefined)).toBe('—');
  });
});
