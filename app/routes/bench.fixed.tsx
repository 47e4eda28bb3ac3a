/**
 * The benchmark's baseline (`npm run bench`): a page rendered by Remix inside the site's layout,
 * with a loader that touches no database. What it costs is what the framework costs; the other
 * pages are measured against it. Not public: 404 unless the server runs with BENCH_ROUTES=1.
 */
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { env } from "~/utils/env.server";

export function loader() {
  if (!env().BENCH_ROUTES) throw new Response("Not found", { status: 404 });
  return { items: ["普洱茶", "红米", "牦牛肉干", "核桃", "彝绣"] };
}

export const meta: MetaFunction = () => [
  { title: "基准页 · Benchmark baseline" },
  { name: "robots", content: "noindex" },
];

export default function BenchFixed() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <section className="py-6">
      <h1 className="text-2xl font-bold">基准页 · Benchmark baseline</h1>
      <p className="mt-2 text-stone-700">A fixed page: no database, the same layout as every other page.</p>
      <ul className="mt-4 list-disc pl-6">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
