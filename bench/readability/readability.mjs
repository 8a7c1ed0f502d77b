// Times @mozilla/readability (with jsdom) over the pages in a folder: prints "pages seconds".
// Install once: (cd bench/readability && npm install)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const [dir, countArg] = process.argv.slice(2);
const count = Number(countArg);
const pages = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), "utf8"));
const quiet = new VirtualConsole();
const extract = (html) => {
  const dom = new JSDOM(html, { url: "https://example.org/", virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article?.textContent?.length ?? 0;
};
for (let i = 0; i < Math.min(20, count); i++) extract(pages[i % pages.length]);
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) extract(pages[i % pages.length]);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${count} ${seconds}`);
