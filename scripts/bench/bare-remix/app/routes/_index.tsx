// No loader, no layout: what a Remix page costs before the site adds anything.
export default function BarePage() {
  return (
    <section>
      <h1>基准页 · Benchmark baseline</h1>
      <p>A bare Remix page: no layout, no loader.</p>
    </section>
  );
}
