// Runs a built module as a child of the benchmark and reports, on exit, its wall time and peak resident
// memory (the process's own maxRSS) as one JSON line on stderr: what `time -v` would say, on any machine.
const [, , module, ...args] = process.argv;
const started = performance.now();
process.on('exit', () => {
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`${JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
});
process.argv = [process.argv[0], module, ...args];
await import(new URL(`../${module}`, import.meta.url).href);
