/** Lines of a child's output as they come, and a way to wait for one. */
export function lines(stream: NodeJS.ReadableStream) {
  const seen: string[] = [];
  let buffer = '';
  let waiters: (() => void)[] = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    seen.push(...parts);
    for (const wake of waiters) wake();
  });
  const waitFor = (pattern: RegExp, after: number, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in ${timeoutMs} ms; got:\n${seen.join('\n')}`)), timeoutMs);
      const look = () => {
        const line = seen.slice(after).find((l) => pattern.test(l));
        if (line === undefined) return;
        clearTimeout(timer);
        waiters = waiters.filter((w) => w !== look);
        resolve(line);
      };
      waiters.push(look);
      look();
    });
  return { seen, waitFor };
}
