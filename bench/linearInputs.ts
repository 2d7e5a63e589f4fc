// Inputs that once made validation slower than linear (issue 15), each at a size parameter `n` (the size the issue
// gives is n = 1): validation time should grow at most about linearly as n doubles.
export const LINEAR_INPUTS: ReadonlyArray<{ readonly name: string; readonly make: (n: number) => string }> = [
  { name: '"- " × 10,000 on one line (20 KB)', make: (n) => '- '.repeat(10_000 * n) + '\n' },
  { name: '[^x] × 50,000, definition in another chunk', make: (n) => '[^x]'.repeat(50_000 * n) + '\n\n[^x]: The note.\n' },
  { name: '"*" × 8,000, a, "*" × 8,000', make: (n) => '*'.repeat(8_000 * n) + 'a' + '*'.repeat(8_000 * n) + '\n' },
  { name: '"十" × 80,000 then 分之九', make: (n) => '十'.repeat(80_000 * n) + '分之九\n' },
];
